/**
 * The interpreter's view of an Apex type with members: a class, interface or enum from source,
 * or one the platform provides with members that user classes can extend or implement
 * (`Exception` and its subclasses, `Comparable`, `Schedulable`, `Database.Batchable`...).
 */
import type {
  Annotation,
  Block,
  Expr,
  Loc,
  MethodDecl,
  Modifiers,
  PropertyDecl,
  TypeDecl
} from '../parse/ast';
import type { TypeRef } from '../values/typeRef';
import type { EnumValue } from './objects';
import type { Frame } from './frame';

/** A method implemented in TypeScript (platform classes). */
export type NativeMethod = (frame: Frame, self: unknown, args: unknown[]) => unknown;

export interface ParameterInfo {
  name: string;
  type: TypeRef;
}

export interface MethodInfo {
  name: string;
  owner: ClassInfo;
  params: ParameterInfo[];
  /** Null for void methods and constructors. */
  returnType: TypeRef | null;
  isStatic: boolean;
  isAbstract: boolean;
  isConstructor: boolean;
  access: 'public' | 'private' | 'protected' | 'global';
  annotations: Annotation[];
  /** Source declaration (absent for native methods). */
  decl?: MethodDecl | { kind: 'constructor'; body: Block; loc: Loc; modifiers: Modifiers };
  native?: NativeMethod;
  /** Compiled body, created on first call. */
  compiled?: CompiledBody;
}

export interface CompiledBody {
  /** Number of local variable slots the body needs (parameters first). */
  slots: number;
  run(frame: Frame): unknown;
}

export interface FieldInfo {
  name: string;
  type: TypeRef;
  isStatic: boolean;
  isFinal: boolean;
  init?: Expr;
  loc: Loc;
  /** Compiled initialiser, created on first use. */
  compiledInit?: CompiledBody;
}

export interface PropertyInfo {
  name: string;
  type: TypeRef;
  isStatic: boolean;
  decl: PropertyDecl;
  /** Storage key of the automatic backing field. */
  backingKey: string;
  getter?: MethodInfo;
  setter?: MethodInfo;
}

/** Something that runs when a class's statics or an instance are initialised, in source order. */
export type Initializer =
  | { kind: 'field'; field: FieldInfo }
  | { kind: 'block'; body: Block; loc: Loc; compiled?: CompiledBody };

export type ClassKind = 'class' | 'interface' | 'enum';

export class ClassInfo {
  /** Qualified canonical name: `RuleEngine`, `RuleEngine.Verdict`, `System.DmlException`. */
  readonly name: string;
  readonly kind: ClassKind;
  readonly file: string;
  readonly decl?: TypeDecl;
  readonly outer?: ClassInfo;
  readonly inner = new Map<string, ClassInfo>();
  superclass?: ClassInfo;
  interfaces: ClassInfo[] = [];
  isAbstract = false;
  isVirtual = false;
  isTest = false;
  sharing?: 'with' | 'without' | 'inherited';
  /** True for Exception and every class extending it. */
  isException = false;
  /** Declared in this class only, by lower-cased name. */
  readonly methods = new Map<string, MethodInfo[]>();
  readonly constructors: MethodInfo[] = [];
  readonly fields = new Map<string, FieldInfo>();
  readonly properties = new Map<string, PropertyInfo>();
  readonly staticInitializers: Initializer[] = [];
  readonly instanceInitializers: Initializer[] = [];
  enumValues: EnumValue[] = [];
  annotations: Annotation[] = [];
  /** For platform classes: the name Apex reports (`System.DmlException`); user classes: `name`. */
  readonly typeName: string;

  constructor(options: {
    name: string;
    kind: ClassKind;
    file: string;
    decl?: TypeDecl;
    outer?: ClassInfo;
    typeName?: string;
  }) {
    this.name = options.name;
    this.kind = options.kind;
    this.file = options.file;
    this.decl = options.decl;
    this.outer = options.outer;
    this.typeName = options.typeName ?? options.name;
  }

  /** The simple name, without outer class. */
  get simpleName(): string {
    const dot = this.name.lastIndexOf('.');
    return dot < 0 ? this.name : this.name.slice(dot + 1);
  }

  /** This class and its superclasses, nearest first. */
  *lineage(): Generator<ClassInfo> {
    yield this;
    if (this.superclass) yield* this.superclass.lineage();
  }

  /** Whether this type is `other` or extends or implements it, directly or not. */
  isSubtypeOf(other: ClassInfo): boolean {
    if (this === other) return true;
    if (this.superclass?.isSubtypeOf(other)) return true;
    return this.interfaces.some((face) => face.isSubtypeOf(other));
  }

  addMethod(method: MethodInfo): void {
    const key = method.name.toLowerCase();
    this.methodCache.delete(key);
    const list = this.methods.get(key);
    if (list) list.push(method);
    else this.methods.set(key, [method]);
  }

  private readonly methodCache = new Map<string, MethodInfo[]>();

  /** Instance or static methods by name, declared here or inherited, nearest class first. */
  findMethods(name: string): MethodInfo[] {
    const key = name.toLowerCase();
    let cached = this.methodCache.get(key);
    if (!cached) {
      cached = this.collectMethods(key);
      this.methodCache.set(key, cached);
    }
    return cached;
  }

  private collectMethods(key: string): MethodInfo[] {
    const found: MethodInfo[] = [];
    for (const cls of this.lineage()) {
      for (const method of cls.methods.get(key) ?? []) {
        if (!found.some((seen) => sameSignature(seen, method))) found.push(method);
      }
    }
    for (const face of this.allInterfaces()) {
      for (const method of face.methods.get(key) ?? []) {
        if (!found.some((seen) => sameSignature(seen, method))) found.push(method);
      }
    }
    return found;
  }

  /** Every interface this class implements, through its superclasses and other interfaces. */
  allInterfaces(): ClassInfo[] {
    const result: ClassInfo[] = [];
    const visit = (face: ClassInfo) => {
      if (result.includes(face)) return;
      result.push(face);
      face.interfaces.forEach(visit);
    };
    for (const cls of this.lineage()) cls.interfaces.forEach(visit);
    return result;
  }

  findField(name: string): FieldInfo | undefined {
    const key = name.toLowerCase();
    for (const cls of this.lineage()) {
      const field = cls.fields.get(key);
      if (field) return field;
    }
    return undefined;
  }

  findProperty(name: string): PropertyInfo | undefined {
    const key = name.toLowerCase();
    for (const cls of this.lineage()) {
      const property = cls.properties.get(key);
      if (property) return property;
    }
    return undefined;
  }

  /** Declaring class of a field or property, for static storage. */
  ownerOfStatic(name: string): ClassInfo | undefined {
    const key = name.toLowerCase();
    for (const cls of this.lineage()) {
      if (cls.fields.get(key)?.isStatic || cls.properties.get(key)?.isStatic) return cls;
    }
    return undefined;
  }
}

function sameSignature(a: MethodInfo, b: MethodInfo): boolean {
  return (
    a.params.length === b.params.length &&
    a.params.every(
      (param, i) => param.type.name.toLowerCase() === b.params[i].type.name.toLowerCase()
    )
  );
}
