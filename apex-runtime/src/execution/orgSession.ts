/**
 * The interpreter's platform over an ApexOrg: inline and dynamic SOQL through the SOQL engine
 * with the running user's access, DML with triggers and validation, System.runAs, labels, the
 * clock and asynchronous jobs. One session serves one test method, or one `npm run apex` run.
 */
import { CURRENCY_TYPE, DATED_CONVERSION_RATE } from '../metadata/currencySchema';
import { FISCAL_YEAR_SETTINGS, PERIOD } from '../metadata/fiscalSchema';
import type { CustomFiscalCalendar, DayRange } from '../soql/dateLiterals';
import { currencyRatesOf, type CurrencyRates } from '../soql/currencyConversion';
import type { ObjectDescribe } from '../metadata/schema';
import type { Loc } from '../parse/ast';
import type { ApexOrg } from '../platform/orgs';
import type { StoredRow } from '../platform/dataSource';
import { valueToJson } from '../platform/fieldValues';
import {
  executeQuery,
  parseSoql,
  soqlFromParseTree,
  type QueryEnvironment,
  type SoqlQuery
} from '../soql';
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, QueryResultList } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { ApexDate, type ApexDatetime } from '../values/temporal';
import { typeNamed } from '../values/typeRef';
import type { ExecutionContext, RunningUser } from '../interpreter/executionContext';
import type { Frame } from '../interpreter/frame';
import type { Interpreter } from '../interpreter/interpreter';
import { ApexThrow, exceptionState } from '../interpreter/objects';
import type { DmlStatementRequest, Platform } from '../interpreter/platform';
import { iterate } from '../interpreter/dispatch';
import { AsyncQueue } from './asyncJobs';
import { DmlEngine, type SaveEnvironment } from './dml';
import { countRows } from './rowLimits';
import { dmlExceptionMessage, type DmlRequest, type DmlRowResult } from './dmlTypes';
import { TriggerSet } from './triggers';
import { ValidationRules } from './validationRules';

export interface SessionOptions {
  /** True for Apex tests: field history is not written, async jobs run at Test.stopTest. */
  inTest: boolean;
  /** The session's clock (the database's by default). */
  clock?: () => ApexDatetime;
}

const triggerSets = new WeakMap<Interpreter, TriggerSet>();
const validationRuleSets = new WeakMap<Interpreter, ValidationRules>();

/** A record's access to throw when DML fails in a DML statement or an all-or-none Database call. */
export function dmlFailure(
  frame: Frame,
  operation: DmlRequest['operation'],
  results: readonly DmlRowResult[]
): ApexThrow {
  const interpreter = frame.ctx.interpreter;
  const exception = interpreter.newException(
    frame.ctx,
    'DmlException',
    dmlExceptionMessage(operation, results)
  );
  exceptionState(exception).dmlRows = results.flatMap((result, index) =>
    result.success
      ? []
      : [
          {
            index,
            id: result.id,
            statusCode: result.errors[0].statusCode,
            message: result.errors[0].message,
            fields: result.errors[0].fields
          }
        ]
  );
  return new ApexThrow(exception);
}

/**
 * An email Messaging.sendEmail accepted (system/messaging.ts): recorded, never delivered. The
 * addresses are those the email goes to (a target that is a recipient first, by its Email); the
 * subject and bodies are what the recipient would read (a template's merged).
 */
export interface SentEmail {
  targetObjectId: string | null;
  /** The target when it is a User who receives the email. */
  recipientUserId: string | null;
  toAddresses: string[];
  ccAddresses: string[];
  bccAddresses: string[];
  subject: string | null;
  plainTextBody: string | null;
  htmlBody: string | null;
  templateId: string | null;
  whatId: string | null;
  /** The running user who sent it. */
  senderUserId: string;
  senderDisplayName: string | null;
  replyTo: string | null;
  /** When it was sent, by the session's clock (ISO 8601, GMT). */
  sentAt: string;
}

export class OrgSession implements Platform {
  readonly asyncQueue: AsyncQueue;
  readonly dml: DmlEngine;
  /** Custom notifications sent (Messaging.CustomNotification.send). */
  readonly notifications: {
    typeId: string;
    title: string;
    body: string;
    targetId: string | null;
    recipients: string[];
  }[] = [];
  /**
   * The outbox: emails sent (Messaging.sendEmail), in order. The platform sends them when the
   * transaction commits; a run that ends in an uncaught exception sends nothing, so readers take
   * them from successful runs only.
   */
  readonly emails: SentEmail[] = [];
  private readonly clock: () => ApexDatetime;

