/**
 * The String class (Apex Reference, "String Class") bound to stdlib/strings.ts: static methods
 * (String.isBlank, join, format, valueOf...) and every instance method, called with the string
 * first. A null argument where the platform requires a value is a NullPointerException there.
 */
import * as strings from '../stdlib/strings';
import { ApexList } from '../values/collections';
import { ApexDatetime } from '../values/temporal';
import type { Frame } from '../interpreter/frame';
import {
  defineNative,
  type ArgTypes,
  type NativeInstanceMethod,
  type NativeStatic
} from '../interpreter/nativeTypes';
import { iterate, printOptions, toText } from '../interpreter/dispatch';
import { ApexObject, EnumValue } from '../interpreter/objects';
import { nullPointer } from '../interpreter/operators';
import { concatenationString, toApexString } from '../stdlib/stringify';

/** Functions of stdlib/strings.ts that are static methods of String, not instance methods. */
const STATIC_NAMES = new Set([
  'fromchararray',
  'getcommonprefix',
  'isblank',
  'isnotblank',
  'isempty',
  'isnotempty',
  'join',
  'format',
  'valueof',
  'valueofgmt',
  'escapesinglequotes'
]);

/** Functions that take the user's locale as their last parameter. */
const LOCALE_LAST = new Set(['tolowercase', 'touppercase']);

function itemsOf(frame: Frame, value: unknown): unknown[] {
  if (value === null || value === undefined) throw nullPointer();
  return [...iterate(frame, value)];
}

/** `String.valueOf(x)`: by x's declared type where it matters (Date, Datetime vs Object). */
function valueOf(frame: Frame, args: unknown[], argTypes: ArgTypes): string {
  const value = args[0];
  if (value instanceof ApexObject || value instanceof EnumValue) return toText(frame, value);
  if (argTypes[0]?.name === 'Object') return concatenationString(value, printOptions(frame));
  return toApexString(value, frame.ctx.user.timeZone, printOptions(frame));
}

const statics: Record<string, NativeStatic> = {
  valueof: valueOf,
  valueofgmt: (_frame, args) => {
    if (!(args[0] instanceof ApexDatetime)) throw nullPointer();
    return strings.valueOfGmt(args[0]);
  },
  join: (frame, args) =>
    itemsOf(frame, args[0])
      .map((item) => toText(frame, item))
      .join((args[1] as string | null) ?? ''),
  format: (frame, args) => {
    if (args[0] === null || args[0] === undefined) throw nullPointer();
    const values = args[1] instanceof ApexList ? args[1].items : [];
    return strings.format(
      args[0] as string,
      values.map((value) =>
        typeof value === 'string' || value === null ? value : toText(frame, value)
      ),
      frame.ctx.user.locale
    );
  },
  fromchararray: (_frame, args) => strings.fromCharArray((args[0] as ApexList).items as number[]),
  getcommonprefix: (frame, args) =>
    strings.getCommonPrefix(itemsOf(frame, args[0]) as (string | null)[]),
  isblank: (_frame, args) => strings.isBlank(args[0] as string | null),
  isnotblank: (_frame, args) => strings.isNotBlank(args[0] as string | null),
  isempty: (_frame, args) => strings.isEmpty(args[0] as string | null),
  isnotempty: (_frame, args) => strings.isNotEmpty(args[0] as string | null),
  escapesinglequotes: (_frame, args) => {
    if (args[0] === null || args[0] === undefined) throw nullPointer();
    return strings.escapeSingleQuotes(args[0] as string);
  }
};

type StringFunction = (s: string, ...args: never[]) => unknown;

const methods: Record<string, NativeInstanceMethod> = {};
for (const [name, fn] of Object.entries(strings) as [string, StringFunction][]) {
  const key = name.toLowerCase();
  if (typeof fn !== 'function' || STATIC_NAMES.has(key) || key === 'isjavawhitespace') continue;
  methods[key] = LOCALE_LAST.has(key)
    ? (frame, self: string, args) =>
        (fn as (s: string, ...rest: unknown[]) => unknown)(
          self,
          ...args,
          ...(args.length === 0 ? [frame.ctx.user.locale] : [])
        )
    : (_frame, self: string, args) =>
        (fn as (s: string, ...rest: unknown[]) => unknown)(self, ...args);
}
// split returns a List<String>; getChars a List<Integer>; the rest return primitives.
methods.split = (frame, self: string, args) =>
  frame.ctx.newStringList(
    strings.split(self, args[0] as string | null, (args[1] as number | undefined) ?? 0)
  );
methods.splitbycharactertype = (frame, self: string) =>
  frame.ctx.newStringList(strings.splitByCharacterType(self));
methods.splitbycharactertypecamelcase = (frame, self: string) =>
  frame.ctx.newStringList(strings.splitByCharacterTypeCamelCase(self));
methods.getchars = (frame, self: string) => frame.ctx.newIntegerList(strings.getChars(self));
methods.tostring = (_frame, self: string) => self;

defineNative({
  name: 'String',
  isInstance: (value) => typeof value === 'string',
  statics,
  methods
});
