import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CUSTOM_METADATA_DIR } from '../../rules/ruleMetadata';
import { actingUserOf, handleApi, type ApiResponse } from '../server/api';
import { LocalStore } from '../server/store';
import { hierarchyBelow, type ActingUser } from '../server/visibility';
import { openWorkbenchOrg, type WorkbenchOrg } from '../server/workbenchOrg';

const BROKEN_RULE = `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <label>Broken on purpose</label>
  <protected>false</protected>
  <values><field>Kind__c</field><value xsi:type="xsd:string">Data Quality</value></values>
  <values><field>Object__c</field><value xsi:type="xsd:string">Opportunity</value></values>
  <values><field>Flag_When__c</field><value xsi:type="xsd:string">AND(</value></values>
  <values><field>Active__c</field><value xsi:type="xsd:boolean">true</value></values>
</CustomMetadata>
`;

let dir: string;
let workbench: WorkbenchOrg;

function call(acting: ActingUser, method: string, path: string, body: unknown = null): ApiResponse {
  const [pathname, query] = path.split('?');
  return handleApi(workbench, acting, {
    method,
    path: pathname,
    query: new URLSearchParams(query ?? ''),
    body
  });
}

function idsOf(response: ApiResponse): string[] {
  return (response.body as { id: string }[]).map((record) => record.id);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-api-'));
  const rulesDir = join(dir, 'customMetadata');
  mkdirSync(rulesDir);
  for (const file of readdirSync(DEFAULT_CUSTOM_METADATA_DIR)) {
    copyFileSync(join(DEFAULT_CUSTOM_METADATA_DIR, file), join(rulesDir, file));
  }
  writeFileSync(join(rulesDir, 'Sales_Rule.Broken_On_Purpose.md-meta.xml'), BROKEN_RULE);
  workbench = openWorkbenchOrg({
    store: new LocalStore(join(dir, 'store.json')),
    customMetadataDir: rulesDir
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('acting as a sample user', () => {
  it('shows a seller only the opportunities they own', () => {
    const seller = actingUserOf(workbench, 'seller1');
    const ids = idsOf(call(seller, 'GET', '/api/records/Opportunity'));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(workbench.org.byId(id)?.OwnerId).toBe(seller.id);
  });

  it("shows a manager their team's opportunities through the ManagerId hierarchy", () => {
    const manager = actingUserOf(workbench, 'manager1');
    const team = hierarchyBelow(workbench.org, manager.id);
    const ids = idsOf(call(manager, 'GET', '/api/records/Opportunity'));
    const expected = workbench.org
      .records('Opportunity')
      .filter((record) => team.has(String(record.OwnerId)));
    expect(ids.sort()).toEqual(expected.map((record) => record.Id).sort());
    expect(team.has(actingUserOf(workbench, 'seller1').id)).toBe(true);
    expect(team.has(actingUserOf(workbench, 'manager2').id)).toBe(false);
  });

  it('shows an admin every opportunity', () => {
    const admin = actingUserOf(workbench, 'director');
    expect(idsOf(call(admin, 'GET', '/api/records/Opportunity'))).toHaveLength(
      workbench.org.records('Opportunity').length
    );
  });

  it("answers 404 for a record outside the user's view", () => {
    const seller = actingUserOf(workbench, 'seller1');
    const other = workbench.org.records('Opportunity').find((r) => r.OwnerId !== seller.id);
    expect(call(seller, 'GET', `/api/ui/records/${other?.Id}`).status).toBe(404);
  });
});

describe('Apex methods', () => {
  const someOpportunity = () => workbench.org.records('Opportunity')[0];

  it('shows broken rules to rule managers (SSM_Manage_Rules) only', () => {
    const record = someOpportunity();
    const owner = workbench.org.userOf(String(record.OwnerId));
    const asAdmin = call(
      actingUserOf(workbench, 'director'),
      'POST',
      '/api/apex/RecordGuidanceController.getGuidance',
      { recordId: record.Id }
    );
    const asOwner = call(
      actingUserOf(workbench, owner?.key),
      'POST',
      '/api/apex/RecordGuidanceController.getGuidance',
      { recordId: record.Id }
    );
    expect(
      (asAdmin.body as { broken: { ruleName: string }[] }).broken.map((b) => b.ruleName)
    ).toContain('Broken_On_Purpose');
    expect(asOwner.status).toBe(200);
    expect((asOwner.body as { broken: unknown[] }).broken).toEqual([]);
  });

  it('fails loudly, naming the method, when a component calls Apex the workbench lacks', () => {
    const response = call(
      actingUserOf(workbench, 'director'),
      'POST',
      '/api/apex/PipelineController.getPipeline',
      {}
    );
    expect(response.status).toBe(501);
    expect((response.body as { message: string }).message).toContain(
      'PipelineController.getPipeline'
    );
  });
});

describe('saving a record', () => {
  it('re-runs the rules, stores the verdict on the record and keeps it in the store', () => {
    const admin = actingUserOf(workbench, 'director');
    const record = workbench.org
      .records('Opportunity')
      .find((r) => workbench.guidanceOf(r).flagged.some((o) => o.fixFields.join() === 'NextStep'));
    if (!record) throw new Error('the sample org has no opportunity with a Next Step gap');
    const id = record.Id;
    const before = workbench.guidanceOf(record).score;
    const response = call(admin, 'PATCH', `/api/ui/records/${id}`, {
      fields: { NextStep: 'Call the CFO' }
    });
    expect(response.status).toBe(200);
    const saved = workbench.org.byId(id);
    expect(saved?.Data_Quality_Score__c).toBeGreaterThan(before);
    expect(String(saved?.Data_Quality_Issues__c ?? '')).not.toContain('Opp_Next_Step');
    const reopened = openWorkbenchOrg({ store: new LocalStore(join(dir, 'store.json')) });
    expect(reopened.org.byId(id)?.NextStep).toBe('Call the CFO');
    expect(reopened.org.byId(id)?.Data_Quality_Score__c).toBe(saved?.Data_Quality_Score__c);
  });

  it('stamps the Opportunity facts: a later close date counts as a push', () => {
    const admin = actingUserOf(workbench, 'director');
    const record = workbench.org
      .records('Opportunity')
      .find((r) => r.IsClosed === false && typeof r.CloseDate === 'string');
    const pushes = Number(record?.Close_Date_Push_Count__c ?? 0);
    const later = `${Number(String(record?.CloseDate).slice(0, 4)) + 1}${String(record?.CloseDate).slice(4)}`;
    call(admin, 'PATCH', `/api/ui/records/${record?.Id}`, { fields: { CloseDate: later } });
    expect(workbench.org.byId(String(record?.Id))?.Close_Date_Push_Count__c).toBe(pushes + 1);
  });

  it('refuses fields that are computed or unknown, with field errors', () => {
    const admin = actingUserOf(workbench, 'director');
    const id = workbench.org.records('Opportunity')[0].Id;
    const response = call(admin, 'PATCH', `/api/ui/records/${id}`, {
      fields: { IsWon: true, Nope__c: 1 }
    });
    expect(response.status).toBe(400);
    expect(
      Object.keys((response.body as { output: { fieldErrors: object } }).output.fieldErrors).sort()
    ).toEqual(['IsWon', 'Nope__c']);
  });
});

describe('creating a record', () => {
  it('creates a coaching session owned by the acting user that survives a reopen', () => {
    const manager = actingUserOf(workbench, 'manager1');
    const seller = actingUserOf(workbench, 'seller1');
    const response = call(manager, 'POST', '/api/ui/records', {
      apiName: 'Coaching_Session__c',
      fields: {
        Seller__c: seller.id,
        Coach__c: manager.id,
        Session_Date__c: workbench.org.today,
        Focus_Area__c: 'Pipeline Review'
      }
    });
    expect(response.status).toBe(201);
    const id = (response.body as { id: string }).id;
    expect(workbench.org.byId(id)).toMatchObject({ OwnerId: manager.id, Seller__c: seller.id });
    const reopened = openWorkbenchOrg({ store: new LocalStore(join(dir, 'store.json')) });
    expect(reopened.org.byId(id)).toMatchObject({
      attributes: { type: 'Coaching_Session__c' },
      Focus_Area__c: 'Pipeline Review'
    });
  });

  it('refuses a second vote of the same user on an idea with the trigger’s message', () => {
    const seller = actingUserOf(workbench, 'seller2');
    const idea = workbench.org
      .records('Improvement_Idea__c')
      .find(
        (candidate) =>
          !workbench.org
            .records('Idea_Vote__c')
            .some(
              (vote) => vote.Improvement_Idea__c === candidate.Id && vote.Voter__c === seller.id
            )
      );
    if (!idea) throw new Error('seller2 has voted on every sample idea');
    const vote = () =>
      call(seller, 'POST', '/api/ui/records', {
        apiName: 'Idea_Vote__c',
        fields: { Improvement_Idea__c: idea.Id }
      });
    expect(vote().status).toBe(201);
    const second = vote();
    expect(second.status).toBe(400);
    expect((second.body as { message: string }).message).toMatch(/already voted/i);
  });

  it('names the missing required fields, the mistyped ones and unknown objects', () => {
    const manager = actingUserOf(workbench, 'manager1');
    const missing = call(manager, 'POST', '/api/ui/records', {
      apiName: 'Account_Plan__c',
      fields: {}
    });
    expect(missing.status).toBe(400);
    expect(
      Object.keys((missing.body as { output: { fieldErrors: object } }).output.fieldErrors)
    ).toContain('Name');
    const mistyped = call(manager, 'POST', '/api/ui/records', {
      apiName: 'Coaching_Session__c',
      fields: { Session_Date__c: 'next Monday' }
    });
    expect(mistyped.body).toMatchObject({
      output: { fieldErrors: { Session_Date__c: [{ message: 'Enter a date as YYYY-MM-DD.' }] } }
    });
    expect(
      call(manager, 'POST', '/api/ui/records', { apiName: 'Nope__c', fields: {} }).status
    ).toBe(404);
  });
});

describe('field history', () => {
  it('records a close-date change of a deal as OpportunityFieldHistory on the sample day', () => {
    const admin = actingUserOf(workbench, 'director');
    const deal = workbench.org.records('Opportunity').find((r) => r.IsClosed === false);
    if (!deal) throw new Error('the sample org has no open deal');
    const before = String(deal.CloseDate);
    const later = `${Number(before.slice(0, 4)) + 1}${before.slice(4)}`;
    call(admin, 'PATCH', `/api/ui/records/${deal.Id}`, { fields: { CloseDate: later } });
    const rows = workbench.org
      .records('OpportunityFieldHistory')
      .filter((row) => row.OpportunityId === deal.Id && row.Field === 'CloseDate');
    expect(rows[rows.length - 1]).toMatchObject({ OldValue: before, NewValue: later });
    expect(String(rows[rows.length - 1].CreatedDate).slice(0, 10)).toBe(workbench.org.today);
    const reopened = openWorkbenchOrg({ store: new LocalStore(join(dir, 'store.json')) });
    expect(
      reopened.org
        .records('OpportunityFieldHistory')
        .filter((row) => row.OpportunityId === deal.Id && row.Field === 'CloseDate')
    ).toHaveLength(rows.length);
  });
});

describe('formula tester', () => {
  it('evaluates a formula on a record and reports a broken one with its position', () => {
    const admin = actingUserOf(workbench, 'director');
    const record = workbench.org.records('Opportunity')[0];
    const valid = call(admin, 'POST', '/api/formula', {
      formula: 'Amount * 2',
      recordId: record.Id
    });
    expect(valid.body).toMatchObject({ ok: true, result: Number(record.Amount) * 2 });
    const invalid = call(admin, 'POST', '/api/formula', {
      formula: 'Amount +',
      recordId: record.Id
    });
    expect(invalid.body).toMatchObject({
      ok: false,
      start: expect.any(Number),
      end: expect.any(Number)
    });
  });

  it('answers a picklist in ISBLANK with the org compile error', () => {
    const admin = actingUserOf(workbench, 'director');
    const account = workbench.org.records('Account')[0];
    const response = call(admin, 'POST', '/api/formula', {
      formula: 'ISBLANK(Industry)',
      recordId: account.Id
    });
    expect(response.body).toEqual({
      ok: false,
      message:
        'Field Industry is a picklist field. Picklist fields are only supported in certain functions.',
      start: 8,
      end: 16,
      phase: 'compile'
    });
  });

  it('answers a formula over 3,900 characters with the FormulaEval limit', () => {
    const admin = actingUserOf(workbench, 'director');
    const record = workbench.org.records('Opportunity')[0];
    const formula = `Amount > 0 /*${'x'.repeat(3900)}*/`;
    const response = call(admin, 'POST', '/api/formula', { formula, recordId: record.Id });
    expect(response.body).toMatchObject({
      ok: false,
      message:
        'Formula is too long (3,915 characters). A formula can contain up to 3,900 characters including spaces, return characters, and comments.',
      start: 3900,
      end: 3915
    });
  });

  it('answers a pasted invisible character with its name and place', () => {
    const admin = actingUserOf(workbench, 'director');
    const record = workbench.org.records('Opportunity')[0];
    const response = call(admin, 'POST', '/api/formula', {
      formula: 'Amount >\u00a00',
      recordId: record.Id
    });
    expect(response.body).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'Invisible character U+00A0 NO-BREAK SPACE at line 1, column 9'
      ),
      start: 8,
      end: 9
    });
  });
});
