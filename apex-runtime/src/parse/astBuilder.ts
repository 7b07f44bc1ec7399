/**
 * Builds the runtime's syntax tree (ast.ts) from the apex-parser parse tree: classes, triggers and
 * anonymous blocks. Syntax errors are collected from the lexer and the parser and reported with
 * file, line and column; constructs the runtime does not execute become `unsupported` nodes that
 * fail when run, naming the construct and its line.
 */
import {
  ApexParserFactory,
  Arth1ExpressionContext,
  Arth2ExpressionContext,
  AssignExpressionContext,
  BitAndExpressionContext,
  BitExpressionContext,
  BitNotExpressionContext,
  BitOrExpressionContext,
  CastExpressionContext,
  CmpExpressionContext,
  CoalExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  EqualityExpressionContext,
  IdPrimaryContext,
  InstanceOfExpressionContext,
  LiteralPrimaryContext,
  LogAndExpressionContext,
  LogOrExpressionContext,
  MethodCallExpressionContext,
  NegExpressionContext,
  NewExpressionContext,
  PostOpExpressionContext,
  PreOpExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  SubExpressionContext,
  SuperPrimaryContext,
  ThisPrimaryContext,
  TypeRefPrimaryContext,
  VoidPrimaryContext,
  ArrayExpressionContext,
  type BlockContext,
  type ClassBodyDeclarationContext,
  type ClassDeclarationContext,
  type EnumDeclarationContext,
  type ExpressionContext,
  type FormalParametersContext,
  type InterfaceDeclarationContext,
  type LiteralContext,
  type LocalVariableDeclarationContext,
  type MemberDeclarationContext,
  type ModifierContext,
  type StatementContext,
  type TypeRefContext,
  type WhenLiteralContext,
  type AnonymousMemberDeclarationContext,
  type TriggerMemberDeclarationContext
} from '@apexdevtools/apex-parser';
import type {
  AnonymousBlock,
  AssignOperator,
  BinaryOperator,
  Block,
  Expr,
  LiteralValue,
  Loc,
  MemberDecl,
  Modifiers,
  Parameter,
  Stmt,
  TriggerDecl,
  TriggerEvent,
  TypeDecl,
  TypeNode,
  VariableDeclarator,
  WhenClause
} from './ast';

/** A syntax error with its place in the source. */
export class ApexSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string
  ) {
    super(`${file}: line ${line}, column ${column}: ${detail}`);
  }
}

interface ParserRule {
  start: { line: number; column: number };
  getText(): string;
}

function locOf(ctx: ParserRule): Loc {
  return { line: ctx.start.line, column: ctx.start.column + 1 };
}

function newParser(source: string, file: string) {
  const problems: ApexSyntaxError[] = [];
  const listener = {
    syntaxError(
      _recognizer: unknown,
      _offending: unknown,
      line: number,
      column: number,
      message: string
    ): void {
      problems.push(new ApexSyntaxError(file, line, column + 1, message));
    },
    reportAmbiguity(): void {},
    reportAttemptingFullContext(): void {},
    reportContextSensitivity(): void {}
  };
  const { parser } = ApexParserFactory.createLexerAndParser(
    source,
    listener as unknown as Parameters<typeof ApexParserFactory.createLexerAndParser>[1]
  );
  const check = () => {
    if (problems.length > 0) throw problems[0];
  };
  return { parser, check };
}

/** Parses a class, interface or enum file. */
export function parseClass(source: string, file: string): TypeDecl {
  const { parser, check } = newParser(source, file);
  const unit = parser.compilationUnit();
  check();
  const declaration = unit.typeDeclaration();
  return new Builder(file).typeDeclaration(
    declaration.modifier_list(),
    declaration.classDeclaration(),
    declaration.interfaceDeclaration(),
    declaration.enumDeclaration()
  );
}

