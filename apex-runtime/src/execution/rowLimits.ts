/**
 * The row limits of a transaction (Apex Developer Guide, "Execution Governors and Limits"): 50,000
 * query rows and 10,000 DML rows. The platform stops at the first row over a limit, so the
 * LimitException names that row ("Too many query rows: 50001") however many rows the query or the
 * DML statement held; the interpreter's counter names the total it is given, so rows are counted
 * here only up to the first one over.
 */
import type { GovernorLimits } from '../interpreter/limits';

export function countRows(
  limits: GovernorLimits,
  limit: 'queryRows' | 'dmlRows',
  rows: number
): void {
  const room = limits.max[limit] - limits.used[limit];
  limits.count(limit, Math.min(rows, room + 1));
}

/** The counters of a transaction's limits (CPU time aside, which is the clock's). */
export type LimitCounters = Omit<GovernorLimits['used'], 'cpuTimeMs'>;

export function limitCounters(limits: GovernorLimits): LimitCounters {
  const counters: Partial<GovernorLimits['used']> = { ...limits.used };
  delete counters.cpuTimeMs;
  return counters as LimitCounters;
}

/** Puts the counters back where they were (the partial-save retries of "Bulk DML Exception Handling"). */
export function restoreLimitCounters(limits: GovernorLimits, counters: LimitCounters): void {
  Object.assign(limits.used, counters);
}
