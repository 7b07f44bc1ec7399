/**
 * Asynchronous Apex queued from anonymous Apex (no Test.startTest/stopTest): batch jobs, queueable
 * jobs and future methods run after the block that queued them, each in transactions of their own;
 * scheduled jobs wait for their time. On a test org.
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

const THREE_ACCOUNTS =
  "insert new List<Account>{ new Account(Name = 'A'), new Account(Name = 'B'), new Account(Name = 'C') };";

function manyAccounts(count: number): string {
  return `List<Account> accounts = new List<Account>();\nfor (Integer i = 0; i < ${count}; i++) accounts.add(new Account(Name = 'A' + i));\ninsert accounts;`;
}

/** Reports each phase of a batch over the accounts. */
const NAMES_BATCH = {
  NamesBatch: `public class NamesBatch implements Database.Batchable<SObject> {
    public Database.QueryLocator start(Database.BatchableContext bc) {
      System.debug('start');
      return Database.getQueryLocator('SELECT Name FROM Account ORDER BY Name');
    }
    public void execute(Database.BatchableContext bc, List<SObject> scope) {
      System.debug('execute ' + scope.size());
    }
    public void finish(Database.BatchableContext bc) {
      System.debug('finish');
    }
  }`
};

/** Counts executes in an instance and a static variable; Database.Stateful or not. */
function countingBatch(stateful: boolean): Record<string, string> {
  return {
    CountingBatch: `public class CountingBatch implements Database.Batchable<SObject>${stateful ? ', Database.Stateful' : ''} {
      public Integer executes = 0;
      public static Integer staticExecutes = 0;
      public Database.QueryLocator start(Database.BatchableContext bc) {
        return Database.getQueryLocator('SELECT Id FROM Account');
      }
      public void execute(Database.BatchableContext bc, List<SObject> scope) {
        executes++;
        staticExecutes++;
        System.debug('execute: instance ' + executes + ', static ' + staticExecutes);
      }
      public void finish(Database.BatchableContext bc) {
        System.debug('finish: instance ' + executes + ', static ' + staticExecutes);
      }
    }`
  };
}

const HELLO_QUEUEABLE = {
  Hello: `public class Hello implements Queueable {
    public void execute(QueueableContext context) {
      System.debug('hello from ' + String.valueOf(context.getJobId()).left(3) + ', async ' + System.isQueueable());
    }
  }`
};

const FUTURES = {
  Later: `public class Later {
    @future
    public static void say(String text) {
      System.debug(text + ' ' + System.isFuture());
    }
    @future
    public static void nest() {
      try {
        say('nested');
      } catch (AsyncException e) {
        System.debug(e.getMessage().startsWith('Future method cannot be called from a future or batch method'));
      }
    }
  }`
};