/** Parses a trigger file. */
export function parseTrigger(source: string, file: string): TriggerDecl {
  const { parser, check } = newParser(source, file);
  const unit = parser.triggerUnit();
  check();
  const builder = new Builder(file);
  const ids = unit.id_list();
  const events = unit.triggerCase_list().map((triggerCase) => {
    const when = triggerCase.BEFORE() ? 'before' : 'after';
    const what = triggerCase.INSERT()
      ? 'insert'
      : triggerCase.UPDATE()
        ? 'update'
        : triggerCase.DELETE()
          ? 'delete'
          : 'undelete';
    return `${when} ${what}` as TriggerEvent;
  });
  const body: Stmt[] = [];
  const members: MemberDecl[] = [];
  const innerTypes: TypeDecl[] = [];
  const block = unit.triggerBlock();
  for (const member of block.triggerBlockMember_list()) {
    const statement = member.statement();
    if (statement) body.push(builder.statement(statement));
    else
      builder.blockMember(
        member.modifier_list(),
        member.triggerMemberDeclaration(),
        body,
        members,
        innerTypes
      );
  }
  return {
    name: ids[0].getText(),
    objectName: ids[1].getText(),
    events,
    body: { kind: 'block', body, loc: locOf(block) },
    members,
    innerTypes,
    loc: locOf(unit)
  };
}

/** Parses anonymous Apex (`sf apex run` input). */
export function parseAnonymous(source: string, file: string): AnonymousBlock {
  const { parser, check } = newParser(source, file);
  const unit = parser.anonymousUnit();
  check();
  const builder = new Builder(file);
  const body: Stmt[] = [];
  const members: MemberDecl[] = [];
  const innerTypes: TypeDecl[] = [];
  for (const member of unit.anonymousBlock().anonymousBlockMember_list()) {
    const statement = member.statement();
    if (statement) body.push(builder.statement(statement));
    else
      builder.blockMember(
        member.modifier_list(),
        member.anonymousMemberDeclaration(),
        body,
        members,
        innerTypes
      );
  }
  return { body: { kind: 'block', body, loc: { line: 1, column: 1 } }, members, innerTypes };
}

/** An Apex expression from the parse tree (inline SOQL binds keep theirs as parse trees). */
export function expressionFromParseTree(ctx: ExpressionContext, file: string): Expr {
  return new Builder(file).expression(ctx);
}

const NO_MODIFIERS: Modifiers = {
  annotations: [],
  isStatic: false,
  isFinal: false,
  isAbstract: false,
  isVirtual: false,
  isOverride: false,
  isTransient: false,
  isTestMethod: false,
  isWebService: false
};

/** Decodes an Apex string literal body (between the quotes). */
export function unescapeApexString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, escape: string) => {
    switch (escape[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'u':
        return escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : 'u';
      default:
        return escape;
    }
  });
}

const INT32_MAX = 2_147_483_647;

class Builder {
  constructor(private readonly file: string) {}

  private error(ctx: ParserRule, detail: string): never {
    const loc = locOf(ctx);
    throw new ApexSyntaxError(this.file, loc.line, loc.column, detail);
  }

  typeDeclaration(
    modifiers: ModifierContext[],
    classDecl: ClassDeclarationContext | null,
    interfaceDecl: InterfaceDeclarationContext | null,
    enumDecl: EnumDeclarationContext | null
  ): TypeDecl {
    const mods = this.modifiers(modifiers);
    if (classDecl) return this.classDeclaration(mods, classDecl);
    if (interfaceDecl) {
      const members: MemberDecl[] = interfaceDecl
        .interfaceBody()
        .interfaceMethodDeclaration_list()
        .map((method) => ({
          kind: 'method' as const,
          modifiers: { ...this.modifiers(method.modifier_list()), isAbstract: true },
          returnType: method.VOID() ? null : this.typeRef(method.typeRef()),
          name: method.id().getText(),
          params: this.parameters(method.formalParameters()),
          loc: locOf(method)
        }));
      return {
        kind: 'interface',
        name: interfaceDecl.id().getText(),
        modifiers: mods,
        interfaces:
          interfaceDecl
            .typeList()
            ?.typeRef_list()
            .map((t) => this.typeRef(t)) ?? [],
        members,
        innerTypes: [],
        enumValues: [],
        loc: locOf(interfaceDecl)
      };
    }
    if (enumDecl) {
      return {
        kind: 'enum',
        name: enumDecl.id().getText(),
        modifiers: mods,
        interfaces: [],
        members: [],
        innerTypes: [],
        enumValues:
          enumDecl
            .enumConstants()
            ?.id_list()
            .map((id) => id.getText()) ?? [],
        loc: locOf(enumDecl)
      };
    }
    throw new ApexSyntaxError(this.file, 1, 1, 'No type declaration');
  }

