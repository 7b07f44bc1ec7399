import { handleApi, type ApiResponse } from '../server/api';
import type { WorkbenchUser } from '../server/workbenchOrg';
import { ENGLISH_SPEAKING_USER } from '../../sample/users';
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
    expect(session).toMatchObject({ locale: 'da-DK', timeZone: 'Europe/Copenhagen' });
  });

  it('gives a Danish user Danish formats, labels and navigation, the English user English', () => {
    expect(get(user('seller1'), '/api/session').body).toMatchObject({
      language: 'da',
      locale: 'da-DK',
      currency: 'DKK',
      navigation: {
        app: 'Salgsstrategi',
        tabs: { 'pipeline-review': 'Pipelinegennemgang', Account_Plan__c: 'Account plans' }
      }
    });
    expect(get(user(ENGLISH_SPEAKING_USER), '/api/session').body).toMatchObject({
      language: 'en_US',
      locale: 'en-US',
      currency: 'DKK',
      navigation: {
        app: 'Sales Strategy',
        tabs: { 'pipeline-review': 'Pipeline Review', Account_Plan__c: 'Account Plans' }
      }
    });
    const danish = get(user('seller1'), '/api/ui/object-info/Improvement_Idea__c').body as {
      label: string;
      fields: Record<
        string,
        { label: string; picklistValues?: { label: string; value: string }[] }
      >;
    };
    expect(danish.label).toBe('Forbedringsforslag');
    expect(danish.fields.Status__c.picklistValues).toContainEqual({
      label: 'Til gennemsyn',
      value: 'Under Review'
    });
    const english = get(user(ENGLISH_SPEAKING_USER), '/api/ui/object-info/Improvement_Idea__c')
      .body as { label: string };
    expect(english.label).toBe('Improvement Idea');
  });

  it('lets a user set their own language and locale, and refuses ones it does not know', () => {
    const set = (body: unknown) =>
      handleApi(workbench, user('manager2'), {
        method: 'POST',
        path: '/api/me/language',
        query: new URLSearchParams(),
        body
      });
    expect(set({ language: 'en_US', locale: 'en_GB' }).status).toBe(200);
    expect(get(user('manager2'), '/api/session').body).toMatchObject({
      language: 'en_US',
      locale: 'en-GB'
    });
    const refused = set({ language: 'fr', locale: 'fr_FR' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/one of en_US, da.*one of da_DK, en_US, en_GB/);
    expect(get(user('manager2'), '/api/session').body).toMatchObject({ language: 'en_US' });
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
