/**
 * Apex values as Lightning components receive them, and component parameters as Apex receives
 * them. Out: Apex objects give only their `@AuraEnabled` fields and properties; SObjects their
 * fields (parents as nested objects, child relationships as arrays); Dates `yyyy-MM-dd`,
 * Datetimes ISO 8601 in GMT, numbers as JSON numbers, enums by name, Maps as objects. A null
 * value is left out (the component reads `undefined`). In: a parameter's JSON becomes the
 * method's declared parameter type, as JSON.deserialize would make it.
 */
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { ApexDecimal } from '../values/decimal';
import { ApexBlob, ApexDouble } from '../values/primitives';
import { SObjectValue } from '../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import type { Frame } from '../interpreter/frame';
import { getMember, toText } from '../interpreter/dispatch';
import { ApexObject, EnumValue } from '../interpreter/objects';
import type { JsonNode } from '../system/jsonText';

/** A component's parameter value (parsed JSON) as a JSON tree with exact numbers. */
export function jsonNodeOf(value: unknown): JsonNode {
  if (value === null || value === undefined) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'string') return { kind: 'string', value };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(jsonNodeOf) };
  if (typeof value === 'object') {
    return {
      kind: 'object',
      entries: Object.entries(value).map(([key, item]) => [key, jsonNodeOf(item)])
    };
  }
  throw new NotSupportedOfflineError(`a ${typeof value} parameter`);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isAuraEnabled(annotations: readonly { name: string }[]): boolean {
  return annotations.some((annotation) => annotation.name === 'auraenabled');
}

/** An Apex value as the JSON a Lightning component receives. */
export function serializeForLightning(frame: Frame, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'bigint':
      return Number(value);
  }
  if (value instanceof ApexDecimal) return value.toNumber();
  if (value instanceof ApexDouble) return value.value;
  if (value instanceof ApexDate) return value.toIsoString();
  if (value instanceof ApexDatetime) return value.toIsoString();
  if (value instanceof ApexTime) {
    return `${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}.${pad(value.millisecond, 3)}Z`;
  }
  if (value instanceof EnumValue) return value.name;
  if (value instanceof ApexList)
    return value.items.map((item) => serializeForLightning(frame, item));
  if (value instanceof ApexSet)
    return value.values().map((item) => serializeForLightning(frame, item));
  if (value instanceof ApexMap) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of value.entryList()) {
      result[key === null ? 'null' : toText(frame, key)] = serializeForLightning(frame, item);
    }
    return result;
  }
  if (value instanceof SObjectValue) {
    const result: Record<string, unknown> = {};
    for (const entry of value.populated()) {
      const serialized = serializeForLightning(frame, entry.value);
      if (serialized !== null) result[entry.name] = serialized;
    }
    return result;
  }
  if (value instanceof ApexObject) return objectForLightning(frame, value);
  if (value instanceof ApexBlob)
    throw new NotSupportedOfflineError('returning a Blob to a Lightning component');
  throw new NotSupportedOfflineError('returning this value to a Lightning component');
}

function objectForLightning(frame: Frame, object: ApexObject): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const cls of [...object.cls.lineage()].reverse()) {
    for (const member of cls.decl?.members ?? []) {
      if ((member.kind !== 'field' && member.kind !== 'property') || member.modifiers.isStatic)
        continue;
      if (!isAuraEnabled(member.modifiers.annotations)) continue;
      const names =
        member.kind === 'field'
          ? member.declarators.map((declarator) => declarator.name)
          : [member.name];
      for (const name of names) {
        const serialized = serializeForLightning(frame, getMember(frame, object, name));
        if (serialized !== null) result[name] = serialized;
      }
    }
  }
  return result;
}