  private classDeclaration(mods: Modifiers, ctx: ClassDeclarationContext): TypeDecl {
    const members: MemberDecl[] = [];
    const innerTypes: TypeDecl[] = [];
    for (const declaration of ctx.classBody().classBodyDeclaration_list()) {
      this.classBodyDeclaration(declaration, members, innerTypes);
    }
    return {
      kind: 'class',
      name: ctx.id().getText(),
      modifiers: mods,
      extendsType: ctx.typeRef() ? this.typeRef(ctx.typeRef()) : undefined,
      interfaces:
        ctx
          .typeList()
          ?.typeRef_list()
          .map((t) => this.typeRef(t)) ?? [],
      members,
      innerTypes,
      enumValues: [],
      loc: locOf(ctx)
    };
  }

  private classBodyDeclaration(
    ctx: ClassBodyDeclarationContext,
    members: MemberDecl[],
    innerTypes: TypeDecl[]
  ): void {
    const block = ctx.block();
    if (block) {
      members.push({
        kind: 'initializer',
        isStatic: ctx.STATIC() !== null,
        body: this.block(block),
        loc: locOf(ctx)
      });
      return;
    }
    const member = ctx.memberDeclaration();
    if (member) this.member(ctx.modifier_list(), member, members, innerTypes);
  }

  /**
   * A declaration among the statements of an anonymous block or trigger. The grammar reads
   * `Integer n = 1;` there as a field declaration; the platform runs it as a local variable in
   * statement order, so it becomes one.
   */
  blockMember(
    modifierList: ModifierContext[],
    ctx: TriggerMemberDeclarationContext | AnonymousMemberDeclarationContext,
    body: Stmt[],
    members: MemberDecl[],
    innerTypes: TypeDecl[]
  ): void {
    const field = ctx.fieldDeclaration();
    if (field && !modifierList.some((modifier) => modifier.STATIC() !== null)) {
      body.push({
        kind: 'local',
        type: this.typeRef(field.typeRef()),
        declarators: this.declarators(field.variableDeclarators().variableDeclarator_list()),
        loc: locOf(field)
      });
      return;
    }
    this.member(modifierList, ctx, members, innerTypes);
  }

  member(
    modifierList: ModifierContext[],
    ctx:
      | MemberDeclarationContext
      | TriggerMemberDeclarationContext
      | AnonymousMemberDeclarationContext,
    members: MemberDecl[],
    innerTypes: TypeDecl[]
  ): void {
    const modifiers = this.modifiers(modifierList);
    const method = ctx.methodDeclaration();
    if (method) {
      members.push({
        kind: 'method',
        modifiers,
        returnType: method.VOID() ? null : this.typeRef(method.typeRef()),
        name: method.id().getText(),
        params: this.parameters(method.formalParameters()),
        body: method.block() ? this.block(method.block()) : undefined,
        loc: locOf(method)
      });
      return;
    }
    if ('constructorDeclaration' in ctx) {
      const constructor = (ctx as MemberDeclarationContext).constructorDeclaration();
      if (constructor) {
        members.push({
          kind: 'constructor',
          modifiers,
          params: this.parameters(constructor.formalParameters()),
          body: this.block(constructor.block()),
          loc: locOf(constructor)
        });
        return;
      }
    }
    const field = ctx.fieldDeclaration();
    if (field) {
      members.push({
        kind: 'field',
        modifiers,
        type: this.typeRef(field.typeRef()),
        declarators: this.declarators(field.variableDeclarators().variableDeclarator_list()),
        loc: locOf(field)
      });
      return;
    }
    const property = ctx.propertyDeclaration();
    if (property) {
      const decl: MemberDecl = {
        kind: 'property',
        modifiers,
        type: this.typeRef(property.typeRef()),
        name: property.id().getText(),
        loc: locOf(property)
      };
      for (const accessor of property.propertyBlock_list()) {
        const accessorModifiers = this.modifiers(accessor.modifier_list());
        const getter = accessor.getter();
        const setter = accessor.setter();
        const body = (getter ?? setter).block();
        const entry = {
          modifiers: accessorModifiers,
          body: body ? this.block(body) : undefined,
          loc: locOf(accessor)
        };
        if (getter) decl.getter = entry;
        else decl.setter = entry;
      }
      members.push(decl);
      return;
    }
    innerTypes.push(
      this.typeDeclaration(
        modifierList,
        ctx.classDeclaration(),
        ctx.interfaceDeclaration(),
        ctx.enumDeclaration()
      )
    );
  }

