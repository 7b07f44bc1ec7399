/**
 * Outbound email on a test org: Messaging.SingleEmailMessage, Messaging.sendEmail with its
 * results, errors and invocation limit, the org's EmailTemplate rows and
 * Messaging.renderStoredEmailTemplate with the merge fields of classic templates. The org holds
 * the suite's templates (`conformance/fixtures/email`): `Digest_Emails/Weekly_Hello` (text,
 * Receiving_User, Organization and User merge fields), `Digest_Emails/Account_Note` (html, Account
 * and Contact merge fields, a textOnly version) and `unfiled$public/Broken_Field` (text, an
 * unknown merge field, not available for use). Nothing is delivered (the runtime records sent
 * emails in its outbox; src/system/__tests__/email.test.ts reads it).
 */
import { onTestOrg } from '../conformanceCase';
import { DOCS } from '../docPages';

const SELLER = "User seller = [SELECT Id FROM User WHERE LastName = 'Seller'];";

function template(developerName: string): string {
  return `Id templateId = [SELECT Id FROM EmailTemplate WHERE DeveloperName = '${developerName}'].Id;`;
}

export const emailCases = onTestOrg([
  {
    name: 'a SingleEmailMessage gives back through its getters what its setters set',
    source: DOCS.singleEmailMessage,
    apex: `${SELLER}
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setTargetObjectId(seller.Id);
mail.setToAddresses(new List<String>{ 'a@example.com', 'b@example.com' });
mail.setSubject('Weekly digest');
mail.setPlainTextBody('Text');
mail.setHtmlBody('<p>Html</p>');
mail.setSenderDisplayName('Sales Ops');
System.debug(mail.getTargetObjectId() == seller.Id);
System.debug(mail.getToAddresses());
System.debug(mail.getSubject() + '|' + mail.getPlainTextBody() + '|' + mail.getHtmlBody());
System.debug(mail.getSenderDisplayName() + '|' + mail.getTemplateId() + '|' + mail.getWhatId());`,
    debug: [
      'true',
      '(a@example.com, b@example.com)',
      'Weekly digest|Text|<p>Html</p>',
      'Sales Ops|null|null'
    ]
  },
  {
    name: 'sendEmail to an address succeeds with no errors and counts one email invocation',
    source: DOCS.sendEmailResult,
    apex: `Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setToAddresses(new List<String>{ 'a@example.com' });
mail.setSubject('Hi');
mail.setPlainTextBody('Body');
List<Messaging.SendEmailResult> results = Messaging.sendEmail(new List<Messaging.Email>{ mail });
System.debug(results.size() + ' ' + results[0].isSuccess() + ' ' + results[0].getErrors().size());
System.debug(Limits.getEmailInvocations() + ' of ' + Limits.getLimitEmailInvocations());`,
    debug: ['1 true 0', '1 of 10']
  },
  {
    name: 'one sendEmail call with several emails counts as one email invocation',
    source: DOCS.limitsClass,
    apex: `List<Messaging.SingleEmailMessage> mails = new List<Messaging.SingleEmailMessage>();
for (Integer i = 0; i < 3; i++) {
  Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
  mail.setToAddresses(new List<String>{ 'a' + i + '@example.com' });
  mail.setPlainTextBody('Body ' + i);
  mails.add(mail);
}
System.debug(Messaging.sendEmail(mails).size());
System.debug(Limits.getEmailInvocations());`,
    debug: ['3', '1']
  },
  {
    name: 'the 11th sendEmail call of a transaction throws a LimitException no catch block sees',
    source: DOCS.governorLimits,
    apex: `Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setToAddresses(new List<String>{ 'a@example.com' });
mail.setPlainTextBody('Body');
try {
  for (Integer i = 0; i < 11; i++) Messaging.sendEmail(new List<Messaging.Email>{ mail });
} catch (Exception e) {
  System.debug('caught');
}`,
    error: 'System.LimitException: Too many Email Invocations: 11',
    line: 5
  },
  {
    name: 'an email with no recipient fails the whole call with an EmailException naming the row',
    source: DOCS.singleEmailMessage,
    apex: `Messaging.SingleEmailMessage good = new Messaging.SingleEmailMessage();
good.setToAddresses(new List<String>{ 'a@example.com' });
good.setPlainTextBody('Body');
Messaging.SingleEmailMessage noRecipient = new Messaging.SingleEmailMessage();
noRecipient.setPlainTextBody('Body');
try {
  Messaging.sendEmail(new List<Messaging.Email>{ good, noRecipient });
} catch (EmailException e) {
  System.debug(e.getMessage());
}`,
    debug: [
      'SendEmail failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING, Add a recipient to send an email.: []'
    ],
    note: 'The page requires a value in toAddresses, ccAddresses, bccAddresses or targetObjectId; the message and status code are those orgs return (the page does not word them).'
  },
  {
    name: 'with allOrNothing false the valid emails are sent and each result tells its own error',
    source: DOCS.messagingClass,
    apex: `Messaging.SingleEmailMessage good = new Messaging.SingleEmailMessage();
good.setToAddresses(new List<String>{ 'a@example.com' });
good.setPlainTextBody('Body');
Messaging.SingleEmailMessage noBody = new Messaging.SingleEmailMessage();
noBody.setToAddresses(new List<String>{ 'b@example.com' });
List<Messaging.SendEmailResult> results = Messaging.sendEmail(new List<Messaging.Email>{ good, noBody }, false);
System.debug(results[0].isSuccess() + ' ' + results[1].isSuccess());
Messaging.SendEmailError error = results[1].getErrors()[0];
System.debug(error.getStatusCode() + ': ' + error.getMessage());
System.debug(error.getStatusCode() == StatusCode.REQUIRED_FIELD_MISSING);`,
    debug: ['true false', 'REQUIRED_FIELD_MISSING: Email body is required.', 'true'],
    note: 'The message is the one orgs return for an email with neither a body nor a template (the page does not word it).'
  },
  {
    name: 'a targetObjectId that is not a User, Contact or Lead is refused',
    source: DOCS.singleEmailMessage,
    apex: `Account account = new Account(Name = 'Acme');
insert account;
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setTargetObjectId(account.Id);
mail.setPlainTextBody('Body');
mail.setSaveAsActivity(false);
Messaging.SendEmailResult result = Messaging.sendEmail(new List<Messaging.Email>{ mail }, false)[0];
System.debug(result.isSuccess() + ' ' + result.getErrors()[0].getStatusCode());
System.debug(result.getErrors()[0].getMessage() == 'Only User, Contact, Lead, or Person objects are allowed for targetObjectId: ' + account.Id + '.');`,
    debug: ['false INVALID_ID_FIELD', 'true'],
    note: 'setTargetObjectId takes "the ID of the contact, lead, or user"; the message is the one orgs return.'
  },
  {
    name: 'an email with a template and no targetObjectId is refused',
    source: DOCS.singleEmailMessage,
    apex: `${template('Weekly_Hello')}
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setTemplateId(templateId);
mail.setToAddresses(new List<String>{ 'a@example.com' });
try {
  Messaging.sendEmail(new List<Messaging.Email>{ mail });
} catch (EmailException e) {
  System.debug(e.getMessage());
}`,
    debug: [
      'SendEmail failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Missing targetObjectId with template: []'
    ],
    note: 'setTargetObjectId is "Required if using a template"; the message is the one orgs return.'
  },
  {
    name: 'an email to a user must not be saved as an activity (saveAsActivity defaults to true)',
    source: DOCS.emailBaseClass,
    apex: `${SELLER}
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setTargetObjectId(seller.Id);
mail.setPlainTextBody('Body');
Messaging.SendEmailResult result = Messaging.sendEmail(new List<Messaging.Email>{ mail }, false)[0];
System.debug(result.getErrors()[0].getStatusCode() + ': ' + result.getErrors()[0].getMessage());
mail.setSaveAsActivity(false);
System.debug(Messaging.sendEmail(new List<Messaging.Email>{ mail })[0].isSuccess());`,
    debug: [
      'INVALID_SAVE_AS_ACTIVITY_FLAG: saveAsActivity must be false when sending mail to users.',
      'true'
    ],
    note: 'The page gives true as the default of saveAsActivity; that a user target refuses it, and the message, are what orgs return.'
  },
  {
    name: 'an email to a user cannot name a whatId',
    source: DOCS.singleEmailMessage,
    apex: `${SELLER}
Account account = new Account(Name = 'Acme');
insert account;
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setTargetObjectId(seller.Id);
mail.setWhatId(account.Id);
mail.setSaveAsActivity(false);
mail.setPlainTextBody('Body');
Messaging.SendEmailResult result = Messaging.sendEmail(new List<Messaging.Email>{ mail }, false)[0];
System.debug(result.getErrors()[0].getStatusCode() + ': ' + result.getErrors()[0].getMessage());`,
    debug: ['INVALID_ID_FIELD: WhatId is not available for sending emails to UserIds.'],
    note: 'The page allows a whatId with a contact target ("If you specify a contact for the targetObjectId field, you can specify an optional whatId"); the message for a user target is the one orgs return.'
  },
  {
    name: 'a target that is not treated as a recipient leaves an email with no recipient',
    source: DOCS.singleEmailMessage,
    apex: `${SELLER}
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setTargetObjectId(seller.Id);
mail.setTreatTargetObjectAsRecipient(false);
mail.setSaveAsActivity(false);
mail.setPlainTextBody('Body');
System.debug(Messaging.sendEmail(new List<Messaging.Email>{ mail }, false)[0].getErrors()[0].getMessage());
mail.setToAddresses(new List<String>{ 'a@example.com' });
System.debug(Messaging.sendEmail(new List<Messaging.Email>{ mail }, false)[0].isSuccess());`,
    debug: ['Add a recipient to send an email.', 'true']
  },
  {
    name: "a text template's EmailTemplate row holds its metadata, its body and its folder",
    source: DOCS.emailTemplateObject,
    apex: `EmailTemplate t = [SELECT Name, DeveloperName, Subject, Body, HtmlValue, TemplateType, TemplateStyle, Encoding, IsActive, FolderName, FolderId FROM EmailTemplate WHERE DeveloperName = 'Weekly_Hello'];
System.debug(t.Name + '|' + t.TemplateType + '|' + t.TemplateStyle + '|' + t.Encoding + '|' + t.IsActive + '|' + t.HtmlValue);
System.debug(t.Subject);
System.debug(t.Body.startsWith('Dear {!Receiving_User.FirstName}'));
Folder folder = [SELECT Name, DeveloperName, Type FROM Folder WHERE Id = :t.FolderId];
System.debug(folder.Name + '|' + folder.DeveloperName + '|' + folder.Type + '|' + t.FolderName);`,
    debug: [
      'Weekly Hello|text|none|UTF-8|true|null',
      'Hello {!Receiving_User.FirstName} from {!Organization.Name}',
      'true',
      'Digest Emails|Digest_Emails|Email|Digest Emails'
    ]
  },
  {
    name: "an html template's row holds the HTML in HtmlValue and the text version in Body; an unfiled one lives in the org's folder",
    source: DOCS.emailTemplateObject,
    apex: `EmailTemplate t = [SELECT Body, HtmlValue, TemplateType, TemplateStyle FROM EmailTemplate WHERE DeveloperName = 'Account_Note'];
System.debug(t.TemplateType + '|' + t.TemplateStyle);
System.debug(t.HtmlValue);
System.debug(t.Body);
EmailTemplate unfiled = [SELECT FolderId, IsActive FROM EmailTemplate WHERE DeveloperName = 'Broken_Field'];
System.debug((unfiled.FolderId == UserInfo.getOrganizationId()) + ' ' + unfiled.IsActive);`,
    debug: [
      'html|freeForm',
      '<p>Account <b>{!Account.Name}</b> for {!Contact.FirstName}</p>',
      'Account {!Account.Name} for {!Contact.FirstName}',
      'true false'
    ],
    note: "Body of an html template is the metadata's textOnly; a template in unfiled$public has the org's Id as FolderId, as orgs show it (the Object Reference only says FolderId is the folder's ID)."
  },
  {
    name: 'renderStoredEmailTemplate fills the receiving user, the sending user and the organization',
    source: DOCS.messagingClass,
    apex: `${SELLER}
seller.FirstName = 'Sam';
update seller;
${template('Weekly_Hello')}
Messaging.SingleEmailMessage mail = Messaging.renderStoredEmailTemplate(templateId, seller.Id, null);
String orgName = [SELECT Name FROM Organization].Name;
String sender = [SELECT LastName FROM User WHERE Id = :UserInfo.getUserId()].LastName;
System.debug(mail.getSubject() == 'Hello Sam from ' + orgName);
System.debug(mail.getPlainTextBody() == 'Dear Sam Seller,\\nyour week at ' + orgName + '.\\nSent by ' + sender + '.');
System.debug(mail.getHtmlBody() + '|' + (mail.getTemplateId() == templateId));`,
    debug: ['true', 'true', 'null|true'],
    note: 'Receiving_User is the whoId user and User the sending (running) user, as classic templates define them; a text template has no HTML body.'
  },
  {
    name: "renderStoredEmailTemplate takes a non-person object's fields from the whatId and a contact's from the whoId",
    source: DOCS.renderEmailTemplateCall,
    apex: `Account account = new Account(Name = 'Smith & Sons');
insert account;
Contact contact = new Contact(FirstName = 'Ann', LastName = 'Lee', Email = 'ann@example.com', AccountId = account.Id);
insert contact;
${template('Account_Note')}
Messaging.SingleEmailMessage mail = Messaging.renderStoredEmailTemplate(templateId, contact.Id, account.Id);
System.debug(mail.getSubject());
System.debug(mail.getHtmlBody());
System.debug(mail.getPlainTextBody());`,
    debug: [
      'About Smith & Sons',
      '<p>Account <b>Smith &amp; Sons</b> for Ann</p>',
      'Account Smith & Sons for Ann'
    ],
    note: 'renderEmailTemplate() states the whoId/whatId split; escaping merged values in the HTML body is a choice the page leaves open.'
  },
  {
    name: 'a merge field whose record is not given renders blank',
    source: DOCS.renderEmailTemplateCall,
    apex: `${template('Account_Note')}
Messaging.SingleEmailMessage mail = Messaging.renderStoredEmailTemplate(templateId, null, null);
System.debug('[' + mail.getSubject() + ']');
System.debug('[' + mail.getPlainTextBody() + ']');`,
    debug: ['[About ]', '[Account  for ]'],
    note: 'A valid merge field with no record to read merges as blank, as orgs render it.'
  },
  {
    name: 'an unknown merge field makes renderStoredEmailTemplate fail',
    source: DOCS.renderEmailTemplateCall,
    apex: `${template('Broken_Field')}
Messaging.renderStoredEmailTemplate(templateId, null, null);`,
    error: 'System.EmailException: Invalid merge field: {!Contact.SNARF}',
    note: "The page makes an invalid merge field ({!Contact.SNARF}) an error of the body; the exception type and wording are the runtime's choice."
  },
  {
    name: "getTemplateName gives the name of the template an email's templateId names",
    source: DOCS.singleEmailMessage,
    apex: `${template('Weekly_Hello')}
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
System.debug(mail.getTemplateName());
mail.setTemplateId(templateId);
System.debug(mail.getTemplateName());`,
    debug: ['null', 'Weekly Hello']
  },
  {
    name: 'sendEmail with a template and a user target succeeds',
    source: DOCS.outboundEmail,
    apex: `${SELLER}
${template('Weekly_Hello')}
Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
mail.setTargetObjectId(seller.Id);
mail.setTemplateId(templateId);
mail.setSaveAsActivity(false);
System.debug(Messaging.sendEmail(new List<Messaging.SingleEmailMessage>{ mail })[0].isSuccess());`,
    debug: ['true']
  }
]);
