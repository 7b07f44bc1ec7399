/**
 * Methods every value has (Object: equals, hashCode, toString), enum values' methods, and the
 * numeric and Boolean classes (Apex Reference, "Integer Class", "Long Class", "Decimal Class",
 * "Double Class", "Boolean Class", "Id Class", "Math Class"), bound to the stdlib functions.
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import * as arithmetic from '../stdlib/arithmetic';
import * as decimals from '../stdlib/decimalMethods';
import * as math from '../stdlib/math';
import * as numbers from '../stdlib/numbers';
import { ApexDecimal, type RoundingMode } from '../values/decimal';
import { apexEqualsExactCase, collectionKey } from '../values/equality';
import { toId18 } from '../values/ids';
import { ApexDouble } from '../values/primitives';
import type { Frame } from '../interpreter/frame';
import { defineNative, type NativeStatic } from '../interpreter/nativeTypes';
import { identityHash, toText } from '../interpreter/dispatch';
import { EnumValue } from '../interpreter/objects';
import { nullPointer } from '../interpreter/operators';
import { hashText } from './collections';
import { sobjectTypeToken } from './schemaTokens';

function hashOf(value: unknown): number {
  const key = collectionKey(value);
  if (typeof key === 'number') return key;
  if (typeof key === 'string') return hashText(key);
  if (typeof key === 'boolean') return key ? 1231 : 1237;
  if (typeof key === 'bigint') return Number(BigInt.asIntN(32, key ^ (key >> 32n)));
  return typeof key === 'object' && key !== null ? identityHash(key) : 0;
}

defineNative({
  name: 'Object',
  methods: {
    equals: (_frame, self: unknown, args) => apexEqualsExactCase(self, args[0]),
    hashcode: (_frame, self: unknown) => hashOf(self),
    tostring: (frame: Frame, self: unknown) => toText(frame, self)
  }
});

defineNative({
  name: 'Enum',
  methods: {
    name: (_frame, self: EnumValue) => self.name,
    ordinal: (_frame, self: EnumValue) => self.ordinal,
    equals: (_frame, self: EnumValue, args) => self === args[0],
    hashcode: (_frame, self: EnumValue) => hashText(`${self.enumName}.${self.name}`),
    tostring: (_frame, self: EnumValue) => self.name
  }
});

function roundingMode(value: unknown): RoundingMode {
  if (!(value instanceof EnumValue)) throw nullPointer();
  return value.name as RoundingMode;
}

/** `X.valueOf(value)` for a numeric class: from a String, or a conversion of another number. */
function numericValueOf(
  fromText: (text: string) => unknown,
  fromNumber: (value: arithmetic.ApexNumber) => unknown
): NativeStatic {
  return (_frame, args) => {
    const value = args[0];
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return fromText(value);
    if (arithmetic.isApexNumber(value)) return fromNumber(value);
    throw new ApexRuntimeError('System.TypeException', 'Invalid number');
  };
}

defineNative({
  name: 'Integer',
  statics: {
    valueof: numericValueOf(numbers.integerValueOf, (value) =>
      typeof value === 'number' ? value : decimals.intValue(arithmetic.toDecimalValue(value))
    )
  },
  methods: {
    format: (frame, self: number) => numbers.formatInteger(self, frame.ctx.user.locale),
    intvalue: (_frame, self: number) => self,
    longvalue: (_frame, self: number) => BigInt(self)
  }
});

defineNative({
  name: 'Long',
  statics: {
    valueof: numericValueOf(numbers.longValueOf, (value) =>
      typeof value === 'bigint' ? value : decimals.longValue(arithmetic.toDecimalValue(value))
    )
  },
  methods: {
    format: (frame, self: bigint) => numbers.formatInteger(self, frame.ctx.user.locale),
    intvalue: (_frame, self: bigint) => Number(BigInt.asIntN(32, self)),
    longvalue: (_frame, self: bigint) => self
  }
});

