/**
 * The Messaging namespace: outbound email (below; Apex Reference, "Messaging Class"
 * https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_email_outbound_messaging.htm,
 * "SingleEmailMessage Class" .../apex_classes_email_outbound_single.htm, "SendEmailResult Class"
 * .../apex_classes_email_outbound_sendemailresult.htm; Apex Developer Guide, "Outbound Email"
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_forcecom_email_outbound.htm)
 * and Messaging.CustomNotification (Apex Reference, "CustomNotification Class"): send() records the
 * notification in the session (tests and the workbench read them) after the checks the platform
 * makes: the notification type must exist, title and body are required, at most 500 recipients.
 */
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, ApexSet } from '../values/collections';
import { defineNative, NativeObject, statusCodeOf } from '../interpreter/nativeTypes';
import { nullPointer } from '../interpreter/operators';
import { sessionOf } from '../execution/session';
import type { OrgSession, SentEmail } from '../execution/orgSession';
import type { Frame } from '../interpreter/frame';
import type { StoredRow } from '../platform/dataSource';
import { typeNamed } from '../values/typeRef';
import {
  MergeFieldError,
  mergeTemplateText,
  type MergeContext,
  type MergeRecord
} from './emailMerge';

class CustomNotification extends NativeObject {
  readonly apexType = 'Messaging.CustomNotification';
  typeId: string | null = null;
  title: string | null = null;
  body: string | null = null;
  targetId: string | null = null;
  targetPageRef: string | null = null;
}

const MAX_RECIPIENTS = 500;

function notificationError(message: string): ApexRuntimeError {
  return new ApexRuntimeError('System.CustomNotificationException', message);
}

defineNative({
  name: 'Messaging.CustomNotification',
  construct: () => new CustomNotification(),
  methods: {
    setnotificationtypeid: (_frame, self: CustomNotification, args) => {
      self.typeId = args[0] as string | null;
      return null;
    },
    settitle: (_frame, self: CustomNotification, args) => {
      self.title = args[0] as string | null;
      return null;
    },
    setbody: (_frame, self: CustomNotification, args) => {
      self.body = args[0] as string | null;
      return null;
    },
    settargetid: (_frame, self: CustomNotification, args) => {
      self.targetId = args[0] as string | null;
      return null;
    },
    settargetpageref: (_frame, self: CustomNotification, args) => {
      self.targetPageRef = args[0] as string | null;
      return null;
    },
    setsenderid: () => {
      throw new NotSupportedOfflineError('CustomNotification.setSenderId');
    },
    send: (frame, self: CustomNotification, args) => {
      const recipients = args[0];
      if (!(recipients instanceof ApexSet || recipients instanceof ApexList)) throw nullPointer();
      const ids = (recipients instanceof ApexSet ? recipients.values() : recipients.items).map(
        String
      );
      const session = sessionOf(frame);
      const type = self.typeId ? session.database.row(self.typeId) : undefined;
      if (
        !type ||
        session.database.objectOfId(String(type.Id))?.name !== 'CustomNotificationType'
      ) {
        throw notificationError('Invalid notification type id');
      }
      if (!self.title || !self.body)
        throw notificationError('The notification title and body are required');
      if (!self.targetId && !self.targetPageRef)
        throw notificationError('The notification needs a target');
      if (ids.length === 0 || ids.length > MAX_RECIPIENTS) {
        throw notificationError(`A notification goes to 1 to ${MAX_RECIPIENTS} recipients`);
      }
      session.notifications.push({
        typeId: String(type.Id),
        title: self.title,
        body: self.body,
        targetId: self.targetId,
        recipients: ids
      });
      return null;
    }
  }
});

// ---- email -------------------------------------------------------------------------------
//
// Messaging.SingleEmailMessage, Messaging.sendEmail and Messaging.renderStoredEmailTemplate
// (Apex Reference, "SingleEmailMessage Class", "Messaging Class", "SendEmailResult Class";
// Apex Developer Guide, "Outbound Email"). Nothing is delivered: a sent email is recorded in the
// session's outbox (OrgSession.emails), which Jest tests and the workbench read; in Apex tests
// the platform delivers nothing either. The email-invocations limit (10 sendEmail calls per
// transaction, "Execution Governors and Limits") counts every call.

/** One property of an email per setter/getter pair ("each property has corresponding setter and getter methods"). */
export class SingleEmailMessage extends NativeObject {
  readonly apexType = 'Messaging.SingleEmailMessage';
  targetObjectId: string | null = null;
  toAddresses: string[] | null = null;
  ccAddresses: string[] | null = null;
  bccAddresses: string[] | null = null;
  subject: string | null = null;
  plainTextBody: string | null = null;
  htmlBody: string | null = null;
  templateId: string | null = null;
  whatId: string | null = null;
  /** "Optional. The default value is true" (Email Class, setSaveAsActivity). */
  saveAsActivity = true;
  /** "Optional. The default value is true" (SingleEmailMessage, setTreatTargetObjectAsRecipient). */
  treatTargetObjectAsRecipient = true;
  senderDisplayName: string | null = null;
  replyTo: string | null = null;
  useSignature = true;
}

