/**
 * A fake Salesforce org on 127.0.0.1 (ephemeral port) for the CLI's integration tests. It
 * answers the documented shapes of the REST API the CLI uses: query (with nextRecordsUrl
 * paging), sObject describe, sObject Collections insert (POST), update (PATCH) and upsert on an
 * external id (PATCH .../{type}/{field}), OAuth userinfo, and Bulk API 2.0 query jobs (create,
 * poll, CSV results with Sforce-Locator). It keeps records in memory, checks that every lookup
 * names a record it holds, and can be told to fail: a status with Retry-After for the next calls,
 * an expired session, rows that a validation rule rejects, a licence limit, a failing Bulk job,
 * and the faults of issue 17: a connection dropped in the middle of a body, a call that never
 * answers, rows locked by another transaction (UNABLE_TO_LOCK_ROW), fields of a package that is
 * not deployed (INVALID_FIELD), the daily API limit (403 REQUEST_LIMIT_EXCEEDED), a redirect to
 * another instance, a session that expires at a given call, and Bulk results cut short.
 * Issue 21: a multi-currency switch (`multiCurrency`) with CurrencyType and DatedConversionRate
 * rows, created and updated one at a time through the sObject resource, and the single-currency
 * org's answers (those objects and CurrencyIsoCode do not exist).
 * Issue 22: permission set groups (PermissionSetGroup with its Status): an assignment of a group
 * whose Status is not Updated is refused, as the org refuses it while it recalculates the group
 * (the error's wording is the fake's own); `onQuery` lets a test change the org between queries.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRecord = Record<string, unknown> & { Id: string; attributes: { type: string } };

export interface ScriptedFault {
  method?: string;
  path: RegExp;
  status: number;
  retryAfter?: string;
  errorCode?: string;
  /** How many matching calls fail. */
  times: number;
}

/** A transport fault: the answer is cut off half-way, or never comes (the socket stays open). */
export interface NetworkFault {
  method?: string;
  path: RegExp;
  kind: 'dropMidBody' | 'hang';
  times: number;
}

/** A redirect of matching calls: to the fake's second instance, to itself (a loop), or elsewhere. */
export interface RedirectFault {
  method?: string;
  path: RegExp;
  status: 301 | 302 | 307 | 308;
  to: 'other instance' | 'self' | string;
  times: number;
}

/** Matching rows fail with UNABLE_TO_LOCK_ROW, `times` times in all. */
export interface RowLock {
  match: (type: string, record: Record<string, unknown>) => boolean;
  times: number;
}

export interface RowError {
  statusCode: string;
  message: string;
  fields?: string[];
}

const ID_PREFIX: Record<string, string> = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  OpportunityContactRole: '00K',
  Event: '00U',
  Task: '00T',
  Profile: '00e',
  PermissionSet: '0PS',
  PermissionSetAssignment: '0Pa',
  PermissionSetGroup: '0PG',
  Organization: '00D',
  CurrencyType: '02C',
  DatedConversionRate: '04w',
  FiscalYearSettings: '022',
  Period: '026'
};

/** The objects of multiple currencies; a single-currency org has neither. */
const CURRENCY_OBJECTS = new Set(['CurrencyType', 'DatedConversionRate']);

/** A multi-currency org: its corporate currency, and whether advanced currency management is on. */
export interface MultiCurrency {
  corporate: string;
  /** Advanced currency management: DatedConversionRate exists. */
  advanced: boolean;
}

interface ParsedQuery {
  fields: string[];
  object: string;
  conditions: { path: string; op: '=' | 'IN' | 'LIKE'; values: unknown[] }[];
  limit: number | null;
}

function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith("'"))
    return trimmed.slice(1, -1).replace(/\\'/g, "'").replace(/\\\\/g, '\\');
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed === 'null') return null;
  return Number(trimmed);
}

