/**
 * A set of Apex classes and triggers, parsed and linked: every type by name, its members, its
 * superclass and interfaces, and the platform types user code can extend or implement. Type names
 * in source resolve here, the way the Apex compiler resolves them: inner types of the enclosing
 * classes first, then top-level classes, then the platform's types and the org's objects.
 */
import type { OrgSchema } from '../metadata/schema';
import type {
  AnonymousBlock,
  Block,
  MemberDecl,
  Modifiers,
  PropertyDecl,
  TriggerDecl,
  TypeDecl,
  TypeNode
} from '../parse/ast';
import { parseClass, parseTrigger } from '../parse/astBuilder';
import { listOf, typeNamed, type TypeRef } from '../values/typeRef';
import { ClassInfo, type MethodInfo, type ParameterInfo, type PropertyInfo } from './classInfo';
import { EnumValue } from './objects';
import { installPlatformClasses } from './platformClasses';
import { isNativeTypeName, canonicalNativeName } from './nativeTypes';

export interface ApexSource {
  /** A path or name used in messages and coverage (e.g. `classes/rules/RuleEngine.cls`). */
  file: string;
  text: string;
}

export class CompileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string
  ) {
    super(`${file}: line ${line}, column ${column}: ${detail}`);
  }
}

/** The synthetic class of an anonymous block's declarations. */
export const ANONYMOUS_CLASS = 'AnonymousBlock';

const PRIMITIVES = new Map(
  [
    'Integer',
    'Long',
    'Double',
    'Decimal',
    'String',
    'Id',
    'Boolean',
    'Date',
    'Datetime',
    'Time',
    'Blob',
    'Object',
    'SObject',
    'AggregateResult',
    'List',
    'Set',
    'Map'
  ].map((name) => [name.toLowerCase(), name])
);

export class Program {
  /** Every class, interface and enum by lower-cased qualified name. */
  private readonly types = new Map<string, ClassInfo>();
  readonly triggers: TriggerDecl[] = [];
  readonly triggerFiles = new Map<TriggerDecl, string>();
  readonly topLevel: ClassInfo[] = [];

  constructor(readonly schema: OrgSchema) {
    installPlatformClasses(this);
  }

  /** Parses and links sources (classes `.cls`, triggers `.trigger`). */
  static fromSources(schema: OrgSchema, sources: readonly ApexSource[]): Program {
    const program = new Program(schema);
    for (const source of sources) program.add(source);
    program.link();
    return program;
  }

  add(source: ApexSource): void {
    if (source.file.endsWith('.trigger')) {
      const trigger = cachedParse(source, parseTrigger);
      this.triggers.push(trigger);
      this.triggerFiles.set(trigger, source.file);
      return;
    }
    const decl = cachedParse(source, parseClass);
    this.topLevel.push(this.declare(decl, source.file));
  }

  /**
   * The class that holds what an anonymous block declares (methods, inner classes, variables
   * outside statements), so the block's statements can call them. Replaces any previous one.
   */
  declareAnonymous(block: AnonymousBlock, file: string): ClassInfo {
    for (const name of [...this.types.keys()]) {
      if (
        name === ANONYMOUS_CLASS.toLowerCase() ||
        name.startsWith(`${ANONYMOUS_CLASS.toLowerCase()}.`)
      ) {
        this.types.delete(name);
      }
    }
    const decl: TypeDecl = {
      kind: 'class',
      name: ANONYMOUS_CLASS,
      modifiers: {
        annotations: [],
        isStatic: false,
        isFinal: false,
        isAbstract: false,
        isVirtual: false,
        isOverride: false,
        isTransient: false,
        isTestMethod: false,
        isWebService: false
      },
      interfaces: [],
      members: block.members.map((member) =>
        member.kind === 'method' || member.kind === 'field' || member.kind === 'property'
          ? { ...member, modifiers: { ...member.modifiers, isStatic: true } }
          : member
      ),
      innerTypes: block.innerTypes,
      enumValues: [],
      loc: { line: 1, column: 1 }
    };
    const info = this.declare(decl, file);
    for (const type of this.types.values()) {
      if (type === info || type.outer === info || type.outer?.outer === info) {
        this.linked.delete(type);
        this.linkOnce(type);
      }
    }
    return info;
  }

  register(info: ClassInfo): void {
    this.types.set(info.name.toLowerCase(), info);
  }

  /** A class by qualified name (case-insensitive), `System.` prefix optional for platform types. */
  classNamed(name: string): ClassInfo | undefined {
    const key = name.toLowerCase();
    return (
      this.types.get(key) ?? (key.startsWith('system.') ? this.types.get(key.slice(7)) : undefined)
    );
  }

  allClasses(): ClassInfo[] {
    return [...this.types.values()];
  }

