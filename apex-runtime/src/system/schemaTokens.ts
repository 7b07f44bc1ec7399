/**
 * Tokens that stand for types and fields: `System.Type` (`Foo.class`, `Type.forName`),
 * `Schema.SObjectType` (`Account.SObjectType`) and `Schema.SObjectField` (`Account.Name`). Tokens
 * of the same type or field are the same object, so `==` and map keys work as in Apex.
 */
import type { FieldDescribe, ObjectDescribe } from '../metadata/schema';
import { ApexRuntimeError } from '../stdlib/apexErrors';
import { typeToString, type TypeRef } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { NativeObject } from '../interpreter/nativeTypes';

export class TypeToken extends NativeObject {
  readonly apexType = 'Type';

  constructor(readonly type: TypeRef | null) {
    super();
  }

  /** `getName()`: `String`, `List<Account>`, `Outer.Inner`. */
  get name(): string {
    return this.type ? typeToString(this.type) : 'void';
  }
}

export class SObjectTypeToken extends NativeObject {
  readonly apexType = 'SObjectType';

  constructor(readonly object: ObjectDescribe) {
    super();
  }

  override toString(): string {
    return this.object.name;
  }
}

export class SObjectFieldToken extends NativeObject {
  readonly apexType = 'SObjectField';

  constructor(
    readonly object: ObjectDescribe,
    readonly field: FieldDescribe
  ) {
    super();
  }

  override toString(): string {
    return this.field.name;
  }
}

const typeTokens = new Map<string, TypeToken>();
const objectTokens = new WeakMap<ObjectDescribe, SObjectTypeToken>();
const fieldTokens = new WeakMap<FieldDescribe, SObjectFieldToken>();

export function typeToken(type: TypeRef | null): TypeToken {
  const key = type ? typeToString(type).toLowerCase() : 'void';
  let token = typeTokens.get(key);
  if (!token) {
    token = new TypeToken(type);
    typeTokens.set(key, token);
  }
  return token;
}

export function sobjectTypeToken(object: ObjectDescribe): SObjectTypeToken {
  let token = objectTokens.get(object);
  if (!token) {
    token = new SObjectTypeToken(object);
    objectTokens.set(object, token);
  }
  return token;
}

export function sobjectFieldToken(object: ObjectDescribe, field: FieldDescribe): SObjectFieldToken {
  let token = fieldTokens.get(field);
  if (!token) {
    token = new SObjectFieldToken(object, field);
    fieldTokens.set(field, token);
  }
  return token;
}

/** `Account.SObjectType` and `Account.Name` (a field token). */
export function sobjectStaticMember(frame: Frame, objectName: string, name: string): unknown {
  const schema = frame.ctx.interpreter.program.schema;
  const object = schema.object(objectName);
  if (!object) throw new ApexRuntimeError('System.TypeException', `Invalid type: ${objectName}`);
  if (name.toLowerCase() === 'sobjecttype') return sobjectTypeToken(object);
  const field = schema.field(object.name, name);
  if (field) return sobjectFieldToken(object, field);
  throw new ApexRuntimeError('System.SObjectException', `Invalid field ${name} for ${object.name}`);
}