/** The small SOQL subset the CLI sends: SELECT list FROM object [WHERE a AND b] [LIMIT n]. */
export function parseSoql(soql: string): ParsedQuery {
  const match =
    /^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$/is.exec(
      soql.trim()
    );
  if (!match) throw new Error(`unsupported SOQL: ${soql}`);
  const conditions = (match[3] ? match[3].split(/\s+AND\s+/i) : []).map((part) => {
    const condition = /^([\w.]+)\s*(=|IN|LIKE)\s*(.+)$/is.exec(part.trim());
    if (!condition) throw new Error(`unsupported condition: ${part}`);
    const op = condition[2].toUpperCase() as '=' | 'IN' | 'LIKE';
    const values =
      op === 'IN'
        ? (
            condition[3]
              .trim()
              .slice(1, -1)
              .match(/'(?:[^'\\]|\\.)*'|[^,\s]+/g) ?? []
          ).map(parseValue)
        : [parseValue(condition[3])];
    return { path: condition[1], op, values };
  });
  return {
    fields: match[1].split(',').map((field) => field.trim()),
    object: match[2],
    conditions,
    limit: match[4] ? Number(match[4]) : null
  };
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class FakeSalesforce {
  readonly version = '65.0';
  /** Every org has Period (its fiscal periods), with no rows until a test adds some. */
  readonly records = new Map<string, Map<string, FakeRecord>>([['Period', new Map()]]);
  readonly byId = new Map<string, FakeRecord>();
  /** Every request, as "METHOD path", for assertions. */
  readonly log: string[] = [];
  readonly faults: ScriptedFault[] = [];
  validTokens = new Set(['token-1']);
  /** Returned by the next refresh (the fake `sf org display`). */
  private tokenCounter = 1;
  userLicences = Number.POSITIVE_INFINITY;
  /** A validation rule: an error for a record about to be saved, or null. */
  rejectRow: (type: string, record: Record<string, unknown>) => RowError | null = () => null;
  readonly networkFaults: NetworkFault[] = [];
  readonly redirects: RedirectFault[] = [];
  readonly rowLocks: RowLock[] = [];
  /**
   * Fields that are not in the org, as `Object.Field` (a package that is not deployed): SOQL
   * naming one answers 400 INVALID_FIELD, a save naming one 400 INVALID_FIELD.
   */
  readonly missingFields = new Set<string>();
  /**
   * The org's daily API requests (DailyApiRequests Max). Every authorised call counts, except
   * `/limits`; past the limit every call answers 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit
   * exceeded." Each answer carries `Sforce-Limit-Info: api-usage=used/max` when it is finite.
   */
  dailyApiLimit = Number.POSITIVE_INFINITY;
  apiRequestsUsed = 0;
  /** The first call matching this expires every session (once), as a session timeout would. */
  expireSessionsOn: { method?: string; path: RegExp } | null = null;
  /** Bulk results leave out this many rows at the end, while numberRecordsProcessed counts all. */
  bulkResultsShortBy = 0;
  /** Requests served by the second instance (`startOtherInstance`), as "METHOD path". */
  readonly otherInstanceLog: string[] = [];
  otherUrl = '';
  private otherServer: Server | null = null;
  /**
   * Multiple currencies (issue 21). null: the test decides (CurrencyType and
   * DatedConversionRate are queryable once added or declared, CurrencyIsoCode is a field like
   * any other). false: a single-currency org: CurrencyType and DatedConversionRate "are not
   * available in single-currency organizations" (object reference), so a query of them answers
   * 400 INVALID_TYPE and CurrencyIsoCode is no field (INVALID_FIELD in a query or a save, left
   * out of describes). A MultiCurrency: both objects exist (DatedConversionRate only with
   * advanced currency management); unless the test has added a corporate CurrencyType row, the
   * corporate currency's row (rate 1) is there from the first call, with its first dated period; a saved
   * CurrencyIsoCode must be an active CurrencyType.
   */
  multiCurrency: MultiCurrency | false | null = null;
  /** When set, Bulk query jobs end Failed with this message. */
  failBulkJobsWith: string | null = null;
  /** Polls a Bulk job takes before JobComplete. */
  bulkPollsToComplete = 2;
  queryPageSize = 2000;
  /** The SOQL of every REST query and Bulk query job, in order, for assertions. */
  readonly queries: string[] = [];
  /** Runs before each REST query is answered (a group's recalculation finishing, say). */
  onQuery: (soql: string) => void = () => undefined;
  /** Schema for describe: object -> fields (name, relationshipName, referenceTo). */
  describes = new Map<
    string,
    { name: string; relationshipName?: string | null; referenceTo?: string[] }[]
  >();
  private server: Server | null = null;
  private counter = 0;
  private readonly cursors = new Map<string, { rows: FakeRecord[]; fields: string[] }>();
  private readonly jobs = new Map<
    string,
    { soql: string; polls: number; state: string; error?: string }
  >();
  url = '';
  /** After this many requests every session expires once, and `onSessionExpired` runs. */
  sessionExpiresAfter = Number.POSITIVE_INFINITY;
  onSessionExpired: () => void = () => undefined;

  /** Makes an object queryable while it holds no records. */
  declare(...types: string[]): void {
    for (const type of types) if (!this.records.has(type)) this.records.set(type, new Map());
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.json(response, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }]);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  /** A second instance URL (another port on 127.0.0.1) serving the same org, for redirects. */
  async startOtherInstance(): Promise<string> {
    this.otherServer = createServer((request, response) => {
      this.handle(request, response, true).catch((error: unknown) => {
        this.json(response, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }]);
      });
    });
    await new Promise<void>((resolve) => this.otherServer?.listen(0, '127.0.0.1', resolve));
    const { port } = this.otherServer.address() as AddressInfo;
    this.otherUrl = `http://127.0.0.1:${port}`;
    return this.otherUrl;
  }

  async stop(): Promise<void> {
    for (const server of [this.server, this.otherServer]) {
      if (!server) continue;
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    }
  }

  /** Invalidates every token: the next call gets 401 INVALID_SESSION_ID. */
  expireSessions(): void {
    this.validTokens.clear();
  }

  /** A fresh valid token, as a refreshed CLI login would give. */
  issueToken(): string {
    this.tokenCounter += 1;
    const token = `token-${this.tokenCounter}`;
    this.validTokens.add(token);
    return token;
  }

  newId(type: string): string {
    this.counter += 1;
    const prefix = ID_PREFIX[type] ?? `a0${String.fromCharCode(65 + (type.length % 26))}`;
    return `${prefix}${String(this.counter).padStart(12, '0')}AAA`;
  }

  /** Adds a record directly (test setup); returns its Id. */
  add(type: string, fields: Record<string, unknown>): string {
    const id = (fields.Id as string | undefined) ?? this.newId(type);
    const record = { ...fields, Id: id, attributes: { type } } as FakeRecord;
    if (!this.records.has(type)) this.records.set(type, new Map());
    this.records.get(type)?.set(id, record);
    this.byId.set(id, record);
    return id;
  }

  all(type: string): FakeRecord[] {
    return [...(this.records.get(type)?.values() ?? [])];
  }

  private valueAt(record: FakeRecord, path: string): unknown {
    const parts = path.split('.');
    let current: Record<string, unknown> | undefined = record;
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i];
      const lookupField = name.endsWith('__r') ? name.replace(/__r$/, '__c') : `${name}Id`;
      const id: unknown = current?.[lookupField];
      current = typeof id === 'string' ? this.byId.get(id) : undefined;
    }
    return current?.[parts[parts.length - 1]] ?? null;
  }

  private select(query: ParsedQuery): FakeRecord[] {
    const rows = this.all(query.object).filter((record) =>
      query.conditions.every(({ path, op, values }) => {
        const value = this.valueAt(record, path);
        if (op === 'LIKE') {
          const pattern = String(values[0]);
          return typeof value === 'string' && value.startsWith(pattern.replace(/%$/, ''));
        }
        if (op === 'IN')
          return values.some(
            (candidate) =>
              candidate === value ||
              (typeof candidate === 'string' &&
                typeof value === 'string' &&
                candidate.toLowerCase() === value.toLowerCase())
          );
        return values[0] === value;
      })
    );
    return query.limit === null ? rows : rows.slice(0, query.limit);
  }

  private shape(record: FakeRecord, fields: string[]): Record<string, unknown> {
    const result: Record<string, unknown> = {
      attributes: {
        type: record.attributes.type,
        url: `/services/data/v${this.version}/sobjects/${record.attributes.type}/${record.Id}`
      }
    };
    for (const field of fields) {
      const dot = field.indexOf('.');
      if (dot < 0) {
        result[field] = record[field] ?? null;
      } else {
        const relationship = field.slice(0, dot);
        const nested = (result[relationship] ??= {}) as Record<string, unknown>;
        nested[field.slice(dot + 1)] = this.valueAt(record, field);
      }
    }
    return result;
  }

  private json(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): void {
    this.send(
      response,
      status,
      { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
      JSON.stringify(body)
    );
  }

  /** Writes an answer, or half of it before closing the socket for a `dropMidBody` fault. */
  private send(
    response: ServerResponse,
    status: number,
    headers: Record<string, string>,
    text: string
  ): void {
    const bytes = Buffer.from(text, 'utf8');
    const limitInfo: Record<string, string> = Number.isFinite(this.dailyApiLimit)
      ? { 'Sforce-Limit-Info': `api-usage=${this.apiRequestsUsed}/${this.dailyApiLimit}` }
      : {};
    response.writeHead(status, {
      ...limitInfo,
      ...headers,
      'Content-Length': String(bytes.length)
    });
    if (this.dropping.has(response)) {
      this.dropping.delete(response);
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () =>
        response.socket?.destroy()
      );
      return;
    }
    response.end(bytes);
  }

  private readonly dropping = new Set<ServerResponse>();

  private takeFault<F extends { method?: string; path: RegExp; times: number }>(
    faults: F[],
    method: string,
    path: string
  ): F | undefined {
    const fault = faults.find(
      (candidate) =>
        candidate.times > 0 &&
        candidate.path.test(path) &&
        (!candidate.method || candidate.method === method)
    );
    if (fault) fault.times -= 1;
    return fault;
  }

  /** The fields of a SOQL query that the org lacks (`missingFields`), as `Object.Field`. */
  private missingIn(query: ParsedQuery): string[] {
    const paths = [...query.fields, ...query.conditions.map((condition) => condition.path)];
    return paths
      .map((path) => {
        const parts = path.split('.');
        if (parts.length === 1) return `${query.object}.${path}`;
        const relationship = parts[parts.length - 2];
        const object = relationship === 'Owner' ? 'User' : relationship.replace(/__r$/, '__c');
        return `${object}.${parts[parts.length - 1]}`;
      })
      .filter((name) => this.isMissingField(name));
  }

  /** `Object.Field` is not in the org: listed in missingFields, or CurrencyIsoCode in one currency. */
  private isMissingField(name: string): boolean {
    return (
      this.missingFields.has(name) ||
      (this.multiCurrency === false && name.endsWith('.CurrencyIsoCode'))
    );
  }

  /** CurrencyType or DatedConversionRate in an org that lacks it. */
  private currencyObjectMissing(type: string): boolean {
    if (!CURRENCY_OBJECTS.has(type) || this.multiCurrency === null) return false;
    if (this.multiCurrency === false) return true;
    return type === 'DatedConversionRate' && !this.multiCurrency.advanced;
  }

  /**
   * A multi-currency org always holds its corporate currency (and, with advanced currency
   * management, its first dated period).
   */
  private ensureCorporateCurrency(): void {
    const multi = this.multiCurrency;
    if (!multi) return;
    this.declare('CurrencyType');
    if (multi.advanced) this.declare('DatedConversionRate');
    if (this.all('CurrencyType').some((row) => row.IsCorporate === true)) return;
    this.add('CurrencyType', {
      IsoCode: multi.corporate,
      ConversionRate: 1,
      DecimalPlaces: 2,
      IsCorporate: true,
      IsActive: true
    });
    if (multi.advanced) this.addFirstPeriod(multi.corporate, 1);
  }

  /**
   * With advanced currency management a currency's dated rates start with a period from the
   * beginning of time, at the rate the currency was created with; the API shows its StartDate
   * as 0001-01-01.
   */
  private addFirstPeriod(isoCode: string, rate: number): void {
    this.add('DatedConversionRate', {
      IsoCode: isoCode,
      ConversionRate: rate,
      StartDate: '0001-01-01'
    });
  }

  private rowError(response: ServerResponse, statusCode: string, message: string): void {
    this.json(response, 400, [{ errorCode: statusCode, message }]);
  }

  /**
   * POST /sobjects/{type}: one record, answered 201 {id, success, errors}
   * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/dome_sobject_create.htm).
   * CurrencyType: IsoCode unique in the org; DatedConversionRate: its currency must exist and
   * (IsoCode, StartDate) be new.
   */
  private createOne(response: ServerResponse, type: string, body: Record<string, unknown>): void {
    if (this.currencyObjectMissing(type)) {
      this.rowError(response, 'NOT_FOUND', 'The requested resource does not exist');
      return;
    }
    const error = this.check(type, body, 'insert');
    if (error) {
      this.rowError(response, error.statusCode, error.message);
      return;
    }
    if (type === 'CurrencyType') {
      if (this.all('CurrencyType').some((row) => row.IsoCode === body.IsoCode)) {
        this.rowError(
          response,
          'DUPLICATE_VALUE',
          `duplicate value found: IsoCode ${String(body.IsoCode)}`
        );
        return;
      }
    }
    if (type === 'DatedConversionRate') {
      if (!this.all('CurrencyType').some((row) => row.IsoCode === body.IsoCode)) {
        this.rowError(
          response,
          'INVALID_CURRENCY_ISO',
          `invalid currency code: ${String(body.IsoCode)}`
        );
        return;
      }
      if (
        this.all('DatedConversionRate').some(
          (row) => row.IsoCode === body.IsoCode && row.StartDate === body.StartDate
        )
      ) {
        this.rowError(
          response,
          'DUPLICATE_VALUE',
          `duplicate value found: ${String(body.IsoCode)} ${String(body.StartDate)}`
        );
        return;
      }
    }
    const fields = Object.fromEntries(
      Object.entries(body).filter(([field]) => field !== 'attributes')
    );
    const id = this.add(type, { ...fields, createdByApi: true });
    const multi = this.multiCurrency;
    if (type === 'CurrencyType' && multi && multi.advanced) {
      this.addFirstPeriod(String(body.IsoCode), Number(body.ConversionRate));
    }
    this.json(response, 201, { id, success: true, errors: [] });
  }

  /**
   * PATCH /sobjects/{type}/{id}: 204. A CurrencyType update without IsActive sets it false, as
   * the object reference warns.
   */
  private updateOne(
    response: ServerResponse,
    type: string,
    id: string,
    body: Record<string, unknown>
  ): void {
    const existing = this.byId.get(id);
    if (!existing || existing.attributes.type !== type) {
      this.rowError(response, 'NOT_FOUND', 'The requested resource does not exist');
      return;
    }
    const error = this.check(type, body, 'update');
    if (error) {
      this.rowError(response, error.statusCode, error.message);
      return;
    }
    Object.assign(existing, body);
    if (type === 'CurrencyType' && !('IsActive' in body)) existing.IsActive = false;
    response.writeHead(204);
    response.end();
  }

  private async body(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : undefined;
  }

  private async handle(
    request: IncomingMessage,
    response: ServerResponse,
    otherInstance = false
  ): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', this.url);
    const path = url.pathname;
    (otherInstance ? this.otherInstanceLog : this.log).push(`${method} ${path}`);
    if (this.log.length > this.sessionExpiresAfter) {
      this.sessionExpiresAfter = Number.POSITIVE_INFINITY;
      this.expireSessions();
      this.onSessionExpired();
    }
    const expireOn = this.expireSessionsOn;
    if (expireOn && expireOn.path.test(path) && (!expireOn.method || expireOn.method === method)) {
      this.expireSessionsOn = null;
      this.expireSessions();
      this.onSessionExpired();
    }
    const network = this.takeFault(this.networkFaults, method, path);
    if (network?.kind === 'hang') return; // the socket stays open until the client gives up
    if (network?.kind === 'dropMidBody') this.dropping.add(response);
    if (!otherInstance) {
      const redirect = this.takeFault(this.redirects, method, path);
      if (redirect) {
        const base =
          redirect.to === 'other instance'
            ? this.otherUrl
            : redirect.to === 'self'
              ? this.url
              : redirect.to;
        response.writeHead(redirect.status, { Location: `${base}${request.url ?? '/'}` });
        response.end();
        return;
      }
    }
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.validTokens.has(token)) {
      this.json(response, 401, [
        { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
      ]);
      return;
    }
    this.ensureCorporateCurrency();
    const data = `/services/data/v${this.version}`;
    if (path === `${data}/limits` && method === 'GET') {
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
      const max = Number.isFinite(this.dailyApiLimit) ? this.dailyApiLimit : 15000;
      this.json(response, 200, {
        DailyApiRequests: { Max: max, Remaining: Math.max(0, max - this.apiRequestsUsed) }
      });
      return;
    }
    this.apiRequestsUsed += 1;
    if (this.apiRequestsUsed > this.dailyApiLimit) {
      this.apiRequestsUsed = this.dailyApiLimit;
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm:
      // 403 with REQUEST_LIMIT_EXCEEDED; the message of the total (daily) limit is
      // "TotalRequests Limit exceeded." (https://sfdecoded.github.io/errors/request-limit-exceeded.html).
      this.json(response, 403, [
        { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }
      ]);
      return;
    }
    const fault = this.faults.find(
      (candidate) =>
        candidate.times > 0 &&
        candidate.path.test(path) &&
        (!candidate.method || candidate.method === method)
    );
    if (fault) {
      fault.times -= 1;
      const headers: Record<string, string> = fault.retryAfter
        ? { 'Retry-After': fault.retryAfter }
        : {};
      const errorCode =
        fault.errorCode ?? (fault.status === 429 ? 'REQUEST_LIMIT_EXCEEDED' : 'SERVER_UNAVAILABLE');
      this.json(response, fault.status, [{ message: `fake ${fault.status}`, errorCode }], headers);
      return;
    }
    const body = method === 'GET' ? undefined : await this.body(request);
    if (path === '/services/oauth2/userinfo') {
      const admin = this.all('User').find((user) => user.Username === 'admin@fake.example.com');
      this.json(response, 200, {
        user_id: admin?.Id,
        organization_id: this.all('Organization')[0]?.Id,
        preferred_username: admin?.Username
      });
      return;
    }
    if (!path.startsWith(`${data}/`)) {
      this.json(response, 404, [
        { errorCode: 'NOT_FOUND', message: `wrong API version or path: ${path}` }
      ]);
      return;
    }
    const rest = path.slice(data.length);
    if (rest === '/query' && method === 'GET')
      return this.query(response, url.searchParams.get('q') ?? '');
    if (rest.startsWith('/query/') && method === 'GET')
      return this.queryMore(response, rest.slice(7));
    const describe = /^\/sobjects\/(\w+)\/describe$/.exec(rest);
    if (describe && method === 'GET') {
      const fields = this.describes.get(describe[1]);
      if (!fields) {
        this.json(response, 404, [
          { errorCode: 'NOT_FOUND', message: `The requested resource does not exist` }
        ]);
        return;
      }
      this.json(response, 200, {
        name: describe[1],
        fields:
          this.multiCurrency === false
            ? fields.filter((field) => field.name !== 'CurrencyIsoCode')
            : fields
      });
      return;
    }
    const sobject = /^\/sobjects\/(\w+)(?:\/(\w+))?$/.exec(rest);
    if (sobject && method === 'POST' && !sobject[2])
      return this.createOne(response, sobject[1], body as Record<string, unknown>);
    if (sobject && method === 'PATCH' && sobject[2])
      return this.updateOne(response, sobject[1], sobject[2], body as Record<string, unknown>);
    if (rest === '/composite/sobjects' && method === 'POST')
      return this.collection(response, body, 'insert');
    if (rest === '/composite/sobjects' && method === 'PATCH')
      return this.collection(response, body, 'update');
    const upsert = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(rest);
    if (upsert && method === 'PATCH')
      return this.collection(response, body, 'upsert', upsert[1], upsert[2]);
    if (rest === '/jobs/query' && method === 'POST')
      return this.createJob(response, body as { query: string });
    const job = /^\/jobs\/query\/(\w+)(\/results)?$/.exec(rest);
    if (job && method === 'GET') {
      return job[2]
        ? this.jobResults(response, job[1], url.searchParams)
        : this.jobInfo(response, job[1]);
    }
    this.json(response, 404, [{ errorCode: 'NOT_FOUND', message: `${method} ${rest}` }]);
  }

  private query(response: ServerResponse, soql: string): void {
    this.queries.push(soql);
    this.onQuery(soql);
    let parsed: ParsedQuery;
    try {
      parsed = parseSoql(soql);
    } catch (error) {
      this.json(response, 400, [
        { errorCode: 'MALFORMED_QUERY', message: (error as Error).message }
      ]);
      return;
    }
    if (
      this.currencyObjectMissing(parsed.object) ||
      (!this.records.has(parsed.object) && !this.describes.has(parsed.object))
    ) {
      this.json(response, 400, [
        { errorCode: 'INVALID_TYPE', message: `sObject type '${parsed.object}' is not supported.` }
      ]);
      return;
    }
    const [missing] = this.missingIn(parsed);
    if (missing) {
      const [object, field] = missing.split('.');
      this.json(response, 400, [
        {
          errorCode: 'INVALID_FIELD',
          message: `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
        }
      ]);
      return;
    }
    const rows = this.select(parsed);
    this.page(response, rows, parsed.fields, 0);
  }

  private page(
    response: ServerResponse,
    rows: FakeRecord[],
    fields: string[],
    offset: number
  ): void {
    const slice = rows.slice(offset, offset + this.queryPageSize);
    const done = offset + slice.length >= rows.length;
    let nextRecordsUrl: string | undefined;
    if (!done) {
      const cursor = `01g${String(this.cursors.size).padStart(12, '0')}-${offset + slice.length}`;
      this.cursors.set(cursor, { rows, fields });
      nextRecordsUrl = `/services/data/v${this.version}/query/${cursor}`;
    }
    this.json(response, 200, {
      totalSize: rows.length,
      done,
      ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
      records: slice.map((record) => this.shape(record, fields))
    });
  }

  private queryMore(response: ServerResponse, cursor: string): void {
    const state = this.cursors.get(cursor);
    if (!state) {
      this.json(response, 400, [
        { errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }
      ]);
      return;
    }
    this.page(response, state.rows, state.fields, Number(cursor.split('-')[1]));
  }

  /** Checks a record to save: lookups must name held records, no unresolved `@refs`. */
  private check(type: string, record: Record<string, unknown>, mode: string): RowError | null {
    const lock = this.rowLocks.find(
      (candidate) => candidate.times > 0 && candidate.match(type, record)
    );
    if (lock) {
      lock.times -= 1;
      return {
        statusCode: 'UNABLE_TO_LOCK_ROW',
        message: 'unable to obtain exclusive access to this record or 1 records',
        fields: []
      };
    }
    for (const [field, value] of Object.entries(record)) {
      if (field === 'attributes' || field === 'Id') continue;
      if (typeof value === 'string' && value.startsWith('@')) {
        return {
          statusCode: 'MALFORMED_ID',
          message: `${field}: id value of incorrect type: ${value}`,
          fields: [field]
        };
      }
      const isLookup = (field.endsWith('Id') && field !== 'Id') || field.endsWith('__c');
      if (
        isLookup &&
        typeof value === 'string' &&
        /^[a-zA-Z0-9]{18}$/.test(value) &&
        !this.byId.has(value)
      ) {
        return {
          statusCode: 'INVALID_CROSS_REFERENCE_KEY',
          message: `invalid cross reference id`,
          fields: [field]
        };
      }
    }
    if (type === 'PermissionSetAssignment' && typeof record.PermissionSetGroupId === 'string') {
      const group = this.byId.get(record.PermissionSetGroupId);
      if (group && group.Status !== 'Updated') {
        return {
          statusCode: 'FIELD_INTEGRITY_EXCEPTION',
          message: `Permission set group ${String(group.DeveloperName)} is ${String(group.Status)}: only an Updated group can be assigned`,
          fields: ['PermissionSetGroupId']
        };
      }
    }
    if (this.multiCurrency && typeof record.CurrencyIsoCode === 'string') {
      const code = record.CurrencyIsoCode;
      if (!this.all('CurrencyType').some((row) => row.IsoCode === code && row.IsActive === true)) {
        return {
          statusCode: 'INVALID_CURRENCY_ISO',
          message: `Currency ISO Code: invalid currency code: ${code}`,
          fields: ['CurrencyIsoCode']
        };
      }
    }
    if (type === 'User' && mode === 'insert') {
      if (
        this.all('User').filter((user) => user.createdByApi === true).length >= this.userLicences
      ) {
        return {
          statusCode: 'LICENSE_LIMIT_EXCEEDED',
          message: 'License Limit Exceeded: Salesforce',
          fields: []
        };
      }
    }
    return this.rejectRow(type, record);
  }

  private collection(
    response: ServerResponse,
    body: unknown,
    mode: 'insert' | 'update' | 'upsert',
    upsertType?: string,
    externalField?: string
  ): void {
    const { records, allOrNone } = body as {
      records?: Record<string, unknown>[];
      allOrNone?: boolean;
    };
    if (!Array.isArray(records) || records.length > 200) {
      this.json(response, 400, [
        { errorCode: 'INVALID_FIELD', message: 'records: expected at most 200 records' }
      ]);
      return;
    }
    if (allOrNone !== false) throw new Error('the CLI always sends allOrNone: false');
    for (const record of records) {
      const type = (record.attributes as { type?: string } | undefined)?.type ?? '';
      const missing = Object.keys(record).find((field) => this.isMissingField(`${type}.${field}`));
      if (missing) {
        this.json(response, 400, [
          {
            errorCode: 'INVALID_FIELD',
            message: `No such column '${missing}' on sobject of type ${type}`
          }
        ]);
        return;
      }
    }
    const results = records.map((record) => {
      const type = (record.attributes as { type?: string } | undefined)?.type;
      if (!type || (upsertType && type !== upsertType)) {
        return {
          success: false,
          errors: [{ statusCode: 'INVALID_TYPE', message: 'attributes.type', fields: [] }]
        };
      }
      const error = this.check(type, record, mode);
      if (error) return { success: false, errors: [error] };
      const fields = Object.fromEntries(
        Object.entries(record).filter(([field]) => field !== 'attributes')
      );
      if (mode === 'update') {
        const existing = this.byId.get(String(record.Id));
        if (!existing) {
          return {
            id: record.Id,
            success: false,
            errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]
          };
        }
        Object.assign(existing, fields);
        return { id: existing.Id, success: true, errors: [] };
      }
      if (mode === 'upsert') {
        const key = record[externalField as string];
        const existing = this.all(type).find(
          (candidate) => candidate[externalField as string] === key
        );
        if (existing) {
          Object.assign(existing, fields);
          return { id: existing.Id, success: true, errors: [], created: false };
        }
        const id = this.add(type, { ...fields, createdByApi: true });
        return { id, success: true, errors: [], created: true };
      }
      const duplicate =
        typeof record.SSM_External_Id__c === 'string' &&
        this.all(type).some(
          (candidate) => candidate.SSM_External_Id__c === record.SSM_External_Id__c
        );
      if (duplicate) {
        return {
          success: false,
          errors: [
            {
              statusCode: 'DUPLICATE_VALUE',
              message: 'duplicate value found',
              fields: ['SSM_External_Id__c']
            }
          ]
        };
      }
      const id = this.add(type, { ...fields, createdByApi: true });
      return { id, success: true, errors: [] };
    });
    this.json(response, 200, results);
  }

  private createJob(response: ServerResponse, body: { query: string }): void {
    this.queries.push(body.query);
    let parsed: ParsedQuery;
    try {
      parsed = parseSoql(body.query);
    } catch (error) {
      this.json(response, 400, [{ errorCode: 'INVALIDJOB', message: (error as Error).message }]);
      return;
    }
    const id = `750${String(this.jobs.size + 1).padStart(12, '0')}AAA`;
    this.jobs.set(id, { soql: body.query, polls: 0, state: 'UploadComplete' });
    this.json(response, 200, {
      id,
      operation: 'query',
      object: parsed.object,
      createdById: '005000000000001AAA',
      createdDate: '2026-11-16T09:00:00.000+0000',
      systemModstamp: '2026-11-16T09:00:00.000+0000',
      state: 'UploadComplete',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(this.version),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA'
    });
  }

  private jobInfo(response: ServerResponse, id: string): void {
    const job = this.jobs.get(id);
    if (!job) {
      this.json(response, 404, [{ errorCode: 'NOT_FOUND', message: 'job not found' }]);
      return;
    }
    job.polls += 1;
    if (job.polls >= this.bulkPollsToComplete) {
      if (this.failBulkJobsWith) {
        job.state = 'Failed';
        job.error = this.failBulkJobsWith;
      } else job.state = 'JobComplete';
    } else job.state = 'InProgress';
    const rows = job.state === 'JobComplete' ? this.select(parseSoql(job.soql)).length : 0;
    this.json(response, 200, {
      id,
      operation: 'query',
      object: parseSoql(job.soql).object,
      state: job.state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(this.version),
      jobType: 'V2Query',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: rows,
      retries: 0,
      totalProcessingTime: 100,
      ...(job.error ? { errorMessage: job.error } : {})
    });
  }

  private jobResults(response: ServerResponse, id: string, params: URLSearchParams): void {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'JobComplete') {
      this.json(response, 400, [{ errorCode: 'INVALIDJOBSTATE', message: 'job is not complete' }]);
      return;
    }
    const parsed = parseSoql(job.soql);
    const all = this.select(parsed);
    const rows = all.slice(0, Math.max(0, all.length - this.bulkResultsShortBy));
    const start = Number(params.get('locator') ?? '0');
    const size = Number(params.get('maxRecords') ?? '50000');
    const slice = rows.slice(start, start + size);
    const next = start + slice.length < rows.length ? String(start + slice.length) : 'null';
    const lines = [parsed.fields.map(csvCell).join(',')];
    for (const record of slice) {
      lines.push(parsed.fields.map((field) => csvCell(this.valueAt(record, field))).join(','));
    }
    this.send(
      response,
      200,
      {
        'Content-Type': 'text/csv',
        'Sforce-Locator': next,
        'Sforce-NumberOfRecords': String(slice.length)
      },
      `${lines.join('\n')}\n`
    );
  }
}