  private declarators(
    list: { id(): ParserRule; expression(): ExpressionContext | null; start: ParserRule['start'] }[]
  ): VariableDeclarator[] {
    return list.map((declarator) => {
      const init = declarator.expression();
      return {
        name: declarator.id().getText(),
        init: init ? this.expression(init) : undefined,
        loc: { line: declarator.start.line, column: declarator.start.column + 1 }
      };
    });
  }

  private parameters(ctx: FormalParametersContext): Parameter[] {
    return (
      ctx
        .formalParameterList()
        ?.formalParameter_list()
        .map((param) => ({
          type: this.typeRef(param.typeRef()),
          name: param.id().getText(),
          isFinal: param.modifier_list().some((m) => m.FINAL() !== null),
          loc: locOf(param)
        })) ?? []
    );
  }

  modifiers(list: ModifierContext[]): Modifiers {
    const result: Modifiers = { ...NO_MODIFIERS, annotations: [] };
    for (const modifier of list) {
      const annotation = modifier.annotation();
      if (annotation) {
        const params = new Map<string, LiteralValue>();
        for (const pair of annotation.elementValuePairs()?.elementValuePair_list() ?? []) {
          const literal = pair.elementValue().literal();
          if (literal) params.set(pair.id().getText().toLowerCase(), this.literal(literal));
        }
        result.annotations.push({ name: annotation.id().getText().toLowerCase(), params });
        continue;
      }
      const text = modifier.getText().toLowerCase();
      if (text === 'public' || text === 'private' || text === 'protected' || text === 'global') {
        result.access = text;
      } else if (text === 'static') result.isStatic = true;
      else if (text === 'final') result.isFinal = true;
      else if (text === 'abstract') result.isAbstract = true;
      else if (text === 'virtual') result.isVirtual = true;
      else if (text === 'override') result.isOverride = true;
      else if (text === 'transient') result.isTransient = true;
      else if (text === 'testmethod') result.isTestMethod = true;
      else if (text === 'webservice') result.isWebService = true;
      else if (text === 'withsharing') result.sharing = 'with';
      else if (text === 'withoutsharing') result.sharing = 'without';
      else if (text === 'inheritedsharing') result.sharing = 'inherited';
    }
    return result;
  }

  typeRef(ctx: TypeRefContext): TypeNode {
    const parts = ctx.typeName_list().map((part) => {
      const name = (part.LIST() ?? part.SET() ?? part.MAP() ?? part.id()).getText();
      const args = part.typeArguments()?.typeList().typeRef_list() ?? [];
      return { name, args: args.map((arg) => this.typeRef(arg)) };
    });
    return {
      parts,
      arrayDepth: ctx.arraySubscripts()?.LBRACK_list().length ?? 0,
      loc: locOf(ctx)
    };
  }

  block(ctx: BlockContext): Block {
    return {
      kind: 'block',
      body: ctx.statement_list().map((s) => this.statement(s)),
      loc: locOf(ctx)
    };
  }

  private localDeclaration(ctx: LocalVariableDeclarationContext) {
    return {
      kind: 'local' as const,
      type: this.typeRef(ctx.typeRef()),
      declarators: this.declarators(ctx.variableDeclarators().variableDeclarator_list()),
      loc: locOf(ctx)
    };
  }

