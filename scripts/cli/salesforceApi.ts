/**
 * The org as `ssm` talks to it: a jsforce Connection (session, instance URL, API version, token
 * refresh on 401) with the REST calls the CLI needs, each retried with bounded backoff when
 * Salesforce says to come back later (429, 502, 503, 504, honouring Retry-After) or the network
 * drops an idempotent call. jsforce's own retry is switched off so that Retry-After is honoured
 * and tests can make the waits instant (`RetryPolicy.sleep`).
 */
import type { Connection } from 'jsforce';
import type HttpApiClass from 'jsforce/lib/http-api';
import type { HttpMethods, HttpResponse } from 'jsforce/lib/types';
import { CliError, EXIT } from './exitCodes';

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
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE']);

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

export interface CallOptions {
  /** Return the body as text (CSV results) instead of parsing it. */
  raw?: boolean;
  /**
   * Safe to resend after a dropped connection (GET, upsert by external id, update by Id).
   * A plain insert is only resent when Salesforce answered 429/5xx, i.e. did not process it.
   */
  idempotent?: boolean;
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

export class SalesforceApi {
  constructor(
    readonly conn: Connection,
    readonly retry: RetryPolicy = DEFAULT_RETRY,
    readonly onRetry: (notice: RetryNotice) => void = () => undefined
  ) {}

  get version(): string {
    return this.conn.version;
  }

  /** `/services/data/vXX.X` + path. */
  dataPath(path: string): string {
    return `/services/data/v${this.conn.version}${path}`;
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
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse | undefined;
      const api = new HttpApi(this.conn, {
        retry: { maxRetries: 0 },
        responseType: options.raw ? 'text/plain' : undefined
      });
      api.on('response', (received: HttpResponse) => {
        response = received;
      });
      try {
        const result = await api.request<T>({
          method,
          url: `${this.conn.instanceUrl}${path}`,
          headers:
            body === undefined
              ? { Accept: options.raw ? 'text/csv' : 'application/json' }
              : { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body)
        });
        return {
          body: result,
          status: response?.statusCode ?? 200,
          headers: response?.headers ?? {}
        };
      } catch (error) {
        const status = response && response.statusCode >= 400 ? response.statusCode : null;
        const code = errorCodeOf(error);
        const message = error instanceof Error ? error.message : String(error);
        const retryable =
          (status !== null && RETRYABLE_STATUS.has(status)) ||
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
      }
    }
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

  private async collection(
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
   * so a large object never sits in memory whole. Throws when the job fails or is aborted.
   */
  async bulkQuery(
    soql: string,
    onPage: (csv: string, page: number) => void | Promise<void>,
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
      await onPage(typeof result.body === 'string' ? result.body : '', page);
      records += Number(result.headers['sforce-numberofrecords'] ?? 0);
      options.onProgress?.(records, total);
      const next: string | undefined = result.headers['sforce-locator'];
      if (!next || next === 'null') break;
      locator = next;
    }
    return { jobId, records };
  }
}
