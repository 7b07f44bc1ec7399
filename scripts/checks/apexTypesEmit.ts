/**
 * Turns the Apex view of `@AuraEnabled` methods into TypeScript declarations of the
 * `@salesforce/apex/Class.method` modules. Each default export is callable with a params object
 * keyed by the Apex parameter names; cacheable methods are also wire adapters, typed with LWC's
 * own `WireAdapterConstructor` so that `@wire(method, { recordId: '$recordId' })` type-checks
 * config keys and the decorated field's `{ data, error }` shape. Non-cacheable methods are not
 * wire adapters, because the platform refuses to wire them.
 */
import type {
  ApexClassModel,
  ApexEnumModel,
  ApexTypeRef,
  AuraEnabledMethod
} from './apexTypesParse';
import type { SObjectShape } from './apexTypesSObjects';

export const GENERATED_NAMESPACE = 'ApexGenerated';

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: 'string',
  id: 'string',
  integer: 'number',
  decimal: 'number',
  double: 'number',
  long: 'number',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
  time: 'string',
  blob: 'string',
  object: 'unknown'
};

/** Standard objects the package's Apex is likely to return; any `__c`-style name is an SObject too. */
const STANDARD_SOBJECTS: ReadonlySet<string> = new Set(
  [
    'SObject',
    'Account',
    'AccountContactRelation',
    'Campaign',
    'Case',
    'Contact',
    'ContentDocument',
    'ContentVersion',
    'Contract',
    'Event',
    'Group',
    'Lead',
    'Opportunity',
    'OpportunityContactRole',
    'OpportunityHistory',
    'OpportunityLineItem',
    'Order',
    'Pricebook2',
    'PricebookEntry',
    'Product2',
    'Profile',
    'RecordType',
    'Task',
    'User',
    'UserRole'
  ].map((name) => name.toLowerCase())
);

const CUSTOM_SOBJECT_SUFFIX = /__(c|mdt|e|x|b|kav|share|history|feed)$/i;

function isSObject(name: string): boolean {
  const simple = name.toLowerCase().replace(/^schema\./, '');
  return STANDARD_SOBJECTS.has(simple) || CUSTOM_SOBJECT_SUFFIX.test(simple);
}

/** `Outer.Inner` → `Outer_Inner`: the interface name of a serialisable Apex class. */
export function interfaceName(qualifiedClassName: string): string {
  return qualifiedClassName.replace(/\./g, '_');
}

function flattenClasses(classes: readonly ApexClassModel[]): ApexClassModel[] {
  return classes.flatMap((model) => [model, ...flattenClasses(model.innerClasses)]);
}

/** Resolves Apex type names to TypeScript types, the way the compiler resolves class names. */
export class ApexTypeMapper {
  /** Serialisable classes by lower-cased qualified name. */
  private readonly dtos = new Map<string, ApexClassModel>();
  /** Enums by lower-cased qualified name. */
  private readonly enums = new Map<string, ApexEnumModel>();
  /** SObjects the project describes that a mapped type used, by lower-cased name. */
  private readonly usedSObjects = new Map<string, SObjectShape>();
  private readonly usedEnums = new Map<string, ApexEnumModel>();

  constructor(
    classes: readonly ApexClassModel[],
    private readonly sobjects: ReadonlyMap<string, SObjectShape> = new Map(),
    topLevelEnums: readonly ApexEnumModel[] = []
  ) {
    const allClasses = flattenClasses(classes);
    for (const model of allClasses) {
      if (model.members.length > 0) {
        this.dtos.set(model.name.toLowerCase(), model);
      }
    }
    for (const model of [...topLevelEnums, ...allClasses.flatMap((owner) => owner.innerEnums)]) {
      this.enums.set(model.name.toLowerCase(), model);
    }
  }