  statement(ctx: StatementContext): Stmt {
    const loc = locOf(ctx);
    const block = ctx.block();
    if (block) return this.block(block);
    const local = ctx.localVariableDeclarationStatement();
    if (local) return this.localDeclaration(local.localVariableDeclaration());
    const expression = ctx.expressionStatement();
    if (expression) return { kind: 'expr', expr: this.expression(expression.expression()), loc };
    const ifStatement = ctx.ifStatement();
    if (ifStatement) {
      const branches = ifStatement.statement_list();
      return {
        kind: 'if',
        condition: this.expression(ifStatement.parExpression().expression()),
        then: this.statement(branches[0]),
        otherwise: branches[1] ? this.statement(branches[1]) : undefined,
        loc
      };
    }
    const returnStatement = ctx.returnStatement();
    if (returnStatement) {
      const value = returnStatement.expression();
      return { kind: 'return', value: value ? this.expression(value) : undefined, loc };
    }
    const forStatement = ctx.forStatement();
    if (forStatement) {
      const control = forStatement.forControl();
      const body: Stmt = forStatement.statement()
        ? this.statement(forStatement.statement())
        : { kind: 'empty', loc };
      const enhanced = control.enhancedForControl();
      if (enhanced) {
        return {
          kind: 'forEach',
          type: this.typeRef(enhanced.typeRef()),
          name: enhanced.id().getText(),
          iterable: this.expression(enhanced.expression()),
          body,
          loc
        };
      }
      const init = control.forInit();
      const condition = control.expression();
      return {
        kind: 'for',
        init: init
          ? init.localVariableDeclaration()
            ? this.localDeclaration(init.localVariableDeclaration())
            : init
                .expressionList()
                .expression_list()
                .map((e) => this.expression(e))
          : undefined,
        condition: condition ? this.expression(condition) : undefined,
        update:
          control
            .forUpdate()
            ?.expressionList()
            .expression_list()
            .map((e) => this.expression(e)) ?? [],
        body,
        loc
      };
    }
    const whileStatement = ctx.whileStatement();
    if (whileStatement) {
      return {
        kind: 'while',
        condition: this.expression(whileStatement.parExpression().expression()),
        body: whileStatement.statement()
          ? this.statement(whileStatement.statement())
          : { kind: 'empty', loc },
        loc
      };
    }
    const doWhile = ctx.doWhileStatement();
    if (doWhile) {
      return {
        kind: 'doWhile',
        body: this.block(doWhile.block()),
        condition: this.expression(doWhile.parExpression().expression()),
        loc
      };
    }
    const tryStatement = ctx.tryStatement();
    if (tryStatement) {
      return {
        kind: 'try',
        body: this.block(tryStatement.block()),
        catches: tryStatement.catchClause_list().map((clause) => ({
          type: clause
            .qualifiedName()
            .id_list()
            .map((id) => id.getText()),
          name: clause.id().getText(),
          body: this.block(clause.block()),
          loc: locOf(clause)
        })),
        finally: tryStatement.finallyBlock()
          ? this.block(tryStatement.finallyBlock().block())
          : undefined,
        loc
      };
    }
    const throwStatement = ctx.throwStatement();
    if (throwStatement) {
      return { kind: 'throw', value: this.expression(throwStatement.expression()), loc };
    }
    if (ctx.breakStatement()) return { kind: 'break', loc };
    if (ctx.continueStatement()) return { kind: 'continue', loc };
    const switchStatement = ctx.switchStatement();
    if (switchStatement) {
      return {
        kind: 'switch',
        subject: this.expression(switchStatement.expression()),
        whens: switchStatement.whenControl_list().map((when): WhenClause => {
          const value = when.whenValue();
          let match: WhenClause['match'];
          if (value.ELSE()) match = { kind: 'else' };
          else if (value.id()) {
            match = {
              kind: 'type',
              type: this.typeRef(value.typeRef()),
              name: value.id().getText()
            };
          } else {
            match = {
              kind: 'values',
              values: value.whenLiteral_list().map((literal) => this.whenLiteral(literal))
            };
          }
          return { match, body: this.block(when.block()), loc: locOf(when) };
        }),
        loc
      };
    }
    const runAs = ctx.runAsStatement();
    if (runAs) {
      return {
        kind: 'runAs',
        args:
          runAs
            .expressionList()
            ?.expression_list()
            .map((e) => this.expression(e)) ?? [],
        body: this.block(runAs.block()),
        loc
      };
    }
    const dml =
      ctx.insertStatement() ??
      ctx.updateStatement() ??
      ctx.deleteStatement() ??
      ctx.undeleteStatement() ??
      ctx.upsertStatement();
    if (dml) {
      const operation = ctx.insertStatement()
        ? 'insert'
        : ctx.updateStatement()
          ? 'update'
          : ctx.deleteStatement()
            ? 'delete'
            : ctx.undeleteStatement()
              ? 'undelete'
              : 'upsert';
      const access = dml.accessLevel();
      const upsert = ctx.upsertStatement();
      return {
        kind: 'dml',
        operation,
        access: access ? (access.USER() ? 'user' : 'system') : undefined,
        target: this.expression(dml.expression()),
        externalIdField: upsert?.qualifiedName()
          ? upsert
              .qualifiedName()
              .id_list()
              .map((id) => id.getText())
          : undefined,
        loc
      };
    }
    const merge = ctx.mergeStatement();
    if (merge) {
      const [first, second] = merge.expression_list();
      const access = merge.accessLevel();
      return {
        kind: 'dml',
        operation: 'merge',
        access: access ? (access.USER() ? 'user' : 'system') : undefined,
        target: this.expression(first),
        second: this.expression(second),
        loc
      };
    }
    return { kind: 'empty', loc };
  }

