/**
 * The org as `ssm` talks to it: a jsforce Connection (session, instance URL, API version, token
 * refresh on 401) with the REST calls the CLI needs, each retried with bounded backoff when
 * Salesforce says to come back later (429, 502, 503, 504, honouring Retry-After) or the network
 * drops an idempotent call. jsforce's own retry is switched off so that Retry-After is honoured
 * and tests can make the waits instant (`RetryPolicy.sleep`).
 *
 * Every call goes through `timedTransport` (connect and idle timeouts, a body cut short is an
 * error, not a hang). Redirects to another instance are followed here, at most MAX_REDIRECTS per
 * call and only to the instance's host or a Salesforce domain. A 403 REQUEST_LIMIT_EXCEEDED
 * (TotalRequests) ends the run with the org's DailyApiRequests figures; rows that fail with
 * UNABLE_TO_LOCK_ROW are resent on their own; a Bulk query whose results hold fewer rows than
 * the job's numberRecordsProcessed is an error.
 */
import type { Connection } from 'jsforce';
import type HttpApiClass from 'jsforce/lib/http-api';
import type { HttpMethods, HttpResponse } from 'jsforce/lib/types';
import { CliError, EXIT } from './exitCodes';
import { DEFAULT_TIMEOUTS, timedTransport, type HttpTimeouts } from './httpTransport';

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Backoff before retry n (1-based) is baseDelayMs x 2^(n-1), capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/** Network failures after which an idempotent call is resent. */
const RETRYABLE_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'IDLE_TIMEOUT'
]);
/** Failures before anything reached Salesforce: any call can be resent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'CONNECT_TIMEOUT']);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Redirects followed per call: an instance move is one hop, a loop ends here. */
export const MAX_REDIRECTS = 5;
/**
 * Hosts a redirect may send the session to besides the instance's own: Salesforce's domains
 * (My Domain, instances, sandboxes, Government Cloud, the China instance).
 */
const SALESFORCE_DOMAINS = [
  '.salesforce.com',
  '.force.com',
  '.cloudforce.com',
  '.database.com',
  '.salesforce.mil',
  '.sfcrmproducts.cn'
];

/** An error answer from Salesforce, with its HTTP status and error code. */
export class SalesforceApiError extends CliError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly errorCode: string | null
  ) {
    super(message, status === 401 ? EXIT.auth : EXIT.api);
    this.name = 'SalesforceApiError';
  }
}

/**
 * The org has used its daily API requests: 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit
 * exceeded". Retrying cannot help before the rolling 24 hours free some, so the run stops.
 */
export class DailyApiLimitError extends SalesforceApiError {
  constructor(message: string) {
    super(message, 403, 'REQUEST_LIMIT_EXCEEDED');
    this.name = 'DailyApiLimitError';
  }
}

export interface CallOptions {
  /** Return the body as text (CSV results) instead of parsing it. */
  raw?: boolean;
  /**
   * Safe to resend after a dropped connection (GET, upsert by external id, update by Id).
   * A plain insert is only resent when Salesforce answered 429/5xx, i.e. did not process it.
   */
  idempotent?: boolean;
  /** Internal: a 403 REQUEST_LIMIT_EXCEEDED does not look the limits up (the lookup itself). */
  noLimitLookup?: boolean;
}

export interface CallResult<T> {
  body: T;
  status: number;
  headers: Record<string, string>;
}

/** One retry, for the log: what failed and how long the CLI waits. */
export interface RetryNotice {
  method: string;
  path: string;
  reason: string;
  attempt: number;
  delayMs: number;
}

export interface QueryResult<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

/** One row of an sObject Collections answer (SaveResult / UpsertResult). */
export interface CollectionResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors: { statusCode: string; message: string; fields?: string[] }[];
}

export interface BulkQueryJob {
  id: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  numberRecordsProcessed?: number;
  errorMessage?: string;
}

export interface BulkQueryOptions {
  pollIntervalMs?: number;
  /** Polls before giving up on a job that never finishes. */
  maxPolls?: number;
  /** Records per results page. */
  pageSize?: number;
  /** Results pages before giving up (a locator that never ends). */
  maxPages?: number;
}

function errorCodeOf(error: unknown): string | null {
  if (error && typeof error === 'object') {
    const record = error as { errorCode?: unknown; code?: unknown; name?: unknown };
    if (typeof record.errorCode === 'string') return record.errorCode;
    if (typeof record.code === 'string') return record.code;
  }
  return null;
}