  constructor(
    readonly interpreter: Interpreter,
    readonly org: ApexOrg,
    readonly options: SessionOptions
  ) {
    this.clock = options.clock ?? (() => org.database.now());
    this.asyncQueue = new AsyncQueue(org.database, options.inTest);
    let triggers = triggerSets.get(interpreter);
    if (!triggers) {
      triggers = new TriggerSet(interpreter);
      triggerSets.set(interpreter, triggers);
    }
    let validation = validationRuleSets.get(interpreter);
    if (!validation) {
      validation = new ValidationRules(org.project.schema);
      validationRuleSets.set(interpreter, validation);
    }
    const rules = validation;
    const environment: SaveEnvironment = {
      database: org.database,
      triggers,
      userAccess: (userId) => org.userAccess(userId),
      recordAccess: (userId) => org.recordAccess(userId),
      validationErrors: (object, values, userId) =>
        rules.errors(object, values, {
          database: org.database,
          user: org.database.row(userId) ?? {},
          customPermissions: (name) => org.userAccess(userId).hasCustomPermission(name),
          now: this.clock()
        }),
      writesFieldHistory: !options.inTest,
      now: () => this.clock()
    };
    this.dml = new DmlEngine(environment);
  }

  get database() {
    return this.org.database;
  }

  /**
   * Makes formula fields read as the transaction's running user sees them: TODAY() in their time
   * zone, NOW(), `$User`.
   */
  attach(ctx: ExecutionContext): void {
    this.org.database.setFormulaEnvironment(() => {
      const now = this.clock();
      const user = this.database.row(ctx.user.id);
      return {
        today: now.wall(ctx.user.timeZone).date.toIsoString(),
        now: now.toIsoString(),
        user: Object.fromEntries(
          Object.entries(user ?? {}).map(([key, value]) => [key, valueToJson(value)])
        )
      };
    });
  }

  now(): ApexDatetime {
    return this.clock();
  }

  label(name: string, language: string): string | undefined {
    return this.org.project.labels.value(name, language);
  }

  labelTranslationExists(name: string, language: string): boolean {
    return this.org.project.labels.translationExists(name, language);
  }

  // ---- users ---------------------------------------------------------------------------

  /** The running-user context of a User record's Id. */
  runningUser(userId: string): RunningUser {
    const row = this.database.row(userId);
    if (!row || row.IsDeleted === true) {
      throw new ApexRuntimeError('System.QueryException', `User ${userId} does not exist`);
    }
    return {
      id: String(row.Id),
      timeZone: typeof row.TimeZoneSidKey === 'string' ? row.TimeZoneSidKey : 'GMT',
      locale: typeof row.LocaleSidKey === 'string' ? row.LocaleSidKey : 'en_US',
      language: typeof row.LanguageLocaleKey === 'string' ? row.LanguageLocaleKey : 'en_US'
    };
  }

  runAsUser(_frame: Frame, user: unknown): RunningUser {
    if (!(user instanceof SObjectValue) || user.type.name !== 'User') {
      throw new ApexRuntimeError('System.TypeException', 'System.runAs needs a User record');
    }
    const id = user.id;
    if (id === null) {
      throw new ApexRuntimeError(
        'System.DmlException',
        'System.runAs needs a saved user (with an Id)'
      );
    }
    return this.runningUser(id);
  }

  // ---- SOQL ----------------------------------------------------------------------------

  prepareInlineQuery(query: unknown, file: string, loc: Loc): unknown {
    void file;
    void loc;
    return soqlFromParseTree(query as Parameters<typeof soqlFromParseTree>[0]);
  }

  runQuery(frame: Frame, prepared: unknown, bind: (expression: unknown) => unknown): unknown {
    return this.execute(frame, prepared as SoqlQuery, (b) => bind(b.expression), undefined);
  }

  /**
   * Database.query / queryWithBinds / countQuery: `binds` resolves a bind name. The query of a
   * batch's QueryLocator does not count toward the query-rows limit ("Using Batch Apex": it
   * bypasses it), hence `countsRows`.
   */
  runDynamicQuery(
    frame: Frame,
    text: string,
    binds: (name: string) => unknown,
    accessLevel: 'USER_MODE' | 'SYSTEM_MODE' | undefined,
    countsRows = true
  ): unknown {
    const query = parseSoql(text);
    return this.execute(frame, query, (b) => binds(b.text), accessLevel, countsRows);
  }

  /** The org's conversion rates and the user's currency, in a multi-currency org (soql/currencyConversion.ts). */
  private currencyRates(userId: string): CurrencyRates | undefined {
    const definition = this.org.project.orgDefinition;
    if (!definition.multiCurrency) return undefined;
    const userCurrency = this.database.row(userId)?.DefaultCurrencyIsoCode;
    return currencyRatesOf(
      this.database.rows(CURRENCY_TYPE),
      definition.advancedCurrencyManagement ? this.database.rows(DATED_CONVERSION_RATE) : undefined,
      typeof userCurrency === 'string' ? userCurrency : definition.currencyIsoCode
    );
  }

