/**
 * Defects planted in the package's Apex, each a small edit of one shipped class: the Apex test
 * run must catch every one, with the platform's message. They prove that `npm run test:apex`
 * fails for the reasons an org would fail (a null dereference, a field the selector does not
 * query, a query in a loop past the limit, a formula the org refuses).
 */
export interface PlantedDefect {
  name: string;
  /** The class edited, and the edit (the text must occur exactly once). */
  className: string;
  find: string;
  replace: string;
  /** The test class that must fail, and text its failure message must contain. */
  testClass: string;
  expectedFailure: string;
}

export const PLANTED_DEFECTS: readonly PlantedDefect[] = [
  {
    name: 'a controller that dereferences a null',
    className: 'AccountPipelineController',
    find: 'pipeline.today = Date.today();',
    replace: '',
    testClass: 'AccountPipelineControllerTest',
    expectedFailure: 'System.NullPointerException: Attempt to de-reference a null object'
  },
  {
    name: 'a selector that drops a field its caller reads',
    className: 'PipelineFactsSelector',
    find: `        CreatedDate,
        IsClosed,
        IsWon,
        ForecastCategoryName
      FROM Opportunity
      WHERE AccountId = :accountId`,
    replace: `        CreatedDate,
        IsWon,
        ForecastCategoryName
      FROM Opportunity
      WHERE AccountId = :accountId`,
    testClass: 'AccountPipelineControllerTest',
    expectedFailure:
      'System.SObjectException: SObject row was retrieved via SOQL without querying the requested field: Opportunity.IsClosed'
  },
  {
    name: 'a trigger handler that queries inside a loop',
    className: 'OpportunityTriggerHandler',
    find: '    OpportunityFacts.stampNew((List<Opportunity>) newRecords, Date.today());',
    replace: `    for (SObject record : newRecords) {
      Integer accounts = [SELECT COUNT() FROM Account];
    }
    OpportunityFacts.stampNew((List<Opportunity>) newRecords, Date.today());`,
    testClass: 'OpportunityFactsTest',
    expectedFailure: 'System.LimitException: Too many SOQL queries: 101'
  },
  {
    name: 'a rule test that uses a picklist in ISBLANK',
    className: 'RuleEngineTest',
    find: "'Flag_When__c' => 'ISBLANK(TEXT(Account.Industry))'",
    replace: "'Flag_When__c' => 'ISBLANK(Account.Industry)'",
    testClass: 'RuleEngineTest',
    expectedFailure: 'Assertion Failed: Parent paths are included'
  }
];
