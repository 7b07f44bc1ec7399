import { handleApi, type ApiResponse } from '../server/api';
import type { WorkbenchUser } from '../server/workbenchOrg';
import { user, useFreshWorkbench, workbench } from './apexHarness';

function get(acting: WorkbenchUser, path: string): ApiResponse {
  const [pathname, query] = path.split('?');
  return handleApi(workbench, acting, {
    method: 'GET',
    path: pathname,
    query: new URLSearchParams(query ?? ''),
    body: null
  });
}

describe('the record pages’ API', () => {
  useFreshWorkbench('wb-record-pages-');

  it('answers object info with what the user may do, as the permission sets grant it', () => {
    const seller = get(user('seller1'), '/api/ui/object-info/Coaching_Session__c').body as {
      createable: boolean;
    };
    const manager = get(user('manager1'), '/api/ui/object-info/Coaching_Session__c').body as {
      createable: boolean;
    };
    expect(seller.createable).toBe(false);
    expect(manager.createable).toBe(true);
  });

  it('refuses a seller’s coaching session in user mode, whatever the UI offers', () => {
    const response = handleApi(workbench, user('seller1'), {
      method: 'POST',
      path: '/api/ui/records',
      query: new URLSearchParams(),
      body: { apiName: 'Coaching_Session__c', fields: { Session_Date__c: workbench.today } }
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/INSUFFICIENT_ACCESS/);
  });

  it('says who may act as admin', () => {
    const session = get(user('seller1'), '/api/session').body as {
      users: { key: string; isAdmin: boolean }[];
      locale: string;
      timeZone: string;
    };
    expect(session.users.filter((entry) => entry.isAdmin).map((entry) => entry.key)).toEqual([
      'director'
    ]);
    expect(session).toMatchObject({ locale: 'en-US', timeZone: 'Europe/Copenhagen' });
  });

  it('shows rules stored on a record by their labels, never their developer names', () => {
    const deal = workbench
      .records('Opportunity')
      .find((record) => String(record.Data_Quality_Issues__c ?? '').includes('Opp_Next_Step'));
    const response = get(
      user('director'),
      `/api/ui/records/${deal!.Id}?fields=Data_Quality_Issues__c`
    ).body as { fields: Record<string, { value: string; displayValue: string }> };
    const issues = response.fields.Data_Quality_Issues__c;
    expect(issues.value).toContain('Opp_Next_Step');
    expect(issues.displayValue).toContain('Next step from Qualification on');
    expect(issues.displayValue).not.toMatch(/Opp_[A-Z]/);
  });

  it('lists a list view’s rows the user may see, with its columns', () => {
    const view = get(user('seller1'), '/api/ui/list-views/Opportunity/AllOpportunities').body as {
      columns: { apiName: string }[];
      rows: { id: string }[];
    };
    expect(view.columns.map((column) => column.apiName)).toContain('Data_Quality_Score__c');
    const visible = workbench
      .records('Opportunity')
      .filter((record) => workbench.canSee(user('seller1').id, record.Id));
    expect(view.rows).toHaveLength(visible.length);
    expect(get(user('seller1'), '/api/ui/list-views/Opportunity/Nope').status).toBe(404);
  });
});
