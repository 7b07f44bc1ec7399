import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createdPackageId,
  DEFAULT_INSTALL_WAIT_MINUTES,
  DEFAULT_PUBLISH_WAIT_MINUTES,
  DEFAULT_VERSION_WAIT_MINUTES,
  parseOptions,
  planCreate,
  planInstall,
  planVersion,
  recordPackageId,
  type Plan
} from '../packageCommands';
import {
  PACKAGE_ID_PLACEHOLDER,
  readProjectDefinition,
  type ProjectDefinition
} from '../projectDefinition';
import { PROJECT_ROOT, showCommand } from '../runSf';

const PACKAGE = 'Strategic Sales Management';
const PACKAGE_ID = '0Ho5I000000k9f5SAA';

function project(aliases: Record<string, string>): ProjectDefinition {
  return {
    packageDirectories: [
      {
        path: 'force-app',
        default: true,
        package: PACKAGE,
        versionName: 'Strategic Sales Management 0.1',
        versionNumber: '0.1.0.NEXT',
        versionDescription: 'Strategy, guidance and KPIs.'
      }
    ],
    namespace: '',
    packageAliases: aliases
  };
}

const unfilled = project({ [PACKAGE]: PACKAGE_ID_PLACEHOLDER });
const filled = project({ [PACKAGE]: PACKAGE_ID });
const withVersions = project({
  [PACKAGE]: PACKAGE_ID,
  [`${PACKAGE}@0.1.0-2`]: '04t5I000001eey9QAA',
  [`${PACKAGE}@0.1.0-10`]: '04t5I000001eeyOQAQ',
  [`${PACKAGE}@0.1.0-9`]: '04t5I000001eewrQAA',
  [`${PACKAGE}@0.2.0-1-feature`]: '04t5I000001eezzQAA'
});

function value<T>(plan: Plan<T>): T {
  if (!plan.ok) throw new Error(`expected a plan, got the refusal: ${plan.message}`);
  return plan.value;
}

function refusal<T>(plan: Plan<T>): string {
  if (plan.ok) throw new Error(`expected a refusal, got ${JSON.stringify(plan.value)}`);
  return plan.message;
}

describe('package:version', () => {
  it('creates a version of the package with code coverage, no installation key and a wait', () => {
    expect(value(planVersion([], filled))).toEqual([
      'package',
      'version',
      'create',
      '--package',
      PACKAGE,
      '--code-coverage',
      '--installation-key-bypass',
      '--wait',
      String(DEFAULT_VERSION_WAIT_MINUTES)
    ]);
  });

  it('passes the Dev Hub, the wait and a tag when given', () => {
    expect(
      value(planVersion(['-v', 'devhub', '--wait=120', '--tag', 'abc123'], filled)).slice(7)
    ).toEqual(['--wait', '120', '--target-dev-hub', 'devhub', '--tag', 'abc123']);
    expect(value(planVersion(['--target-dev-hub', 'hub'], filled))).toContain('hub');
  });

  it('refuses while the package id is still the placeholder, and says how to create it', () => {
    const message = refusal(planVersion([], unfilled));
    expect(message).toContain(`still holds the placeholder "${PACKAGE_ID_PLACEHOLDER}"`);
    expect(message).toContain('npm run package:create -- -v <dev hub alias>');
    expect(message).toContain(`--name "${PACKAGE}" --package-type Unlocked --no-namespace`);
  });

  it('refuses a missing or malformed package id', () => {
    expect(refusal(planVersion([], project({})))).toContain(
      `has no packageAliases entry for the package "${PACKAGE}"`
    );
    expect(refusal(planVersion([], project({ [PACKAGE]: '0Ho123' })))).toContain(
      'which is not a package id'
    );
  });

  it('refuses a project without a package, unknown options and a wait that is not minutes', () => {
    expect(refusal(planVersion([], { packageDirectories: [{ path: 'force-app' }] }))).toContain(
      'sfdx-project.json names no package'
    );
    expect(refusal(planVersion(['--skip-validation'], filled))).toMatch(
      /^unknown option "--skip-validation"\nusage: npm run package:version/
    );
    expect(refusal(planVersion(['-w', '0'], filled))).toBe(
      '--wait takes whole minutes (1 or more), not "0"'
    );
    expect(refusal(planVersion(['-v'], filled))).toMatch(/^option "-v" needs a value/);
  });
});