  /**
   * The Year and Quarter periods of the org's custom fiscal years, read from its FiscalYearSettings
   * (IsStandardYear false) and Period rows; undefined in an org with standard fiscal years.
   */
  private customFiscalYears(): CustomFiscalCalendar | undefined {
    if (!this.org.project.orgDefinition.customFiscalYears) return undefined;
    const custom = new Set<string>();
    for (const row of this.database.rows(FISCAL_YEAR_SETTINGS)) {
      if (row.IsStandardYear === false) custom.add(row.Id as string);
    }
    const years: DayRange[] = [];
    const quarters: DayRange[] = [];
    for (const row of this.database.rows(PERIOD)) {
      if (!custom.has(row.FiscalYearSettingsId as string)) continue;
      const start = row.StartDate;
      const end = row.EndDate;
      if (!(start instanceof ApexDate) || !(end instanceof ApexDate)) continue;
      const span = { start: start.epochDay, end: end.epochDay + 1 };
      if (row.Type === 'Year') years.push(span);
      else if (row.Type === 'Quarter') quarters.push(span);
    }
    const byStart = (a: DayRange, b: DayRange): number => a.start - b.start;
    return { years: years.sort(byStart), quarters: quarters.sort(byStart) };
  }

  private execute(
    frame: Frame,
    query: SoqlQuery,
    bind: (b: Parameters<QueryEnvironment['bind']>[0]) => unknown,
    accessLevel: 'USER_MODE' | 'SYSTEM_MODE' | undefined,
    countsRows = true
  ): unknown {
    const ctx = frame.ctx;
    // "Execution Governors and Limits": queries of Custom Metadata types are not counted.
    if (!this.org.project.schema.object(query.from.name)?.customMetadata) {
      ctx.limits.count('queries');
    }
    const userId = ctx.user.id;
    const userAccess = this.org.userAccess(userId);
    const sharing = this.org.recordAccess(userId);
    const now = this.clock();
    const organization = [...this.database.rows('Organization')][0] as StoredRow | undefined;
    const environment: QueryEnvironment = {
      source: this.database,
      bind,
      today: now.wall(ctx.user.timeZone).date,
      now,
      timeZone: ctx.user.timeZone,
      userId,
      fiscalYearStartMonth:
        typeof organization?.FiscalYearStartMonth === 'number'
          ? organization.FiscalYearStartMonth
          : 1,
      usesStartDateAsFiscalYearName: organization?.UsesStartDateAsFiscalYearName === true,
      customFiscalYears: this.customFiscalYears(),
      currencies: this.currencyRates(userId),
      withSharing: frame.withSharing,
      accessLevel,
      access: {
        objectReadable: (objectName) => userAccess.canRead(objectName),
        fieldReadable: (objectName, fieldName) => userAccess.fieldReadable(objectName, fieldName),
        recordVisible: (objectName, row) => sharing.canRead(objectName, row)
      },
      countRows: (rows) => {
        if (countsRows) countRows(ctx.limits, 'queryRows', rows);
      }
    };
    const result = executeQuery(query, environment);
    if (result.kind === 'count') return result.count;
    const objectName =
      result.records[0]?.type.name ??
      this.org.project.schema.object(query.from.name)?.name ??
      'SObject';
    return new QueryResultList(typeNamed(objectName), result.records);
  }

  // ---- DML -----------------------------------------------------------------------------

  /** Runs a DML request and returns one result per record (Database.* methods). */
  runDml(frame: Frame, request: DmlRequest): DmlRowResult[] {
    return this.dml.run(frame, request);
  }

  dmlStatement(frame: Frame, request: DmlStatementRequest): void {
    const records = recordsOf(frame, request.target, request.operation);
    const dmlRequest: DmlRequest = {
      operation: request.operation,
      records,
      allOrNone: true,
      accessLevel: request.accessLevel ?? 'SYSTEM_MODE',
      withSharing: frame.withSharing,
      externalIdField: request.externalIdField
    };
    const results = this.runDml(frame, dmlRequest);
    if (results.some((result) => !result.success))
      throw dmlFailure(frame, request.operation, results);
  }

  // ---- async ---------------------------------------------------------------------------

  runQueuedJobs(frame: Frame): void {
    this.asyncQueue.runQueued(frame);
  }

  enqueueFuture(frame: Frame, className: string, run: (frame: Frame) => void): void {
    this.asyncQueue.enqueue(frame, 'Future', className, (jobFrame) => run(jobFrame));
  }

  objectOfId(id: string): ObjectDescribe | undefined {
    return this.database.objectOfId(id);
  }
}

/** The records of a DML target: one SObject, a list of them, or (delete/undelete) Ids. */
export function recordsOf(
  frame: Frame,
  target: unknown,
  operation: string
): (SObjectValue | string | null)[] {
  if (target === null || target === undefined) {
    throw new ApexRuntimeError(
      'System.NullPointerException',
      'Attempt to de-reference a null object'
    );
  }
  if (target instanceof SObjectValue || typeof target === 'string') return [target];
  if (target instanceof ApexList) {
    if (target.items.some((item) => item === null)) {
      throw new ApexRuntimeError(
        'System.ListException',
        `Invalid list: a record of the ${operation} list is null`
      );
    }
    return target.items as (SObjectValue | string)[];
  }
  const items = [...iterate(frame, target)];
  if (items.every((item) => item instanceof SObjectValue || typeof item === 'string')) {
    return items as (SObjectValue | string)[];
  }
  throw new NotSupportedOfflineError(`DML on ${typeof target}`);
}