function retryAfterMs(headers: Record<string, string> | undefined): number | null {
  const value = headers?.['retry-after'];
  if (value === undefined) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** jsforce loads in about half a second; audits of a CSV or the sample never need it. */
let httpApiClass: typeof HttpApiClass | undefined;
async function loadHttpApi(): Promise<typeof HttpApiClass> {
  httpApiClass ??= (await import('jsforce/lib/http-api')).default;
  return httpApiClass;
}

/** `api-usage=used/max` of the Sforce-Limit-Info header Salesforce puts on REST answers. */
function apiUsageOf(
  headers: Record<string, string> | undefined
): { used: number; max: number } | null {
  const match = /api-usage=(\d+)\/(\d+)/.exec(headers?.['sforce-limit-info'] ?? '');
  return match ? { used: Number(match[1]), max: Number(match[2]) } : null;
}

function isSalesforceHost(hostname: string): boolean {
  return SALESFORCE_DOMAINS.some((domain) => hostname.endsWith(domain));
}

export class SalesforceApi {
  constructor(
    readonly conn: Connection,
    readonly retry: RetryPolicy = DEFAULT_RETRY,
    readonly onRetry: (notice: RetryNotice) => void = () => undefined,
    readonly timeouts: HttpTimeouts = DEFAULT_TIMEOUTS
  ) {}

  get version(): string {
    return this.conn.version;
  }

  /** `/services/data/vXX.X` + path. */
  dataPath(path: string): string {
    return `/services/data/v${this.conn.version}${path}`;
  }

  /**
   * Where a redirect answer sends the call, or an error: a 301/302/303 is followed for reads
   * only (it would turn a write into a GET), 307/308 for any call (same method and body); the
   * target must be the instance's own host or a Salesforce domain, over https when the
   * instance is, since the session's token goes with the call.
   */
  private redirectTarget(
    method: HttpMethods,
    path: string,
    from: string,
    status: number,
    location: string | undefined
  ): string {
    const refuse = (why: string) =>
      new SalesforceApiError(
        `${method} ${path}: HTTP ${status} redirect ${why}`,
        status,
        'REDIRECT'
      );
    if (!location) throw refuse('without a Location header');
    let target: URL;
    try {
      target = new URL(location, from);
    } catch {
      throw refuse(`to an invalid address: ${location}`);
    }
    const instance = new URL(this.conn.instanceUrl);
    const sameHost = target.hostname === instance.hostname;
    if (!sameHost && !(target.protocol === 'https:' && isSalesforceHost(target.hostname))) {
      throw refuse(
        `to ${target.origin}, which is not a Salesforce host; the session is not sent there`
      );
    }
    if (instance.protocol === 'https:' && target.protocol !== 'https:') {
      throw refuse(`to ${target.origin}, which is not https`);
    }
    if (status !== 307 && status !== 308 && method !== 'GET') {
      throw refuse(
        `of a ${method} to ${target.origin}: only 307 and 308 keep the body; not resent`
      );
    }
    return target.toString();
  }

  /** One REST call with retries; `path` is relative to the instance URL. */
  async call<T>(
    method: HttpMethods,
    path: string,
    body?: unknown,
    options: CallOptions = {}
  ): Promise<CallResult<T>> {
    const idempotent = options.idempotent ?? method === 'GET';
    const HttpApi = await loadHttpApi();
    let url = `${this.conn.instanceUrl}${path}`;
    let redirects = 0;
    for (let attempt = 1; ;) {
      let response: HttpResponse | undefined;
      const api = new HttpApi(this.conn, {
        retry: { maxRetries: 0 },
        transport: timedTransport(this.timeouts),
        responseType: options.raw ? 'text/plain' : undefined
      });
      api.on('response', (received: HttpResponse) => {
        response = received;
      });
      try {
        const result = await api.request<T>({
          method,
          url,
          headers:
            body === undefined
              ? { Accept: options.raw ? 'text/csv' : 'application/json' }
              : { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body)
        });
        const status = response?.statusCode ?? 200;
        if (REDIRECT_STATUS.has(status)) {
          redirects += 1;
          if (redirects > MAX_REDIRECTS) {
            throw new SalesforceApiError(
              `${method} ${path}: more than ${MAX_REDIRECTS} redirects (last to ${response?.headers.location ?? '?'})`,
              status,
              'REDIRECT'
            );
          }
          url = this.redirectTarget(method, path, url, status, response?.headers.location);
          continue;
        }
        return { body: result, status, headers: response?.headers ?? {} };
      } catch (error) {
        if (error instanceof SalesforceApiError) throw error;
        const status = response && response.statusCode >= 400 ? response.statusCode : null;
        const code = errorCodeOf(error);
        const message = error instanceof Error ? error.message : String(error);
        if (
          status === 403 &&
          code === 'REQUEST_LIMIT_EXCEEDED' &&
          !/concurrent/i.test(message) &&
          !options.noLimitLookup
        ) {
          throw await this.dailyLimitError(method, path, message, response?.headers);
        }
        const retryable =
          (status !== null && RETRYABLE_STATUS.has(status)) ||
          (status === null && code !== null && NOT_SENT.has(code)) ||
          (status === null && idempotent && code !== null && RETRYABLE_NETWORK.has(code));
        if (!retryable || attempt >= this.retry.maxAttempts) {
          const reason = status ? `HTTP ${status}${code ? ` ${code}` : ''}` : (code ?? 'error');
          const exhausted = retryable ? ` (gave up after ${attempt} attempts)` : '';
          throw new SalesforceApiError(
            `${method} ${path}: ${reason}: ${message}${exhausted}`,
            status,
            code
          );
        }
        const backoff = this.retry.baseDelayMs * 2 ** (attempt - 1);
        const delayMs = Math.min(
          this.retry.maxDelayMs,
          (status !== null ? retryAfterMs(response?.headers) : null) ?? backoff
        );
        this.onRetry({
          method,
          path,
          reason: status ? `HTTP ${status}` : (code ?? 'network error'),
          attempt,
          delayMs
        });
        await this.retry.sleep(delayMs);
        attempt += 1;
      }
    }
  }

  /**
   * The error for a used-up daily API limit, with the org's figures: the REST `limits`
   * resource's DailyApiRequests, else the Sforce-Limit-Info header of the refused call.
   */
  private async dailyLimitError(
    method: string,
    path: string,
    message: string,
    headers: Record<string, string> | undefined
  ): Promise<DailyApiLimitError> {
    let figures: string;
    try {
      const { body } = await this.call<{ DailyApiRequests?: { Max: number; Remaining: number } }>(
        'GET',
        this.dataPath('/limits'),
        undefined,
        { noLimitLookup: true }
      );
      const daily = body.DailyApiRequests;
      if (!daily) throw new Error('no DailyApiRequests in /limits');
      figures = `${daily.Max - daily.Remaining} of ${daily.Max} daily API requests used, ${daily.Remaining} remaining`;
    } catch (lookupError) {
      const usage = apiUsageOf(headers);
      figures = usage
        ? `${usage.used} of ${usage.max} daily API requests used`
        : `the org's figures could not be read (${lookupError instanceof Error ? lookupError.message : String(lookupError)})`;
    }
    return new DailyApiLimitError(
      `${method} ${path}: the org's daily API request limit is used up (REQUEST_LIMIT_EXCEEDED: ${message}): ${figures}. ` +
        'The limit counts the last 24 hours: run ssm again later (what is loaded is kept), or see Setup > Company Information > API Requests.'
    );
  }

  /** Every record of a SOQL query (REST), following nextRecordsUrl; at most `maxPages` pages. */
  async query<T>(soql: string, maxPages = 1000): Promise<T[]> {
    const records: T[] = [];
    let path: string | undefined = this.dataPath(`/query?q=${encodeURIComponent(soql)}`);
    for (let page = 0; path !== undefined; page++) {
      if (page >= maxPages) throw new CliError(`Query paged past ${maxPages} pages: ${soql}`, 5);
      const result: QueryResult<T> = (await this.call<QueryResult<T>>('GET', path)).body;
      records.push(...result.records);
      path = result.done ? undefined : result.nextRecordsUrl;
    }
    return records;
  }

  /** Inserts up to 200 records (POST composite/sobjects), each succeeding or failing alone. */
  async insert(records: readonly Record<string, unknown>[]): Promise<CollectionResult[]> {
    return this.collection('POST', this.dataPath('/composite/sobjects'), records, false);
  }

  /** Updates up to 200 records by Id (PATCH composite/sobjects). */
  async update(records: readonly Record<string, unknown>[]): Promise<CollectionResult[]> {
    return this.collection('PATCH', this.dataPath('/composite/sobjects'), records, true);
  }

  /** Upserts up to 200 records of one object on an external id field. */
  async upsert(
    objectName: string,
    externalIdField: string,
    records: readonly Record<string, unknown>[]
  ): Promise<CollectionResult[]> {
    const path = this.dataPath(`/composite/sobjects/${objectName}/${externalIdField}`);
    return this.collection('PATCH', path, records, true);
  }

  /**
   * One sObject Collections call; rows that fail with UNABLE_TO_LOCK_ROW (another transaction
   * held the record or its parent) are resent on their own, with the call's backoff, until
   * they save or `maxAttempts` is reached. Such a row was not saved, so resending it is safe
   * even for an insert.
   */
  private async collection(
    method: HttpMethods,
    path: string,
    records: readonly Record<string, unknown>[],
    idempotent: boolean
  ): Promise<CollectionResult[]> {
    const results = await this.sendCollection(method, path, records, idempotent);
    for (let attempt = 1; attempt < this.retry.maxAttempts; attempt++) {
      const locked = results
        .map((result, index) => ({ result, index }))
        .filter(
          ({ result }) =>
            !result.success && result.errors.some((e) => e.statusCode === 'UNABLE_TO_LOCK_ROW')
        )
        .map(({ index }) => index);
      if (locked.length === 0) break;
      const delayMs = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
      this.onRetry({
        method,
        path,
        reason: `UNABLE_TO_LOCK_ROW on ${locked.length} row${locked.length === 1 ? '' : 's'}`,
        attempt,
        delayMs
      });
      await this.retry.sleep(delayMs);
      const again = await this.sendCollection(
        method,
        path,
        locked.map((index) => records[index]),
        idempotent
      );
      locked.forEach((index, position) => {
        results[index] = again[position];
      });
    }
    return results;
  }

  private async sendCollection(
    method: HttpMethods,
    path: string,
    records: readonly Record<string, unknown>[],
    idempotent: boolean
  ): Promise<CollectionResult[]> {
    if (records.length > 200) throw new Error(`${records.length} records in one collection`);
    const { body } = await this.call<CollectionResult[]>(
      method,
      path,
      { allOrNone: false, records },
      { idempotent }
    );
    if (!Array.isArray(body) || body.length !== records.length) {
      throw new SalesforceApiError(
        `${method} ${path}: expected ${records.length} results, got ${JSON.stringify(body).slice(0, 200)}`,
        null,
        null
      );
    }
    return body;
  }

  /**
   * Runs a Bulk API 2.0 query job and hands each page of CSV results to `onPage` as it arrives,
   * so a large object never sits in memory whole. Throws when the job fails or is aborted, and
   * when the pages hold fewer rows than the job's numberRecordsProcessed (a result cut short).
   * `onPage` returns the rows it read from the page (parsed, not Sforce-NumberOfRecords).
   */
  async bulkQuery(
    soql: string,
    onPage: (csv: string, page: number) => number | Promise<number>,
    options: BulkQueryOptions & { onProgress?: (done: number, total: number) => void } = {}
  ): Promise<{ jobId: string; records: number }> {
    const pollIntervalMs = options.pollIntervalMs ?? 2000;
    const maxPolls = options.maxPolls ?? 1800;
    const pageSize = options.pageSize ?? 50_000;
    const maxPages = options.maxPages ?? 100_000;
    const created = await this.call<BulkQueryJob>(
      'POST',
      this.dataPath('/jobs/query'),
      { operation: 'query', query: soql },
      { idempotent: false }
    );
    const jobId = created.body.id;
    let job = created.body;
    for (let poll = 0; job.state === 'UploadComplete' || job.state === 'InProgress'; poll++) {
      if (poll >= maxPolls) {
        throw new SalesforceApiError(
          `Bulk query job ${jobId} still ${job.state} after ${maxPolls} polls`,
          null,
          null
        );
      }
      await this.retry.sleep(pollIntervalMs);
      job = (await this.call<BulkQueryJob>('GET', this.dataPath(`/jobs/query/${jobId}`))).body;
    }
    if (job.state !== 'JobComplete') {
      throw new SalesforceApiError(
        `Bulk query job ${jobId} ${job.state}: ${job.errorMessage ?? 'no reason given'}`,
        null,
        job.state
      );
    }
    const total = job.numberRecordsProcessed ?? 0;
    let locator: string | null = null;
    let records = 0;
    for (let page = 0; ; page++) {
      if (page >= maxPages) {
        throw new SalesforceApiError(
          `Bulk query job ${jobId}: more than ${maxPages} pages`,
          null,
          null
        );
      }
      const query: string = `maxRecords=${pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
      const result: CallResult<string> = await this.call<string>(
        'GET',
        this.dataPath(`/jobs/query/${jobId}/results?${query}`),
        undefined,
        { raw: true }
      );
      const rows = await onPage(typeof result.body === 'string' ? result.body : '', page);
      records += rows;
      options.onProgress?.(records, total);
      const next: string | undefined = result.headers['sforce-locator'];
      if (!next || next === 'null') break;
      locator = next;
    }
    if (job.numberRecordsProcessed !== undefined && records < job.numberRecordsProcessed) {
      throw new SalesforceApiError(
        `Bulk query job ${jobId}: its results held ${records} records, but the job processed ` +
          `${job.numberRecordsProcessed} (numberRecordsProcessed); the result is incomplete, so the audit stops. Run it again.`,
        null,
        'SHORT_RESULT'
      );
    }
    return { jobId, records };
  }
}
