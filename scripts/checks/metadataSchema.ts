/**
 * The Metadata API schema as one model, merged from two generated sources:
 * - jsforce's `ApiSchemas` (from an older Metadata WSDL; knows types and which props are required),
 * - `@salesforce/types/metadata` (TypeScript types of the current WSDL; knows newer elements such
 *   as FlexiPage `itemInstances`/`fieldInstance`, and the enumerations).
 * An element either source knows is accepted; where both know a property, the newer source decides
 * its type and whether it is required, so an element the platform has since made optional is not
 * demanded.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { ApiSchemas } from 'jsforce/lib/api/metadata/schema';

export type PrimitiveType = 'string' | 'boolean' | 'number' | 'any';

export interface PropertySpec {
  name: string;
  /** A primitive, or the name of a complex type in the schema. */
  type: string;
  array: boolean;
  required: boolean;
  /** Allowed values when the property is an enumeration. */
  enumeration?: { name: string; values: readonly string[] };
}

export interface TypeSpec {
  name: string;
  bases: string[];
  properties: Map<string, PropertySpec>;
}

export interface MetadataSchema {
  types: ReadonlyMap<string, TypeSpec>;
}

const PRIMITIVES: ReadonlySet<string> = new Set(['string', 'boolean', 'number', 'any']);

export function isPrimitive(type: string): type is PrimitiveType {
  return PRIMITIVES.has(type);
}

/** Shape of one entry of jsforce's generated `ApiSchemas`. */
interface JsforceTypeSchema {
  readonly type: string;
  readonly props: Readonly<Record<string, string | readonly string[]>>;
  readonly extends?: string;
}

function readJsforceTypes(): TypeSpec[] {
  const schemas: Readonly<Record<string, JsforceTypeSchema>> = ApiSchemas;
  return Object.values(schemas).map((schema) => {
    const properties = new Map<string, PropertySpec>();
    for (const [name, declared] of Object.entries(schema.props)) {
      const array = typeof declared !== 'string';
      const raw = typeof declared === 'string' ? declared : (declared[0] ?? 'any');
      const optional = raw.startsWith('?');
      properties.set(name, {
        name,
        type: optional ? raw.slice(1) : raw,
        array,
        required: !array && !optional
      });
    }
    return { name: schema.type, bases: schema.extends ? [schema.extends] : [], properties };
  });
}

interface SalesforceTypesModel {
  types: TypeSpec[];
  /** Type aliases that are unions of string literals, by alias name. */
  enumerations: Map<string, string[]>;
  /** Type aliases of plain `string` (open enumerations), by alias name. */
  stringAliases: Set<string>;
}

function salesforceTypesDeclarationFile(): string {
  return require.resolve('@salesforce/types/metadata').replace(/\.js$/, '.d.ts');
}

function keywordName(node: ts.TypeNode): PrimitiveType | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
    case ts.SyntaxKind.NumberKeyword:
      return 'number';
    case ts.SyntaxKind.AnyKeyword:
      return 'any';
    default:
      return undefined;
  }
}

function typeNodeName(node: ts.TypeNode): string {
  const keyword = keywordName(node);
  if (keyword) {
    return keyword;
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    return node.typeName.text;
  }
  return 'any';
}

function readTypeLiteral(literal: ts.TypeLiteralNode): Map<string, PropertySpec> {
  const properties = new Map<string, PropertySpec>();
  for (const member of literal.members) {
    if (!ts.isPropertySignature(member) || !member.type) {
      continue;
    }
    const name = member.name.getText();
    const array = ts.isArrayTypeNode(member.type);
    const element = ts.isArrayTypeNode(member.type) ? member.type.elementType : member.type;
    properties.set(name, {
      name,
      type: typeNodeName(element),
      array,
      required: !array && !member.questionToken
    });
  }
  return properties;
}

