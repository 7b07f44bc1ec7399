/**
 * The outbox (OrgSession.emails): what Messaging.sendEmail records instead of delivering, read
 * here as Jest tests and the workbench read it. The behaviours Apex can observe are pinned by the
 * conformance suite (conformance/cases/email.ts).
 */
import { loadProject } from '../../metadata/loadProject';
import { writeSourceTree, WIDGET } from '../../metadata/__tests__/projectFixture';
import { testOrg, type ApexOrg } from '../../platform/orgs';
import { runAnonymousApex, type AnonymousResult } from '../../testing/anonymousRun';
import { ApexDatetime } from '../../values/primitives';
import { Program } from '../../interpreter/program';

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NOW = ApexDatetime.parseIso('2026-11-16T09:30:00Z');

const project = loadProject(
  writeSourceTree({
    ...WIDGET,
    'email/Digests.emailFolder-meta.xml': `${HEADER}<EmailFolder xmlns="http://soap.sforce.com/2006/04/metadata"><accessType>Public</accessType><name>Digests</name></EmailFolder>`,
    'email/Digests/Weekly.email-meta.xml': `${HEADER}<EmailTemplate xmlns="http://soap.sforce.com/2006/04/metadata"><available>true</available><encodingKey>UTF-8</encodingKey><name>Weekly</name><style>none</style><subject>Week of {!Receiving_User.FirstName}</subject><type>text</type><uiType>Aloha</uiType></EmailTemplate>`,
    'email/Digests/Weekly.email': 'Hello {!Receiving_User.FirstName} at {!Organization.Name}'
  })
);

function freshOrg(): { org: ApexOrg; userId: string } {
  const org = testOrg(project);
  org.database.setClock(() => NOW);
  const created = run(
    org,
    `Profile standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
     User u = new User(ProfileId = standard.Id, FirstName = 'Rita', LastName = 'Reader',
       Email = 'rita@example.com', Username = 'rita@email-test.example.com', Alias = 'rita',
       TimeZoneSidKey = 'Europe/Copenhagen', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8',
       LanguageLocaleKey = 'en_US');
     insert u;
     System.debug(u.Id);`
  );
  return { org, userId: created.debugLog[0].message };
}

function run(org: ApexOrg, code: string): AnonymousResult {
  const result = runAnonymousApex(org, code);
  if (!result.compiled) throw new Error(result.compileProblem);
  return result;
}

const SEND_TEMPLATE = `
  User u = [SELECT Id FROM User WHERE LastName = 'Reader'];
  Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
  mail.setTargetObjectId(u.Id);
  mail.setTemplateId([SELECT Id FROM EmailTemplate WHERE DeveloperName = 'Weekly'].Id);
  mail.setSaveAsActivity(false);
  mail.setCcAddresses(new List<String>{ 'boss@example.com' });
  mail.setSenderDisplayName('Sales Ops');
  Messaging.sendEmail(new List<Messaging.Email>{ mail });`;

