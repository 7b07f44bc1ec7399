/**
 * The HTTP layer under jsforce for `ssm`: node's own http/https client with a connect timeout and
 * an idle timeout on every call, and errors for what jsforce's fetch transport would wait on for
 * ever (a connection dropped in the middle of a body, a server that stops sending). It does not
 * follow redirects: SalesforceApi.call does, bounded and only to Salesforce hosts, so the bearer
 * token never goes elsewhere and a 307 keeps its method and body.
 *
 * Errors carry a `code` SalesforceApi.call knows: CONNECT_TIMEOUT (nothing was sent, safe to
 * resend), IDLE_TIMEOUT (no byte for idleMs, resent only when the call is idempotent),
 * ECONNRESET (the connection closed before the whole answer arrived), and node's own codes.
 */
import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PassThrough } from 'node:stream';
import type { StreamPromise } from 'jsforce/lib/util/promise';
import type { HttpRequest, HttpResponse } from 'jsforce/lib/types';
import createHttpsProxyAgent from 'https-proxy-agent';

export interface HttpTimeouts {
  /** Time to open the TCP (and TLS) connection. */
  connectMs: number;
  /** Longest silence once connected: waiting for the answer to start, or between its chunks. */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 30_000, idleMs: 180_000 };

export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

const proxyAgents = new Map<string, Agent>();

/**
 * The proxy agent jsforce's own transport would use (https_proxy, http_proxy, HTTPS_PROXY,
 * HTTP_PROXY, through jsforce's https-proxy-agent), except for this machine's own addresses.
 */
function proxyAgent(url: URL): Agent | undefined {
  const env = process.env;
  const proxy = env.https_proxy ?? env.http_proxy ?? env.HTTPS_PROXY ?? env.HTTP_PROXY;
  if (!proxy || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return undefined;
  let agent = proxyAgents.get(proxy);
  if (!agent) {
    agent = createHttpsProxyAgent(proxy) as unknown as Agent;
    proxyAgents.set(proxy, agent);
  }
  return agent;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/** Sends one request and reads the whole answer, or fails; never waits longer than the timeouts. */
export function send(req: HttpRequest, timeouts: HttpTimeouts): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const url = new URL(req.url);
    const client = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      reject(error);
      outgoing.destroy();
    };
    const outgoing = client(url, {
      method: req.method,
      headers: req.headers,
      agent: proxyAgent(url)
    });
    outgoing.on('socket', (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () =>
          fail(
            new TransportError(
              `could not connect to ${url.host} within ${seconds(timeouts.connectMs)}`,
              'CONNECT_TIMEOUT'
            )
          ),
        timeouts.connectMs
      );
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
        clearTimeout(connectTimer)
      );
    });
    // Fires after idleMs without a byte in either direction, once connected.
    outgoing.setTimeout(timeouts.idleMs, () =>
      fail(
        new TransportError(
          `no answer from ${url.host} for ${seconds(timeouts.idleMs)}`,
          'IDLE_TIMEOUT'
        )
      )
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      fail(new TransportError(error.message, error.code ?? 'ECONNRESET'))
    );
    outgoing.on('response', (incoming: IncomingMessage) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', (error: NodeJS.ErrnoException) =>
        fail(
          new TransportError(
            `the connection closed in the middle of the answer (${error.message})`,
            'ECONNRESET'
          )
        )
      );
      incoming.on('close', () => {
        if (!incoming.complete) {
          fail(
            new TransportError('the connection closed in the middle of the answer', 'ECONNRESET')
          );
        }
      });
      incoming.on('end', () => {
        if (settled || !incoming.complete) return;
        settled = true;
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({
          statusCode: incoming.statusCode ?? 0,
          headers,
          body: Buffer.concat(chunks).toString('utf8')
        });
      });
    });
    if (req.body !== undefined && req.body !== null) outgoing.end(req.body as string | Buffer);
    else outgoing.end();
  });
}

/** A jsforce transport (what `new HttpApi(conn, { transport })` calls) on `send`. */
export function timedTransport(timeouts: HttpTimeouts): {
  httpRequest(req: HttpRequest): StreamPromise<HttpResponse>;
} {
  return {
    httpRequest(req) {
      const promise = send(req, timeouts);
      const stream = new PassThrough();
      return Object.assign(promise, {
        stream: () => stream
      }) as unknown as StreamPromise<HttpResponse>;
    }
  };
}