function readSalesforceTypes(): SalesforceTypesModel {
  const file = salesforceTypesDeclarationFile();
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true
  );
  const model: SalesforceTypesModel = {
    types: [],
    enumerations: new Map(),
    stringAliases: new Set()
  };
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) {
      continue;
    }
    const name = statement.name.text;
    const declared = statement.type;
    if (ts.isUnionTypeNode(declared)) {
      const values = declared.types.flatMap((member) =>
        ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)
          ? [member.literal.text]
          : []
      );
      model.enumerations.set(name, values);
    } else if (ts.isLiteralTypeNode(declared) && ts.isStringLiteral(declared.literal)) {
      model.enumerations.set(name, [declared.literal.text]);
    } else if (keywordName(declared) === 'string') {
      model.stringAliases.add(name);
    } else if (ts.isTypeLiteralNode(declared)) {
      model.types.push({ name, bases: [], properties: readTypeLiteral(declared) });
    } else if (ts.isIntersectionTypeNode(declared)) {
      const bases: string[] = [];
      let properties = new Map<string, PropertySpec>();
      for (const part of declared.types) {
        if (ts.isTypeLiteralNode(part)) {
          properties = readTypeLiteral(part);
        } else {
          bases.push(typeNodeName(part));
        }
      }
      model.types.push({ name, bases, properties });
    } else if (ts.isTypeReferenceNode(declared)) {
      model.types.push({ name, bases: [typeNodeName(declared)], properties: new Map() });
    }
  }
  return model;
}

/** Replaces enumeration and string-alias references with `string` plus the allowed values. */
function resolveAliases(property: PropertySpec, model: SalesforceTypesModel): PropertySpec {
  const values = model.enumerations.get(property.type);
  if (values) {
    return { ...property, type: 'string', enumeration: { name: property.type, values } };
  }
  if (model.stringAliases.has(property.type)) {
    return { ...property, type: 'string' };
  }
  return property;
}

function mergeSchemas(older: TypeSpec[], newer: SalesforceTypesModel): MetadataSchema {
  const types = new Map<string, TypeSpec>();
  for (const type of older) {
    types.set(type.name, {
      name: type.name,
      bases: [...type.bases],
      properties: new Map(type.properties)
    });
  }
  for (const type of newer.types) {
    const merged: TypeSpec = types.get(type.name) ?? {
      name: type.name,
      bases: [],
      properties: new Map()
    };
    for (const base of type.bases) {
      if (!merged.bases.includes(base)) {
        merged.bases.push(base);
      }
    }
    for (const property of type.properties.values()) {
      merged.properties.set(property.name, resolveAliases(property, newer));
    }
    types.set(type.name, merged);
  }
  return { types };
}

let cached: MetadataSchema | undefined;

/** Loads (once per process) the merged schema. */
export function loadMetadataSchema(): MetadataSchema {
  cached ??= mergeSchemas(readJsforceTypes(), readSalesforceTypes());
  return cached;
}

/** Looks a property up on a type or, following inheritance, on its bases. */
export function findProperty(
  schema: MetadataSchema,
  typeName: string,
  propertyName: string
): PropertySpec | undefined {
  const seen = new Set<string>();
  const pending = [typeName];
  while (pending.length > 0) {
    const current = schema.types.get(pending.shift() ?? '');
    if (!current || seen.has(current.name)) {
      continue;
    }
    seen.add(current.name);
    const property = current.properties.get(propertyName);
    if (property) {
      return property;
    }
    pending.push(...current.bases);
  }
  return undefined;
}

/** Every property of a type including inherited ones (the most derived declaration wins). */
export function allProperties(schema: MetadataSchema, typeName: string): PropertySpec[] {
  const byName = new Map<string, PropertySpec>();
  const seen = new Set<string>();
  const pending = [typeName];
  while (pending.length > 0) {
    const current = schema.types.get(pending.shift() ?? '');
    if (!current || seen.has(current.name)) {
      continue;
    }
    seen.add(current.name);
    for (const property of current.properties.values()) {
      if (!byName.has(property.name)) {
        byName.set(property.name, property);
      }
    }
    pending.push(...current.bases);
  }
  return [...byName.values()];
}
