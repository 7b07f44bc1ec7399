import { currentPageReference, urlOf } from '../platform/navigation';

describe('urlOf', () => {
  it('maps record, object, home and component pages to the workbench routes', () => {
    expect(
      urlOf({
        type: 'standard__recordPage',
        attributes: { recordId: 'a01000000000001AAA', objectApiName: 'Account_Plan__c' }
      })
    ).toBe('#/Account_Plan__c/a01000000000001AAA');
    expect(
      urlOf({ type: 'standard__recordPage', attributes: { recordId: '006000000000001AAA' } })
    ).toBe('#/Opportunity/006000000000001AAA');
    expect(urlOf({ type: 'standard__objectPage', attributes: { objectApiName: 'Account' } })).toBe(
      '#/Account'
    );
    expect(urlOf({ type: 'standard__namedPage', attributes: { pageName: 'home' } })).toBe('#/home');
    expect(
      urlOf({ type: 'standard__component', attributes: { componentName: 'c__recordGuidance' } })
    ).toBe('#/component/recordGuidance');
  });

  it('maps a related list page to the record’s related route, its object from the key prefix', () => {
    const attributes = {
      recordId: '006000000000050AAA',
      relationshipApiName: 'OpportunityContactRoles',
      actionName: 'view'
    };
    expect(urlOf({ type: 'standard__recordRelationshipPage', attributes })).toBe(
      '#/Opportunity/006000000000050AAA/related/OpportunityContactRoles'
    );
    expect(
      urlOf({
        type: 'standard__recordRelationshipPage',
        attributes: {
          ...attributes,
          recordId: 'a01000000000001AAA',
          objectApiName: 'Account_Plan__c'
        }
      })
    ).toBe('#/Account_Plan__c/a01000000000001AAA/related/OpportunityContactRoles');
  });

  it('refuses a related list page that names no relationship or no known object', () => {
    expect(() =>
      urlOf({
        type: 'standard__recordRelationshipPage',
        attributes: { recordId: '006000000000050AAA' }
      })
    ).toThrow(/standard__recordRelationshipPage/);
    expect(() =>
      urlOf({
        type: 'standard__recordRelationshipPage',
        attributes: { recordId: 'a01000000000001AAA', relationshipApiName: 'Objectives__r' }
      })
    ).toThrow(/standard__recordRelationshipPage/);
  });

  it('refuses, naming it, a page the workbench cannot show', () => {
    expect(() =>
      urlOf({ type: 'standard__webPage', attributes: { url: 'https://x.test' } })
    ).toThrow(/standard__webPage/);
  });

  it('reads the current page back from a route, the inverse of urlOf', () => {
    for (const route of [
      '#/Account/001000000000001AAA',
      '#/Opportunity/006000000000050AAA/related/OpportunityContactRoles',
      '#/Opportunity',
      '#/home'
    ]) {
      expect(urlOf(currentPageReference(route))).toBe(route);
    }
  });

  it('reads a related list route as the page reference Lightning gives it', () => {
    expect(
      currentPageReference('#/Opportunity/006000000000050AAA/related/OpportunityContactRoles')
    ).toEqual({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: '006000000000050AAA',
        objectApiName: 'Opportunity',
        relationshipApiName: 'OpportunityContactRoles',
        actionName: 'view'
      },
      state: {}
    });
  });
});