  private whenLiteral(ctx: WhenLiteralContext): LiteralValue | { kind: 'enum'; name: string } {
    const nested = ctx.whenLiteral();
    if (nested) return this.whenLiteral(nested);
    if (ctx.NULL()) return { kind: 'null' };
    const negative = ctx.SUB_list().length % 2 === 1;
    if (ctx.IntegerLiteral()) {
      const value = Number(ctx.IntegerLiteral().getText());
      return { kind: 'integer', value: negative ? -value : value };
    }
    if (ctx.LongLiteral()) {
      const value = BigInt(ctx.LongLiteral().getText().slice(0, -1));
      return { kind: 'long', value: negative ? -value : value };
    }
    const text = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
    if (text) return { kind: 'string', value: unescapeApexString(text.getText().slice(1, -1)) };
    const name = ctx.qualifiedName().id_list();
    return { kind: 'enum', name: name[name.length - 1].getText() };
  }

  literal(ctx: LiteralContext): LiteralValue {
    if (ctx.NULL()) return { kind: 'null' };
    if (ctx.BooleanLiteral()) {
      return { kind: 'boolean', value: ctx.BooleanLiteral().getText().toLowerCase() === 'true' };
    }
    if (ctx.IntegerLiteral()) {
      const value = Number(ctx.IntegerLiteral().getText());
      // 2147483648 is allowed only as the operand of unary minus, checked by the caller.
      if (value > INT32_MAX + 1) this.error(ctx, `Illegal integer: ${ctx.getText()}`);
      return { kind: 'integer', value };
    }
    if (ctx.LongLiteral()) {
      return { kind: 'long', value: BigInt(ctx.LongLiteral().getText().slice(0, -1)) };
    }
    if (ctx.NumberLiteral()) {
      const text = ctx.NumberLiteral().getText();
      if (/[dD]$/.test(text)) return { kind: 'double', value: Number(text.slice(0, -1)) };
      return { kind: 'decimal', text };
    }
    const text = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
    return { kind: 'string', value: unescapeApexString(text.getText().slice(1, -1)) };
  }

  private arguments(list: { expression_list(): ExpressionContext[] } | null): Expr[] {
    return list ? list.expression_list().map((e) => this.expression(e)) : [];
  }