describe('package:install', () => {
  it('installs the newest recorded version, by number not by text, for admins only', () => {
    const plan = value(planInstall(['-o', 'my-org'], withVersions));
    expect(plan.version).toBe(`${PACKAGE}@0.1.0-10`);
    expect(plan.args).toEqual([
      'package',
      'install',
      '--package',
      `${PACKAGE}@0.1.0-10`,
      '--target-org',
      'my-org',
      '--wait',
      String(DEFAULT_INSTALL_WAIT_MINUTES),
      '--publish-wait',
      String(DEFAULT_PUBLISH_WAIT_MINUTES),
      '--no-prompt',
      '--security-type',
      'AdminsOnly'
    ]);
  });

  it('installs a given version alias or 04t id, with the waits and upgrade type given', () => {
    expect(value(planInstall(['-o', 'ci', '-p', `${PACKAGE}@0.1.0-2`], withVersions)).version).toBe(
      `${PACKAGE}@0.1.0-2`
    );
    const plan = value(
      planInstall(
        [
          '--target-org',
          'ci',
          '--package',
          '04t000000000001AAA',
          '-w',
          '45',
          '--publish-wait',
          '5',
          '--upgrade-type',
          'DeprecateOnly'
        ],
        unfilled
      )
    );
    expect(plan.args).toEqual([
      'package',
      'install',
      '--package',
      '04t000000000001AAA',
      '--target-org',
      'ci',
      '--wait',
      '45',
      '--publish-wait',
      '5',
      '--no-prompt',
      '--security-type',
      'AdminsOnly',
      '--upgrade-type',
      'DeprecateOnly'
    ]);
  });

  it('refuses when no version exists yet, saying how to make one', () => {
    const message = refusal(planInstall(['-o', 'my-org'], filled));
    expect(message).toContain(`No version of the package "${PACKAGE}" is recorded`);
    expect(message).toContain('Create one with npm run package:version');
  });

  it('refuses before the package exists, with the steps in order', () => {
    const message = refusal(planInstall(['-o', 'my-org'], unfilled));
    expect(message).toContain('nothing to install');
    expect(message).toContain('npm run package:create');
    expect(message.indexOf('package:create')).toBeLessThan(message.indexOf('package:version'));
  });

  it('ignores versions built on a branch when choosing the newest', () => {
    const onlyBranch = project({
      [PACKAGE]: PACKAGE_ID,
      [`${PACKAGE}@0.2.0-1-feature`]: '04t5I000001eezzQAA'
    });
    expect(refusal(planInstall(['-o', 'x'], onlyBranch))).toContain('No version');
  });

  it('refuses without a target org, an unknown version and an unknown upgrade type', () => {
    expect(refusal(planInstall([], withVersions))).toMatch(
      /^Name the org to install into with -o <org alias>\.\nusage: npm run package:install/
    );
    expect(refusal(planInstall(['-o', 'x', '-p', `${PACKAGE}@9.9.9-9`], withVersions))).toContain(
      `"${PACKAGE}@9.9.9-9" is neither a 04t package version id nor a version alias`
    );
    expect(refusal(planInstall(['-o', 'x', '--upgrade-type', 'Purge'], withVersions))).toBe(
      '--upgrade-type is one of Mixed, DeprecateOnly, Delete, not "Purge"'
    );
  });
});

describe('package:create', () => {
  it('creates a namespace-less unlocked package without letting the CLI rewrite the definition', () => {
    const plan = value(planCreate(['-v', 'devhub'], unfilled));
    expect(plan.args).toEqual([
      'package',
      'create',
      '--name',
      PACKAGE,
      '--package-type',
      'Unlocked',
      '--no-namespace',
      '--path',
      'force-app',
      '--description',
      'Strategy, guidance and KPIs.',
      '--target-dev-hub',
      'devhub',
      '--json'
    ]);
    expect(plan.env).toEqual({ SF_PROJECT_AUTOUPDATE_DISABLE_FOR_PACKAGE_CREATE: 'true' });
    expect(plan.packageName).toBe(PACKAGE);
  });

  it('refuses once the id is filled in', () => {
    expect(refusal(planCreate([], filled))).toContain(`already has its id ${PACKAGE_ID}`);
  });

  it("reads the id from the CLI's JSON answer, or its error", () => {
    expect(value(createdPackageId(JSON.stringify({ status: 0, result: { Id: PACKAGE_ID } })))).toBe(
      PACKAGE_ID
    );
    expect(
      refusal(createdPackageId(JSON.stringify({ status: 1, message: 'No default dev hub found.' })))
    ).toBe('sf package create failed: No default dev hub found.');
    expect(refusal(createdPackageId('Error (1): boom'))).toContain('did not answer with JSON');
  });

  it("records the id in place of the placeholder and keeps the file's format", () => {
    const file = join(PROJECT_ROOT, 'sfdx-project.json');
    const text = readFileSync(file, 'utf8');
    const updated = recordPackageId(text, PACKAGE, PACKAGE_ID);
    expect(updated.replace(PACKAGE_ID, PACKAGE_ID_PLACEHOLDER)).toBe(text);
  });
});

