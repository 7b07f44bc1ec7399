/**
 * Transactions outside tests (Apex Developer Guide, "Transaction Control": "all changes are
 * committed to the database only after all operations in the transaction finish executing and
 * don't cause any errors"; "Queueable Apex" and "Future Methods": each job runs in a transaction
 * of its own, after the one that queued it commits).
 */
import { testOrg } from '../../platform/orgs';
import { harnessProject, runOnTestOrg } from '../../testing/orgHarness';

function accountNames(org: ReturnType<typeof testOrg>): string[] {
  return [...org.database.rows('Account')].map((row) => String(row.Name)).sort();
}

describe('an anonymous block', () => {
  it('leaves no change behind when an exception escapes it', () => {
    const org = testOrg(harnessProject());
    const result = runOnTestOrg(
      `insert new Account(Name = 'Kept?');
       Integer broken = null;
       broken++;`,
      { org }
    );
    expect(result.success).toBe(false);
    expect(result.exceptionMessage).toMatch(/^System.NullPointerException/);
    expect(accountNames(org)).toEqual([]);
  });

  it('commits what it did when it catches its own exception', () => {
    const org = testOrg(harnessProject());
    runOnTestOrg(
      `insert new Account(Name = 'Kept');
       try { insert new Opportunity(Name = 'No stage'); } catch (DmlException e) {}`,
      { org }
    );
    expect(accountNames(org)).toEqual(['Kept']);
  });
});

describe('a queued job', () => {
  const failingJob = `public class FailingJob implements Queueable {
    public void execute(QueueableContext context) {
      insert new Account(Name = 'From the job');
      Integer broken = null;
      broken++;
    }
  }`;

  it('rolls back only its own transaction when it fails', () => {
    const org = testOrg(harnessProject());
    const result = runOnTestOrg(
      `insert new Account(Name = 'From the block');
       System.enqueueJob(new FailingJob());`,
      { org, classes: { FailingJob: failingJob } }
    );
    expect(result.success).toBe(true);
    expect(accountNames(org)).toEqual(['From the block']);
    const [job] = [...org.database.rows('AsyncApexJob')];
    expect(job.Status).toBe('Failed');
  });

  it('does not run when the block that queued it fails', () => {
    const org = testOrg(harnessProject());
    runOnTestOrg(
      `System.enqueueJob(new FailingJob());
       Integer broken = null;
       broken++;`,
      { org, classes: { FailingJob: failingJob } }
    );
    expect([...org.database.rows('AsyncApexJob')]).toEqual([]);
    expect(accountNames(org)).toEqual([]);
  });
});
