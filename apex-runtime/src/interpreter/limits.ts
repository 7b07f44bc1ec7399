/**
 * Per-transaction governor limits (Apex Developer Guide, "Execution Governors and Limits"): SOQL
 * queries, query rows, DML statements, DML rows, CPU time, call depth, async jobs. Exceeding a
 * limit throws System.LimitException, which no catch block can catch.
 */

export interface LimitValues {
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  cpuTimeMs: number;
  queueableJobs: number;
  futureCalls: number;
  emailInvocations: number;
}

/** Synchronous limits; asynchronous transactions (batch, queueable, future) get more. */
export const SYNCHRONOUS_LIMITS: LimitValues = {
  queries: 100,
  queryRows: 50_000,
  dmlStatements: 150,
  dmlRows: 10_000,
  cpuTimeMs: 10_000,
  queueableJobs: 50,
  futureCalls: 50,
  emailInvocations: 10
};

export const ASYNCHRONOUS_LIMITS: LimitValues = {
  ...SYNCHRONOUS_LIMITS,
  queries: 200,
  cpuTimeMs: 60_000,
  queueableJobs: 1
};

/** The message of the LimitException for each counter, as the platform words it. */
const MESSAGES: Record<keyof LimitValues, string> = {
  queries: 'Too many SOQL queries: {0}',
  queryRows: 'Too many query rows: {0}',
  dmlStatements: 'Too many DML statements: {0}',
  dmlRows: 'Too many DML rows: {0}',
  cpuTimeMs: 'Apex CPU time limit exceeded',
  queueableJobs: 'Too many queueable jobs added to the queue: {0}',
  futureCalls: 'Too many future calls: {0}',
  emailInvocations: 'Too many Email Invocations: {0}'
};

export class LimitExceeded extends Error {
  constructor(
    readonly limit: keyof LimitValues,
    message: string
  ) {
    super(message);
  }
}

/**
 * The CPU time this process has used, in milliseconds: Salesforce counts CPU time, not wall time,
 * so other work on a busy machine does not bring a transaction nearer its limit.
 */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export class GovernorLimits {
  readonly used: LimitValues = {
    queries: 0,
    queryRows: 0,
    dmlStatements: 0,
    dmlRows: 0,
    cpuTimeMs: 0,
    queueableJobs: 0,
    futureCalls: 0,
    emailInvocations: 0
  };
  /**
   * Not a limit but scoped like one to the transaction: the first setup and non-setup objects it
   * saved, for the mixed-DML rule.
   */
  mixedDml: { setup?: string; nonSetup?: string } = {};
  private readonly startedAt: number;
  private ticks = 0;

  constructor(
    readonly max: LimitValues = SYNCHRONOUS_LIMITS,
    private readonly clock: () => number = processCpuMs
  ) {
    this.startedAt = clock();
  }

  /** Counts `amount` against a limit; throws LimitExceeded past it. */
  count(limit: Exclude<keyof LimitValues, 'cpuTimeMs'>, amount = 1): void {
    this.used[limit] += amount;
    if (this.used[limit] > this.max[limit]) {
      throw new LimitExceeded(limit, MESSAGES[limit].replace('{0}', String(this.used[limit])));
    }
  }

  /** CPU time so far, in milliseconds (the process's CPU time during this transaction). */
  cpuTime(): number {
    return Math.round(this.clock() - this.startedAt);
  }

  /**
   * Called at every loop iteration and call: checks the CPU limit every few thousand ticks, so an
   * endless loop stops with the platform's error instead of hanging the process.
   */
  tick(): void {
    if (++this.ticks < 4096) return;
    this.ticks = 0;
    const elapsed = this.cpuTime();
    this.used.cpuTimeMs = elapsed;
    if (elapsed > this.max.cpuTimeMs) {
      throw new LimitExceeded('cpuTimeMs', MESSAGES.cpuTimeMs);
    }
  }
}
