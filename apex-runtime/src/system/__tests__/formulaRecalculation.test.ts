/**
 * Formula.recalculateFormulas (Apex Reference, "Formula Class": "If all data is present on the
 * SObjects, SOQL limits are not affected. If the data required to evaluate a formula field is
 * missing, that data is loaded and limits are changed accordingly"; "FormulaRecalcResult Class").
 * Opportunity.Account_Segment__c is `Account.Customer_Segment__r.Name`.
 */
import { runOnTestOrg } from '../../testing/orgHarness';

const SETUP = `
  Customer_Segment__c segment = new Customer_Segment__c(Name = 'Core Customers');
  insert segment;
  Account account = new Account(Name = 'Acme', Customer_Segment__c = segment.Id);
  insert account;
`;

function debugOf(code: string): string[] {
  const result = runOnTestOrg(SETUP + code);
  if (!result.success)
    throw new Error(
      `${result.compileProblem ?? result.exceptionMessage}\n${result.exceptionStackTrace ?? ''}`
    );
  return result.debug;
}

describe('Formula.recalculateFormulas', () => {
  it('loads the parents a new record names only by Id, with one query', () => {
    expect(
      debugOf(`
        Opportunity deal = new Opportunity(AccountId = account.Id);
        Integer before = Limits.getQueries();
        List<FormulaRecalcResult> results = Formula.recalculateFormulas(new List<Opportunity>{ deal });
        System.debug(deal.Account_Segment__c);
        System.debug(Limits.getQueries() - before);
        System.debug(results[0].isSuccess() + ' ' + (results[0].getSObject() === deal));
      `)
    ).toEqual(['Core Customers', '1', 'true true']);
  });

  it('reads attached parents without a query', () => {
    expect(
      debugOf(`
        Opportunity deal = new Opportunity(AccountId = account.Id);
        deal.Account = new Account(Customer_Segment__r = new Customer_Segment__c(Name = 'Attached'));
        Integer before = Limits.getQueries();
        Formula.recalculateFormulas(new List<Opportunity>{ deal });
        System.debug(deal.Account_Segment__c + ' ' + (Limits.getQueries() - before));
      `)
    ).toEqual(['Attached 0']);
  });

  it('loads a field the query that attached the parent left out', () => {
    expect(
      debugOf(`
        Opportunity deal = new Opportunity(AccountId = account.Id);
        deal.Account = [SELECT Id, Customer_Segment__r.Value_Focus__c FROM Account WHERE Id = :account.Id];
        Formula.recalculateFormulas(new List<Opportunity>{ deal });
        System.debug(deal.Account_Segment__c);
      `)
    ).toEqual(['Core Customers']);
  });

  it('gives an empty value to a deal without an account', () => {
    expect(
      debugOf(`
        Opportunity deal = new Opportunity(Name = 'Alone');
        Integer before = Limits.getQueries();
        Formula.recalculateFormulas(new List<Opportunity>{ deal });
        System.debug(deal.Account_Segment__c + ' ' + (Limits.getQueries() - before));
      `)
    ).toEqual(['null 0']);
  });
});
