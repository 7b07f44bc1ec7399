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

/** `System.Label.SSM_X`: the custom label's value; an unknown label is a compile error in the org. */
defineNative({
  name: 'Label',
  aliases: ['System.Label'],
  staticProperty: (frame, name) => {
    const value = frame.ctx.platform.label(name);
    if (value === undefined) {
      throw new ApexRuntimeError(
        'System.UnexpectedException',
        `Invalid external string name: ${name}`
      );
    }
    return value;
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
