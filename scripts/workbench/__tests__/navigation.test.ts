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

  it('refuses, naming it, a page the workbench cannot show', () => {
    expect(() =>
      urlOf({ type: 'standard__webPage', attributes: { url: 'https://x.test' } })
    ).toThrow(/standard__webPage/);
  });

  it('reads the current page back from a route, the inverse of urlOf', () => {
    for (const route of ['#/Account/001000000000001AAA', '#/Opportunity', '#/home']) {
      expect(urlOf(currentPageReference(route))).toBe(route);
    }
  });
});
