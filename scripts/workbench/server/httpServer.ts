/**
 * The workbench's HTTP server, on 127.0.0.1 only: the page (with who the user acts as written
 * into it), the bundle, SLDS assets from @salesforce-ux/design-system, and the JSON API. It
 * answers only requests addressed to itself (a Host of 127.0.0.1 or localhost, which stops DNS
 * rebinding) and refuses writes from other sites (an Origin or Sec-Fetch-Site naming another
 * site, or a body that is not JSON, which a cross-site form cannot send). An email's document
 * (the inbox's iframe) is served only to its recipient, under a policy that runs no script.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SLDS_ASSETS_DIR } from '../paths';
import { actingUserOf, emailDocumentOf, emailIdOfDocumentPath, handleApi, userI18nOf } from './api';
import type { WorkbenchOrg } from './workbenchOrg';

export const HOST = '127.0.0.1';
export const USER_COOKIE = 'wb_user';
/** Larger request bodies are refused: the API takes a few fields at a time. */
const MAX_BODY_BYTES = 1_000_000;
/** How much of a refused body is read before the connection is cut. */
const MAX_DRAIN_BYTES = 16_000_000;
const INTERNAL_MESSAGE = 'The workbench could not answer; its terminal shows why.';
const IMPLEMENTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PATCH']);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
};

/**
 * The headers of an email's document. Email HTML is someone else's markup: it may style itself
 * inline (as email clients allow) but runs nothing, loads nothing, submits nothing, and only the
 * workbench may frame it; the CSP's sandbox holds even where the iframe's attribute is missing.
 */