defineNative({
  name: 'Double',
  statics: {
    valueof: numericValueOf(
      numbers.doubleValueOf,
      (value) => new ApexDouble(arithmetic.toDoubleValue(value))
    )
  },
  methods: {
    format: (frame, self: ApexDouble) => numbers.formatDouble(self, frame.ctx.user.locale),
    intvalue: (_frame, self: ApexDouble) =>
      decimals.intValue(ApexDecimal.fromDouble(Math.trunc(self.value))),
    longvalue: (_frame, self: ApexDouble) => BigInt(Math.trunc(self.value)),
    doublevalue: (_frame, self: ApexDouble) => self,
    round: (_frame, self: ApexDouble) => math.roundToLong(self)
  }
});

defineNative({
  name: 'Decimal',
  statics: {
    valueof: numericValueOf(decimals.valueOfString, (value) => arithmetic.toDecimalValue(value))
  },
  methods: {
    abs: (_frame, self: ApexDecimal) => decimals.abs(self),
    divide: (_frame, self: ApexDecimal, args) =>
      decimals.divide(
        self,
        arithmetic.toDecimalValue(args[0] as arithmetic.ApexNumber),
        args[1] as number,
        args.length > 2 ? roundingMode(args[2]) : undefined
      ),
    doublevalue: (_frame, self: ApexDecimal) => decimals.doubleValue(self),
    format: (frame, self: ApexDecimal) => decimals.format(self, frame.ctx.user.locale),
    intvalue: (_frame, self: ApexDecimal) => decimals.intValue(self),
    longvalue: (_frame, self: ApexDecimal) => decimals.longValue(self),
    pow: (_frame, self: ApexDecimal, args) => decimals.pow(self, args[0] as number),
    precision: (_frame, self: ApexDecimal) => decimals.precision(self),
    round: (_frame, self: ApexDecimal, args) =>
      args.length > 0 ? decimals.round(self, roundingMode(args[0])) : decimals.round(self),
    scale: (_frame, self: ApexDecimal) => decimals.scale(self),
    setscale: (_frame, self: ApexDecimal, args) =>
      args.length > 1
        ? decimals.setScale(self, args[0] as number, roundingMode(args[1]))
        : decimals.setScale(self, args[0] as number),
    striptrailingzeros: (_frame, self: ApexDecimal) => decimals.stripTrailingZeros(self),
    toplainstring: (_frame, self: ApexDecimal) => decimals.toPlainString(self)
  }
});

defineNative({
  name: 'Boolean',
  statics: {
    valueof: (_frame, args) => {
      const value = args[0];
      if (typeof value === 'boolean') return value;
      return numbers.booleanValueOf(value === null || value === undefined ? null : String(value));
    }
  }
});

defineNative({
  name: 'Id',
  statics: {
    valueof: (_frame, args) => {
      const text = args[0];
      if (text === null || text === undefined) return null;
      const id = toId18(String(text));
      if (!id) throw new ApexRuntimeError('System.StringException', `Invalid id: ${String(text)}`);
      return id;
    }
  },
  methods: {
    getsobjecttype: (frame, self: string) => {
      const object = frame.ctx.interpreter.program.schema.objectOfKeyPrefix(self.slice(0, 3));
      if (!object) throw new ApexRuntimeError('System.SObjectException', `Invalid id: ${self}`);
      return sobjectTypeToken(object);
    },
    to15: (_frame, self: string) => self.slice(0, 15)
  }
});

function mathOf(fn: (...values: (arithmetic.ApexNumber | null)[]) => unknown): NativeStatic {
  return (_frame, args) => fn(...(args as (arithmetic.ApexNumber | null)[]));
}

defineNative({
  name: 'Math',
  statics: {
    abs: mathOf(math.abs),
    max: mathOf(math.max),
    min: mathOf(math.min),
    mod: (_frame, args) =>
      math.mod(args[0] as number | bigint | null, args[1] as number | bigint | null),
    round: mathOf(math.round),
    roundtolong: mathOf(math.roundToLong),
    ceil: mathOf(math.ceil),
    floor: mathOf(math.floor),
    rint: mathOf(math.rint),
    signum: mathOf(math.signum),
    sqrt: mathOf(math.sqrt),
    exp: mathOf(math.exp),
    log: mathOf(math.log),
    log10: mathOf(math.log10),
    pow: mathOf(math.pow),
    random: () => math.random(),
    cbrt: mathOf(math.cbrt)
  }
});