interface EmailError {
  statusCode: string;
  message: string;
  targetObjectId: string | null;
}

class SendEmailError extends NativeObject {
  readonly apexType = 'Messaging.SendEmailError';
  constructor(readonly error: EmailError) {
    super();
  }
}

class SendEmailResult extends NativeObject {
  readonly apexType = 'Messaging.SendEmailResult';
  constructor(readonly errors: readonly EmailError[]) {
    super();
  }
}

function stringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function stringsOrNull(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (value instanceof ApexList) return value.items.map((item) => String(item));
  throw nullPointer();
}

function listOrNull(frame: Frame, values: string[] | null): ApexList | null {
  return values === null ? null : frame.ctx.newStringList(values);
}

const setters: Record<string, (self: SingleEmailMessage, value: unknown) => void> = {
  settargetobjectid: (self, value) => (self.targetObjectId = stringOrNull(value)),
  settoaddresses: (self, value) => (self.toAddresses = stringsOrNull(value)),
  setccaddresses: (self, value) => (self.ccAddresses = stringsOrNull(value)),
  setbccaddresses: (self, value) => (self.bccAddresses = stringsOrNull(value)),
  setsubject: (self, value) => (self.subject = stringOrNull(value)),
  setplaintextbody: (self, value) => (self.plainTextBody = stringOrNull(value)),
  sethtmlbody: (self, value) => (self.htmlBody = stringOrNull(value)),
  settemplateid: (self, value) => (self.templateId = stringOrNull(value)),
  setwhatid: (self, value) => (self.whatId = stringOrNull(value)),
  setsaveasactivity: (self, value) => (self.saveAsActivity = value === true),
  settreattargetobjectasrecipient: (self, value) =>
    (self.treatTargetObjectAsRecipient = value === true),
  setsenderdisplayname: (self, value) => (self.senderDisplayName = stringOrNull(value)),
  setreplyto: (self, value) => (self.replyTo = stringOrNull(value)),
  setusesignature: (self, value) => (self.useSignature = value === true)
};

const getters: Record<string, (frame: Frame, self: SingleEmailMessage) => unknown> = {
  gettargetobjectid: (_frame, self) => self.targetObjectId,
  gettoaddresses: (frame, self) => listOrNull(frame, self.toAddresses),
  getccaddresses: (frame, self) => listOrNull(frame, self.ccAddresses),
  getbccaddresses: (frame, self) => listOrNull(frame, self.bccAddresses),
  getsubject: (_frame, self) => self.subject,
  getplaintextbody: (_frame, self) => self.plainTextBody,
  gethtmlbody: (_frame, self) => self.htmlBody,
  gettemplateid: (_frame, self) => self.templateId,
  getwhatid: (_frame, self) => self.whatId,
  getsaveasactivity: (_frame, self) => self.saveAsActivity,
  gettreattargetobjectasrecipient: (_frame, self) => self.treatTargetObjectAsRecipient,
  getsenderdisplayname: (_frame, self) => self.senderDisplayName,
  getreplyto: (_frame, self) => self.replyTo,
  getusesignature: (_frame, self) => self.useSignature,
  gettemplatename: (frame, self) => {
    if (!self.templateId) return null;
    const row = sessionOf(frame).database.row(self.templateId);
    return typeof row?.Name === 'string' ? row.Name : null;
  }
};

defineNative({
  name: 'Messaging.Email',
  isInstance: (value) => value instanceof SingleEmailMessage
});

defineNative({
  name: 'Messaging.SingleEmailMessage',
  superTypes: ['Messaging.Email'],
  construct: () => new SingleEmailMessage(),
  methods: {
    ...Object.fromEntries(
      Object.entries(setters).map(([name, set]) => [
        name,
        (_frame: Frame, self: SingleEmailMessage, args: unknown[]) => {
          set(self, args[0]);
          return null;
        }
      ])
    ),
    ...getters
  }
});

defineNative({
  name: 'Messaging.SendEmailResult',
  methods: {
    issuccess: (_frame, self: SendEmailResult) => self.errors.length === 0,
    geterrors: (_frame, self: SendEmailResult) =>
      new ApexList(
        typeNamed('Messaging.SendEmailError'),
        self.errors.map((error) => new SendEmailError(error))
      )
  }
});

