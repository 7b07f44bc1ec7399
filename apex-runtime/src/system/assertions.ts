/**
 * Assert (Apex Reference, "Assert Class") and System.assert, assertEquals, assertNotEquals. A
 * failure throws System.AssertException, which no catch block catches: "Assertion Failed: <msg>:
 * Expected: <x>, Actual: <y>". Equality is `equals()`: Strings case-sensitively, numbers by value.
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { apexEqualsExactCase } from '../values/equality';
import type { Frame } from '../interpreter/frame';
import { defineNative, type NativeStatic } from '../interpreter/nativeTypes';
import { toText } from '../interpreter/dispatch';
import { isInstanceOf } from '../interpreter/typeSystem';
import { TypeToken } from './schemaTokens';

/** Counts an assertion of the running test (a test that makes none is reported). */
function counted<T extends NativeStatic>(fn: T): NativeStatic {
  return (frame, args, types) => {
    if (frame.ctx.testState) frame.ctx.testState.assertions++;
    return fn(frame, args, types);
  };
}

function countedAll(statics: Record<string, NativeStatic>): Record<string, NativeStatic> {
  return Object.fromEntries(Object.entries(statics).map(([name, fn]) => [name, counted(fn)]));
}

function failure(frame: Frame, message: unknown, detail?: string): ApexRuntimeError {
  const parts = ['Assertion Failed'];
  if (message !== undefined && message !== null) parts.push(toText(frame, message));
  if (detail) parts.push(detail);
  return new ApexRuntimeError('System.AssertException', parts.join(': '));
}

function expectedActual(frame: Frame, expected: unknown, actual: unknown): string {
  return `Expected: ${toText(frame, expected)}, Actual: ${toText(frame, actual)}`;
}

const areEqual: NativeStatic = (frame, args) => {
  if (!apexEqualsExactCase(args[0], args[1])) {
    throw failure(frame, args[2], expectedActual(frame, args[0], args[1]));
  }
  return null;
};

const areNotEqual: NativeStatic = (frame, args) => {
  if (apexEqualsExactCase(args[0], args[1])) {
    throw failure(frame, args[2], `Same value: ${toText(frame, args[1])}`);
  }
  return null;
};

function condition(expected: boolean): NativeStatic {
  return (frame, args) => {
    if (args[0] !== expected)
      throw failure(frame, args[1], expectedActual(frame, expected, args[0]));
    return null;
  };
}

defineNative({
  name: 'Assert',
  aliases: ['System.Assert'],
  statics: countedAll({
    areequal: areEqual,
    arenotequal: areNotEqual,
    istrue: condition(true),
    isfalse: condition(false),
    isnull: (frame, args) => {
      if (args[0] !== null && args[0] !== undefined)
        throw failure(frame, args[1], expectedActual(frame, null, args[0]));
      return null;
    },
    isnotnull: (frame, args) => {
      if (args[0] === null || args[0] === undefined) throw failure(frame, args[1]);
      return null;
    },
    isinstanceoftype: (frame, args) => {
      const token = args[1] as TypeToken;
      if (!token.type || !isInstanceOf(frame.ctx.interpreter.program, args[0], token.type)) {
        throw failure(frame, args[2], `Expected type: ${token.name}`);
      }
      return null;
    },
    isnotinstanceoftype: (frame, args) => {
      const token = args[1] as TypeToken;
      if (token.type && isInstanceOf(frame.ctx.interpreter.program, args[0], token.type)) {
        throw failure(frame, args[2], `Unexpected type: ${token.name}`);
      }
      return null;
    },
    fail: (frame, args) => {
      throw failure(frame, args[0]);
    }
  })
});

/** System.assert* methods, added to the System class. */
export const systemAssertions: Record<string, NativeStatic> = countedAll({
  assert: (frame, args) => {
    if (args[0] !== true) throw failure(frame, args[1]);
    return null;
  },
  assertequals: areEqual,
  assertnotequals: areNotEqual
});
