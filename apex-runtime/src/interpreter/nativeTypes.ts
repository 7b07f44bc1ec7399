/**
 * The registry of platform types implemented in TypeScript: value types (String, List,
 * Database.SaveResult, Schema.DescribeFieldResult...), static-only classes (Math, JSON, Test,
 * Database...) and platform enums (System.RoundingMode, TriggerOperation...). The modules under
 * `system/` fill it; the interpreter dispatches static calls, `new`, instance calls and
 * `instanceof` through it.
 */
import type { TypeRef } from '../values/typeRef';
import type { Frame } from './frame';
import { EnumValue } from './objects';

/** Argument expressions' declared types (null when unknown), for overloads on null arguments. */
export type ArgTypes = readonly (TypeRef | null)[];

/**
 * A static method; it resolves its own overloads from the arguments. `scope` reads a variable
 * of the calling code by name (dynamic SOQL binds: `Database.query('... :ids')`).
 */
export type NativeStatic = (
  frame: Frame,
  args: unknown[],
  argTypes: ArgTypes,
  scope?: (name: string) => unknown
) => unknown;

/** An instance method of a platform type; `self` is never null. */
export type NativeInstanceMethod = (
  frame: Frame,
  self: never,
  args: unknown[],
  argTypes: ArgTypes
) => unknown;

export interface NativeTypeDefinition {
  /** Canonical name: `String`, `Database.SaveResult`, `SObjectType`, `RoundingMode`. */
  name: string;
  /** Other names the type is written as: `Schema.SObjectType`, `System.RoundingMode`. */
  aliases?: string[];
  /** What `getTypeName`-style messages call it when it differs from the name. */
  displayName?: string;
  /** Static methods by lower-cased name; each resolves its overloads from the arguments. */
  statics?: Record<string, NativeStatic>;
  /** Static properties (`Trigger.new`, `AccessLevel.USER_MODE`, `System.Label` members). */
  staticProperties?: Record<string, (frame: Frame) => unknown>;
  /** A fallback for static properties not listed (e.g. labels by name). */
  staticProperty?: (frame: Frame, name: string) => unknown;
  /** Instance methods by lower-cased name. */
  methods?: Record<string, NativeInstanceMethod>;
  /** Instance properties (`Schema.SObjectType.Account.fields.Name`). */
  properties?: Record<string, (frame: Frame, self: never) => unknown>;
  property?: (frame: Frame, self: never, name: string) => unknown;
  /** `new Type(args)`. */
  construct?: (frame: Frame, args: unknown[]) => unknown;
  /** Whether a run-time value is of this type. */
  isInstance?: (value: unknown) => boolean;
  /** Platform enum values in order. */
  enumValues?: string[];
  /** Supertypes for instanceof and casts (`Object` is implied). */
  superTypes?: string[];
}

export interface NativeType extends NativeTypeDefinition {
  enumConstants: EnumValue[];
}

const registry = new Map<string, NativeType>();

/** Adds a platform type (or more members of one already added). */
export function defineNative(definition: NativeTypeDefinition): NativeType {
  const key = definition.name.toLowerCase();
  const existing = registry.get(key);
  if (existing) {
    existing.statics = { ...existing.statics, ...definition.statics };
    existing.staticProperties = { ...existing.staticProperties, ...definition.staticProperties };
    existing.methods = { ...existing.methods, ...definition.methods };
    existing.properties = { ...existing.properties, ...definition.properties };
    existing.construct = definition.construct ?? existing.construct;
    existing.isInstance = definition.isInstance ?? existing.isInstance;
    existing.property = definition.property ?? existing.property;
    existing.staticProperty = definition.staticProperty ?? existing.staticProperty;
    return existing;
  }
  const type: NativeType = {
    ...definition,
    enumConstants: (definition.enumValues ?? []).map(
      (value, ordinal) => new EnumValue(definition.displayName ?? definition.name, value, ordinal)
    )
  };
  registry.set(key, type);
  for (const alias of definition.aliases ?? []) registry.set(alias.toLowerCase(), type);
  return type;
}

export function nativeType(name: string): NativeType | undefined {
  const key = name.toLowerCase();
  return registry.get(key) ?? (key.startsWith('system.') ? registry.get(key.slice(7)) : undefined);
}

export function isNativeTypeName(name: string): boolean {
  return nativeType(name) !== undefined;
}

export function canonicalNativeName(name: string): string {
  return (nativeType(name) as NativeType).name;
}

/** The value of a platform enum constant, e.g. `nativeEnum('RoundingMode', 'HALF_UP')`. */
export function nativeEnum(typeName: string, value: string): EnumValue {
  const type = nativeType(typeName);
  const constant = type?.enumConstants.find((c) => c.name.toLowerCase() === value.toLowerCase());
  if (!constant) throw new Error(`No ${typeName}.${value}`);
  return constant;
}

/** A DML error's System.StatusCode constant; UNKNOWN_EXCEPTION for a code the enum does not list. */
export function statusCodeOf(code: string): EnumValue {
  const type = nativeType('StatusCode');
  const upper = code.toUpperCase();
  return (
    type?.enumConstants.find((constant) => constant.name === upper) ??
    nativeEnum('StatusCode', 'UNKNOWN_EXCEPTION')
  );
}

/** Objects of platform types that are not primitive values carry their type name. */
export abstract class NativeObject {
  abstract readonly apexType: string;
}
