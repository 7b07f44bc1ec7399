/**
 * The runtime's own syntax tree of Apex, built from the apex-parser parse tree (astBuilder.ts).
 * It keeps what execution needs, with a source position on every node; inline SOQL keeps the
 * parser's QueryContext, which the SOQL module reads.
 */
import type { QueryContext } from '@apexdevtools/apex-parser';

export interface Loc {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface TypeNode {
  /** Dotted parts, each with its type arguments: `Map<Id, X>` is one part, `Database.SaveResult` two. */
  parts: { name: string; args: TypeNode[] }[];
  /** `String[]` has depth 1 (a List). */
  arrayDepth: number;
  loc: Loc;
}

export type LiteralValue =
  | { kind: 'integer'; value: number }
  | { kind: 'long'; value: bigint }
  | { kind: 'decimal'; text: string }
  | { kind: 'double'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export type BinaryOperator =
  | '*'
  | '/'
  | '+'
  | '-'
  | '<<'
  | '>>'
  | '>>>'
  | '<'
  | '>'
  | '<='
  | '>='
  | '=='
  | '!='
  | '==='
  | '!=='
  | '&'
  | '|'
  | '^';

export type AssignOperator =
  '=' | '+=' | '-=' | '*=' | '/=' | '&=' | '|=' | '^=' | '>>=' | '>>>=' | '<<=';

export type Expr =
  | { kind: 'literal'; value: LiteralValue; loc: Loc }
  | { kind: 'name'; name: string; loc: Loc }
  | { kind: 'this'; loc: Loc }
  | { kind: 'super'; loc: Loc }
  | {
      kind: 'field';
      target: Expr;
      name: string;
      nullSafe: boolean;
      /** Written in parentheses: a `?.` inside short-circuits no further than the parenthesis. */
      parenthesized?: boolean;
      loc: Loc;
    }
  | {
      kind: 'call';
      /** Null for an unqualified call (`foo()`), `this`/`super` constructor calls have their own kind. */
      target: Expr | null;
      name: string;
      args: Expr[];
      nullSafe: boolean;
      parenthesized?: boolean;
      loc: Loc;
    }
  | { kind: 'constructorCall'; which: 'this' | 'super'; args: Expr[]; loc: Loc }
  | { kind: 'index'; target: Expr; index: Expr; parenthesized?: boolean; loc: Loc }
  | {
      kind: 'new';
      type: TypeNode;
      /** `new X(a, b)`; for SObjects the arguments are `Field = value` assignments. */
      args?: Expr[];
      /** `new List<X>{a, b}` / `new Set<X>{...}` / `new X[]{...}`. */
      elements?: Expr[];
      /** `new Map<K, V>{k => v}`. */
      entries?: [Expr, Expr][];
      /** `new X[n]`. */
      arraySize?: Expr;
      loc: Loc;
    }
  | { kind: 'cast'; type: TypeNode; expr: Expr; loc: Loc }
  | { kind: 'unary'; op: '-' | '+' | '!' | '~'; expr: Expr; loc: Loc }
  | { kind: 'increment'; op: '++' | '--'; prefix: boolean; target: Expr; loc: Loc }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; loc: Loc }
  | { kind: 'logical'; op: '&&' | '||' | '??'; left: Expr; right: Expr; loc: Loc }
  | { kind: 'conditional'; condition: Expr; whenTrue: Expr; whenFalse: Expr; loc: Loc }
  | { kind: 'assign'; op: AssignOperator; target: Expr; value: Expr; loc: Loc }
  | { kind: 'instanceof'; expr: Expr; type: TypeNode; loc: Loc }
  | { kind: 'classLiteral'; type: TypeNode | null; loc: Loc }
  | { kind: 'soql'; query: QueryContext; text: string; loc: Loc }
  | { kind: 'unsupported'; what: string; loc: Loc };

export interface WhenClause {
  /** `when else`, literal values (null allowed), enum names, or `when Type name`. */
  match:
    | { kind: 'else' }
    | { kind: 'values'; values: (LiteralValue | { kind: 'enum'; name: string })[] }
    | { kind: 'type'; type: TypeNode; name: string };
  body: Block;
  loc: Loc;
}

export interface Block {
  kind: 'block';
  body: Stmt[];
  loc: Loc;
}

export interface VariableDeclarator {
  name: string;
  init?: Expr;
  loc: Loc;
}

export type DmlOperation = 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';

export type Stmt =
  | Block
  | { kind: 'local'; type: TypeNode; declarators: VariableDeclarator[]; loc: Loc }
  | { kind: 'expr'; expr: Expr; loc: Loc }
  | { kind: 'if'; condition: Expr; then: Stmt; otherwise?: Stmt; loc: Loc }
  | { kind: 'while'; condition: Expr; body: Stmt; loc: Loc }
  | { kind: 'doWhile'; body: Block; condition: Expr; loc: Loc }
  | {
      kind: 'for';
      init?:
        { kind: 'local'; type: TypeNode; declarators: VariableDeclarator[]; loc: Loc } | Expr[];
      condition?: Expr;
      update: Expr[];
      body: Stmt;
      loc: Loc;
    }
  | { kind: 'forEach'; type: TypeNode; name: string; iterable: Expr; body: Stmt; loc: Loc }
  | { kind: 'return'; value?: Expr; loc: Loc }
  | { kind: 'break'; loc: Loc }
  | { kind: 'continue'; loc: Loc }
  | { kind: 'throw'; value: Expr; loc: Loc }
  | {
      kind: 'try';
      body: Block;
      catches: { type: string[]; name: string; body: Block; loc: Loc }[];
      finally?: Block;
      loc: Loc;
    }
  | {
      kind: 'dml';
      operation: DmlOperation;
      access?: 'user' | 'system';
      target: Expr;
      /** `upsert records Field__c`: the external id field. */
      externalIdField?: string[];
      /** `merge master duplicate`. */
      second?: Expr;
      loc: Loc;
    }
  | { kind: 'runAs'; args: Expr[]; body: Block; loc: Loc }
  | { kind: 'switch'; subject: Expr; whens: WhenClause[]; loc: Loc }
  | { kind: 'empty'; loc: Loc };

export interface Annotation {
  /** Lower-cased name without `@`: `istest`, `auraenabled`, `testvisible`. */
  name: string;
  /** Lower-cased parameter names to their literal values. */
  params: Map<string, LiteralValue>;
}

export type Access = 'public' | 'private' | 'protected' | 'global';

export interface Modifiers {
  annotations: Annotation[];
  access?: Access;
  isStatic: boolean;
  isFinal: boolean;
  isAbstract: boolean;
  isVirtual: boolean;
  isOverride: boolean;
  isTransient: boolean;
  isTestMethod: boolean;
  isWebService: boolean;
  sharing?: 'with' | 'without' | 'inherited';
}

export interface Parameter {
  type: TypeNode;
  name: string;
  isFinal: boolean;
  loc: Loc;
}

export interface FieldDecl {
  kind: 'field';
  modifiers: Modifiers;
  type: TypeNode;
  declarators: VariableDeclarator[];
  loc: Loc;
}

export interface PropertyAccessor {
  modifiers: Modifiers;
  /** Absent for an automatic accessor (`get;`). */
  body?: Block;
  loc: Loc;
}

export interface PropertyDecl {
  kind: 'property';
  modifiers: Modifiers;
  type: TypeNode;
  name: string;
  getter?: PropertyAccessor;
  setter?: PropertyAccessor;
  loc: Loc;
}

export interface MethodDecl {
  kind: 'method';
  modifiers: Modifiers;
  /** Null for void. */
  returnType: TypeNode | null;
  name: string;
  params: Parameter[];
  /** Absent for abstract and interface methods. */
  body?: Block;
  loc: Loc;
}

export interface ConstructorDecl {
  kind: 'constructor';
  modifiers: Modifiers;
  params: Parameter[];
  body: Block;
  loc: Loc;
}

export interface InitializerDecl {
  kind: 'initializer';
  isStatic: boolean;
  body: Block;
  loc: Loc;
}

export type MemberDecl = FieldDecl | PropertyDecl | MethodDecl | ConstructorDecl | InitializerDecl;

export interface TypeDecl {
  kind: 'class' | 'interface' | 'enum';
  name: string;
  modifiers: Modifiers;
  extendsType?: TypeNode;
  /** Implemented interfaces (classes) or extended interfaces (interfaces). */
  interfaces: TypeNode[];
  /** Members in source order (initialisation runs in this order). */
  members: MemberDecl[];
  innerTypes: TypeDecl[];
  enumValues: string[];
  loc: Loc;
}

export type TriggerEvent =
  | 'before insert'
  | 'before update'
  | 'before delete'
  | 'after insert'
  | 'after update'
  | 'after delete'
  | 'after undelete';

export interface TriggerDecl {
  name: string;
  objectName: string;
  events: TriggerEvent[];
  body: Block;
  /** Methods, classes and fields declared inside the trigger body. */
  members: MemberDecl[];
  innerTypes: TypeDecl[];
  loc: Loc;
}

export interface AnonymousBlock {
  body: Block;
  members: MemberDecl[];
  innerTypes: TypeDecl[];
}