  /** The enums that mapped types referred to so far, sorted by name. */
  referencedEnums(): ApexEnumModel[] {
    return [...this.usedEnums.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The described SObjects that mapped types referred to so far, sorted by name. */
  referencedSObjects(): SObjectShape[] {
    return [...this.usedSObjects.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  serialisableClasses(): ApexClassModel[] {
    return [...this.dtos.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Maps a type as written inside `contextClass` (qualified name) to TypeScript. */
  map(type: ApexTypeRef, contextClass: string): string {
    let mapped = this.mapElement(type, contextClass);
    for (let depth = 0; depth < type.arrayDepth; depth++) {
      mapped = `${parenthesise(mapped)}[]`;
    }
    return mapped;
  }

  private mapElement(type: ApexTypeRef, contextClass: string): string {
    const name = type.name.toLowerCase();
    const [first, second] = type.typeArguments;
    if ((name === 'list' || name === 'set') && first) {
      return `${parenthesise(this.map(first, contextClass))}[]`;
    }
    if (name === 'map' && second) {
      return `Record<string, ${this.map(second, contextClass)}>`;
    }
    const primitive = Object.hasOwn(PRIMITIVES, name) ? PRIMITIVES[name] : undefined;
    if (primitive) {
      return primitive;
    }
    const dto = this.resolve(this.dtos, type.name, contextClass);
    if (dto) {
      return `${GENERATED_NAMESPACE}.${interfaceName(dto.name)}`;
    }
    const enumModel = this.resolve(this.enums, type.name, contextClass);
    if (enumModel) {
      this.usedEnums.set(enumModel.name.toLowerCase(), enumModel);
      return `${GENERATED_NAMESPACE}.${interfaceName(enumModel.name)}`;
    }
    if (isSObject(type.name)) {
      const shape = this.sobjects.get(name.replace(/^schema\./, ''));
      if (shape) {
        this.usedSObjects.set(shape.name.toLowerCase(), shape);
        return `${GENERATED_NAMESPACE}.${shape.name}`;
      }
      return `${GENERATED_NAMESPACE}.SObjectRecord`;
    }
    return 'unknown';
  }

  /** Looks a type name up from inside `contextClass`: its inner types, the outer class's, then top level. */
  private resolve<T>(
    types: ReadonlyMap<string, T>,
    name: string,
    contextClass: string
  ): T | undefined {
    const scopes = contextClass.split('.');
    for (let depth = scopes.length; depth >= 0; depth--) {
      const prefix = scopes.slice(0, depth).join('.');
      const qualified = (prefix ? `${prefix}.${name}` : name).toLowerCase();
      const found = types.get(qualified);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
}

function parenthesise(type: string): string {
  return /[|&\s]/.test(type) && !type.startsWith('Record<') ? `(${type})` : type;
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function paramsType(method: AuraEnabledMethod, className: string, mapper: ApexTypeMapper): string {
  if (method.parameters.length === 0) {
    return 'Record<string, never>';
  }
  // Apex receives a parameter the caller leaves out as null, and every Apex type takes null.
  const entries = method.parameters.map(
    (parameter) =>
      `${propertyKey(parameter.name)}?: ${mapper.map(parameter.type, className)} | null`
  );
  return `{ ${entries.join('; ')} }`;
}

function apexSignature(method: AuraEnabledMethod): string {
  const format = (type: ApexTypeRef): string =>
    (type.typeArguments.length > 0
      ? `${type.name}<${type.typeArguments.map(format).join(', ')}>`
      : type.name) + '[]'.repeat(type.arrayDepth);
  const parameters = method.parameters
    .map((parameter) => `${format(parameter.type)} ${parameter.name}`)
    .join(', ');
  const returnType = method.returnType ? format(method.returnType) : 'void';
  return `${returnType} ${method.name}(${parameters})`;
}

const PRELUDE = `/**
 * Generated by scripts/checks/apexTypes.ts from the Apex classes and custom fields in
 * force-app/main/default.
 * Do not edit: change the Apex and run \`npx tsx scripts/checks/apexTypes.ts\`;
 * \`npm run check:apex-types\` fails while this file is stale.
 */

declare namespace ${GENERATED_NAMESPACE} {
  /** What a wired field or function receives: \`data\` once loaded, \`error\` if the call failed. */
  interface WireResult<T> {
    data?: T;
    error?: unknown;
  }

  /** An \`@AuraEnabled\` method called imperatively; rejects with the Apex error. */
  type ImperativeMethod<Params, Result> = Params extends Record<string, never>
    ? (params?: Params) => Promise<Result>
    : (params: Params) => Promise<Result>;

  /** An \`@AuraEnabled(cacheable=true)\` method: callable, and a wire adapter for \`@wire\`. */
  type CacheableMethod<Params extends Record<string, unknown>, Result> = ImperativeMethod<
    Params,
    Result
  > &
    import('lwc').WireAdapterConstructor<Params, WireResult<Result>>;

  /** An SObject as Apex serialises it: its Id and whichever fields were queried. */
  type SObjectRecord = { Id?: string } & Record<string, unknown>;
`;

function emitInterfaces(mapper: ApexTypeMapper): string[] {
  return mapper.serialisableClasses().map((model) => {
    const members = model.members.map(
      (member) => `    ${propertyKey(member.name)}?: ${mapper.map(member.type, model.name)} | null;`
    );
    return [
      '',
      `  /** Apex \`${model.name}\`; a member Apex left null arrives as null or not at all. */`,
      `  interface ${interfaceName(model.name)} {`,
      ...members,
      '  }'
    ].join('\n');
  });
}

function emitEnums(mapper: ApexTypeMapper): string[] {
  return mapper.referencedEnums().map((model) => {
    const values = model.values.map((value) => `'${value}'`).join(' | ') || 'never';
    return [
      '',
      `  /** Apex enum \`${model.name}\`, received as the value's name. */`,
      `  type ${interfaceName(model.name)} = ${values};`
    ].join('\n');
  });
}

function emitSObjects(mapper: ApexTypeMapper): string[] {
  return mapper.referencedSObjects().map((shape) => {
    const members = [
      ...(shape.hasName ? ['    Name?: string;'] : []),
      ...shape.fields.map((field) => `    ${field.name}?: ${field.tsType} | null;`)
    ];
    return [
      '',
      `  /** ${shape.name} with the fields this project defines; other fields stay \`unknown\`. */`,
      `  interface ${shape.name} extends SObjectRecord {`,
      ...members,
      '  }'
    ].join('\n');
  });
}

function emitMethod(
  model: ApexClassModel,
  method: AuraEnabledMethod,
  mapper: ApexTypeMapper
): string {
  const params = paramsType(method, model.name, mapper);
  const result = method.returnType ? mapper.map(method.returnType, model.name) : 'void';
  const kind = method.cacheable ? 'CacheableMethod' : 'ImperativeMethod';
  const annotation = method.cacheable ? '@AuraEnabled(cacheable=true)' : '@AuraEnabled';
  return [
    '',
    `declare module '@salesforce/apex/${model.name}.${method.name}' {`,
    `  /** ${annotation} ${apexSignature(method)} */`,
    `  const ${method.name}: ${GENERATED_NAMESPACE}.${kind}<${params}, ${result}>;`,
    `  export default ${method.name};`,
    '}'
  ].join('\n');
}

export interface ApexSources {
  classes: readonly ApexClassModel[];
  /** Top-level enums (inner enums come with their classes). */
  enums?: readonly ApexEnumModel[];
  /** The project's SObjects and their custom fields, by lower-cased API name. */
  sobjects?: ReadonlyMap<string, SObjectShape>;
}

/** The whole generated declaration file for a set of top-level classes. */
export function emitApexDeclarations({
  classes,
  enums = [],
  sobjects = new Map()
}: ApexSources): string {
  const sorted = [...classes].sort((a, b) => a.name.localeCompare(b.name));
  const mapper = new ApexTypeMapper(sorted, sobjects, enums);
  const methods = sorted.flatMap((model) =>
    [...model.methods]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((method) => emitMethod(model, method, mapper))
  );
  // Interfaces last: emitting them maps member types, which may reference more SObjects and enums.
  const interfaces = emitInterfaces(mapper);
  const declarations = [...interfaces, ...emitEnums(mapper), ...emitSObjects(mapper)];
  return [PRELUDE + declarations.join('\n'), '}', ...methods].join('\n') + '\n';
}