export const EMAIL_DOCUMENT_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " +
    "form-action 'none'; frame-ancestors 'self'; sandbox",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store'
};

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function pageHtml(context: unknown): string {
  const json = JSON.stringify(context).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sales Strategy | Workbench</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>body{background:#b0c4df;min-height:100vh;margin:0}</style>
<script type="application/json" id="wb-context">${json}</script>
<script type="module" src="/app.js"></script>
</head>
<body class="slds-scope"><div id="root"></div></body>
</html>
`;
}

/** A request the server answers with an HTTP error status and a message, never a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 405 | 413 | 501,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }
}

/**
 * The JSON body of a request. Past MAX_BODY_BYTES the rest is read and dropped (up to
 * MAX_DRAIN_BYTES, then the connection is cut), so that the client still receives the 413.
 */
function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) request.destroy();
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(
          new HttpError(
            413,
            'REQUEST_TOO_LARGE',
            `The request body is over ${MAX_BODY_BYTES} bytes`
          )
        );
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : null);
      } catch {
        reject(new HttpError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON'));
      }
    });
    request.on('error', reject);
  });
}

/** The decoded path, or a 400 for a malformed percent-encoding. */
function pathOf(url: URL): string {
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError(400, 'MALFORMED_URI', 'The request URI is malformed');
  }
  return url.pathname;
}

/** 501 for a method the server never implements, 405 for one a non-API path does not take. */
function methodRefusal(method: string, path: string): HttpError | undefined {
  if (!IMPLEMENTED_METHODS.has(method)) {
    return new HttpError(501, 'NOT_IMPLEMENTED', `The method ${method} is not implemented`, {
      allow: [...IMPLEMENTED_METHODS].join(', ')
    });
  }
  if (!path.startsWith('/api/') && method !== 'GET' && method !== 'HEAD') {
    return new HttpError(
      405,
      'METHOD_NOT_ALLOWED',
      `The method ${method} is not allowed on ${path}`,
      {
        allow: 'GET, HEAD'
      }
    );
  }
  return undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers
  });
  response.end(JSON.stringify(body));
}

function sendFile(response: ServerResponse, file: string): void {
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache'
  });
  createReadStream(file).pipe(response);
}

export interface ServerOptions {
  workbench: WorkbenchOrg;
  bundleFile: string;
  port: number;
}

const LOCAL_HOSTS = new Set([HOST, 'localhost']);

/** The host name of a Host header or an Origin (without port), lower-cased. */
function hostName(value: string): string | undefined {
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Why the server refuses the request, or undefined when it may answer it. */
export function refusal(request: IncomingMessage): string | undefined {
  const host = hostName(request.headers.host ?? '');
  if (!host || !LOCAL_HOSTS.has(host)) return 'Unknown host';
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return undefined;
  const origin = request.headers.origin;
  if (origin !== undefined && !LOCAL_HOSTS.has(hostName(origin) ?? '')) {
    return 'Cross-site request refused';
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'Cross-site request refused';
  const type = request.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) return 'The request body must be JSON';
  return undefined;
}

export function createWorkbenchServer({ workbench, bundleFile }: ServerOptions): Server {
  return createServer((request, response) => {
    void (async () => {
      // An unparsable target becomes a path that pathOf refuses with a 400.
      const url = URL.canParse(request.url ?? '/', `http://${HOST}`)
        ? new URL(request.url ?? '/', `http://${HOST}`)
        : new URL(`http://${HOST}/%`);
      const method = request.method ?? 'GET';
      const refused = refusal(request);
      if (refused) {
        sendJson(response, 403, [{ errorCode: 'FORBIDDEN', message: refused }]);
        return;
      }
      const acting = actingUserOf(workbench, cookieValue(request.headers.cookie, USER_COOKIE));
      try {
        const path = pathOf(url);
        const wrongMethod = methodRefusal(method, path);
        if (wrongMethod) throw wrongMethod;
        if (path === '/api/session' && method === 'POST') {
          const { userKey } = ((await readBody(request)) ?? {}) as { userKey?: unknown };
          const next = actingUserOf(workbench, typeof userKey === 'string' ? userKey : undefined);
          sendJson(
            response,
            200,
            { userKey: next.key },
            {
              'set-cookie': `${USER_COOKIE}=${encodeURIComponent(next.key)}; Path=/; SameSite=Strict; HttpOnly`
            }
          );
          return;
        }
        const emailId = emailIdOfDocumentPath(path);
        if (emailId !== undefined && (method === 'GET' || method === 'HEAD')) {
          const html = emailDocumentOf(workbench, acting, emailId);
          if (html === undefined) {
            sendJson(response, 404, [{ errorCode: 'NOT_FOUND', message: path }], {
              'x-content-type-options': 'nosniff'
            });
            return;
          }
          response.writeHead(200, EMAIL_DOCUMENT_HEADERS);
          response.end(method === 'HEAD' ? undefined : html);
          return;
        }
        if (path.startsWith('/api/')) {
          const body = method === 'GET' || method === 'HEAD' ? null : await readBody(request);
          const answer = handleApi(workbench, acting, {
            method,
            path,
            query: url.searchParams,
            body
          });
          sendJson(response, answer.status, answer.body);
          return;
        }
        if (path === '/app.js') {
          sendFile(response, bundleFile);
          return;
        }
        if (path.startsWith('/assets/')) {
          const file = normalize(join(SLDS_ASSETS_DIR, path.slice('/assets/'.length)));
          if (
            file.startsWith(SLDS_ASSETS_DIR + sep) &&
            existsSync(file) &&
            statSync(file).isFile()
          ) {
            sendFile(response, file);
          } else {
            sendJson(response, 404, [{ errorCode: 'NOT_FOUND', message: path }]);
          }
          return;
        }
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store'
        });
        response.end(
          pageHtml({
            userId: acting.id,
            customPermissions: workbench.customPermissions(acting.id),
            ...userI18nOf(workbench, acting.id)
          })
        );
      } catch (error) {
        if (error instanceof HttpError) {
          const body = [{ errorCode: error.errorCode, message: error.message }];
          sendJson(response, error.status, body, {
            ...error.headers,
            ...(error.status === 413 ? { connection: 'close' } : {})
          });
          return;
        }
        console.error(`[workbench] ${method} ${url.pathname} failed`, error);
        // The message may hold internals; the terminal has it, the page gets a generic one.
        sendJson(response, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: INTERNAL_MESSAGE }]);
      }
    })();
  });
}

/** Listens on 127.0.0.1:port; rejects with a clear message when the port is taken. */
export function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${HOST} is already in use. Stop the other server or choose another ` +
                `port: PORT=4180 npm start`
            )
          : error
      );
    });
    server.listen(port, HOST, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve(`http://${HOST}:${actual}/`);
    });
  });
}
