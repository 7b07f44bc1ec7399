/**
 * Runs a platform case on a test org (`src/testing/orgHarness.ts`): a fork of one org per process
 * that holds, besides the test org's administrator, the two users a case may run as, with the
 * clock fixed where the org-less harness fixes it. The case's `setup` runs first as the
 * administrator; a setup that fails fails the case with its message, never silently. The org also
 * holds the suite's email templates (see conformanceProject).
 */
import { join } from 'node:path';
import { harnessProject, runOnTestOrg, type OrgRunResult } from '../../src/testing/orgHarness';
import { readEmailTemplates } from '../../src/metadata/emailTemplates';
import type { ApexProject } from '../../src/metadata/loadProject';
import { testOrg, type ApexOrg } from '../../src/platform/orgs';
import { TEST_NOW, type SnippetResult } from '../../src/interpreter/__tests__/harness';
import type { ConformanceCase, ConformanceUser } from '../conformanceCase';

const USERS: Readonly<Record<ConformanceUser, { lastName: string; permissionSet?: string }>> = {
  seller: { lastName: 'Seller', permissionSet: 'SSM_Seller' },
  plain: { lastName: 'Plain' }
};

function userInsert(key: ConformanceUser): string {
  const { lastName, permissionSet } = USERS[key];
  const assignment = permissionSet
    ? `insert new PermissionSetAssignment(AssigneeId = ${key}.Id,
         PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = '${permissionSet}'].Id);`
    : '';
  return `User ${key} = new User(ProfileId = standardUser.Id, LastName = '${lastName}',
      Email = '${key}@conformance.example.com', Username = '${key}@conformance.example.com',
      Alias = '${key.slice(0, 8)}', TimeZoneSidKey = 'Europe/Copenhagen', LocaleSidKey = 'en_US',
      EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
    insert ${key};
    ${assignment}
    System.debug(${key}.Id);`;
}

function failure(what: string, result: OrgRunResult): Error {
  return new Error(
    `${what}: ${result.compileProblem ?? result.exceptionMessage ?? 'failed'}\n${result.exceptionStackTrace ?? ''}`
  );
}

interface ConformanceOrg {
  org: ApexOrg;
  userIds: Record<ConformanceUser, string>;
}

let base: ConformanceOrg | undefined;

/**
 * The project's metadata plus the suite's email templates (`conformance/fixtures/email`, in the
 * source format: a folder `Digest_Emails` and `unfiled$public`), which the package itself does
 * not ship.
 */
function conformanceProject(): ApexProject {
  return {
    ...harnessProject(),
    emailTemplates: readEmailTemplates(join(__dirname, '..', 'fixtures', 'email'))
  };
}

function conformanceOrg(): ConformanceOrg {
  if (!base) {
    const org = testOrg(conformanceProject());
    org.database.setClock(() => TEST_NOW);
    const keys = Object.keys(USERS) as ConformanceUser[];
    const created = runOnTestOrg(
      `Profile standardUser = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
       ${keys.map(userInsert).join('\n')}`,
      { org }
    );
    if (!created.success) throw failure('creating the conformance users', created);
    const userIds = Object.fromEntries(keys.map((key, index) => [key, created.debug[index]]));
    base = { org, userIds: userIds as Record<ConformanceUser, string> };
  }
  return { org: base.org.fork(), userIds: base.userIds };
}

/** The line of the innermost frame of an Apex stack (`AnonymousBlock: line 3, column 1`). */
function innermostLine(stack: string | undefined): number | undefined {
  const match = /: line (\d+),/.exec(stack?.split('\n')[0] ?? '');
  return match ? Number(match[1]) : undefined;
}

export function runOnConformanceOrg(testCase: ConformanceCase): SnippetResult {
  const { org, userIds } = conformanceOrg();
  const code = {
    classes: { ...testCase.classes },
    triggers: { ...testCase.triggers },
    org
  };
  for (const block of [testCase.setup ?? []].flat()) {
    const setup = runOnTestOrg(block, code);
    if (!setup.success) throw failure('the case setup failed', setup);
  }
  const result = runOnTestOrg(testCase.apex, {
    ...code,
    userId: testCase.asUser ? userIds[testCase.asUser] : undefined
  });
  if (!result.compiled) throw failure('the case does not compile', result);
  return {
    debug: result.debug,
    error: result.exceptionMessage,
    stack: result.exceptionStackTrace,
    line: innermostLine(result.exceptionStackTrace)
  };
}