defineNative({
  name: 'Messaging.SendEmailError',
  methods: {
    getmessage: (_frame, self: SendEmailError) => self.error.message,
    getstatuscode: (_frame, self: SendEmailError) => statusCodeOf(self.error.statusCode),
    getfields: (frame) => frame.ctx.newStringList([]),
    gettargetobjectid: (_frame, self: SendEmailError) => self.error.targetObjectId
  }
});

/** The objects an email's target (and a template's whoId) may be (SingleEmailMessage, setTargetObjectId). */
const TARGET_OBJECTS: ReadonlySet<string> = new Set(['User', 'Contact', 'Lead']);

class EmailRejected extends Error {
  constructor(
    readonly statusCode: string,
    message: string
  ) {
    super(message);
  }
}

interface Rendered {
  subject: string | null;
  plainTextBody: string | null;
  htmlBody: string | null;
}

function emailException(message: string): ApexRuntimeError {
  return new ApexRuntimeError('System.EmailException', message);
}

/** A record's object and row, or undefined for an Id the org does not hold. */
function recordOf(session: OrgSession, id: string | null): MergeRecord | undefined {
  if (!id) return undefined;
  const row = session.database.row(id);
  const object = session.database.objectOfId(id);
  if (!row || !object || row.IsDeleted === true) return undefined;
  return { objectName: object.name, row };
}

/** The EmailTemplate row of an Id, or undefined. */
function templateRow(session: OrgSession, id: string): StoredRow | undefined {
  const record = recordOf(session, id);
  return record?.objectName === 'EmailTemplate' ? record.row : undefined;
}

/** A template's subject and bodies with their merge fields filled (system/emailMerge.ts). */
function renderTemplate(
  frame: Frame,
  template: StoredRow,
  who: MergeRecord | undefined,
  what: MergeRecord | undefined
): Rendered {
  const session = sessionOf(frame);
  const context: MergeContext = {
    schema: session.org.project.schema,
    organization: [...session.database.rows('Organization')][0] ?? {},
    sendingUser: session.database.row(frame.ctx.user.id) ?? {},
    who,
    what,
    timeZone: frame.ctx.user.timeZone
  };
  const merge = (value: unknown, html: boolean): string | null => {
    if (typeof value !== 'string') return null;
    try {
      return mergeTemplateText(value, context, html);
    } catch (error) {
      if (error instanceof MergeFieldError) throw emailException(error.message);
      throw error;
    }
  };
  return {
    subject: merge(template.Subject, false),
    plainTextBody: merge(template.Body, false),
    htmlBody: merge(template.HtmlValue, true)
  };
}

/**
 * What sendEmail checks before it accepts an email, in this order, with the platform's status
 * codes and messages; the outbox entry of an accepted one. The pages state the rules (a recipient
 * in toAddresses, ccAddresses, bccAddresses or targetObjectId; a target that is a contact, lead or
 * user; a targetObjectId when a template is used) but not the wording: the messages are those orgs
 * return, except the unknown templateId's, which is the runtime's. The order of the checks when
 * several fail is a choice. A template's subject and bodies replace the email's own (the template
 * is "used to create the email").
 */
function prepare(frame: Frame, email: SingleEmailMessage): SentEmail {
  const session = sessionOf(frame);
  const template = email.templateId ? templateRow(session, email.templateId) : undefined;
  if (email.templateId && !template) {
    throw new EmailRejected('INVALID_ID_FIELD', `Invalid templateId: ${email.templateId}`);
  }
  const target = recordOf(session, email.targetObjectId);
  if (email.targetObjectId && (!target || !TARGET_OBJECTS.has(target.objectName))) {
    throw new EmailRejected(
      'INVALID_ID_FIELD',
      `Only User, Contact, Lead, or Person objects are allowed for targetObjectId: ${email.targetObjectId}.`
    );
  }
  if (template && !target) {
    throw new EmailRejected('REQUIRED_FIELD_MISSING', 'Missing targetObjectId with template');
  }
  const targetIsRecipient = target !== undefined && email.treatTargetObjectAsRecipient;
  const addresses = [
    ...(email.toAddresses ?? []),
    ...(email.ccAddresses ?? []),
    ...(email.bccAddresses ?? [])
  ];
  if (!targetIsRecipient && addresses.length === 0) {
    throw new EmailRejected('REQUIRED_FIELD_MISSING', 'Add a recipient to send an email.');
  }
  if (!template && !email.plainTextBody && !email.htmlBody) {
    throw new EmailRejected('REQUIRED_FIELD_MISSING', 'Email body is required.');
  }
  if (target?.objectName === 'User' && email.whatId) {
    throw new EmailRejected(
      'INVALID_ID_FIELD',
      'WhatId is not available for sending emails to UserIds.'
    );
  }
  if (target?.objectName === 'User' && email.saveAsActivity) {
    throw new EmailRejected(
      'INVALID_SAVE_AS_ACTIVITY_FLAG',
      'saveAsActivity must be false when sending mail to users.'
    );
  }
  if (target && email.saveAsActivity) {
    throw new NotSupportedOfflineError(
      'saving a sent email as an activity (setSaveAsActivity(true) with a Contact or Lead target)'
    );
  }
  const rendered: Rendered = template
    ? renderTemplate(frame, template, target, recordOf(session, email.whatId))
    : { subject: email.subject, plainTextBody: email.plainTextBody, htmlBody: email.htmlBody };
  const targetEmail = targetIsRecipient ? target.row.Email : undefined;
  return {
    targetObjectId: target ? String(target.row.Id) : null,
    recipientUserId:
      targetIsRecipient && target.objectName === 'User' ? String(target.row.Id) : null,
    toAddresses: [
      ...(typeof targetEmail === 'string' ? [targetEmail] : []),
      ...(email.toAddresses ?? [])
    ],
    ccAddresses: [...(email.ccAddresses ?? [])],
    bccAddresses: [...(email.bccAddresses ?? [])],
    subject: rendered.subject,
    plainTextBody: rendered.plainTextBody,
    htmlBody: rendered.htmlBody,
    templateId: template ? String(template.Id) : null,
    whatId: email.whatId,
    senderUserId: frame.ctx.user.id,
    senderDisplayName: email.senderDisplayName,
    replyTo: email.replyTo,
    sentAt: session.now().toIsoString()
  };
}

