/**
 * Line coverage as the platform reports it for Apex tests: per class and trigger, the lines that
 * hold executable code and the lines that ran. A line is executable when a statement (or a field
 * initialiser) starts on it; declarations, braces and comments are not counted.
 */
import type { Block, Expr, MemberDecl, Stmt, TypeDecl } from '../parse/ast';
import type { Program } from './program';

export class FileCoverage {
  readonly executable = new Set<number>();
  hits: Uint8Array = new Uint8Array(0);

  constructor(
    readonly file: string,
    /** The class or trigger name the platform reports coverage under. */
    readonly name: string,
    readonly isTest: boolean,
    readonly isTrigger: boolean
  ) {}

  /** Called once all executable lines are known. */
  seal(): void {
    let max = 0;
    for (const line of this.executable) max = Math.max(max, line);
    this.hits = new Uint8Array(max + 1);
  }

  coveredLines(): number[] {
    return [...this.executable].filter((line) => this.hits[line] === 1).sort((a, b) => a - b);
  }

  uncoveredLines(): number[] {
    return [...this.executable].filter((line) => this.hits[line] !== 1).sort((a, b) => a - b);
  }

  reset(): void {
    this.hits.fill(0);
  }
}

export class Coverage {
  readonly files = new Map<string, FileCoverage>();

  static of(program: Program): Coverage {
    const coverage = new Coverage();
    for (const cls of program.topLevel) {
      const file = new FileCoverage(cls.file, cls.name, cls.isTest, false);
      if (cls.decl) collectType(cls.decl, file.executable);
      file.seal();
      coverage.files.set(cls.file, file);
    }
    for (const trigger of program.triggers) {
      const path = program.triggerFiles.get(trigger) as string;
      const file = new FileCoverage(path, trigger.name, false, true);
      collectBlock(trigger.body, file.executable);
      for (const member of trigger.members) collectMember(member, file.executable);
      for (const inner of trigger.innerTypes) collectType(inner, file.executable);
      file.seal();
      coverage.files.set(path, file);
    }
    return coverage;
  }

  /** The record for a file; files outside the program (anonymous Apex) get a throwaway one. */
  fileOf(path: string): FileCoverage {
    let file = this.files.get(path);
    if (!file) {
      file = new FileCoverage(path, path, true, false);
      this.files.set(path, file);
    }
    return file;
  }
}

function collectType(decl: TypeDecl, lines: Set<number>): void {
  for (const member of decl.members) collectMember(member, lines);
  for (const inner of decl.innerTypes) collectType(inner, lines);
}

function collectMember(member: MemberDecl, lines: Set<number>): void {
  switch (member.kind) {
    case 'field':
      for (const declarator of member.declarators) {
        if (declarator.init) lines.add(declarator.loc.line);
      }
      return;
    case 'property':
      if (member.getter?.body) collectBlock(member.getter.body, lines);
      if (member.setter?.body) collectBlock(member.setter.body, lines);
      return;
    case 'method':
      if (member.body) collectBlock(member.body, lines);
      return;
    case 'constructor':
    case 'initializer':
      collectBlock(member.body, lines);
      return;
  }
}

function collectBlock(block: Block, lines: Set<number>): void {
  for (const statement of block.body) collectStatement(statement, lines);
}

/** Lines of statements, and of nested blocks, that the platform counts. */
export function collectStatement(statement: Stmt, lines: Set<number>): void {
  switch (statement.kind) {
    case 'block':
      collectBlock(statement, lines);
      return;
    case 'empty':
      return;
    case 'if':
      lines.add(statement.loc.line);
      collectStatement(statement.then, lines);
      if (statement.otherwise) collectStatement(statement.otherwise, lines);
      return;
    case 'while':
    case 'forEach':
    case 'for':
      lines.add(statement.loc.line);
      collectStatement(statement.body, lines);
      return;
    case 'doWhile':
      lines.add(statement.loc.line);
      collectBlock(statement.body, lines);
      return;
    case 'try':
      collectBlock(statement.body, lines);
      for (const clause of statement.catches) collectBlock(clause.body, lines);
      if (statement.finally) collectBlock(statement.finally, lines);
      return;
    case 'switch':
      lines.add(statement.loc.line);
      for (const when of statement.whens) collectBlock(when.body, lines);
      return;
    case 'runAs':
      lines.add(statement.loc.line);
      collectBlock(statement.body, lines);
      return;
    default:
      lines.add(statement.loc.line);
  }
}

export type { Expr };
