import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emailDocumentPath, handleApi, type ApiResponse } from '../server/api';
import { createWorkbenchServer, HOST, listen, USER_COOKIE } from '../server/httpServer';
import { LocalStore, MAX_STORED_EMAILS, type WorkbenchEmail } from '../server/store';
import { openWorkbenchOrg, type WorkbenchOrg, type WorkbenchUser } from '../server/workbenchOrg';

let dir: string;
let storeFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-inbox-'));
  storeFile = join(dir, 'store.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function userOf(workbench: WorkbenchOrg, key: string): WorkbenchUser {
  const found = workbench.users.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no sample user ${key}`);
  return found;
}

function call(workbench: WorkbenchOrg, acting: WorkbenchUser, method: string, path: string) {
  return handleApi(workbench, acting, {
    method,
    path,
    query: new URLSearchParams(),
    body: method === 'GET' ? null : {}
  });
}

/** The director runs the weekly digest from the Admin page, as its button does. */
function runWeeklyDigest(workbench: WorkbenchOrg): ApiResponse {
  return call(workbench, userOf(workbench, 'director'), 'POST', '/api/jobs/weeklyDigest');
}

/** The open deals the user owns, by name. */
function openDealNames(workbench: WorkbenchOrg, user: WorkbenchUser): string[] {
  return workbench
    .records('Opportunity')
    .filter((deal) => deal.OwnerId === user.id && deal.IsClosed !== true)
    .map((deal) => String(deal.Name));
}

describe('emails the Apex sends, in the workbench store', () => {
  it('keeps the weekly digest for its recipient only, across a restart', () => {
    const workbench = openWorkbenchOrg({ store: new LocalStore(storeFile) });
    expect(runWeeklyDigest(workbench).status).toBe(200);
    const seller1 = userOf(workbench, 'seller1');
    const seller2 = userOf(workbench, 'seller2');
    const [first] = workbench.emailsFor(seller1.id);
    const [second] = workbench.emailsFor(seller2.id);
    expect(first.recipientUserId).toBe(seller1.id);
    expect(first.htmlBody).toContain('Jonas');
    expect(workbench.emailFor(seller1.id, first.id)).toEqual(first);
    expect(workbench.emailFor(seller2.id, first.id)).toBeUndefined();
    expect(workbench.emailsFor(seller2.id).map((email) => email.id)).not.toContain(first.id);
    expect(second.htmlBody).toContain('Emma');

    const reopened = openWorkbenchOrg({ store: new LocalStore(storeFile) });
    expect(reopened.emailsFor(seller1.id)).toEqual([first]);
  });

  it('keeps no email of a run that failed: nothing is sent before the commit', () => {
    const workbench = openWorkbenchOrg({ store: new LocalStore(storeFile) });
    const director = userOf(workbench, 'director');
    const send = 'WeeklyDigestJob.send(new Map<Id, User>([SELECT Id FROM User]).keySet());';
    const everyone = (): WorkbenchEmail[] =>
      workbench.users.flatMap((user) => workbench.emailsFor(user.id));
    const failed = workbench.runApex(
      director.id,
      `${send} throw new IllegalArgumentException('after sending');`
    );
    expect(failed.success).toBe(false);
    expect(everyone()).toEqual([]);
    expect(workbench.runApex(director.id, send).success).toBe(true);
    expect(everyone().length).toBeGreaterThan(0);
  });

  it(`keeps the newest ${MAX_STORED_EMAILS} emails, the oldest dropped, ids never reused`, () => {
    const workbench = openWorkbenchOrg({ store: new LocalStore(storeFile) });
    const everyone = (): WorkbenchEmail[] =>
      workbench.users.flatMap((user) => workbench.emailsFor(user.id));
    expect(runWeeklyDigest(workbench).status).toBe(200);
    const firstIds = everyone().map((email) => email.id);
    // Enough runs that the first run's emails are past the bound.
    const runs = Math.ceil(MAX_STORED_EMAILS / firstIds.length);
    for (let run = 0; run < runs; run++) {
      expect(runWeeklyDigest(workbench).status).toBe(200);
    }
    const kept = JSON.parse(readFileSync(storeFile, 'utf8')) as { emails: WorkbenchEmail[] };
    expect(kept.emails).toHaveLength(MAX_STORED_EMAILS);
    expect(new Set(kept.emails.map((email) => email.id)).size).toBe(MAX_STORED_EMAILS);
    for (const id of firstIds) expect(kept.emails.map((email) => email.id)).not.toContain(id);
    expect(everyone()).toHaveLength(MAX_STORED_EMAILS);
  });
});

describe('GET /api/emails', () => {
  it("lists the acting user's emails, subject, sender and time, without their content", () => {
    const workbench = openWorkbenchOrg({ store: new LocalStore(storeFile) });
    runWeeklyDigest(workbench);
    const seller1 = userOf(workbench, 'seller1');
    const response = call(workbench, seller1, 'GET', '/api/emails');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      {
        id: workbench.emailsFor(seller1.id)[0].id,
        subject: 'Dit ugentlige salgsoverblik fra Strategic Sales Management',
        sentAt: expect.stringMatching(/^2026-11-16T/) as unknown,
        from: userOf(workbench, 'director').name
      }
    ]);
    expect(call(workbench, userOf(workbench, 'cmo'), 'GET', '/api/emails').body).toEqual([]);
  });
});

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function get(port: number, path: string, userKey: string, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: HOST,
        port,
        method,
        path,
        headers: { host: `${HOST}:${port}`, cookie: `${USER_COOKIE}=${userKey}` }
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8')
          })
        );
      }
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe("an email's document", () => {
  let workbench: WorkbenchOrg;
  let server: Server;
  let port: number;
  let emailId: string;

  beforeAll(async () => {
    workbench = openWorkbenchOrg({});
    runWeeklyDigest(workbench);
    emailId = workbench.emailsFor(userOf(workbench, 'seller1').id)[0].id;
    server = createWorkbenchServer({ workbench, bundleFile: __filename, port: 0 });
    await listen(server, 0);
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is the HTML its recipient reads: their deals and the opt-out footer', async () => {
    const answer = await get(port, emailDocumentPath(emailId), 'seller1');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const atRisk = openDealNames(workbench, userOf(workbench, 'seller1')).filter((name) =>
      answer.text.includes(name)
    );
    expect(atRisk.length).toBeGreaterThan(0);
    expect(answer.text).toContain('Intet ugentligt overblik');
  });

  it('runs no script and loads nothing: a strict policy, sandboxed, never sniffed', async () => {
    const { headers } = await get(port, emailDocumentPath(emailId), 'seller1');
    const policy = String(headers['content-security-policy']).split(/;\s*/);
    expect(policy).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "frame-ancestors 'self'",
        "form-action 'none'",
        'sandbox'
      ])
    );
    expect(policy.some((directive) => directive.startsWith('script-src'))).toBe(false);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
  });

  it('is not found for any other user, nor for an id that names no email', async () => {
    for (const other of ['seller2', 'manager1', 'director']) {
      const answer = await get(port, emailDocumentPath(emailId), other);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('Jonas');
    }
    expect((await get(port, emailDocumentPath('email-999999'), 'seller1')).status).toBe(404);
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await get(port, emailDocumentPath(emailId), 'seller1', 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.text).toBe('');
  });
});
