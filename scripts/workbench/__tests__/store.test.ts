import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Program } from '../../../apex-runtime/src/interpreter/program';
import { projectSources } from '../../../apex-runtime/src/testing/loadProgram';
import { sampleOrg } from '../../../apex-runtime/src/platform/orgs';
import { openWorkbenchOrg, RecordSaveError } from '../server/workbenchOrg';
import { ADMIN_JOBS } from '../server/adminJobs';
import { LocalStore } from '../server/store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-store-'));
  file = join(dir, 'nested', 'store.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sellerOf(workbench: ReturnType<typeof openWorkbenchOrg>) {
  return workbench.users.find((user) => user.key === 'seller1') as { id: string };
}

describe('the local store', () => {
  it('starts from the pristine sample when no file exists', () => {
    const workbench = openWorkbenchOrg({ store: new LocalStore(file) });
    expect(workbench.records('Opportunity').length).toBeGreaterThan(100);
    expect(() => readFileSync(file)).toThrow();
  });

  it('keeps created and changed records exactly, Ids, Decimals and audit fields included', () => {
    const first = openWorkbenchOrg({ store: new LocalStore(file) });
    const seller = sellerOf(first);
    const deal = first.records('Opportunity').find((record) => record.OwnerId === seller.id);
    const changed = first.saveRecord(seller.id, String(deal?.Id), { Amount: 12345.67 });
    const created = first.createRecord(seller.id, 'Opportunity', {
      Name: 'Stored deal',
      StageName: 'Prospecting',
      CloseDate: '2026-12-20',
      Amount: 1000.5
    });
    const reopened = openWorkbenchOrg({ store: new LocalStore(file) });
    expect(reopened.byId(changed.Id)).toEqual(changed);
    expect(reopened.byId(created.Id)).toEqual(created);
    // The next Id continues after the stored ones.
    const next = reopened.createRecord(seller.id, 'Opportunity', {
      Name: 'Next deal',
      StageName: 'Prospecting',
      CloseDate: '2026-12-21'
    });
    expect(next.Id > created.Id).toBe(true);
  });

  it('refuses a file that is not a store of this workbench rather than dropping it', () => {
    const store = new LocalStore(join(dir, 'store.json'));
    writeFileSync(store.file, '{"version":1,"records":{}}');
    expect(() => openWorkbenchOrg({ store })).toThrow(/--reset/);
    expect(readFileSync(store.file, 'utf8')).toBe('{"version":1,"records":{}}');
    writeFileSync(store.file, '{"version":2');
    expect(() => openWorkbenchOrg({ store })).toThrow(/not readable as JSON.*--reset/);
  });

  it('keeps the file it resets as a copy, and starts from the pristine sample', () => {
    const store = new LocalStore(join(dir, 'store.json'));
    writeFileSync(store.file, '{"version":2, "rows": [');
    expect(() => openWorkbenchOrg({ store })).toThrow(`kept as ${store.backupFile}`);
    expect(store.reset()).toBe(true);
    expect(readFileSync(store.backupFile, 'utf8')).toBe('{"version":2, "rows": [');
    expect(existsSync(store.file)).toBe(false);
    expect(openWorkbenchOrg({ store }).records('Opportunity').length).toBeGreaterThan(0);
    expect(store.reset()).toBe(false);
  });

  it('stores only what changed: the nightly jobs and a save leave a file of a few rows', () => {
    const workbench = openWorkbenchOrg({ store: new LocalStore(file) });
    const director = workbench.users.find((candidate) => candidate.key === 'director');
    for (const job of ADMIN_JOBS) {
      expect(workbench.runApex(String(director?.id), job.apex).success).toBe(true);
    }
    const seller = sellerOf(workbench);
    const deal = workbench.records('Opportunity').find((record) => record.OwnerId === seller.id);
    workbench.saveRecord(seller.id, String(deal?.Id), { NextStep: 'Call the CFO' });
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      rows: { id: string }[];
      emails: { subject: string }[];
    };
    // The deal, its field history row, and what the jobs changed over the prepared sample.
    expect(stored.rows.map((row) => row.id)).toContain(deal?.Id);
    expect(stored.rows.length).toBeLessThan(20);
    // Besides the rows, the weekly digest's emails for the inbox (bounded: inbox.test.ts).
    const emailBytes = Buffer.byteLength(JSON.stringify(stored.emails));
    expect(stored.emails.length).toBeGreaterThan(0);
    expect(statSync(file).size - emailBytes).toBeLessThan(20_000);
  });

  it('refuses a store saved over other sample data', () => {
    const first = openWorkbenchOrg({ store: new LocalStore(file) });
    const seller = sellerOf(first);
    const deal = first.records('Opportunity').find((record) => record.OwnerId === seller.id);
    first.saveRecord(seller.id, String(deal?.Id), { NextStep: 'Call' });
    const content = JSON.parse(readFileSync(file, 'utf8')) as { sample: string };
    writeFileSync(file, JSON.stringify({ ...content, sample: 'another-sample' }));
    expect(() => openWorkbenchOrg({ store: new LocalStore(file) })).toThrow(
      /saved over other sample data.*--reset/
    );
  });

  it('names the record and field of a stored value the schema no longer has', () => {
    const first = openWorkbenchOrg({ store: new LocalStore(file) });
    const seller = sellerOf(first);
    const deal = first.records('Opportunity').find((record) => record.OwnerId === seller.id);
    first.saveRecord(seller.id, String(deal?.Id), { NextStep: 'Call' });
    const content = JSON.parse(readFileSync(file, 'utf8')) as {
      rows: { fields: Record<string, unknown> }[];
    };
    content.rows[0].fields.Retired_Field__c = 1;
    writeFileSync(file, JSON.stringify(content));
    expect(() => openWorkbenchOrg({ store: new LocalStore(file) })).toThrow(
      /store\.json row 1: Opportunity has no field Retired_Field__c/
    );
  });

  it('leaves no trace of a save whose after trigger throws: all or nothing', () => {
    const schema = sampleOrg().project.schema;
    const failing = {
      file: 'triggers/FailAfterSave.trigger',
      text: `trigger FailAfterSave on Opportunity (after update) {
        for (Opportunity deal : Trigger.new) {
          if (deal.NextStep == 'Fail after save') throw new IllegalArgumentException('after trigger failed');
        }
      }`
    };
    const program = Program.fromSources(schema, [...projectSources(sampleOrg().project), failing]);
    const workbench = openWorkbenchOrg({ store: new LocalStore(file), program });
    const seller = sellerOf(workbench);
    const deal = workbench.records('Opportunity').find((record) => record.OwnerId === seller.id);
    const before = workbench.byId(String(deal?.Id));
    const historyBefore = workbench.records('OpportunityFieldHistory').length;
    expect(() =>
      workbench.saveRecord(seller.id, String(deal?.Id), {
        NextStep: 'Fail after save',
        CloseDate: '2027-03-31'
      })
    ).toThrow(RecordSaveError);
    expect(workbench.byId(String(deal?.Id))).toEqual(before);
    expect(workbench.records('OpportunityFieldHistory')).toHaveLength(historyBefore);
    expect(() => readFileSync(file)).toThrow();
    workbench.saveRecord(seller.id, String(deal?.Id), { NextStep: 'Succeeds' });
    const reopened = openWorkbenchOrg({ store: new LocalStore(file), program });
    expect(reopened.byId(String(deal?.Id))?.NextStep).toBe('Succeeds');
    expect(reopened.byId(String(deal?.Id))?.CloseDate).toBe(before?.CloseDate);
  });
});
