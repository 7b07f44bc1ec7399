/**
 * Equality of objects of Apex classes. `==` compares them by reference unless the class declares
 * `equals` (Apex Developer Guide, "Expression Operators"); as Map keys and Set elements they are
 * filed by `hashCode` and matched with `equals` when the class declares both (Apex Developer
 * Guide, "Using Custom Types in Map Keys and Sets").
 *
 * A Map files a key under one JavaScript value, so equal objects must give the same one: per
 * transaction and hash code, the first object seen stands for every object `equals` to it.
 */
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import { setInstanceEquality } from '../values/equality';
import { activeFrame } from '../interpreter/activeFrames';
import type { MethodInfo } from '../interpreter/classInfo';
import type { ExecutionContext } from '../interpreter/executionContext';
import type { Frame } from '../interpreter/frame';
import { ApexObject } from '../interpreter/objects';

/** An instance method the class (or a superclass) declares in Apex source. */
function declaredMethod(object: ApexObject, name: string, arity: number): MethodInfo | undefined {
  return object.cls
    .findMethods(name)
    .find(
      (method) => !method.isStatic && method.decl !== undefined && method.params.length === arity
    );
}

function runningFrame(object: ApexObject, method: string): Frame {
  const frame = activeFrame();
  if (!frame) {
    throw new NotSupportedOfflineError(`calling ${object.cls.name}.${method} outside running Apex`);
  }
  return frame;
}

function callEquals(method: MethodInfo, self: ApexObject, other: unknown): boolean {
  const frame = runningFrame(self, 'equals');
  return frame.ctx.interpreter.invoke(frame, method, self, [other]) === true;
}

/** Per transaction: hash code -> the objects that stand for their equals-classes. */
const representatives = new WeakMap<ExecutionContext, Map<unknown, ApexObject[]>>();

function representativeOf(self: ApexObject, equals: MethodInfo, hashCode: MethodInfo): ApexObject {
  const frame = runningFrame(self, 'hashCode');
  const hash = frame.ctx.interpreter.invoke(frame, hashCode, self, []);
  let byHash = representatives.get(frame.ctx);
  if (!byHash) {
    byHash = new Map();
    representatives.set(frame.ctx, byHash);
  }
  const bucket = byHash.get(hash);
  if (!bucket) {
    byHash.set(hash, [self]);
    return self;
  }
  const match = bucket.find(
    (candidate) => candidate === self || callEquals(equals, self, candidate)
  );
  if (match) return match;
  bucket.push(self);
  return self;
}

setInstanceEquality({
  equals: (a, b) => {
    if (!(a instanceof ApexObject)) return undefined;
    const equals = declaredMethod(a, 'equals', 1);
    return equals ? callEquals(equals, a, b) : undefined;
  },
  key: (value) => {
    if (!(value instanceof ApexObject)) return undefined;
    const equals = declaredMethod(value, 'equals', 1);
    const hashCode = declaredMethod(value, 'hashCode', 0);
    return equals && hashCode ? representativeOf(value, equals, hashCode) : undefined;
  }
});