export const asyncApexCases = onTestOrg([
  {
    name: 'a batch queued from anonymous Apex runs after the block: start, execute per scope, finish',
    source: DOCS.batchApex,
    classes: NAMES_BATCH,
    setup: THREE_ACCOUNTS,
    apex: "Database.executeBatch(new NamesBatch(), 2);\nSystem.debug('block ends');",
    debug: ['block ends', 'start', 'execute 2', 'execute 1', 'finish']
  },
  {
    name: 'executeBatch returns the Id of the batch job’s AsyncApexJob',
    source: DOCS.databaseClass,
    classes: NAMES_BATCH,
    apex: "Id jobId = Database.executeBatch(new NamesBatch());\nSystem.debug(String.valueOf(jobId).left(3) + ' ' + [SELECT JobType FROM AsyncApexJob WHERE Id = :jobId].JobType);",
    debug: ['707 BatchApex', 'start', 'finish']
  },
  {
    name: 'the default scope is 200 records',
    source: DOCS.batchApex,
    classes: NAMES_BATCH,
    setup: manyAccounts(450),
    apex: 'Database.executeBatch(new NamesBatch());',
    debug: ['start', 'execute 200', 'execute 200', 'execute 50', 'finish']
  },
  {
    name: 'with a QueryLocator, a scope over 2,000 is chunked into batches of 2,000',
    source: DOCS.batchApex,
    classes: NAMES_BATCH,
    setup: manyAccounts(2500),
    apex: 'Database.executeBatch(new NamesBatch(), 3000);',
    debug: ['start', 'execute 2000', 'execute 500', 'finish'],
    timeoutMs: 60_000
  },
  {
    name: 'with an Iterable, the scope has no upper limit',
    source: DOCS.batchApex,
    classes: {
      NumbersBatch: `public class NumbersBatch implements Database.Batchable<Integer> {
        public Iterable<Integer> start(Database.BatchableContext bc) {
          List<Integer> numbers = new List<Integer>();
          for (Integer i = 0; i < 2500; i++) numbers.add(i);
          return numbers;
        }
        public void execute(Database.BatchableContext bc, List<Integer> scope) {
          System.debug('execute ' + scope.size());
        }
        public void finish(Database.BatchableContext bc) {}
      }`
    },
    apex: 'Database.executeBatch(new NumbersBatch(), 3000);',
    debug: ['execute 2500']
  },
  {
    name: 'each execute of a batch is a transaction with fresh asynchronous limits',
    source: DOCS.governorLimits,
    classes: {
      QueryingBatch: `public class QueryingBatch implements Database.Batchable<SObject> {
        public Database.QueryLocator start(Database.BatchableContext bc) {
          return Database.getQueryLocator('SELECT Id FROM Account');
        }
        public void execute(Database.BatchableContext bc, List<SObject> scope) {
          Integer n = [SELECT COUNT() FROM Contact];
          System.debug(Limits.getQueries() + ' of ' + Limits.getLimitQueries());
        }
        public void finish(Database.BatchableContext bc) {}
      }`
    },
    setup: THREE_ACCOUNTS,
    apex: 'Database.executeBatch(new QueryingBatch(), 2);',
    debug: ['1 of 200', '1 of 200'],
    note: 'The page: for Batch Apex, the limits are reset for each execution of a batch of records in the execute method; asynchronous Apex may issue 200 queries.'
  },
  {
    name: 'without Database.Stateful, instance and static variables start over in each transaction',
    source: DOCS.batchApex,
    classes: countingBatch(false),
    setup: THREE_ACCOUNTS,
    apex: 'Database.executeBatch(new CountingBatch(), 2);',
    debug: [
      'execute: instance 1, static 1',
      'execute: instance 1, static 1',
      'finish: instance 0, static 0'
    ],
    note: 'The page: each execution of a batch job is a discrete transaction; without Database.Stateful, all static and instance member variables are set back to their original values.'
  },
  {
    name: 'with Database.Stateful, instance variables carry over and static variables still start over',
    source: DOCS.batchApex,
    classes: countingBatch(true),
    setup: THREE_ACCOUNTS,
    apex: 'Database.executeBatch(new CountingBatch(), 2);',
    debug: [
      'execute: instance 1, static 1',
      'execute: instance 2, static 1',
      'finish: instance 2, static 0'
    ],
    note: 'The page: when using Database.Stateful, only instance member variables retain their values between transactions; static member variables are reset.'
  },
  {
    name: 'a batch works on the instance as it was when it was queued',
    source: DOCS.batchApex,
    classes: {
      LabelBatch: `public class LabelBatch implements Database.Batchable<SObject> {
        public String label;
        public LabelBatch(String label) { this.label = label; }
        public Database.QueryLocator start(Database.BatchableContext bc) {
          return Database.getQueryLocator('SELECT Id FROM Account');
        }
        public void execute(Database.BatchableContext bc, List<SObject> scope) {}
        public void finish(Database.BatchableContext bc) { System.debug(label); }
      }`
    },
    apex: "LabelBatch batch = new LabelBatch('as queued');\nDatabase.executeBatch(batch);\nbatch.label = 'changed afterwards';",
    debug: ['as queued'],
    note: 'The platform serializes the batch instance when it is submitted; later changes to the variable do not reach the job.'
  },
  {
    name: 'a failed execute rolls back its own work only, and finish still runs',
    source: DOCS.batchApex,
    classes: {
      FailingBatch: `public class FailingBatch implements Database.Batchable<SObject> {
        public Database.QueryLocator start(Database.BatchableContext bc) {
          return Database.getQueryLocator('SELECT Id, Name FROM Account ORDER BY Name');
        }
        public void execute(Database.BatchableContext bc, List<SObject> scope) {
          insert new Contact(LastName = 'For ' + ((Account) scope[0]).Name);
          if (((Account) scope[0]).Name == 'C') throw new IllegalArgumentException('second chunk fails');
        }
        public void finish(Database.BatchableContext bc) {
          AsyncApexJob job = [SELECT NumberOfErrors, TotalJobItems FROM AsyncApexJob WHERE Id = :bc.getJobId()];
          System.debug(job.TotalJobItems + ' batches, ' + job.NumberOfErrors + ' failed');
          for (Contact c : [SELECT LastName FROM Contact]) System.debug(c.LastName);
        }
      }`
    },
    setup: THREE_ACCOUNTS,
    apex: 'Database.executeBatch(new FailingBatch(), 2);',
    debug: ['2 batches, 1 failed', 'For A'],
    note: 'The page: if the first transaction succeeds but the second fails, the database updates made in the first transaction are not rolled back; its finish example reads TotalJobItems and NumberOfErrors from AsyncApexJob.'
  },
  {
    name: 'a queueable job runs after the block, with the Id enqueueJob returned',
    source: DOCS.queueableApex,
    classes: HELLO_QUEUEABLE,
    apex: "Id jobId = System.enqueueJob(new Hello());\nSystem.debug('queued ' + String.valueOf(jobId).left(3) + ', async ' + System.isQueueable());",
    debug: ['queued 707, async false', 'hello from 707, async true']
  },
  {
    name: 'a queueable job can chain the next one from its execute method',
    source: DOCS.queueableApex,
    classes: {
      Chain: `public class Chain implements Queueable {
        private Integer step;
        public Chain(Integer step) { this.step = step; }
        public void execute(QueueableContext context) {
          System.debug('step ' + step);
          if (step < 3) System.enqueueJob(new Chain(step + 1));
        }
      }`
    },
    apex: 'System.enqueueJob(new Chain(1));',
    debug: ['step 1', 'step 2', 'step 3']
  },
  {
    name: 'a queueable job has the asynchronous limits',
    source: DOCS.governorLimits,
    classes: {
      LimitsJob: `public class LimitsJob implements Queueable {
        public void execute(QueueableContext context) {
          System.debug(Limits.getLimitQueries() + ' ' + Limits.getLimitCpuTime() + ' ' + Limits.getLimitQueueableJobs());
        }
      }`
    },
    apex: "System.debug(Limits.getLimitQueries() + ' ' + Limits.getLimitCpuTime() + ' ' + Limits.getLimitQueueableJobs());\nSystem.enqueueJob(new LimitsJob());",
    debug: ['100 10000 50', '200 60000 1']
  },
  {
    name: 'the 51st queueable job of a synchronous transaction throws a LimitException',
    source: DOCS.governorLimits,
    classes: HELLO_QUEUEABLE,
    apex: 'for (Integer i = 0; i < 51; i++) System.enqueueJob(new Hello());',
    error: 'System.LimitException: Too many queueable jobs added to the queue: 51'
  },
  {
    name: 'jobs queued by a block that fails never run',
    source: DOCS.queueableApex,
    classes: HELLO_QUEUEABLE,
    apex: "System.enqueueJob(new Hello());\nSystem.debug('queued');\nInteger zero = 0;\nInteger broken = 1 / zero;",
    debug: ['queued'],
    error: 'System.MathException: Divide by 0',
    note: 'The page: if an Apex transaction rolls back, any queueable jobs queued for execution by the transaction aren’t processed.'
  },
  {
    name: 'a future method runs after the block, in the order the calls were made',
    source: DOCS.futureMethods,
    classes: FUTURES,
    apex: "Later.say('first');\nLater.say('second');\nSystem.debug('block ' + System.isFuture());",
    debug: ['block false', 'first true', 'second true']
  },
  {
    name: 'a future method cannot call another future method',
    source: DOCS.futureMethods,
    classes: FUTURES,
    apex: 'Later.nest();',
    debug: ['true']
  },
  {
    name: 'the 51st future call of a transaction throws a LimitException',
    source: DOCS.governorLimits,
    classes: FUTURES,
    apex: "for (Integer i = 0; i < 51; i++) Later.say('x');",
    error: 'System.LimitException: Too many future calls: 51'
  },
  {
    name: 'System.schedule records the job and its trigger; the job does not run at once',
    source: DOCS.apexScheduler,
    classes: {
      NightlyJob: `public class NightlyJob implements Schedulable {
        public void execute(SchedulableContext context) { System.debug('ran'); }
      }`
    },
    apex: "Id triggerId = System.schedule('Nightly', '0 0 2 * * ?', new NightlyJob());\nCronTrigger t = [SELECT State, CronExpression, CronJobDetail.Name FROM CronTrigger WHERE Id = :triggerId];\nSystem.debug(t.State + ' ' + t.CronExpression + ' ' + t.CronJobDetail.Name);",
    debug: ['WAITING 0 0 2 * * ? Nightly'],
    note: 'The page: the job runs at the time the cron expression names (02:00), not when the transaction that scheduled it ends.'
  }
]);
