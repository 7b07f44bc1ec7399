/**
 * What the interpreter asks of the org it runs against: queries, DML, who the running user is.
 * The platform layer (platform/) implements it over the in-memory org; the interpreter itself
 * knows nothing of records beyond SObject values.
 */
import type { Loc, DmlOperation } from '../parse/ast';
import type { RunningUser } from './executionContext';
import type { Frame } from './frame';
import type { ApexDatetime } from '../values/temporal';

export interface DmlStatementRequest {
  operation: DmlOperation;
  /** An SObject, a list of SObjects, or (delete/undelete) Ids. */
  target: unknown;
  /** The duplicate of `merge master duplicate`. */
  second?: unknown;
  /** `insert as user` / `as system`; absent: the default (system mode). */
  accessLevel?: 'USER_MODE' | 'SYSTEM_MODE';
  /** `upsert records External_Id__c`. */
  externalIdField?: string;
}

export interface Platform {
  /** Parses an inline query once; the result is passed back to runQuery. */
  prepareInlineQuery(query: unknown, file: string, loc: Loc): unknown;
  /**
   * Runs a prepared inline query; `bind` evaluates a bind expression of it. Returns a
   * QueryResultList, or an Integer for `SELECT COUNT()`.
   */
  runQuery(frame: Frame, prepared: unknown, bind: (expression: unknown) => unknown): unknown;
  /** A DML statement (`insert x;`); failures throw System.DmlException. */
  dmlStatement(frame: Frame, request: DmlStatementRequest): void;
  /** The user System.runAs switches to (the argument is a User record). */
  runAsUser(frame: Frame, user: unknown): RunningUser;
  /** The current instant (System.now()). */
  now(): ApexDatetime;
  /**
   * A custom label's value in `language` (a LanguageLocaleKey) when the label is translated into
   * it, else in the label's own language; undefined when there is no such label.
   */
  label(name: string, language: string): string | undefined;
  /** Whether the label is written in `language` or translated into it. */
  labelTranslationExists(name: string, language: string): boolean;
  /**
   * Runs the asynchronous jobs queued in this transaction (Test.stopTest): batches, queueables,
   * future methods, scheduled jobs, each in its own transaction.
   */
  runQueuedJobs(frame: Frame): void;
  /** Queues a call of a future method of the class. */
  enqueueFuture(frame: Frame, className: string, run: (frame: Frame) => void): void;
}