describe('the outbox of sent emails', () => {
  it('records a template email to a user, merged, with its recipients, sender and time', () => {
    const { org, userId } = freshOrg();
    const result = run(org, SEND_TEMPLATE);
    expect(result.success).toBe(true);
    const templateId = [...org.database.rows('EmailTemplate')][0].Id;
    const orgName = [...org.database.rows('Organization')][0].Name as string;
    expect(result.session.emails).toEqual([
      {
        targetObjectId: userId,
        recipientUserId: userId,
        toAddresses: ['rita@example.com'],
        ccAddresses: ['boss@example.com'],
        bccAddresses: [],
        subject: 'Week of Rita',
        plainTextBody: `Hello Rita at ${orgName}`,
        htmlBody: null,
        templateId,
        whatId: null,
        senderUserId: org.adminUserId,
        senderDisplayName: 'Sales Ops',
        replyTo: null,
        sentAt: '2026-11-16T09:30:00.000Z'
      }
    ]);
  });

  it('records an email to addresses with its own subject and bodies', () => {
    const { org } = freshOrg();
    const result = run(
      org,
      `Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
       mail.setToAddresses(new List<String>{ 'a@example.com', 'b@example.com' });
       mail.setSubject('Digest');
       mail.setPlainTextBody('Text');
       mail.setHtmlBody('<p>Html</p>');
       Messaging.sendEmail(new List<Messaging.Email>{ mail });`
    );
    expect(result.session.emails).toMatchObject([
      {
        targetObjectId: null,
        recipientUserId: null,
        toAddresses: ['a@example.com', 'b@example.com'],
        subject: 'Digest',
        plainTextBody: 'Text',
        htmlBody: '<p>Html</p>',
        templateId: null
      }
    ]);
  });

  it('records nothing of a refused all-or-nothing call, and only the valid emails of a partial one', () => {
    const { org } = freshOrg();
    const result = run(
      org,
      `Messaging.SingleEmailMessage good = new Messaging.SingleEmailMessage();
       good.setToAddresses(new List<String>{ 'a@example.com' });
       good.setPlainTextBody('Good');
       Messaging.SingleEmailMessage bad = new Messaging.SingleEmailMessage();
       bad.setPlainTextBody('No recipient');
       try {
         Messaging.sendEmail(new List<Messaging.Email>{ good, bad });
       } catch (EmailException e) {}
       Messaging.sendEmail(new List<Messaging.Email>{ bad, good }, false);`
    );
    expect(result.success).toBe(true);
    expect(result.session.emails.map((email) => email.plainTextBody)).toEqual(['Good']);
  });

  it('sends nothing when the transaction ends in an uncaught exception', () => {
    const { org } = freshOrg();
    const result = run(org, `${SEND_TEMPLATE}\n Integer i = 1 / 0;`);
    expect(result.success).toBe(false);
    expect(result.session.emails).toEqual([]);
  });

  it('refuses to save an email to a contact as an activity, which it cannot do offline', () => {
    const { org } = freshOrg();
    const result = run(
      org,
      `Contact c = new Contact(LastName = 'Lee', Email = 'lee@example.com');
       insert c;
       Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
       mail.setTargetObjectId(c.Id);
       mail.setPlainTextBody('Hi');
       Messaging.sendEmail(new List<Messaging.Email>{ mail });`
    );
    expect(result.exceptionMessage).toMatch(
      /^not supported offline: saving a sent email as an activity/
    );
  });

  it('sends to a contact target by its Email when it is not saved as an activity', () => {
    const { org } = freshOrg();
    const result = run(
      org,
      `Contact c = new Contact(LastName = 'Lee', Email = 'lee@example.com');
       insert c;
       Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
       mail.setTargetObjectId(c.Id);
       mail.setSaveAsActivity(false);
       mail.setPlainTextBody('Hi');
       Messaging.sendEmail(new List<Messaging.Email>{ mail });`
    );
    expect(result.session.emails).toMatchObject([
      { recipientUserId: null, toAddresses: ['lee@example.com'], plainTextBody: 'Hi' }
    ]);
  });

  it('drops the emails of an asynchronous job that fails, as its transaction is rolled back', () => {
    const { org } = freshOrg();
    const program = Program.fromSources(project.schema, [
      {
        file: 'classes/MailThenFail.cls',
        text: `public class MailThenFail implements Queueable {
          private Boolean fail;
          public MailThenFail(Boolean fail) { this.fail = fail; }
          public void execute(QueueableContext context) {
            Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
            mail.setToAddresses(new List<String>{ 'a@example.com' });
            mail.setPlainTextBody(fail ? 'failed' : 'kept');
            Messaging.sendEmail(new List<Messaging.Email>{ mail });
            if (fail) { Integer i = 1 / 0; }
          }
        }`
      }
    ]);
    const result = runAnonymousApex(
      org,
      'System.enqueueJob(new MailThenFail(true)); System.enqueueJob(new MailThenFail(false));',
      { program }
    );
    expect(result.success).toBe(true);
    expect(result.session.emails.map((email) => email.plainTextBody)).toEqual(['kept']);
  });
});
