/**
 * The System class (Apex Reference, "System Class"): debug output, the clock, assertions, labels
 * (`System.Label.X`), and the platform enums that live in the System namespace (LoggingLevel,
 * RoundingMode, TriggerOperation).
 */
import { ApexRuntimeError } from '../stdlib/apexErrors';
import * as dates from '../stdlib/dateMethods';
import type { Frame } from '../interpreter/frame';
import { defineNative } from '../interpreter/nativeTypes';
import { toText } from '../interpreter/dispatch';
import { EnumValue } from '../interpreter/objects';
import { systemAssertions } from './assertions';
import { nullPointer } from '../interpreter/operators';

defineNative({
  name: 'LoggingLevel',
  aliases: ['System.LoggingLevel'],
  enumValues: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST', 'INTERNAL']
});

defineNative({
  name: 'RoundingMode',
  aliases: ['System.RoundingMode'],
  displayName: 'System.RoundingMode',
  enumValues: ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP']
});

defineNative({
  name: 'TriggerOperation',
  aliases: ['System.TriggerOperation'],
  enumValues: [
    'BEFORE_INSERT',
    'BEFORE_UPDATE',
    'BEFORE_DELETE',
    'AFTER_INSERT',
    'AFTER_UPDATE',
    'AFTER_DELETE',
    'AFTER_UNDELETE'
  ]
});

function unknownLabel(name: string): ApexRuntimeError {
  return new ApexRuntimeError(
    'System.UnexpectedException',
    `Invalid external string name: ${name}`
  );
}

/**
 * A label of the package's own namespace: the project is namespace-less, so its labels answer to
 * a null or empty namespace only.
 */
function ownLabel(args: unknown[]): string | undefined {
  const [namespace, name] = args;
  if (name === null || name === undefined) throw nullPointer();
  return namespace === null || namespace === '' ? String(name) : undefined;
}

/**
 * The Label class (Apex Reference, "Label Class",
 * https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_Label.htm):
 * `System.Label.SSM_X` in the running user's language (an unknown label is a compile error in the
 * org); `Label.get(namespace, name[, language])` resolved at run time, the requested language
 * "overriding the user's current language if a translation exists" for it, and an unknown label
 * thrown with its name; `Label.translationExists(namespace, name, language)`.
 */
defineNative({
  name: 'Label',
  aliases: ['System.Label'],
  staticProperty: (frame, name) => {
    const value = frame.ctx.platform.label(name, frame.ctx.user.language);
    if (value === undefined) throw unknownLabel(name);
    return value;
  },
  statics: {
    get: (frame, args) => {
      const name = ownLabel(args);
      const requested = args.length > 2 && typeof args[2] === 'string' ? args[2] : undefined;
      const language =
        requested !== undefined &&
        name !== undefined &&
        frame.ctx.platform.labelTranslationExists(name, requested)
          ? requested
          : frame.ctx.user.language;
      const value = name === undefined ? undefined : frame.ctx.platform.label(name, language);
      if (value === undefined) throw unknownLabel(String(args[1]));
      return value;
    },
    translationexists: (frame, args) => {
      const name = ownLabel(args);
      const language = args[2];
      if (language === null || language === undefined) throw nullPointer();
      return (
        name !== undefined && frame.ctx.platform.labelTranslationExists(name, String(language))
      );
    }
  }
});

function debug(frame: Frame, args: unknown[]): null {
  if (args.length >= 2 && args[0] instanceof EnumValue) {
    frame.ctx.debug(args[0].name, toText(frame, args[1]));
  } else {
    frame.ctx.debug('DEBUG', toText(frame, args[0]));
  }
  return null;
}

defineNative({
  name: 'System',
  statics: {
    ...systemAssertions,
    debug: (frame, args) => debug(frame, args),
    now: (frame) => frame.ctx.platform.now(),
    today: (frame) => dates.today(frame.ctx.platform.now().epochMs, frame.ctx.user.timeZone),
    currenttimemillis: (frame) => BigInt(frame.ctx.platform.now().epochMs)
  }
});
