/**
 * The workbench serves the package's Apex itself, not a TypeScript twin of it: in a copy of the
 * project whose Apex and custom labels say something else, /api/apex answers what the copy says,
 * with no TypeScript changed, while the project's own tree still answers what it says.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCustomLabels } from '../labels';
import { ENGLISH_SPEAKING_USER } from '../../sample/users';
import { REPO_ROOT } from '../paths';
import { createWorkbenchServer, HOST, listen } from '../server/httpServer';
import { openWorkbenchOrg } from '../server/workbenchOrg';

const SOURCE_DIR = join(REPO_ROOT, 'force-app', 'main', 'default');

/** The label ImprovementIdeasController.submitIdea throws for an idea without a title. */
const TITLE_REQUIRED = 'SSM_Ideas_Title_Required';
const ORIGINAL_TITLE_REQUIRED = loadCustomLabels().get(TITLE_REQUIRED)?.value ?? '';
const CHANGED_TITLE_REQUIRED = 'Every idea needs a title (changed in the copy).';

/** The label SkillProfileController.enrol throws for no programme; the copy's Apex skips it. */
const PROGRAM_REQUIRED = 'SSM_Skills_Program_Required';
const ORIGINAL_PROGRAM_REQUIRED = loadCustomLabels().get(PROGRAM_REQUIRED)?.value ?? '';
const CHANGED_PROGRAM_REQUIRED = 'Pick a programme first (a literal in the Apex of the copy).';

const SKILL_PROFILE_CONTROLLER = join('classes', 'skills', 'SkillProfileController.cls');

function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`${file}: "${from}" is not there once`);
  writeFileSync(file, text.replace(from, to));
}

/**
 * A copy of the project as the Apex runtime reads it (sfdx-project.json, config/ and
 * force-app/main/default without the components, which the runtime never reads), with one
 * custom label and one line of Apex changed.
 */
function changedCopy(root: string): string {
  cpSync(join(REPO_ROOT, 'sfdx-project.json'), join(root, 'sfdx-project.json'));
  cpSync(join(REPO_ROOT, 'config'), join(root, 'config'), { recursive: true });
  const sourceDir = join(root, 'force-app', 'main', 'default');
  cpSync(SOURCE_DIR, sourceDir, {
    recursive: true,
    filter: (path) => path !== join(SOURCE_DIR, 'lwc')
  });
  replaceOnce(
    join(sourceDir, 'labels', 'CustomLabels.labels-meta.xml'),
    `<value>${ORIGINAL_TITLE_REQUIRED}</value>`,
    `<value>${CHANGED_TITLE_REQUIRED}</value>`
  );
  replaceOnce(
    join(sourceDir, SKILL_PROFILE_CONTROLLER),
    `UserFacingError.of(System.Label.${PROGRAM_REQUIRED})`,
    `UserFacingError.of('${CHANGED_PROGRAM_REQUIRED}')`
  );
  return sourceDir;
}

interface Served {
  status: number;
  body: { message?: string; exceptionType?: string | null };
}

/** The workbench's server over a source tree, asked as the components ask it. */
async function serve(sourceDir: string | undefined, calls: [string, unknown][]): Promise<Served[]> {
  const workbench = openWorkbenchOrg({ sourceDir });
  const server: Server = createWorkbenchServer({
    workbench,
    bundleFile: join(tmpdir(), 'no-bundle.js'),
    port: 0
  });
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;
  try {
    const answers: Served[] = [];
    for (const [method, params] of calls) {
      const response = await fetch(`http://${HOST}:${port}/api/apex/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `wb_user=${ENGLISH_SPEAKING_USER}` },
        body: JSON.stringify(params)
      });
      answers.push({ status: response.status, body: (await response.json()) as Served['body'] });
    }
    return answers;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const CALLS: [string, unknown][] = [
  [
    'ImprovementIdeasController.submitIdea',
    { title: ' ', area: 'Process', description: null, expectedHoursSaved: 1 }
  ],
  ['SkillProfileController.enrol', { programId: null }]
];

function refusal(message: string): Served {
  return {
    status: 500,
    body: { message, exceptionType: 'System.AuraHandledException' }
  };
}

describe('the Apex the workbench serves', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'wb-real-apex-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is the Apex of the source tree it opens: a changed label and a changed line are served', async () => {
    expect(ORIGINAL_TITLE_REQUIRED).not.toBe('');
    expect(ORIGINAL_PROGRAM_REQUIRED).not.toBe('');
    const answers = await serve(changedCopy(root), CALLS);
    expect(answers).toEqual([refusal(CHANGED_TITLE_REQUIRED), refusal(CHANGED_PROGRAM_REQUIRED)]);
  });

  it('of the project’s own tree still answers the project’s strings', async () => {
    const answers = await serve(undefined, CALLS);
    expect(answers).toEqual([refusal(ORIGINAL_TITLE_REQUIRED), refusal(ORIGINAL_PROGRAM_REQUIRED)]);
  });
});
