/**
 * Asynchronous Apex (Apex Developer Guide, "Asynchronous Apex"): batch jobs (start, execute per
 * scope, finish), queueables, future methods and scheduled jobs. Each gets an AsyncApexJob row
 * (and a CronTrigger row for scheduled jobs). In a test, the jobs queued since Test.startTest run
 * at Test.stopTest, in the test's transaction state (static variables included) with fresh limits;
 * jobs those jobs queue are recorded but do not run, as in the org. Outside tests they run after
 * the transaction that queued them, each in a transaction of its own (fresh static variables and
 * limits, its work rolled back when it fails), chains included (bounded); a scheduled job waits
 * for its time, which an offline run never reaches ("Apex Scheduler").
 *
 * A batch job ("Using Batch Apex") runs on the instance as it was submitted; start, each execute
 * and finish are transactions of their own with fresh limits, and without Database.Stateful each
 * starts from the submitted state again. Outside tests an execute that throws rolls back its own
 * work and counts in the job's NumberOfErrors, and the job goes on.
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { ApexList } from '../values/collections';
import type { SObjectValue } from '../values/sobject';
import type { TypeRef } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { callMember } from '../interpreter/dispatch';
import { ApexObject, ApexThrow } from '../interpreter/objects';
import { NativeObject } from '../interpreter/nativeTypes';
import type { ExecutionContext } from '../interpreter/executionContext';
import { ASYNCHRONOUS_LIMITS, GovernorLimits } from '../interpreter/limits';
import type { OrgDatabase } from '../platform/orgDatabase';
import { serializedCopy } from './serializedState';

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
    const waitsForItsTime = type === 'ScheduledApex' && !this.inTest;
    if (!(this.inTest && this.draining) && !waitsForItsTime) {
      this.queued.push({ id, type, run: (jobFrame) => run(jobFrame, id) });
    }
    return id;
  }

  /** Starts a transaction of a job: fresh asynchronous limits and, outside tests, statics. */
  private beginTransaction(ctx: ExecutionContext): void {
    ctx.limits = new GovernorLimits(ASYNCHRONOUS_LIMITS);
    if (!this.inTest) ctx.statics.clear();
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
        this.beginTransaction(ctx);
        const previousKind = ctx.asyncKind;
        ctx.asyncKind = ASYNC_KINDS[job.type];
        let failed = false;
        // Each job is a transaction of its own: one that throws leaves no change behind and
        // sends no email.
        const before = this.database.snapshot();
        const emailsBefore = outboxOf(ctx)?.length ?? 0;
        try {
          job.run(frame);
        } catch (error) {
          failed = true;
          if (this.inTest) throw error;
          this.database.restore(before);
          outboxOf(ctx)?.splice(emailsBefore);
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

  /**
   * Runs a Database.Batchable as submitted (see the module comment): start, execute per scope,
   * finish. The scope is capped at 2,000 records when start returns a QueryLocator; an Iterable's
   * is not.
   */
  runBatch(frame: Frame, submitted: ApexObject, scopeSize: number, jobId: string): void {
    const ctx = frame.ctx;
    const stateful = submitted.cls
      .allInterfaces()
      .some((face) => face.name.toLowerCase() === 'database.stateful');
    let instance = serializedCopy(submitted) as ApexObject;
    const transaction = (): ApexObject => {
      this.beginTransaction(ctx);
      if (!stateful) instance = serializedCopy(submitted) as ApexObject;
      return instance;
    };
    const context = new JobContext('Database.BatchableContext', jobId);
    const start = callMember(frame, transaction(), 'start', [context], []);
    let records: unknown[];
    let scope = scopeSize;
    let elementType: TypeRef = { name: 'SObject', args: [] };
    if (start instanceof QueryLocator) {
      records = start.rows();
      scope = Math.min(scopeSize, MAX_QUERY_LOCATOR_SCOPE);
    } else if (start instanceof ApexList) {
      records = [...start.items];
      elementType = start.elementType;
    } else if (start === null) records = [];
    else
      throw new ApexRuntimeError(
        'System.TypeException',
        'start() must return a QueryLocator or an Iterable'
      );
    this.database.update(jobId, { TotalJobItems: Math.ceil(records.length / scope) });
    let processed = 0;
    let errors = 0;
    for (let offset = 0; offset < records.length; offset += scope) {
      const chunk = new ApexList(elementType, records.slice(offset, offset + scope));
      const before = this.database.snapshot();
      const emailsBefore = outboxOf(ctx)?.length ?? 0;
      try {
        callMember(frame, transaction(), 'execute', [context, chunk], []);
      } catch (error) {
        if (this.inTest || !(error instanceof ApexThrow) || error.state.uncatchable) throw error;
        this.database.restore(before);
        outboxOf(ctx)?.splice(emailsBefore);
        errors++;
      }
      processed++;
      this.database.update(jobId, { JobItemsProcessed: processed, NumberOfErrors: errors });
    }
    callMember(frame, transaction(), 'finish', [context], []);
  }
}

/**
 * The session's outbox of sent emails (OrgSession.emails), read structurally to keep this module
 * free of the session's: "The email is not sent until the Apex transaction is committed" (Apex
 * Developer Guide, "Outbound Email"), so a transaction that fails drops what it sent.
 */
function outboxOf(ctx: Frame['ctx']): unknown[] | undefined {
  const emails = (ctx.platform as { emails?: unknown }).emails;
  return Array.isArray(emails) ? emails : undefined;
}

/** The largest scope of a batch whose start returns a QueryLocator ("Using Batch Apex"). */
export const MAX_QUERY_LOCATOR_SCOPE = 2000;
