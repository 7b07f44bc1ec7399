/**
 * Row limits as the platform counts them (Apex Developer Guide, "Execution Governors and
 * Limits"): the LimitException names the first row over the limit, and partial-save retries start
 * from the counters of before the first attempt ("Bulk DML Exception Handling").
 */
import { GovernorLimits, LimitExceeded, SYNCHRONOUS_LIMITS } from '../../interpreter/limits';
import { countRows, limitCounters, restoreLimitCounters } from '../rowLimits';

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof LimitExceeded) return error.message;
    throw error;
  }
  return 'no limit exceeded';
}

describe('countRows', () => {
  it('counts every row while the rows fit the limit', () => {
    const limits = new GovernorLimits(SYNCHRONOUS_LIMITS);
    countRows(limits, 'queryRows', 49_999);
    countRows(limits, 'queryRows', 1);
    expect(limits.used.queryRows).toBe(50_000);
  });

  it('names the first row over the limit however many rows the batch held', () => {
    const limits = new GovernorLimits(SYNCHRONOUS_LIMITS);
    countRows(limits, 'dmlRows', 9_000);
    expect(messageOf(() => countRows(limits, 'dmlRows', 5_000))).toBe('Too many DML rows: 10001');
  });
});

describe('limit counters', () => {
  it('puts the counters back where they were, leaving the clock alone', () => {
    const limits = new GovernorLimits(SYNCHRONOUS_LIMITS);
    limits.count('queries', 2);
    const before = limitCounters(limits);
    limits.count('queries', 3);
    limits.count('dmlStatements');
    restoreLimitCounters(limits, before);
    expect([limits.used.queries, limits.used.dmlStatements]).toEqual([2, 0]);
    expect('cpuTimeMs' in before).toBe(false);
  });
});
