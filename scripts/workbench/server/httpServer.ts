/**
 * The workbench's HTTP server, on 127.0.0.1 only: the page (with who the user acts as written
 * into it), the bundle, SLDS assets from @salesforce-ux/design-system, and the JSON API. It
 * answers only requests addressed to itself (a Host of 127.0.0.1 or localhost, which stops DNS
 * rebinding) and refuses writes from other sites (an Origin or Sec-Fetch-Site naming another
 * site, or a body that is not JSON, which a cross-site form cannot send).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SLDS_ASSETS_DIR } from '../paths';
import { actingUserOf, handleApi } from './api';
import type { WorkbenchOrg } from './workbenchOrg';

export const HOST = '127.0.0.1';
export const USER_COOKIE = 'wb_user';
/** Larger request bodies are refused: the API takes a few fields at a time. */
const MAX_BODY_BYTES = 1_000_000;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
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

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : null);
      } catch {
        reject(new Error('The request body is not JSON'));
      }
    });
    request.on('error', reject);
  });
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
      const url = new URL(request.url ?? '/', `http://${HOST}`);
      const method = request.method ?? 'GET';
      const refused = refusal(request);
      if (refused) {
        sendJson(response, 403, [{ errorCode: 'FORBIDDEN', message: refused }]);
        return;
      }
      const acting = actingUserOf(workbench, cookieValue(request.headers.cookie, USER_COOKIE));
      try {
        if (url.pathname === '/api/session' && method === 'POST') {
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
        if (url.pathname.startsWith('/api/')) {
          const body = method === 'GET' ? null : await readBody(request);
          const answer = handleApi(workbench, acting, {
            method,
            path: url.pathname,
            query: url.searchParams,
            body
          });
          sendJson(response, answer.status, answer.body);
          return;
        }
        if (url.pathname === '/app.js') {
          sendFile(response, bundleFile);
          return;
        }
        if (url.pathname.startsWith('/assets/')) {
          const file = normalize(join(SLDS_ASSETS_DIR, url.pathname.slice('/assets/'.length)));
          if (
            file.startsWith(SLDS_ASSETS_DIR + sep) &&
            existsSync(file) &&
            statSync(file).isFile()
          ) {
            sendFile(response, file);
          } else {
            sendJson(response, 404, [{ errorCode: 'NOT_FOUND', message: url.pathname }]);
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
            customPermissions: workbench.customPermissions(acting.id)
          })
        );
      } catch (error) {
        console.error(`[workbench] ${method} ${url.pathname} failed`, error);
        sendJson(response, 500, { message: (error as Error).message });
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
