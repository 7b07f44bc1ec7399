import type { ApexOrg } from '../../../apex-runtime/src/platform/orgs';
import type { OrgRecord } from '../../org/embeddedOrg';
import { actingUserOf, handleApi, type ApiResponse } from '../server/api';
import type { RelatedList } from '../server/relatedLists';
import { openWorkbenchOrg, type WorkbenchOrg, type WorkbenchUser } from '../server/workbenchOrg';

const CONTACT_ROLES = 'OpportunityContactRoles';

// One sample org for the file (opening it takes seconds); the one test that saves runs last.
let workbench: WorkbenchOrg;
beforeAll(() => {
  workbench = openWorkbenchOrg({});
});

function user(key: string): WorkbenchUser {
  const found = actingUserOf(workbench, key);
  if (found.key !== key) throw new Error(`No sample user ${key}`);
  return found;
}

function call(
  acting: WorkbenchUser,
  method: string,
  path: string,
  body: unknown = null,
  org: WorkbenchOrg = workbench
): ApiResponse {
  return handleApi(org, acting, { method, path, query: new URLSearchParams(), body });
}

function relatedList(
  acting: WorkbenchUser,
  parentId: string,
  relationship: string,
  org: WorkbenchOrg = workbench
): RelatedList {
  const response = call(
    acting,
    'GET',
    `/api/ui/related-list/${parentId}/${relationship}`,
    null,
    org
  );
  expect(response.status).toBe(200);
  return response.body as RelatedList;
}

/** The sample's contact roles of a deal, as the data holds them. */
function contactRolesOf(dealId: string): OrgRecord[] {
  return workbench
    .records('OpportunityContactRole')
    .filter((role) => role.OpportunityId === dealId);
}

/** A deal the seller owns with at least two contact roles in the sample. */
function ownDealWithRoles(seller: WorkbenchUser): OrgRecord {
  const deal = workbench
    .records('Opportunity')
    .find((record) => record.OwnerId === seller.id && contactRolesOf(record.Id).length >= 2);
  if (!deal) throw new Error('the sample gives the seller no deal with contact roles');
  return deal;
}

/** The workbench as a user whose field-level security hides one field of one object. */
function withFieldHidden(objectName: string, fieldName: string): WorkbenchOrg {
  const org = Object.create(workbench.org) as ApexOrg;
  org.userAccess = (userId: string) => {
    const real = workbench.org.userAccess(userId);
    const access = Object.create(real) as typeof real;
    access.fieldReadable = (object: string, field: string) =>
      !(object === objectName && field === fieldName) && real.fieldReadable(object, field);
    return access;
  };
  return { ...workbench, org };
}

