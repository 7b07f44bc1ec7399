/**
 * The rules' verdict on every guided record of the sample org as the package's Apex computes it,
 * run by the offline Apex runtime: `RuleEngine` over the records queried with the fields its
 * formulas read (what the nightly GuidanceRecalculationBatch stores and RecordGuidanceController
 * shows), and what the triggers (`RecordGuidanceService`) store when each record is saved.
 *
 * The test-only batch __fixtures__/GuidanceEquivalenceProbe.cls, added to the package's classes, does the
 * work: one anonymous block submits it, and each scope of SCOPE_SIZE records is a transaction of
 * its own with the asynchronous limits, as the nightly recalculation runs in the org.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Program } from '../../../apex-runtime/src/interpreter/program';
import { sampleOrg, type ApexOrg } from '../../../apex-runtime/src/platform/orgs';
import { runAnonymousApex } from '../../../apex-runtime/src/testing/anonymousRun';
import { projectSources } from '../../../apex-runtime/src/testing/loadProgram';
import { ApexDate, ApexDatetime } from '../../../apex-runtime/src/values/primitives';

/**
 * Records per transaction: the scope GuidanceRecalculationBatch runs with. The runtime counts CPU
 * time as wall time; at a load average of 11 on two cores a scope of 200 opportunities took up to
 * 6 s, within the asynchronous limit of 60 s (4 queries, 200 DML rows).
 */
export const SCOPE_SIZE = 200;

const PROBE_FILE = join(__dirname, '__fixtures__', 'GuidanceEquivalenceProbe.cls');

/** The live verdict of RuleEngine on one record: rule developer names, in the engine's order. */
export interface LiveVerdict {
  score: number;
  flagged: string[];
  prompts: string[];
  /** `name: reason` of each rule that could not be evaluated. */
  broken: string[];
}

/** One active rule as RecordGuidance.Outcome carries it to the UI. */
export interface RuleOutcomeJson {
  ruleName: string;
  label: string;
  kind: string;
  severity: string | null;
  category: string | null;
  message: string | null;
  whyItMatters: string | null;
  coachingQuestion: string | null;
  fixFields: string[];
  fixRelatedList: string | null;
  weight: number;
}

export interface ApexGuidance {
  /** Record Id to the verdict of RuleEngine.evaluate. */
  live: Map<string, LiveVerdict>;
  /** Record Id to the record with the guidance fields the triggers stored on save. */
  stored: Map<string, Record<string, unknown>>;
  /** The object's active rules in the order SalesRuleSelector returns them. */
  rules: RuleOutcomeJson[];
  /** CPU milliseconds of each transaction, as Limits.getCpuTime() reported it. */
  cpuTimes: number[];
}

const MS_PER_DAY = 86_400_000;

/**
 * A fork of the sample org whose clock stands at noon UTC of `day`: TODAY() is `day` for the
 * admin in Europe/Copenhagen at any hour the test runs (the sample org's own clock takes the
 * current time of day, which is already tomorrow in Copenhagen after 23:00 UTC).
 */
export function sampleOrgOn(day: string): ApexOrg {
  const org = sampleOrg();
  const noon = new ApexDatetime(ApexDate.parseIso(day).epochDay * MS_PER_DAY + MS_PER_DAY / 2);
  org.database.setClock(() => noon);
  return org;
}

let program: Program | undefined;

/** The package's classes and triggers plus the probe, parsed once per process. */
function programWithProbe(org: ApexOrg): Program {
  program ??= Program.fromSources(org.project.schema, [
    ...projectSources(org.project),
    { file: 'classes/GuidanceEquivalenceProbe.cls', text: readFileSync(PROBE_FILE, 'utf8') }
  ]);
  return program;
}

/**
 * Runs the Apex over every record of each object on `org` (a fork of the sample org with its
 * clock set, see sampleOrgOn); the records are saved, so the org is spent afterwards.
 * @param scopeSize records per transaction
 */
export function apexGuidance(
  org: ApexOrg,
  objectNames: readonly string[],
  scopeSize: number = SCOPE_SIZE
): Map<string, ApexGuidance> {
  const source = objectNames
    .map(
      (name) =>
        `Database.executeBatch(new GuidanceEquivalenceProbe('${name}'), ${String(scopeSize)});`
    )
    .join('\n');
  const earlierJobs = new Set([...org.database.rows('AsyncApexJob')].map((job) => job.Id));
  const run = runAnonymousApex(org, source, { program: programWithProbe(org) });
  if (!run.success) {
    throw new Error(
      `The Apex failed: ${run.compileProblem ?? run.exceptionMessage ?? ''}\n${
        run.exceptionStackTrace ?? ''
      }`
    );
  }
  const results = new Map<string, ApexGuidance>();
  // The batches run one after the other: each one's lines come between STARTED and FINISHED.
  let current: ApexGuidance | null = null;
  for (const line of run.debugLog) {
    const space = line.message.indexOf(' ');
    const tag = line.message.slice(0, space);
    const json = line.message.slice(space + 1);
    if (tag === 'STARTED') {
      current = { live: new Map(), stored: new Map(), rules: [], cpuTimes: [] };
    } else if (tag === 'RULE' && current) {
      current.rules.push(JSON.parse(json) as RuleOutcomeJson);
    } else if (tag === 'LIVE' && current) {
      const { id, ...verdict } = JSON.parse(json) as LiveVerdict & { id: string };
      current.live.set(id, verdict);
    } else if (tag === 'STORED' && current) {
      const record = JSON.parse(json) as Record<string, unknown>;
      current.stored.set(String(record.Id), record);
    } else if (tag === 'CHUNK' && current) {
      current.cpuTimes.push((JSON.parse(json) as { cpu: number }).cpu);
    } else if (tag === 'FINISHED' && current) {
      results.set(JSON.parse(json) as string, current);
      current = null;
    } else if (line.level === 'ERROR') {
      // RecordGuidanceService logs and swallows a failure so that the save goes on.
      throw new Error(`The Apex logged an error: ${line.message}`);
    }
  }
  // A scope that throws is rolled back and counted, as the platform does, without a log line.
  for (const job of org.database.rows('AsyncApexJob')) {
    if (earlierJobs.has(job.Id)) continue;
    if (job.Status !== 'Completed' || Number(job.NumberOfErrors ?? 0) > 0) {
      throw new Error(`The probe batch ${String(job.Id)} ended ${String(job.Status)}, with errors`);
    }
  }
  for (const name of objectNames) {
    if (!results.has(name)) throw new Error(`The probe batch of ${name} did not finish`);
  }
  return results;
}
