import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { managerHierarchyBelow } from '../../../apex-runtime/src/platform/recordAccess';
import { handleApi, type ApiResponse } from '../server/api';
import { openWorkbenchOrg, type WorkbenchOrg, type WorkbenchUser } from '../server/workbenchOrg';
import { LocalStore } from '../server/store';
import { label, user, useFreshWorkbench, workbench } from './apexHarness';

function call(
  acting: WorkbenchUser,
  method: string,
  path: string,
  body: unknown = null
): ApiResponse {
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

function fieldErrorsOf(response: ApiResponse): Record<string, { message: string }[]> {
  return (response.body as { output: { fieldErrors: Record<string, { message: string }[]> } })
    .output.fieldErrors;
}

let storeDir: string;
let storeFile: string;
beforeEach(() => {
  storeDir = mkdtempSync(join(tmpdir(), 'wb-api-'));
  storeFile = join(storeDir, 'store.json');
});
afterEach(() => rmSync(storeDir, { recursive: true, force: true }));

/** A workbench over the test's own store, to reopen after a save. */
function openOnStore(): WorkbenchOrg {
  return openWorkbenchOrg({ store: new LocalStore(storeFile) });
}

useFreshWorkbench('wb-api-harness-');

describe('acting as a sample user', () => {
  it('shows a seller only the opportunities they own', () => {
    const seller = user('seller1');
    const ids = idsOf(call(seller, 'GET', '/api/records/Opportunity'));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(workbench.byId(id)?.OwnerId).toBe(seller.id);
  });

  it("shows a manager their team's opportunities through the ManagerId hierarchy", () => {
    const manager = user('manager1');
    const team = managerHierarchyBelow(workbench.records('User'), manager.id);
    const ids = idsOf(call(manager, 'GET', '/api/records/Opportunity'));
    const expected = workbench
      .records('Opportunity')
      .filter((deal) => team.has(String(deal.OwnerId)))
      .map((deal) => deal.Id);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('shows an administrator every opportunity', () => {
    const ids = idsOf(call(user('director'), 'GET', '/api/records/Opportunity'));
    expect(ids).toHaveLength(workbench.records('Opportunity').length);
  });

  it("answers 404 for a record outside the user's view", () => {
    const seller = user('seller1');
    const other = workbench.records('Opportunity').find((deal) => deal.OwnerId !== seller.id);
    expect(call(seller, 'GET', `/api/ui/records/${String(other?.Id)}`).status).toBe(404);
  });

  it('offers every sample user to act as, with their personas from the org`s group assignments', () => {
    const session = call(user('seller1'), 'GET', '/api/session').body as {
      users: { key: string; title: string; personas: string[] }[];
    };
    const personas = Object.fromEntries(
      session.users.map((entry) => [entry.key, entry.personas.join(' + ')])
    );
    expect(personas).toMatchObject({
      director: 'Sales Manager + Sales Leadership + Sales Strategy Admin',
      manager1: 'Sales Manager',
      seller1: 'Sales Seller',
      cmo: 'Sales Leadership'
    });
    expect(session.users.find((entry) => entry.key === 'cmo')?.title).toBe(
      'Chief Marketing Officer'
    );
    expect(session.users.filter((entry) => entry.personas.length === 0)).toEqual([]);
  });

  it('gives the CMO leadership without rule management, and deals only through the hierarchy', () => {
    const cmo = user('cmo');
    const session = call(cmo, 'GET', '/api/session').body as { canManageRules: boolean };
    expect(session.canManageRules).toBe(false);
    expect(call(cmo, 'POST', '/api/jobs/guidance', {}).status).toBe(403);
    // Leadership reads deals through the role hierarchy, as managers do; nobody reports to her.
    expect(idsOf(call(cmo, 'GET', '/api/records/Opportunity'))).toEqual([]);
    expect(workbench.customPermissions(cmo.id)).not.toContain('SSM_Manage_Rules');
  });

  it('leaves out of a record the fields the user may not read', () => {
    const seller = user('seller1');
    const deal = workbench.records('Opportunity').find((record) => record.OwnerId === seller.id);
    const fields = (
      call(seller, 'GET', `/api/ui/records/${String(deal?.Id)}`).body as { fields: object }
    ).fields;
    const access = workbench.org.userAccess(seller.id);
    const unreadable = Object.keys(deal ?? {}).filter(
      (name) => name !== 'attributes' && !access.fieldReadable('Opportunity', name)
    );
    expect(Object.keys(fields).length).toBeGreaterThan(10);
    expect(Object.keys(fields).filter((name) => unreadable.includes(name))).toEqual([]);
  });
});

describe('Apex methods', () => {
  it('answers an @AuraEnabled method the package lacks with 404, naming it', () => {
    const response = call(user('seller1'), 'POST', '/api/apex/PipelineController.getPipeline', {});
    expect(response.status).toBe(404);
    expect((response.body as { message: string }).message).toContain(
      'PipelineController.getPipeline'
    );
  });

  it("passes on an AuraHandledException's message", () => {
    const seller = user('seller1');
    const contact = workbench.records('Contact')[0];
    const response = call(seller, 'POST', '/api/apex/RecordGuidanceController.getGuidance', {
      recordId: contact.Id
    });
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ exceptionType: 'System.AuraHandledException' });
    expect((response.body as { message: string }).message).not.toBe(
      'An internal server error has occurred'
    );
  });
});

describe('saving a record', () => {
  it('runs the Apex trigger: the rules re-stamp the score, and the store keeps it', () => {
    const seller = user('seller1');
    const record = workbench.records('Opportunity').find(
      (deal) =>
        deal.OwnerId === seller.id &&
        String(deal.Data_Quality_Issues__c ?? '')
          .split(';')
          .includes('Opp_Next_Step')
    );
    if (!record) throw new Error('seller1 has no opportunity with a Next Step gap');
    const before = Number(record.Data_Quality_Score__c);
    const response = call(seller, 'PATCH', `/api/ui/records/${record.Id}`, {
      fields: { NextStep: 'Call the CFO' }
    });
    expect(response.status).toBe(200);
    const saved = workbench.byId(record.Id);
    expect(Number(saved?.Data_Quality_Score__c)).toBeGreaterThan(before);
    expect(String(saved?.Data_Quality_Issues__c ?? '')).not.toContain('Opp_Next_Step');
    expect(saved?.LastModifiedById).toBe(seller.id);
  });

  it('keeps a save across a reopen of the store', () => {
    const reopenable = openOnStore();
    const seller = reopenable.users.find(
      (candidate) => candidate.key === 'seller1'
    ) as WorkbenchUser;
    const deal = reopenable.records('Opportunity').find((r) => r.OwnerId === seller.id);
    reopenable.saveRecord(seller.id, String(deal?.Id), { NextStep: 'Demo on Monday' });
    const saved = reopenable.byId(String(deal?.Id));
    const reopened = openOnStore().byId(String(deal?.Id));
    expect(reopened?.NextStep).toBe('Demo on Monday');
    expect(reopened?.Data_Quality_Score__c).toBe(saved?.Data_Quality_Score__c);
    expect(reopened?.LastModifiedDate).toBe(saved?.LastModifiedDate);
  });

  it('stamps the Opportunity facts in Apex: a later close date counts as a push', () => {
    const admin = user('director');
    const record = workbench
      .records('Opportunity')
      .find((r) => r.IsClosed === false && typeof r.CloseDate === 'string');
    const pushes = Number(record?.Close_Date_Push_Count__c ?? 0);
    const later = `${Number(String(record?.CloseDate).slice(0, 4)) + 1}${String(record?.CloseDate).slice(4)}`;
    expect(
      call(admin, 'PATCH', `/api/ui/records/${record?.Id}`, { fields: { CloseDate: later } }).status
    ).toBe(200);
    expect(workbench.byId(String(record?.Id))?.Close_Date_Push_Count__c).toBe(pushes + 1);
  });

  it('refuses fields that are computed or unknown, with field errors, and saves nothing', () => {
    const admin = user('director');
    const deal = workbench.records('Opportunity')[0];
    const response = call(admin, 'PATCH', `/api/ui/records/${deal.Id}`, {
      fields: { Nope__c: 1, NextStep: 'Never saved' }
    });
    expect(response.status).toBe(400);
    expect(Object.keys(fieldErrorsOf(response))).toEqual(['Nope__c']);
    const computed = call(admin, 'PATCH', `/api/ui/records/${deal.Id}`, {
      fields: { Days_In_Stage__c: 3, NextStep: 'Never saved' }
    });
    expect(computed.status).toBe(400);
    expect(workbench.byId(deal.Id)?.NextStep).toBe(deal.NextStep);
  });
  it('refuses values the platform refuses (impossible dates, picklist, length, type), storing none', () => {
    const seller = user('seller1');
    const deal = workbench
      .records('Opportunity')
      .find((row) => row.OwnerId === seller.id && row.IsClosed === false);
    if (!deal) throw new Error('seller1 has no open deal');
    const refused: [string, unknown][] = [
      ['CloseDate', '2026-11-31'],
      ['CloseDate', '9999-99-99'],
      ['CloseDate', '2026-02-29'],
      ['StageName', 'Nearly There'],
      ['NextStep', 'x'.repeat(256)],
      ['Amount', 'a lot'],
      ['Amount', 1e20]
    ];
    const answers = refused.map(([field, value]) => {
      const response = call(seller, 'PATCH', `/api/ui/records/${deal.Id}`, {
        fields: { [field]: value }
      });
      return `${field}=${String(value).slice(0, 12)}: ${response.status} ${Object.keys(
        response.status === 400 ? fieldErrorsOf(response) : {}
      ).join()}`;
    });
    expect(answers).toEqual(
      refused.map(([field, value]) => `${field}=${String(value).slice(0, 12)}: 400 ${field}`)
    );
    expect(workbench.byId(deal.Id)).toEqual(deal);
    // The review still answers for everyone who sees the deal.
    for (const key of ['seller1', 'manager1', 'director']) {
      const review = call(
        user(key),
        'POST',
        '/api/apex/PipelineReviewController.getPipelineFacts',
        {}
      );
      expect(review.status).toBe(200);
    }
  });
});

describe('creating a record', () => {
  it('creates a coaching session owned by the acting user, shared with the seller', () => {
    const manager = user('manager1');
    const seller = user('seller1');
    const response = call(manager, 'POST', '/api/ui/records', {
      apiName: 'Coaching_Session__c',
      fields: {
        Seller__c: seller.id,
        Coach__c: manager.id,
        Session_Date__c: workbench.today,
        Focus_Area__c: 'Discovery'
      }
    });
    expect(response.status).toBe(201);
    const id = (response.body as { id: string }).id;
    expect(workbench.byId(id)).toMatchObject({ OwnerId: manager.id, Seller__c: seller.id });
    // CoachingSessionSharing writes the Coached_Seller share in the after-insert trigger.
    expect(workbench.canSee(seller.id, id)).toBe(true);
    expect(call(seller, 'GET', `/api/ui/records/${id}`).status).toBe(200);
  });

  it('refuses a second vote of the same user on an idea with the trigger’s message', () => {
    const seller = user('seller2');
    const idea = workbench
      .records('Improvement_Idea__c')
      .find(
        (candidate) =>
          !workbench
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
    expect((second.body as { message: string }).message).toBe(label('SSM_Already_Voted'));
  });

  it('names the missing required fields, the mistyped ones and unknown objects', () => {
    const manager = user('manager1');
    const missing = call(manager, 'POST', '/api/ui/records', {
      apiName: 'Opportunity',
      fields: { Name: 'No stage' }
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(fieldErrorsOf(missing)).sort()).toEqual(['CloseDate', 'StageName']);
    const mistyped = call(manager, 'POST', '/api/ui/records', {
      apiName: 'Coaching_Session__c',
      fields: { Session_Date__c: 'next Monday' }
    });
    expect(Object.keys(fieldErrorsOf(mistyped))).toEqual(['Session_Date__c']);
    expect(
      call(manager, 'POST', '/api/ui/records', { apiName: 'Nope__c', fields: {} }).status
    ).toBe(400);
  });
});

describe('field history', () => {
  it('records a close-date change of a deal as OpportunityFieldHistory on the sample day', () => {
    const admin = user('director');
    const deal = workbench.records('Opportunity').find((r) => r.IsClosed === false);
    if (!deal) throw new Error('the sample org has no open deal');
    const before = String(deal.CloseDate);
    const later = `${Number(before.slice(0, 4)) + 1}${before.slice(4)}`;
    call(admin, 'PATCH', `/api/ui/records/${deal.Id}`, { fields: { CloseDate: later } });
    const rows = workbench
      .records('OpportunityFieldHistory')
      .filter((row) => row.OpportunityId === deal.Id && row.Field === 'CloseDate');
    expect(rows[rows.length - 1]).toMatchObject({ OldValue: before, NewValue: later });
    expect(String(rows[rows.length - 1].CreatedDate).slice(0, 10)).toBe(workbench.today);
  });
});

describe('notifications', () => {
  it('brings the submitter a notification, with its record, when a leader changes the idea’s status', () => {
    const director = user('director');
    const idea = workbench
      .records('Improvement_Idea__c')
      .find((candidate) => candidate.Status__c === 'New');
    if (!idea) throw new Error('the sample org has no new idea');
    const submitter = workbench.users.find((candidate) => candidate.id === idea.OwnerId);
    if (!submitter) throw new Error('the idea has no sample submitter');
    const before = (call(submitter, 'GET', '/api/notifications').body as unknown[]).length;
    const saved = call(director, 'PATCH', `/api/ui/records/${idea.Id}`, {
      fields: { Status__c: 'Under Review' }
    });
    expect(saved.status).toBe(200);
    const notifications = call(submitter, 'GET', '/api/notifications').body as {
      id: string;
      read: boolean;
      target: { id: string } | null;
    }[];
    expect(notifications).toHaveLength(before + 1);
    expect(notifications[0]).toMatchObject({ read: false, target: { id: idea.Id } });
    expect(
      call(director, 'POST', `/api/notifications/${notifications[0].id}/read`, {}).status
    ).toBe(404);
    expect(
      call(submitter, 'POST', `/api/notifications/${notifications[0].id}/read`, {}).status
    ).toBe(200);
    expect((call(submitter, 'GET', '/api/notifications').body as { read: boolean }[])[0].read).toBe(
      true
    );
  });
});

describe('admin jobs', () => {
  it('runs a job for a rule manager and refuses everyone else', () => {
    expect(call(user('seller1'), 'POST', '/api/jobs/guidance', {}).status).toBe(403);
    expect(call(user('director'), 'POST', '/api/jobs/guidance', {}).status).toBe(200);
    expect(call(user('director'), 'POST', '/api/jobs/segments', {}).status).toBe(200);
    expect(call(user('director'), 'POST', '/api/jobs/strategyReminders', {}).status).toBe(200);
    expect(call(user('director'), 'POST', '/api/jobs/kpiSnapshots', {}).status).toBe(200);
    expect(call(user('director'), 'POST', '/api/jobs/nope', {}).status).toBe(404);
  });
});

describe('formula tester', () => {
  it('evaluates a formula on a record and reports a broken one with its position', () => {
    const admin = user('director');
    const record = workbench.records('Opportunity')[0];
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

  it('reads parent fields through the relationship', () => {
    const admin = user('director');
    const deal = workbench.records('Opportunity').find((record) => record.AccountId);
    const account = workbench.byId(String(deal?.AccountId));
    const response = call(admin, 'POST', '/api/formula', {
      formula: 'Account.Name',
      recordId: deal?.Id
    });
    expect(response.body).toMatchObject({ ok: true, result: account?.Name });
  });

  it('answers a picklist in ISBLANK with the org compile error', () => {
    const admin = user('director');
    const account = workbench.records('Account')[0];
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
    const admin = user('director');
    const record = workbench.records('Opportunity')[0];
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
    const admin = user('director');
    const record = workbench.records('Opportunity')[0];
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
