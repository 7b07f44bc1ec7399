/**
 * Runs Apex snippets in the interpreter for tests: classes and anonymous code over the project's
 * schema, with no records (queries and DML are not available here), a fixed clock and a user in
 * Europe/Copenhagen.
 */
import { loadProject } from '../../metadata/loadProject';
import type { OrgSchema } from '../../metadata/schema';
import { ApexDatetime } from '../../values/temporal';
import '../../system';
import { compileAnonymous, runAnonymous } from '../anonymous';
import { ExecutionContext } from '../executionContext';
import { Interpreter } from '../interpreter';
import { ApexThrow, exceptionState } from '../objects';
import type { Platform } from '../platform';
import { Program } from '../program';
import { formatStack } from '../stackTrace';

let schema: OrgSchema | undefined;
let labels: ((name: string) => string | undefined) | undefined;

function projectSchema(): OrgSchema {
  if (!schema) {
    const project = loadProject();
    schema = project.schema;
    labels = (name) => project.labels.value(name);
  }
  return schema;
}

export const TEST_NOW = ApexDatetime.parseIso('2026-11-16T09:30:00.000Z');

const noOrg = (): never => {
  throw new Error('no org in this test harness');
};

export const harnessPlatform: Platform = {
  prepareInlineQuery: noOrg,
  runQuery: noOrg,
  dmlStatement: noOrg,
  runAsUser: noOrg,
  runQueuedJobs: noOrg,
  enqueueFuture: noOrg,
  now: () => TEST_NOW,
  label: (name) => labels?.(name),
  labelTranslationExists: (name) => labels?.(name) !== undefined
};

export interface SnippetResult {
  debug: string[];
  /** `Type: message` of an uncaught exception. */
  error?: string;
  stack?: string;
  line?: number;
}

/** Runs anonymous Apex, with optional classes, and returns its debug output or its exception. */
export function runApex(code: string, classes: Record<string, string> = {}): SnippetResult {
  const program = Program.fromSources(
    projectSchema(),
    Object.entries(classes).map(([name, text]) => ({ file: `classes/${name}.cls`, text }))
  );
  const interpreter = new Interpreter(program);
  const ctx = new ExecutionContext(interpreter, harnessPlatform, {
    id: '005000000000001AAA',
    timeZone: 'Europe/Copenhagen',
    locale: 'en_US',
    language: 'en_US'
  });
  const body = compileAnonymous(interpreter, code);
  const debug = () => ctx.debugLog.map((line) => line.message);
  try {
    runAnonymous(ctx, body);
    return { debug: debug() };
  } catch (error) {
    if (!(error instanceof ApexThrow)) throw error;
    const state = exceptionState(error.exception);
    return {
      debug: debug(),
      error: `${error.exception.cls.typeName}: ${state.message ?? ''}`,
      stack: formatStack(state.stack),
      line: state.line
    };
  }
}