  expression(ctx: ExpressionContext): Expr {
    const loc = locOf(ctx);
    if (ctx instanceof PrimaryExpressionContext) return this.primary(ctx, loc);
    if (ctx instanceof DotExpressionContext) {
      const target = this.expression(ctx.expression());
      const nullSafe = ctx.QUESTIONDOT() !== null;
      const call = ctx.dotMethodCall();
      if (call) {
        return {
          kind: 'call',
          target,
          name: call.anyId().getText(),
          args: this.arguments(call.expressionList()),
          nullSafe,
          loc: locOf(call)
        };
      }
      return {
        kind: 'field',
        target,
        name: ctx.anyId().getText(),
        nullSafe,
        loc: locOf(ctx.anyId())
      };
    }
    if (ctx instanceof MethodCallExpressionContext) {
      const call = ctx.methodCall();
      const args = this.arguments(call.expressionList());
      if (call.THIS()) return { kind: 'constructorCall', which: 'this', args, loc };
      if (call.SUPER()) return { kind: 'constructorCall', which: 'super', args, loc };
      return { kind: 'call', target: null, name: call.id().getText(), args, nullSafe: false, loc };
    }
    if (ctx instanceof ArrayExpressionContext) {
      const [target, index] = ctx.expression_list();
      return { kind: 'index', target: this.expression(target), index: this.expression(index), loc };
    }
    if (ctx instanceof NewExpressionContext) return this.creator(ctx, loc);
    if (ctx instanceof CastExpressionContext) {
      return {
        kind: 'cast',
        type: this.typeRef(ctx.typeRef()),
        expr: this.expression(ctx.expression()),
        loc
      };
    }
    if (ctx instanceof SubExpressionContext) {
      const inner = this.expression(ctx.expression());
      const link = inner.kind === 'field' || inner.kind === 'call' || inner.kind === 'index';
      return link ? { ...inner, parenthesized: true } : inner;
    }
    if (ctx instanceof PostOpExpressionContext) {
      return {
        kind: 'increment',
        op: ctx.INC() ? '++' : '--',
        prefix: false,
        target: this.expression(ctx.expression()),
        loc
      };
    }
    if (ctx instanceof PreOpExpressionContext) {
      const operand = ctx.expression();
      if (ctx.INC() || ctx.DEC()) {
        return {
          kind: 'increment',
          op: ctx.INC() ? '++' : '--',
          prefix: true,
          target: this.expression(operand),
          loc
        };
      }
      if (ctx.SUB() && operand instanceof PrimaryExpressionContext) {
        const literal = (operand.primary() as LiteralPrimaryContext).literal?.();
        if (literal?.IntegerLiteral()) {
          return {
            kind: 'literal',
            value: { kind: 'integer', value: -Number(literal.getText()) },
            loc
          };
        }
        if (literal?.LongLiteral()) {
          return {
            kind: 'literal',
            value: { kind: 'long', value: -BigInt(literal.getText().slice(0, -1)) },
            loc
          };
        }
      }
      return { kind: 'unary', op: ctx.SUB() ? '-' : '+', expr: this.expression(operand), loc };
    }
    if (ctx instanceof NegExpressionContext) {
      return {
        kind: 'unary',
        op: ctx.BANG() ? '!' : '~',
        expr: this.expression(ctx.expression()),
        loc
      };
    }
    if (ctx instanceof InstanceOfExpressionContext) {
      return {
        kind: 'instanceof',
        expr: this.expression(ctx.expression()),
        type: this.typeRef(ctx.typeRef()),
        loc
      };
    }
    if (ctx instanceof CondExpressionContext) {
      const [condition, whenTrue, whenFalse] = ctx.expression_list().map((e) => this.expression(e));
      return { kind: 'conditional', condition, whenTrue, whenFalse, loc };
    }
    if (ctx instanceof AssignExpressionContext) {
      const [target, value] = ctx.expression_list().map((e) => this.expression(e));
      return { kind: 'assign', op: this.assignOperator(ctx), target, value, loc };
    }
    if (ctx instanceof LogAndExpressionContext || ctx instanceof LogOrExpressionContext) {
      const [left, right] = ctx.expression_list().map((e) => this.expression(e));
      return {
        kind: 'logical',
        op: ctx instanceof LogAndExpressionContext ? '&&' : '||',
        left,
        right,
        loc
      };
    }
    if (ctx instanceof CoalExpressionContext) {
      const [left, right] = ctx.expression_list().map((e) => this.expression(e));
      return { kind: 'logical', op: '??', left, right, loc };
    }
    const binary = this.binaryOperator(ctx);
    if (binary) {
      const operands = (
        ctx as unknown as { expression_list(): ExpressionContext[] }
      ).expression_list();
      return {
        kind: 'binary',
        op: binary,
        left: this.expression(operands[0]),
        right: this.expression(operands[1]),
        loc
      };
    }
    return { kind: 'unsupported', what: `expression ${ctx.getText()}`, loc };
  }

