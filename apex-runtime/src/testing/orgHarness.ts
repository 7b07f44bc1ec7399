/**
 * Runs anonymous Apex on a fresh test org with classes and triggers of the caller's own (not the
 * project's), for tests of the platform's behaviour: DML, triggers, validation, sharing, SOQL.
 * The org has the project's objects and permission sets, one administrator and no records.
 */
import { loadProject, type ApexProject } from '../metadata/loadProject';
import { testOrg, type ApexOrg } from '../platform/orgs';
import { Program } from '../interpreter/program';
import { runAnonymousApex, type AnonymousResult } from './anonymousRun';
import '../system';

let project: ApexProject | undefined;

export function harnessProject(): ApexProject {
  project ??= loadProject();
  return project;
}

export interface OrgRunOptions {
  /** Classes by name (`classes/<Name>.cls`). */
  classes?: Record<string, string>;
  /** Triggers by name (`triggers/<Name>.trigger`). */
  triggers?: Record<string, string>;
  /** Run as this user (an Id); the administrator by default. */
  userId?: string;
  /** The org to run on (a fresh test org by default); share one to run several blocks in a row. */
  org?: ApexOrg;
}

export interface OrgRunResult extends AnonymousResult {
  /** The debug messages, in order. */
  debug: string[];
  org: ApexOrg;
}

export function runOnTestOrg(code: string, options: OrgRunOptions = {}): OrgRunResult {
  const schemaProject = harnessProject();
  const program = Program.fromSources(schemaProject.schema, [
    ...Object.entries(options.classes ?? {}).map(([name, text]) => ({
      file: `classes/${name}.cls`,
      text
    })),
    ...Object.entries(options.triggers ?? {}).map(([name, text]) => ({
      file: `triggers/${name}.trigger`,
      text
    }))
  ]);
  const org = options.org ?? testOrg(schemaProject);
  const result = runAnonymousApex(org, code, { program, userId: options.userId });
  return { ...result, debug: result.debugLog.map((line) => line.message), org };
}