  private declare(decl: TypeDecl, file: string, outer?: ClassInfo): ClassInfo {
    const name = outer ? `${outer.name}.${decl.name}` : decl.name;
    if (this.types.has(name.toLowerCase())) {
      throw new CompileError(file, decl.loc.line, decl.loc.column, `Duplicate type: ${name}`);
    }
    const info = new ClassInfo({ name, kind: decl.kind, file, decl, outer });
    info.isAbstract = decl.modifiers.isAbstract || decl.kind === 'interface';
    info.isVirtual = decl.modifiers.isVirtual;
    info.sharing = decl.modifiers.sharing;
    info.annotations = decl.modifiers.annotations;
    info.isTest = hasAnnotation(decl.modifiers, 'istest');
    this.register(info);
    outer?.inner.set(decl.name.toLowerCase(), info);
    for (const inner of decl.innerTypes) this.declare(inner, file, info);
    if (decl.kind === 'enum') {
      info.enumValues = decl.enumValues.map(
        (value, ordinal) => new EnumValue(name, value, ordinal)
      );
    }
    return info;
  }

  /** Resolves superclasses, interfaces and members once every type is declared. */
  link(): void {
    for (const info of this.types.values()) this.linkOnce(info);
  }

  private linkOnce(info: ClassInfo): void {
    if (!info.decl || this.linked.has(info)) return;
    this.linked.add(info);
    this.linkClass(info);
  }

  private readonly linked = new Set<ClassInfo>();

  private linkClass(info: ClassInfo): void {
    const decl = info.decl as TypeDecl;
    if (decl.extendsType) {
      info.superclass = this.classOfType(decl.extendsType, info);
      this.linkOnce(info.superclass);
      if (decl.kind === 'interface') {
        info.interfaces.push(info.superclass);
        info.superclass = undefined;
      }
    }
    for (const face of decl.interfaces) info.interfaces.push(this.classOfType(face, info));
    if (info.superclass?.isException) info.isException = true;
    if (info.isException && !/exception$/i.test(info.simpleName)) {
      throw new CompileError(
        info.file,
        decl.loc.line,
        decl.loc.column,
        `Classes extending Exception must have a name ending in 'Exception': ${info.name}`
      );
    }
    for (const member of decl.members) this.linkMember(info, member);
  }

  private linkMember(info: ClassInfo, member: MemberDecl): void {
    const interfaceMember = info.kind === 'interface';
    switch (member.kind) {
      case 'field':
        for (const declarator of member.declarators) {
          const field = {
            name: declarator.name,
            type: this.resolveType(member.type, info),
            isStatic: member.modifiers.isStatic,
            isFinal: member.modifiers.isFinal,
            init: declarator.init,
            loc: declarator.loc
          };
          info.fields.set(declarator.name.toLowerCase(), field);
          (field.isStatic ? info.staticInitializers : info.instanceInitializers).push({
            kind: 'field',
            field
          });
        }
        return;
      case 'property': {
        const type = this.resolveType(member.type, info);
        const property: PropertyInfo = {
          name: member.name,
          type,
          isStatic: member.modifiers.isStatic,
          decl: member,
          backingKey: `$property:${member.name.toLowerCase()}`
        };
        // Accessors with a body run as methods; `get;`/`set;` read and write the backing value.
        if (member.getter?.body) {
          property.getter = this.accessor(info, member, member.getter.body, 'get', []);
        }
        if (member.setter?.body) {
          property.setter = this.accessor(info, member, member.setter.body, 'set', [
            { name: 'value', type }
          ]);
        }
        info.properties.set(member.name.toLowerCase(), property);
        return;
      }
      case 'method':
        info.addMethod({
          name: member.name,
          owner: info,
          params: member.params.map((param) => ({
            name: param.name,
            type: this.resolveType(param.type, info)
          })),
          returnType: member.returnType ? this.resolveType(member.returnType, info) : null,
          isStatic: member.modifiers.isStatic,
          isAbstract: interfaceMember || member.modifiers.isAbstract || !member.body,
          isConstructor: false,
          access: member.modifiers.access ?? (interfaceMember ? 'public' : 'private'),
          annotations: member.modifiers.annotations,
          decl: member
        });
        return;
      case 'constructor':
        info.constructors.push({
          name: info.simpleName,
          owner: info,
          params: member.params.map((param) => ({
            name: param.name,
            type: this.resolveType(param.type, info)
          })),
          returnType: null,
          isStatic: false,
          isAbstract: false,
          isConstructor: true,
          access: member.modifiers.access ?? 'private',
          annotations: member.modifiers.annotations,
          decl: member
        });
        return;
      case 'initializer':
        (member.isStatic ? info.staticInitializers : info.instanceInitializers).push({
          kind: 'block',
          body: member.body,
          loc: member.loc
        });
        return;
    }
  }

