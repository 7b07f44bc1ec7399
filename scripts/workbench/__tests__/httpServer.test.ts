import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cookieValue, createWorkbenchServer, HOST, listen } from '../server/httpServer';
import { openWorkbenchOrg, type WorkbenchOrg } from '../server/workbenchOrg';
import { LocalStore } from '../server/store';

describe('listen', () => {
  it('serves on 127.0.0.1 and says clearly when the port is taken', async () => {
    const first = createServer();
    const url = await listen(first, 0);
    expect(url.startsWith(`http://${HOST}:`)).toBe(true);
    const { port } = first.address() as AddressInfo;
    const second = createServer();
    await expect(listen(second, port)).rejects.toThrow(`Port ${port} on ${HOST} is already in use`);
    await new Promise((resolve) => first.close(resolve));
  });
});

describe('cookieValue', () => {
  it('reads one cookie among several, decoded', () => {
    expect(cookieValue('a=1; wb_user=seller%201; b=2', 'wb_user')).toBe('seller 1');
    expect(cookieValue(undefined, 'wb_user')).toBeUndefined();
  });
});

interface Answer {
  status: number;
  body: unknown;
}

/** A body sent as it is, not as JSON. */
class RawBody {
  constructor(readonly text: string) {}
}

/** One request with the headers given (the test decides Host, Origin and content type). */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: HOST, port, method, path, headers: { host: `${HOST}:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
      }
    );
    outgoing.on('error', reject);
    if (body instanceof RawBody) outgoing.write(body.text);
    else if (body !== undefined) outgoing.write(JSON.stringify(body));
    outgoing.end();
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('the workbench server', () => {
  let dir: string;
  let storeFile: string;
  let workbench: WorkbenchOrg;
  let server: Server;
  let port: number;
  let dealId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-http-'));
    storeFile = join(dir, 'store.json');
    workbench = openWorkbenchOrg({ store: new LocalStore(storeFile) });
    server = createWorkbenchServer({ workbench, bundleFile: join(dir, 'app.js'), port: 0 });
    await listen(server, 0);
    port = (server.address() as AddressInfo).port;
    const seller = workbench.users.find((user) => user.key === 'seller1');
    dealId = String(
      workbench
        .records('Opportunity')
        .find((deal) => deal.OwnerId === seller?.id && deal.IsClosed === false)?.Id
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a request addressed to another host (DNS rebinding)', async () => {
    const answer = await send(port, 'GET', '/api/session', { host: 'attacker.example:80' });
    expect(answer.status).toBe(403);
  });

  it('refuses writes from another site, and bodies a cross-site form could send', async () => {
    const path = `/api/ui/records/${dealId}`;
    const body = { fields: { NextStep: 'Forged' } };
    const fromElsewhere = await send(
      port,
      'PATCH',
      path,
      { ...JSON_TYPE, origin: 'https://attacker.example' },
      body
    );
    expect(fromElsewhere.status).toBe(403);
    const crossSite = await send(
      port,
      'PATCH',
      path,
      { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
      body
    );
    expect(crossSite.status).toBe(403);
    const form = await send(
      port,
      'PATCH',
      path,
      { 'content-type': 'application/x-www-form-urlencoded' },
      body
    );
    expect(form.status).toBe(403);
    expect(workbench.byId(dealId)?.NextStep).not.toBe('Forged');
  });

  it('answers malformed requests with 400, 404, 405, 413 or 501 and a message, never a 500', async () => {
    const deal = `/api/ui/records/${dealId}`;
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/session', new RawBody('{"userKey": '), '400 JSON_PARSER_ERROR'],
      ['POST', '/api/formula', new RawBody(`"${'x'.repeat(1_100_000)}"`), '413 REQUEST_TOO_LARGE'],
      ['GET', '/api/records/%E0%A4%A', undefined, '400 MALFORMED_URI'],
      ['GET', '/api/no-such-route', undefined, '404 NOT_FOUND'],
      ['GET', '/api/ui/object-info/__proto__', undefined, '404 NOT_FOUND'],
      ['GET', '/api/ui/object-info/constructor', undefined, '404 NOT_FOUND'],
      ['DELETE', deal, undefined, '501 NOT_IMPLEMENTED'],
      ['PUT', deal, {}, '501 NOT_IMPLEMENTED'],
      ['POST', '/', {}, '405 METHOD_NOT_ALLOWED'],
      ['PATCH', deal, { fields: 'NextStep' }, '400 INVALID_INPUT'],
      ['POST', '/api/ui/records', { apiName: ['Opportunity'], fields: {} }, '400 INVALID_INPUT'],
      ['POST', '/api/apex/PipelineReviewController.getPipelineFacts', 'id', '400 INVALID_INPUT'],
      ['POST', '/api/formula', 42, '400 INVALID_INPUT']
    ];
    const answers = await Promise.all(
      cases.map(async ([method, path, body]) => {
        const answer = await send(port, method, path, JSON_TYPE, body);
        const [error] = answer.body as { errorCode: string; message: string }[];
        expect(error.message).not.toBe('');
        return `${method} ${path}: ${answer.status} ${error.errorCode}`;
      })
    );
    expect(answers).toEqual(cases.map(([method, path, , want]) => `${method} ${path}: ${want}`));
    expect((await send(port, 'GET', '/api/session', {})).status).toBe(200);
  });

  it('loses none of 20 saves sent at once to one record', async () => {
    const history = () =>
      workbench
        .records('OpportunityFieldHistory')
        .filter((row) => row.OpportunityId === dealId && row.Field === 'CloseDate').length;
    const before = history();
    const dates = Array.from({ length: 20 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`);
    const answers = await Promise.all(
      dates.map((date) =>
        send(port, 'PATCH', `/api/ui/records/${dealId}`, JSON_TYPE, {
          fields: { CloseDate: date }
        })
      )
    );
    expect(answers.map((answer) => answer.status)).toEqual(dates.map(() => 200));
    expect(history()).toBe(before + 20);
    const reopened = openWorkbenchOrg({ store: new LocalStore(storeFile) });
    expect(
      reopened
        .records('OpportunityFieldHistory')
        .filter((row) => row.OpportunityId === dealId && row.Field === 'CloseDate')
    ).toHaveLength(before + 20);
    expect(reopened.byId(dealId)?.CloseDate).toBe(workbench.byId(dealId)?.CloseDate);
  });

  it('keeps the last completed save when the process is killed in the middle of saving', async () => {
    const killedStore = join(dir, 'killed.json');
    // Node itself runs the script (tsx as a loader, not its CLI, which would put a process
    // between the test and the one it kills).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '__fixtures__', 'saveForever.ts'), killedStore, dealId],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    const closed = new Promise((resolve) => child.on('close', resolve));
    let lastCompleted = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the saving process never got going')),
        120_000
      );
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) {
          const saved = /^saved (\d+)$/.exec(line);
          if (saved) lastCompleted = Number(saved[1]);
        }
        if (lastCompleted >= 10) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await closed;
    const reopened = openWorkbenchOrg({ store: new LocalStore(killedStore) });
    const round = Number(/^Save (\d+)$/.exec(String(reopened.byId(dealId)?.NextStep))?.[1]);
    // The store holds the last save that completed, or the one in flight when it was killed.
    expect(round).toBeGreaterThanOrEqual(lastCompleted);
    expect(round).toBeLessThanOrEqual(lastCompleted + 1);
  }, 180_000);
});
