/**
 * Batch Apex outside tests (Apex Developer Guide, "Using Batch Apex"): the records of a
 * QueryLocator bypass the 50,000-row limit of the transaction that runs start.
 */
import { testOrg } from '../../platform/orgs';
import { harnessProject, runOnTestOrg } from '../../testing/orgHarness';

const COUNTING_BATCH = {
  CountingBatch: `public class CountingBatch implements Database.Batchable<SObject>, Database.Stateful {
    private Integer seen = 0;
    public Database.QueryLocator start(Database.BatchableContext bc) {
      return Database.getQueryLocator('SELECT Id FROM Account');
    }
    public void execute(Database.BatchableContext bc, List<SObject> scope) { seen += scope.size(); }
    public void finish(Database.BatchableContext bc) { System.debug(seen); }
  }`
};

describe('a batch over a QueryLocator', () => {
  it('reads more records than the query-rows limit of one transaction', () => {
    const org = testOrg(harnessProject());
    for (let i = 0; i < 50_001; i++) org.database.insert('Account', { Name: `A${i}` });
    const result = runOnTestOrg('Database.executeBatch(new CountingBatch(), 2000);', {
      classes: COUNTING_BATCH,
      org
    });
    expect([result.exceptionMessage, result.debug]).toEqual([undefined, ['50001']]);
  }, 60_000);
});
