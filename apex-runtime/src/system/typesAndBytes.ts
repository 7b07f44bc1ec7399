/**
 * System.Type (`Foo.class`, Type.forName, newInstance), Blob, EncodingUtil and the parts of Crypto
 * a package uses (random numbers, digests).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexBlob } from '../values/primitives';
import { typeToString, type TypeRef } from '../values/typeRef';
import { defineNative } from '../interpreter/nativeTypes';
import { nullPointer } from '../interpreter/operators';
import type { Frame } from '../interpreter/frame';
import { isSObjectTypeName } from '../interpreter/typeSystem';
import { hashText } from './collections';
import { typeToken, TypeToken } from './schemaTokens';

function resolveTypeName(frame: Frame, name: string) {
  const program = frame.ctx.interpreter.program;
  const canonical = program.resolveName(name, null);
  return canonical ? typeToken({ name: canonical, args: [] }) : null;
}

const NUMBERS_LOWEST_FIRST = ['Integer', 'Long', 'Double', 'Decimal'];

/**
 * Whether a value of `source` can be assigned to a variable of `target` without a cast (Apex
 * Reference, "Type Class", isAssignableFrom: a class to its superclasses and interfaces, a String
 * to an Id; Apex Developer Guide, "Rules of Conversion": an Id to a String, a number to a higher
 * numeric type).
 */
function isAssignable(frame: Frame, target: TypeRef, source: TypeRef): boolean {
  if (typeToString(target) === typeToString(source) || target.name === 'Object') return true;
  const names = `${target.name}<-${source.name}`;
  if (names === 'Id<-String' || names === 'String<-Id') return true;
  const higher = NUMBERS_LOWEST_FIRST.indexOf(target.name);
  const lower = NUMBERS_LOWEST_FIRST.indexOf(source.name);
  if (higher >= 0 && lower >= 0) return lower <= higher;
  const program = frame.ctx.interpreter.program;
  if (target.name === 'SObject') return isSObjectTypeName(program, source.name);
  const targetClass = program.classNamed(target.name);
  const sourceClass = program.classNamed(source.name);
  return (
    targetClass !== undefined && sourceClass !== undefined && sourceClass.isSubtypeOf(targetClass)
  );
}

defineNative({
  name: 'Type',
  aliases: ['System.Type'],
  statics: {
    forname: (frame, args) => {
      const name =
        args.length === 2
          ? args[0]
            ? `${String(args[0])}.${String(args[1])}`
            : String(args[1])
          : args[0];
      if (name === null || name === undefined) throw nullPointer();
      return resolveTypeName(frame, String(name));
    }
  },
  methods: {
    getname: (_frame, self: TypeToken) => self.name,
    tostring: (_frame, self: TypeToken) => self.name,
    equals: (_frame, self: TypeToken, args) => self === args[0],
    // The hash code of the type's name (Apex Reference, "Type Class", hashCode).
    hashcode: (_frame, self: TypeToken) => hashText(self.name),
    newinstance: (frame, self: TypeToken) => {
      const cls = self.type ? frame.ctx.interpreter.program.classNamed(self.type.name) : undefined;
      if (!cls) {
        throw new NotSupportedOfflineError(`Type.newInstance of ${self.name}`);
      }
      return frame.ctx.interpreter.construct(frame, cls, [], []);
    },
    isassignablefrom: (frame, self: TypeToken, args) => {
      const other = args[0] as TypeToken | null;
      if (!other?.type || !self.type) throw nullPointer();
      return isAssignable(frame, self.type, other.type);
    }
  }
});

defineNative({
  name: 'Blob',
  isInstance: (value) => value instanceof ApexBlob,
  statics: {
    valueof: (_frame, args) => {
      if (args[0] === null || args[0] === undefined) throw nullPointer();
      return ApexBlob.fromString(String(args[0]));
    }
  },
  methods: {
    size: (_frame, self: ApexBlob) => self.bytes.length,
    tostring: (_frame, self: ApexBlob) => self.toUtf8()
  }
});

function blobArg(value: unknown): ApexBlob {
  if (!(value instanceof ApexBlob)) throw nullPointer();
  return value;
}

defineNative({
  name: 'EncodingUtil',
  aliases: ['System.EncodingUtil'],
  statics: {
    base64encode: (_frame, args) => Buffer.from(blobArg(args[0]).bytes).toString('base64'),
    base64decode: (_frame, args) => {
      if (args[0] === null || args[0] === undefined) throw nullPointer();
      return new ApexBlob(new Uint8Array(Buffer.from(String(args[0]), 'base64')));
    },
    converttohex: (_frame, args) => Buffer.from(blobArg(args[0]).bytes).toString('hex'),
    urlencode: (_frame, args) => encodeURIComponent(String(args[0])).replace(/%20/g, '+'),
    urldecode: (_frame, args) => decodeURIComponent(String(args[0]).replace(/\+/g, ' '))
  }
});

const DIGESTS: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha1',
  'sha-256': 'sha256',
  'sha-512': 'sha512',
  sha256: 'sha256',
  sha512: 'sha512'
};

defineNative({
  name: 'Crypto',
  aliases: ['System.Crypto'],
  statics: {
    getrandominteger: () => randomInt(-2147483648, 2147483647),
    getrandomlong: () => randomBytes(8).readBigInt64BE(0),
    generatedigest: (_frame, args) => {
      const algorithm = DIGESTS[String(args[0]).toLowerCase()];
      if (!algorithm)
        throw new ApexRuntimeError(
          'System.InvalidParameterValueException',
          `Invalid algorithm: ${String(args[0])}`
        );
      return new ApexBlob(
        new Uint8Array(createHash(algorithm).update(blobArg(args[1]).bytes).digest())
      );
    }
  }
});
