/**
 * Test and Limits (Apex Reference, "Test Class", "Limits Class"). Test.startTest gives the code
 * under test a fresh set of governor limits; Test.stopTest runs the asynchronous jobs queued since
 * and restores the test's own limits.
 */
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { defineNative, type NativeStatic } from '../interpreter/nativeTypes';
import { GovernorLimits, type LimitValues } from '../interpreter/limits';
import type { Frame } from '../interpreter/frame';

function testState(frame: Frame) {
  const state = frame.ctx.testState;
  if (!state)
    throw new ApexRuntimeError(
      'System.UnexpectedException',
      'Test methods can only be called from tests'
    );
  return state;
}

defineNative({
  name: 'Test',
  aliases: ['System.Test'],
  statics: {
    starttest: (frame) => {
      const state = testState(frame);
      if (state.started) {
        throw new ApexRuntimeError('System.FinalException', 'Testing already started');
      }
      state.started = true;
      state.savedLimits = frame.ctx.limits;
      frame.ctx.limits = new GovernorLimits(frame.ctx.limits.max);
      // Fresh limits, the same transaction.
      frame.ctx.limits.mixedDml = state.savedLimits.mixedDml;
      return null;
    },
    stoptest: (frame) => {
      const state = testState(frame);
      if (!state.started || state.stopped) {
        throw new ApexRuntimeError('System.FinalException', 'Testing has not started');
      }
      state.stopped = true;
      frame.ctx.platform.runQueuedJobs(frame);
      if (state.savedLimits) frame.ctx.limits = state.savedLimits;
      return null;
    },
    isrunningtest: (frame) => frame.ctx.testState !== undefined,
    calculatepermissionsetgroup: () => null
  }
});

function limitPair(used: (values: LimitValues) => number): [NativeStatic, NativeStatic] {
  return [(frame) => used(frame.ctx.limits.used), (frame) => used(frame.ctx.limits.max)];
}

const [getQueries, getLimitQueries] = limitPair((v) => v.queries);
const [getQueryRows, getLimitQueryRows] = limitPair((v) => v.queryRows);
const [getDmlStatements, getLimitDmlStatements] = limitPair((v) => v.dmlStatements);
const [getDmlRows, getLimitDmlRows] = limitPair((v) => v.dmlRows);
const [getQueueableJobs, getLimitQueueableJobs] = limitPair((v) => v.queueableJobs);
const [getFutureCalls, getLimitFutureCalls] = limitPair((v) => v.futureCalls);
const [getEmailInvocations, getLimitEmailInvocations] = limitPair((v) => v.emailInvocations);

defineNative({
  name: 'Limits',
  aliases: ['System.Limits'],
  statics: {
    getqueries: getQueries,
    getlimitqueries: getLimitQueries,
    getqueryrows: getQueryRows,
    getlimitqueryrows: getLimitQueryRows,
    getdmlstatements: getDmlStatements,
    getlimitdmlstatements: getLimitDmlStatements,
    getdmlrows: getDmlRows,
    getlimitdmlrows: getLimitDmlRows,
    getqueueablejobs: getQueueableJobs,
    getlimitqueueablejobs: getLimitQueueableJobs,
    getfuturecalls: getFutureCalls,
    getlimitfuturecalls: getLimitFutureCalls,
    getemailinvocations: getEmailInvocations,
    getlimitemailinvocations: getLimitEmailInvocations,
    getcputime: (frame) => frame.ctx.limits.cpuTime(),
    getlimitcputime: (frame) => frame.ctx.limits.max.cpuTimeMs,
    getcallouts: () => 0,
    getlimitcallouts: () => 100,
    getheapsize: () => {
      throw new NotSupportedOfflineError('Limits.getHeapSize()');
    },
    getlimitheapsize: (frame) => (frame.ctx.limits.max.cpuTimeMs > 10_000 ? 12_000_000 : 6_000_000)
  }
});
