/**
 * A reference to an Apex type as written in source or carried by a collection at run time:
 * `Integer`, `List<Account>`, `Map<Id, List<SObject>>`, `RuleEngine.Verdict`. Names are
 * canonical (as the type declares itself), arguments only on List, Set and Map. `Opportunity[]`
 * is `List<Opportunity>`.
 */
export interface TypeRef {
  readonly name: string;
  readonly args: readonly TypeRef[];
}

const simpleTypes = new Map<string, TypeRef>();

/** A type without arguments; the same object for the same name. */
export function typeNamed(name: string): TypeRef {
  let type = simpleTypes.get(name);
  if (!type) {
    type = Object.freeze({ name, args: Object.freeze([]) as readonly TypeRef[] });
    simpleTypes.set(name, type);
  }
  return type;
}

export function listOf(element: TypeRef): TypeRef {
  return { name: 'List', args: [element] };
}

export function setOf(element: TypeRef): TypeRef {
  return { name: 'Set', args: [element] };
}

export function mapOf(key: TypeRef, value: TypeRef): TypeRef {
  return { name: 'Map', args: [key, value] };
}

export const OBJECT_TYPE = typeNamed('Object');
export const STRING_TYPE = typeNamed('String');
export const ID_TYPE = typeNamed('Id');
export const INTEGER_TYPE = typeNamed('Integer');
export const LONG_TYPE = typeNamed('Long');
export const DOUBLE_TYPE = typeNamed('Double');
export const DECIMAL_TYPE = typeNamed('Decimal');
export const BOOLEAN_TYPE = typeNamed('Boolean');
export const DATE_TYPE = typeNamed('Date');
export const DATETIME_TYPE = typeNamed('Datetime');
export const TIME_TYPE = typeNamed('Time');
export const BLOB_TYPE = typeNamed('Blob');
export const SOBJECT_TYPE = typeNamed('SObject');

/** As Apex names the type in messages: `List<Account>`, `Map<Id,SObject>`. */
export function typeToString(type: TypeRef): string {
  return type.args.length === 0
    ? type.name
    : `${type.name}<${type.args.map(typeToString).join(',')}>`;
}

export function sameType(a: TypeRef, b: TypeRef): boolean {
  return (
    a.name.toLowerCase() === b.name.toLowerCase() &&
    a.args.length === b.args.length &&
    a.args.every((arg, index) => sameType(arg, b.args[index]))
  );
}