describe('GET /api/ui/related-list/<parentId>/<relationship>', () => {
  it('lists a seller’s contact roles of their own deal with the standard layout’s columns', () => {
    const seller = user('seller1');
    const deal = ownDealWithRoles(seller);
    const list = relatedList(seller, deal.Id, CONTACT_ROLES);
    expect(list.parent).toEqual({
      id: deal.Id,
      name: deal.Name,
      objectApiName: 'Opportunity',
      objectLabelPlural: 'Opportunities',
      objectLabel: 'Opportunity'
    });
    expect(list).toMatchObject({
      relationshipApiName: CONTACT_ROLES,
      childObjectApiName: 'OpportunityContactRole',
      field: 'OpportunityId',
      label: 'Opportunity Contact Role'
    });
    expect(list.columns).toEqual([
      { apiName: 'ContactId', label: 'Contact', dataType: 'Reference', referenceTo: 'Contact' },
      { apiName: 'Role', label: 'Role', dataType: 'Picklist' },
      { apiName: 'IsPrimary', label: 'Primary', dataType: 'Boolean' }
    ]);
    const roles = contactRolesOf(deal.Id);
    expect(list.rows.map((row) => row.id).sort()).toEqual(roles.map((role) => role.Id).sort());
    const [first] = roles;
    const row = list.rows.find((candidate) => candidate.id === first.Id);
    const contact = workbench.byId(String(first.ContactId));
    // A contact has no Name field: the lookup reads as the person's first and last name.
    expect(row?.fields.ContactId).toEqual({
      value: first.ContactId,
      displayValue: `${String(contact?.FirstName)} ${String(contact?.LastName)}`
    });
    expect(row?.fields.Role.value).toBe(first.Role);
  });

  it('answers 404 for a deal the seller cannot see, an unknown relationship or record', () => {
    const seller = user('seller1');
    const hidden = workbench
      .records('Opportunity')
      .find((deal) => deal.OwnerId !== seller.id && contactRolesOf(deal.Id).length > 0);
    expect(hidden && workbench.canSee(seller.id, hidden.Id)).toBe(false);
    const own = ownDealWithRoles(seller);
    for (const path of [
      `/api/ui/related-list/${String(hidden?.Id)}/${CONTACT_ROLES}`,
      `/api/ui/related-list/${own.Id}/No_Such_Children__r`,
      `/api/ui/related-list/${own.Id}/Objectives__r`,
      `/api/ui/related-list/006000000000000XYZ/${CONTACT_ROLES}`
    ]) {
      expect({ path, status: call(seller, 'GET', path).status }).toEqual({ path, status: 404 });
    }
    // Its owner sees it, and its contact roles.
    const owner = workbench.users.find((candidate) => candidate.id === hidden?.OwnerId);
    expect(owner).toBeDefined();
    expect(relatedList(owner!, String(hidden?.Id), CONTACT_ROLES).rows.length).toBe(
      contactRolesOf(String(hidden?.Id)).length
    );
  });

  it('leaves out the columns and values field-level security hides from the user', () => {
    const seller = user('seller1');
    const deal = ownDealWithRoles(seller);
    const list = relatedList(
      seller,
      deal.Id,
      CONTACT_ROLES,
      withFieldHidden('OpportunityContactRole', 'Role')
    );
    expect(list.columns.map((column) => column.apiName)).toEqual(['ContactId', 'IsPrimary']);
    expect(list.rows.length).toBe(contactRolesOf(deal.Id).length);
    for (const row of list.rows)
      expect(Object.keys(row.fields).sort()).toEqual(['ContactId', 'IsPrimary']);
    expect(list.newRecordFields.map((field) => field.apiName)).toEqual(['ContactId', 'IsPrimary']);
  });

  it('says whether the user may add a child record, and offers what a new one takes', () => {
    const seller = user('seller1');
    const deal = ownDealWithRoles(seller);
    const roles = relatedList(seller, deal.Id, CONTACT_ROLES);
    expect(roles.canCreate).toBe(true);
    expect(roles.newRecordFields.map((field) => [field.apiName, field.required])).toEqual([
      ['ContactId', true],
      ['Role', false],
      ['IsPrimary', false]
    ]);
    // The deal's account's contacts first, then the other contacts the seller can see.
    const contacts = roles.newRecordFields[0].options.map((option) => option.value);
    const visible = workbench
      .records('Contact')
      .filter((contact) => workbench.canSee(seller.id, contact.Id));
    expect(contacts.sort()).toEqual(visible.map((contact) => contact.Id).sort());
    const ofAccount = visible.filter((contact) => contact.AccountId === deal.AccountId);
    expect(ofAccount.length).toBeGreaterThan(0);
    const firstOptions = roles.newRecordFields[0].options.slice(0, ofAccount.length);
    expect(firstOptions.map((option) => option.value).sort()).toEqual(
      ofAccount.map((contact) => contact.Id).sort()
    );
    expect(roles.newRecordFields[1].options.map((option) => option.value)).toContain(
      'Decision Maker'
    );

    // Sellers may not create coaching sessions (their permission set), managers may.
    const sessions = relatedList(seller, deal.Id, 'Coaching_Sessions__r');
    expect(sessions).toMatchObject({ canCreate: false, newRecordFields: [] });
    const manager = workbench.users.find((candidate) =>
      workbench.org.userAccess(candidate.id).canCreate('Coaching_Session__c')
    );
    expect(manager && workbench.canSee(manager.id, deal.Id)).toBe(true);
    expect(relatedList(manager!, deal.Id, 'Coaching_Sessions__r').canCreate).toBe(true);
  });

  it('refuses a new contact role to a user who may see the deal but not edit it', () => {
    const seller = user('seller1');
    const deal = ownDealWithRoles(seller);
    const org = Object.create(workbench.org) as ApexOrg;
    org.recordEditable = () => false;
    const list = relatedList(seller, deal.Id, CONTACT_ROLES, { ...workbench, org });
    expect(list).toMatchObject({ canCreate: false, newRecordFields: [] });
  });

  it('shows a contact role added through the UI API, its deal recounted by the trigger', () => {
    const seller = user('seller1');
    const deal = workbench
      .records('Opportunity')
      .find((record) => record.OwnerId === seller.id && contactRolesOf(record.Id).length === 0);
    expect(deal).toBeDefined();
    const before = relatedList(seller, deal!.Id, CONTACT_ROLES);
    expect(before.rows).toEqual([]);
    const contact = before.newRecordFields[0].options[0].value;
    const saved = call(seller, 'POST', '/api/ui/records', {
      apiName: before.childObjectApiName,
      fields: { ContactId: contact, Role: 'Evaluator', [before.field]: deal!.Id }
    });
    expect(saved.status).toBe(201);
    const after = relatedList(seller, deal!.Id, CONTACT_ROLES);
    expect(after.rows.map((row) => row.fields.ContactId.value)).toEqual([contact]);
    expect(workbench.byId(deal!.Id)?.Contact_Role_Count__c).toBe(1);
  });
});

describe('describing a standard object from the runtime schema', () => {
  it('describes OpportunityContactRole, which the package does not name, for the UI API', () => {
    const info = workbench.describe('OpportunityContactRole');
    expect(info).toMatchObject({
      apiName: 'OpportunityContactRole',
      label: 'Opportunity Contact Role'
    });
    expect(info?.fields.OpportunityId).toMatchObject({
      dataType: 'Reference',
      referenceTo: 'Opportunity',
      createable: true,
      updateable: false,
      required: true
    });
    expect(info?.fields.Role.picklistValues?.map((entry) => entry.value)).toContain('Evaluator');
    expect(info?.fields.IsPrimary).toMatchObject({ dataType: 'Boolean', required: false });
    const response = call(user('seller1'), 'GET', '/api/ui/object-info/OpportunityContactRole');
    expect(response.status).toBe(200);
    expect(workbench.describe('No_Such_Object__c')).toBeUndefined();
  });
});