describe('the shipped sfdx-project.json', () => {
  const shipped = readProjectDefinition(PROJECT_ROOT);

  it('ships the placeholder, so package:version says what to do instead of calling a Dev Hub', () => {
    expect(shipped.packageAliases?.[PACKAGE]).toBe(PACKAGE_ID_PLACEHOLDER);
    expect(refusal(planVersion([], shipped))).toContain('still holds the placeholder');
  });

  it('is refused by the CLI itself without a Dev Hub call, with a message naming the alias', () => {
    // @salesforce/packaging's own id check, which runs before any request to the Dev Hub.
    const packageUtils = require('@salesforce/packaging/lib/utils/packageUtils') as {
      BY_LABEL: Record<string, { prefix: string; label: string }>;
      validateId: (kind: { prefix: string; label: string }, value: string) => void;
    };
    expect(() =>
      packageUtils.validateId(packageUtils.BY_LABEL.PACKAGE_ID, PACKAGE_ID_PLACEHOLDER)
    ).toThrow(`The Package Id: ${PACKAGE_ID_PLACEHOLDER} isn't defined in the sfdx-project.json`);
    expect(() =>
      packageUtils.validateId(packageUtils.BY_LABEL.PACKAGE_ID, PACKAGE_ID)
    ).not.toThrow();
  });
});

describe("the flags exist in the project's Salesforce CLI", () => {
  // The commands are ES modules Jest does not load; their flag tables are read as text instead.
  const commandSource = (command: string): string =>
    readFileSync(
      `${join(PROJECT_ROOT, 'node_modules', '@salesforce', 'plugin-packaging', 'lib', 'commands', ...command.split(' '))}.js`,
      'utf8'
    );
  const flagsOf = (args: readonly string[]): string[] =>
    args.filter((arg) => arg.startsWith('--')).map((arg) => arg.slice(2));

  it.each([
    ['package version create', value(planVersion(['-v', 'hub', '--tag', 't'], filled))],
    [
      'package install',
      value(planInstall(['-o', 'x', '--upgrade-type', 'Mixed'], withVersions)).args
    ],
    [
      'package create',
      value(planCreate(['-v', 'hub'], unfilled)).args.filter((arg) => arg !== '--json')
    ]
  ])('sf %s knows every flag the script passes', (command, args) => {
    const source = commandSource(command);
    for (const flag of flagsOf(args)) {
      const declared = /^[a-z]+$/.test(flag) ? `${flag}: ` : `'${flag}': `;
      // target-dev-hub is the shared hub flag; the rest are declared in the command itself.
      expect([flag, source.includes(declared)]).toEqual([flag, true]);
    }
  });

  it('offers AdminsOnly as a security type and the three upgrade types', () => {
    const source = commandSource('package install');
    expect(source).toContain("options: ['AllUsers', 'AdminsOnly']");
    expect(source).toContain("options: ['DeprecateOnly', 'Mixed', 'Delete']");
  });
});

describe('options and logging', () => {
  it('parses long, short and inline values, and refuses an empty value', () => {
    const specs = [{ name: 'target-org', short: 'o' }, { name: 'tag' }];
    expect(value(parseOptions(['-o', 'a', '--tag=x=y'], specs))).toEqual({
      'target-org': 'a',
      tag: 'x=y'
    });
    expect(refusal(parseOptions(['--tag='], specs))).toBe('option "--tag" needs a value');
  });

  it('shows the command as it can be pasted into a shell', () => {
    expect(showCommand(['package', 'install', '--package', `${PACKAGE}@0.1.0-1`])).toBe(
      'sf package install --package "Strategic Sales Management@0.1.0-1"'
    );
  });
});