  private accessor(
    info: ClassInfo,
    property: PropertyDecl,
    body: Block,
    kind: 'get' | 'set',
    params: ParameterInfo[]
  ): MethodInfo {
    return {
      name: `${kind} ${property.name}`,
      owner: info,
      params,
      returnType: kind === 'get' ? this.resolveType(property.type, info) : null,
      isStatic: property.modifiers.isStatic,
      isAbstract: false,
      isConstructor: false,
      access: 'private',
      annotations: [],
      decl: {
        kind: 'method',
        modifiers: property.modifiers,
        returnType: kind === 'get' ? property.type : null,
        name: `${kind} ${property.name}`,
        params: [],
        body,
        loc: body.loc
      }
    };
  }

  /** The class named by a type in source, or a compile error naming it. */
  classOfType(node: TypeNode, context: ClassInfo | null): ClassInfo {
    const name = node.parts.map((part) => part.name).join('.');
    const found = this.findClass(name, context);
    if (!found) throw this.invalidType(node, context);
    return found;
  }

  private invalidType(node: TypeNode, context: ClassInfo | null): CompileError {
    const name = node.parts.map((part) => part.name).join('.');
    return new CompileError(
      context?.file ?? 'anonymous',
      node.loc.line,
      node.loc.column,
      `Invalid type: ${name}`
    );
  }

  /** A class, interface or enum visible from `context` under a (possibly dotted) name. */
  findClass(name: string, context: ClassInfo | null): ClassInfo | undefined {
    const key = name.toLowerCase();
    if (!key.includes('.')) {
      for (let scope: ClassInfo | undefined = context ?? undefined; scope; scope = scope.outer) {
        for (const cls of scope.lineage()) {
          const inner = cls.inner.get(key);
          if (inner) return inner;
        }
        if (scope.name.toLowerCase() === key) return scope;
      }
    }
    return this.classNamed(key);
  }

  /**
   * The run-time type a type in source names: user classes by qualified name, objects by their
   * canonical API name, platform types by their canonical name. `X[]` is `List<X>`.
   */
  resolveType(node: TypeNode, context: ClassInfo | null): TypeRef {
    let type = this.resolveParts(node, context);
    for (let depth = 0; depth < node.arrayDepth; depth++) type = listOf(type);
    return type;
  }

  private resolveParts(node: TypeNode, context: ClassInfo | null): TypeRef {
    const last = node.parts[node.parts.length - 1];
    const args = last.args.map((arg) => this.resolveType(arg, context));
    const name = node.parts.map((part) => part.name).join('.');
    const resolved = this.resolveName(name, context);
    if (!resolved) throw this.invalidType(node, context);
    const canonical = resolved.toLowerCase();
    if (canonical === 'list' || canonical === 'set') {
      return { name: resolved, args: args.length === 1 ? args : [typeNamed('Object')] };
    }
    if (canonical === 'map') {
      return {
        name: resolved,
        args: args.length === 2 ? args : [typeNamed('Object'), typeNamed('Object')]
      };
    }
    return typeNamed(resolved);
  }

  /** The canonical name of a type named in source, or undefined when nothing has that name. */
  resolveName(name: string, context: ClassInfo | null): string | undefined {
    const key = name.toLowerCase();
    const unqualified = key.startsWith('system.') ? key.slice(7) : key;
    const primitive = PRIMITIVES.get(unqualified);
    if (primitive) return primitive;
    const cls = this.findClass(name, context);
    if (cls) return cls.name;
    const objectName = key.startsWith('schema.') ? name.slice(7) : name;
    const object = this.schema.object(objectName);
    if (object) return object.name;
    if (isNativeTypeName(name)) return canonicalNativeName(name);
    return undefined;
  }

  /** Methods with this name callable on the class (own, inherited, from interfaces). */
  methodsOf(cls: ClassInfo, name: string): MethodInfo[] {
    return cls.findMethods(name);
  }
}

/**
 * Syntax trees are immutable (what execution derives lives on ClassInfo and MethodInfo), so one
 * parse of a file's text serves every program built in the process.
 */
const parsed = new Map<string, unknown>();

function cachedParse<T>(source: ApexSource, parse: (text: string, file: string) => T): T {
  const key = `${source.file}\u0000${source.text}`;
  let tree = parsed.get(key) as T | undefined;
  if (tree === undefined) {
    tree = parse(source.text, source.file);
    parsed.set(key, tree);
  }
  return tree;
}

export function hasAnnotation(modifiers: Modifiers, name: string): boolean {
  return modifiers.annotations.some((annotation) => annotation.name === name);
}
