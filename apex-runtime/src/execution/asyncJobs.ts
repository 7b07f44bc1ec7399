/**
 * Asynchronous Apex (Apex Developer Guide, "Asynchronous Apex"): batch jobs (start, execute per
 * scope, finish), queueables, future methods and scheduled jobs. Each gets an AsyncApexJob row
 * (and a CronTrigger row for scheduled jobs). In a test, the jobs queued since Test.startTest run
 * at Test.stopTest, in the test's transaction state (static variables included) with fresh limits;
 * jobs those jobs queue are recorded but do not run, as in the org. Outside tests they run after
 * the transaction that queued them, each in a transaction of its own, chains included (bounded).
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { ApexList } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import type { Frame } from '../interpreter/frame';
import { callMember } from '../interpreter/dispatch';
import { ApexObject } from '../interpreter/objects';
import { NativeObject } from '../interpreter/nativeTypes';
import { ASYNCHRONOUS_LIMITS, GovernorLimits } from '../interpreter/limits';
import type { OrgDatabase } from '../platform/orgDatabase';

export type JobType = 'BatchApex' | 'Queueable' | 'Future' | 'ScheduledApex';

export interface QueuedJob {
  /** The AsyncApexJob Id. */
  id: string;
  type: JobType;
  run(frame: Frame): void;
}

/** The context objects the platform passes to execute methods. */
export class JobContext extends NativeObject {
  constructor(
    readonly apexType: string,
    readonly jobId: string,
    readonly triggerId: string | null = null
  ) {
    super();
  }
}

/** A batch's start result: a query locator (or any Iterable of records). */
export class QueryLocator extends NativeObject {
  readonly apexType = 'Database.QueryLocator';

  constructor(
    /** Runs the query; called once, when the batch starts. */
    readonly rows: () => SObjectValue[],
    readonly queryText: string
  ) {
    super();
  }
}

const ASYNC_KINDS: Record<JobType, 'batch' | 'future' | 'queueable' | 'scheduled'> = {
  BatchApex: 'batch',
  Future: 'future',
  Queueable: 'queueable',
  ScheduledApex: 'scheduled'
};

/** How many jobs a chain may run outside tests before the runtime stops it. */
export const MAX_CHAINED_JOBS = 100;

export class AsyncQueue {
  private queued: QueuedJob[] = [];
  /** Set while queued jobs run at Test.stopTest: what they queue is recorded, not run. */
  private draining = false;

  constructor(
    private readonly database: OrgDatabase,
    private readonly inTest: boolean
  ) {}

  get pending(): readonly QueuedJob[] {
    return this.queued;
  }

  /** Records the job's AsyncApexJob row and queues it; returns the row's Id. */
  enqueue(
    frame: Frame,
    type: JobType,
    className: string,
    run: (frame: Frame, jobId: string) => void
  ): string {
    const apexClass = [...this.database.rows('ApexClass')].find(
      (row) => typeof row.Name === 'string' && row.Name.toLowerCase() === className.toLowerCase()
    );
    const row = this.database.insert(
      'AsyncApexJob',
      {
        JobType: type,
        Status: 'Queued',
        ApexClassId: apexClass?.Id ?? null,
        MethodName: null,
        JobItemsProcessed: 0,
        TotalJobItems: 0,
        NumberOfErrors: 0
      },
      { auditUserId: frame.ctx.user.id }
    );
    const id = String(row.Id);
    if (!(this.inTest && this.draining)) {
      this.queued.push({ id, type, run: (jobFrame) => run(jobFrame, id) });
    }
    return id;
  }

  /** Runs the queued jobs (Test.stopTest, or the end of a transaction outside tests). */
  runQueued(frame: Frame): void {
    const ctx = frame.ctx;
    const savedLimits = ctx.limits;
    this.draining = this.inTest;
    let budget = MAX_CHAINED_JOBS;
    try {
      while (this.queued.length > 0) {
        if (--budget < 0) {
          throw new ApexRuntimeError(
            'System.AsyncException',
            `More than ${MAX_CHAINED_JOBS} chained asynchronous jobs`
          );
        }
        const job = this.queued.shift() as QueuedJob;
        this.database.update(job.id, { Status: 'Processing' });
        ctx.limits = new GovernorLimits(ASYNCHRONOUS_LIMITS);
        const previousKind = ctx.asyncKind;
        ctx.asyncKind = ASYNC_KINDS[job.type];
        let failed = false;
        try {
          job.run(frame);
        } catch (error) {
          failed = true;
          if (this.inTest) throw error;
          ctx.debug(
            'ERROR',
            `Asynchronous job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`
          );
        } finally {
          ctx.asyncKind = previousKind;
          this.database.update(job.id, {
            Status: failed ? 'Failed' : 'Completed',
            CompletedDate: ctx.platform.now()
          });
        }
      }
    } finally {
      this.draining = false;
      ctx.limits = savedLimits;
    }
  }
}

/** Runs a Database.Batchable: start, execute per scope of `scopeSize`, finish. */
export function runBatch(frame: Frame, batch: ApexObject, scopeSize: number, jobId: string): void {
  const context = new JobContext('Database.BatchableContext', jobId);
  const start = callMember(frame, batch, 'start', [context], []);
  let records: unknown[];
  if (start instanceof QueryLocator) records = start.rows();
  else if (start instanceof ApexList) records = [...start.items];
  else if (start === null) records = [];
  else
    throw new ApexRuntimeError(
      'System.TypeException',
      'start() must return a QueryLocator or an Iterable'
    );
  for (let offset = 0; offset < records.length; offset += scopeSize) {
    const scope = new ApexList(
      { name: records[offset] instanceof SObjectValue ? 'SObject' : 'Object', args: [] },
      records.slice(offset, offset + scopeSize)
    );
    callMember(frame, batch, 'execute', [context, scope], []);
  }
  callMember(frame, batch, 'finish', [context], []);
}