  private binaryOperator(ctx: ExpressionContext): BinaryOperator | undefined {
    if (ctx instanceof Arth1ExpressionContext) return ctx.MUL() ? '*' : '/';
    if (ctx instanceof Arth2ExpressionContext) return ctx.ADD() ? '+' : '-';
    if (ctx instanceof CmpExpressionContext) {
      const orEqual = ctx.ASSIGN() !== null;
      if (ctx.LT()) return orEqual ? '<=' : '<';
      return orEqual ? '>=' : '>';
    }
    if (ctx instanceof EqualityExpressionContext) {
      if (ctx.TRIPLEEQUAL()) return '===';
      if (ctx.TRIPLENOTEQUAL()) return '!==';
      if (ctx.EQUAL()) return '==';
      return '!=';
    }
    if (ctx instanceof BitExpressionContext) {
      if (ctx.LT_list().length > 0) return '<<';
      return ctx.GT_list().length === 3 ? '>>>' : '>>';
    }
    if (ctx instanceof BitAndExpressionContext) return '&';
    if (ctx instanceof BitOrExpressionContext) return '|';
    if (ctx instanceof BitNotExpressionContext) return '^';
    return undefined;
  }

  private assignOperator(ctx: AssignExpressionContext): AssignOperator {
    if (ctx.ASSIGN()) return '=';
    if (ctx.ADD_ASSIGN()) return '+=';
    if (ctx.SUB_ASSIGN()) return '-=';
    if (ctx.MUL_ASSIGN()) return '*=';
    if (ctx.DIV_ASSIGN()) return '/=';
    if (ctx.AND_ASSIGN()) return '&=';
    if (ctx.OR_ASSIGN()) return '|=';
    if (ctx.XOR_ASSIGN()) return '^=';
    if (ctx.RSHIFT_ASSIGN()) return '>>=';
    if (ctx.URSHIFT_ASSIGN()) return '>>>=';
    return '<<=';
  }

  private primary(ctx: PrimaryExpressionContext, loc: Loc): Expr {
    const primary = ctx.primary();
    if (primary instanceof LiteralPrimaryContext) {
      return { kind: 'literal', value: this.literal(primary.literal()), loc };
    }
    if (primary instanceof IdPrimaryContext)
      return { kind: 'name', name: primary.id().getText(), loc };
    if (primary instanceof ThisPrimaryContext) return { kind: 'this', loc };
    if (primary instanceof SuperPrimaryContext) return { kind: 'super', loc };
    if (primary instanceof TypeRefPrimaryContext) {
      return { kind: 'classLiteral', type: this.typeRef(primary.typeRef()), loc };
    }
    if (primary instanceof VoidPrimaryContext) return { kind: 'classLiteral', type: null, loc };
    if (primary instanceof SoqlPrimaryContext) {
      const query = primary.soqlLiteral().query();
      return { kind: 'soql', query, text: query.getText(), loc };
    }
    if (primary instanceof SoslPrimaryContext) return { kind: 'unsupported', what: 'SOSL', loc };
    return { kind: 'unsupported', what: `expression ${ctx.getText()}`, loc };
  }

  private creator(ctx: NewExpressionContext, loc: Loc): Expr {
    const creator = ctx.creator();
    const pairs = creator.createdName().idCreatedNamePair_list();
    const type: TypeNode = {
      parts: pairs.map((pair) => ({
        name: pair.anyId().getText(),
        args:
          pair
            .typeList()
            ?.typeRef_list()
            .map((t) => this.typeRef(t)) ?? []
      })),
      arrayDepth: 0,
      loc: locOf(creator)
    };
    if (creator.noRest()) return { kind: 'new', type, elements: [], loc };
    const classRest = creator.classCreatorRest();
    if (classRest) {
      return {
        kind: 'new',
        type,
        args: this.arguments(classRest.arguments().expressionList()),
        loc
      };
    }
    const array = creator.arrayCreatorRest();
    if (array) {
      const arrayType = { ...type, arrayDepth: 1 };
      const size = array.expression();
      if (size) return { kind: 'new', type: arrayType, arraySize: this.expression(size), loc };
      const init = array.arrayInitializer();
      return {
        kind: 'new',
        type: arrayType,
        elements: init ? init.expression_list().map((e) => this.expression(e)) : [],
        loc
      };
    }
    const map = creator.mapCreatorRest();
    if (map) {
      return {
        kind: 'new',
        type,
        entries: map.mapCreatorRestPair_list().map((pair) => {
          const [key, value] = pair.expression_list().map((e) => this.expression(e));
          return [key, value] as [Expr, Expr];
        }),
        loc
      };
    }
    const set = creator.setCreatorRest();
    return {
      kind: 'new',
      type,
      elements: set ? set.expression_list().map((e) => this.expression(e)) : [],
      loc
    };
  }
}