defineNative({
  name: 'Messaging',
  statics: {
    /**
     * sendEmail(emails[, allOrNothing]): allOrNothing (default true) refuses every email when
     * one fails, with an EmailException naming the first failing row, as a DML statement names
     * it; with false, the valid emails are sent and each result tells its own outcome.
     */
    sendemail: (frame, args) => {
      const [emails, allOrNothingArg] = args;
      frame.ctx.limits.count('emailInvocations');
      if (!(emails instanceof ApexList)) throw nullPointer();
      const allOrNothing = allOrNothingArg === undefined ? true : allOrNothingArg === true;
      const outcomes = emails.items.map((item): SentEmail | EmailError => {
        if (item === null) throw nullPointer();
        if (!(item instanceof SingleEmailMessage)) {
          throw new NotSupportedOfflineError('Messaging.MassEmailMessage');
        }
        try {
          return prepare(frame, item);
        } catch (error) {
          if (!(error instanceof EmailRejected)) throw error;
          return {
            statusCode: error.statusCode,
            message: error.message,
            targetObjectId: item.targetObjectId
          };
        }
      });
      const isError = (outcome: SentEmail | EmailError): outcome is EmailError =>
        'statusCode' in outcome;
      const firstError = outcomes.findIndex(isError);
      if (allOrNothing && firstError >= 0) {
        const error = outcomes[firstError] as EmailError;
        throw emailException(
          `SendEmail failed. First exception on row ${firstError}; first error: ${error.statusCode}, ${error.message}: []`
        );
      }
      const session = sessionOf(frame);
      for (const outcome of outcomes) if (!isError(outcome)) session.emails.push(outcome);
      return new ApexList(
        typeNamed('Messaging.SendEmailResult'),
        outcomes.map((outcome) => new SendEmailResult(isError(outcome) ? [outcome] : []))
      );
    },
    /**
     * renderStoredEmailTemplate(templateId, whoId, whatId): the template's subject and bodies
     * with their merge fields filled, in a SingleEmailMessage (not sent).
     */
    renderstoredemailtemplate: (frame, args) => {
      if (args.length > 3) {
        throw new NotSupportedOfflineError(
          'Messaging.renderStoredEmailTemplate with an attachment retrieval option'
        );
      }
      const [templateId, whoId, whatId] = args.map(stringOrNull);
      const session = sessionOf(frame);
      const template = templateId ? templateRow(session, templateId) : undefined;
      if (!template) throw emailException(`Invalid templateId: ${templateId ?? 'null'}`);
      const who = recordOf(session, whoId);
      if (whoId && (!who || !TARGET_OBJECTS.has(who.objectName))) {
        throw emailException(`Invalid whoId: ${whoId}`);
      }
      const what = recordOf(session, whatId);
      if (whatId && (!what || TARGET_OBJECTS.has(what.objectName))) {
        throw emailException(`Invalid whatId: ${whatId}`);
      }
      const rendered = renderTemplate(frame, template, who, what);
      const email = new SingleEmailMessage();
      email.templateId = String(template.Id);
      email.targetObjectId = whoId;
      email.whatId = whatId;
      email.subject = rendered.subject;
      email.plainTextBody = rendered.plainTextBody;
      email.htmlBody = rendered.htmlBody;
      return email;
    }
  }
});
