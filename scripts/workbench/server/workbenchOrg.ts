/**
 * The org the workbench serves: the Apex runtime's sample org (apex-runtime/) as an org that
 * imported the sample has it on the sample day (seller shares written, the nightly guidance
 * recalculation run), with the local store's changes applied. Everything a
 * user does runs the package's own Apex there: `@AuraEnabled` calls through the runtime, record
 * saves through its DML as the acting user (triggers, validation rules, formula fields,
 * roll-ups, field history and sharing as in the org), jobs through anonymous Apex. After each
 * transaction that commits, the store is written; one that fails leaves nothing behind.
 *
 * The workbench adds only what the platform itself provides: the record and object UI API,
 * sample users to act as, the notification bell, and an inbox for the emails the Apex sends
 * (nothing is delivered offline: each is kept for the user it was sent to).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAuraEnabled, type AuraResponse } from '../../../apex-runtime/src/aura/auraInvoke';
import { ExecutionContext } from '../../../apex-runtime/src/interpreter/executionContext';
import { Frame } from '../../../apex-runtime/src/interpreter/frame';
import { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter';
import type { Program } from '../../../apex-runtime/src/interpreter/program';
import type { ObjectDescribe } from '../../../apex-runtime/src/metadata/schema';
import { OrgSession } from '../../../apex-runtime/src/execution/orgSession';
import type { DmlError } from '../../../apex-runtime/src/execution/dmlTypes';
import type { StoredRow } from '../../../apex-runtime/src/platform/dataSource';
import {
  FieldValueError,
  valueFromJson,
  valueToJson
} from '../../../apex-runtime/src/platform/fieldValues';
import type { DatabaseSnapshot } from '../../../apex-runtime/src/platform/orgDatabase';
import {
  DEFAULT_TIME_ZONE,
  sampleOrg,
  type ApexOrg
} from '../../../apex-runtime/src/platform/orgs';
import { loadProgram } from '../../../apex-runtime/src/testing/loadProgram';
import {
  runAnonymousApex,
  type AnonymousResult
} from '../../../apex-runtime/src/testing/anonymousRun';
import { SObjectValue } from '../../../apex-runtime/src/values/sobject';
import { DEFAULT_DATA_DIR, type OrgRecord, type SampleUser } from '../../org/embeddedOrg';
import { describeObject, type WorkbenchObjectInfo } from './objectInfo';
import { translateObjectInfo } from './objectInfoTranslation';
import {
  LocalStore,
  MAX_STORED_EMAILS,
  sampleFingerprint,
  type WorkbenchEmail,
  type WorkbenchNotification
} from './store';

/** The language the package's labels are written in, and a user without one reads. */
export const DEFAULT_LANGUAGE = 'en_US';

/** A sample user the workbench can act as. */
export interface WorkbenchUser {
  id: string;
  key: string;
  name: string;
  title: string;
  role: SampleUser['role'];
  /**
   * The user's personas: the labels of the permission set groups assigned to them in the org
   * (Sales Seller, Sales Manager, Sales Leadership, Sales Strategy Admin), in assignment order.
   */
  personas: string[];
}

/** A save the org refused: the page errors and the errors of each field, as the UI API gives them. */
export class RecordSaveError extends Error {
  constructor(
    readonly pageErrors: { errorCode: string; message: string }[],
    readonly fieldErrors: Record<string, { errorCode: string; message: string }[]>
  ) {
    super(
      [
        ...pageErrors.map((error) => error.message),
        ...Object.entries(fieldErrors).flatMap(([field, errors]) =>
          errors.map((error) => `${field}: ${error.message}`)
        )
      ].join('; ')
    );
  }
}

export interface WorkbenchOrg {
  readonly org: ApexOrg;
  readonly program: Program;
  /** The sample day: the org's today. */
  readonly today: string;
  readonly users: readonly WorkbenchUser[];
  /**
   * The object's describe, in `language` (a LanguageLocaleKey) where the package translates it;
   * the default language's when left out.
   */
  describe(objectName: string, language?: string): WorkbenchObjectInfo | undefined;
  /** The user's language (User.LanguageLocaleKey, e.g. `da`): what labels are read in. */
  languageOf(userId: string): string;
  /** Every record of an object as the database holds it (formula fields computed), as JSON. */
  records(objectName: string): OrgRecord[];
  byId(recordId: string): OrgRecord | undefined;
  /** Whether the user may see the record, as sharing decides. */
  canSee(userId: string, recordId: string): boolean;
  /** The custom permissions the user holds (profile, permission sets and groups). */
  customPermissions(userId: string): string[];
  /** Calls an `@AuraEnabled` method as the user, as a component does. */
  callApex(
    userId: string,
    className: string,
    methodName: string,
    params: Record<string, unknown>
  ): AuraResponse;
  /** Updates fields of a record as the user's save in the UI would; throws RecordSaveError. */
  saveRecord(userId: string, recordId: string, fields: Record<string, unknown>): OrgRecord;
  /** Creates a record as the user's save in the UI would; throws RecordSaveError. */
  createRecord(userId: string, objectName: string, fields: Record<string, unknown>): OrgRecord;
  /** Runs anonymous Apex as the user (the Admin page's jobs); committed when it succeeds. */
  runApex(userId: string, source: string): AnonymousResult;
  /** The custom notifications sent to the user, newest first. */
  notificationsFor(userId: string): WorkbenchNotification[];
  /** Marks a notification read for the user; false when it is not theirs. */
  markNotificationRead(userId: string, notificationId: string): boolean;
  /** The emails sent to the user, newest first. */
  emailsFor(userId: string): WorkbenchEmail[];
  /** One email sent to the user; undefined when there is none of that id sent to them. */
  emailFor(userId: string, emailId: string): WorkbenchEmail | undefined;
  /**
   * The user's own Language and Locale (personal settings, "Language & Time Zone"), as
   * LanguageLocaleKey and LocaleSidKey; kept in the store like any change.
   */
  setLanguage(userId: string, settings: { language: string; locale: string }): void;
}

/**
 * What an org that imported the sample has run by the sample day: the seller shares the triggers
 * write on import (SellerSharingRecalculation, the objects' registered recalculation), and the
 * nightly guidance recalculation (GuidanceRecalculationBatch, scheduled).
 */
const IMPORTED_AND_NIGHTLY = [
  'Database.executeBatch(new SellerSharingRecalculation(), 200);',
  'Database.executeBatch(new GuidanceRecalculationBatch(), 200);'
].join('\n');

interface SampleUsersFile {
  users: SampleUser[];
}

/**
 * The labels of the permission set groups assigned to the user, read from the org's
 * PermissionSetAssignment rows as Setup lists them (a user's Permission Set Group Assignments).
 */
function personasOf(org: ApexOrg, userId: string): string[] {
  const labels: string[] = [];
  for (const assignment of org.database.rows('PermissionSetAssignment')) {
    if (assignment.AssigneeId !== userId || typeof assignment.PermissionSetGroupId !== 'string') {
      continue;
    }
    const group = org.database.row(assignment.PermissionSetGroupId);
    if (group && group.IsDeleted !== true) labels.push(String(group.MasterLabel));
  }
  return labels;
}

function sampleUsers(org: ApexOrg, dataDir: string): WorkbenchUser[] {
  const file = join(dataDir, 'sample-users.json');
  if (!existsSync(file)) throw new Error(`${file}: the sample users are missing`);
  const { users } = JSON.parse(readFileSync(file, 'utf8')) as SampleUsersFile;
  const rows = [...org.database.rows('User')];
  return users.map((user) => {
    const email = `${user.emailLocalPart}@example.com`.toLowerCase();
    const row = rows.find((candidate) => String(candidate.Email).toLowerCase() === email);
    if (!row) throw new Error(`${file}: the sample user ${user.key} is not in the org`);
    return {
      id: String(row.Id),
      key: user.key,
      name: String(row.Name),
      title: user.title,
      role: user.role,
      personas: personasOf(org, String(row.Id))
    };
  });
}

/** A stored row as JSON, formula fields computed: what the UI API and the tests read. */
function recordJson(org: ApexOrg, object: ObjectDescribe, row: StoredRow): OrgRecord {
  const record: OrgRecord = { Id: String(row.Id), attributes: { type: object.name } };
  for (const field of object.fields) {
    const value =
      field.formula !== undefined ? org.database.read(object.name, row, field) : row[field.name];
    if (value !== undefined && value !== null) record[field.name] = valueToJson(value);
  }
  return record;
}

function saveErrors(errors: readonly DmlError[]): RecordSaveError {
  const pageErrors: { errorCode: string; message: string }[] = [];
  const fieldErrors: Record<string, { errorCode: string; message: string }[]> = {};
  for (const error of errors) {
    const entry = { errorCode: error.statusCode, message: error.message };
    if (error.fields.length === 0) pageErrors.push(entry);
    for (const field of error.fields) (fieldErrors[field] ??= []).push(entry);
  }
  return new RecordSaveError(pageErrors, fieldErrors);
}

/** The sample org as the workbench left it: the pristine sample, then the store's changes. */
export interface WorkbenchState {
  org: ApexOrg;
  program: Program;
  /** The prepared sample, before any change a user made. */
  pristine: DatabaseSnapshot;
  /** Its fingerprint, which the store records. */
  sample: string;
  notifications: WorkbenchNotification[];
  emails: WorkbenchEmail[];
}

export interface WorkbenchOptions {
  /** Where the users' changes are kept; none, the pristine sample. */
  store?: LocalStore;
  dataDir?: string;
  /** The package source (force-app/main/default by default): a copy to try a change offline. */
  sourceDir?: string;
  /** The program to run (the project's by default); tests pass one with extra triggers. */
  program?: Program;
}

/** The prepared sample org, by sample and program: each open forks it. */
const prepared = new Map<string, WeakMap<Program, ApexOrg>>();

function pristineSample(
  dataDir: string,
  sourceDir: string | undefined,
  program: Program | undefined
): { org: ApexOrg; program: Program } {
  const key = `${dataDir}\u0000${sourceDir ?? ''}`;
  let byProgram = prepared.get(key);
  if (!byProgram) {
    byProgram = new WeakMap();
    prepared.set(key, byProgram);
  }
  const base = sampleOrg({ dataDir, sourceDir });
  const chosen = program ?? loadProgram(base.project);
  let org = byProgram.get(chosen);
  if (!org) {
    const run = runAnonymousApex(base, IMPORTED_AND_NIGHTLY, { program: chosen });
    if (!run.success) {
      throw new Error(`Preparing the sample org failed: ${run.exceptionMessage ?? ''}`);
    }
    org = base;
    byProgram.set(chosen, org);
  }
  return { org: org.fork(), program: chosen };
}

export function loadWorkbenchState(options: WorkbenchOptions): WorkbenchState {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const { org, program } = pristineSample(dataDir, options.sourceDir, options.program);
  const pristine = org.database.snapshot();
  const sample = sampleFingerprint(dataDir, org.database.changesSince(pristine).counters);
  const saved = options.store?.read(org.project.schema, sample);
  if (saved) org.database.applyChanges(saved.changes);
  return {
    org,
    program,
    pristine,
    sample,
    notifications: saved?.notifications ?? [],
    emails: saved?.emails ?? []
  };
}

export function openWorkbenchOrg(options: WorkbenchOptions): WorkbenchOrg {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const { org, program, pristine, sample, notifications, emails } = loadWorkbenchState(options);
  const database = org.database;
  const schema = org.project.schema;
  const users = sampleUsers(org, dataDir);
  const today = database.now().wall(DEFAULT_TIME_ZONE).date.toIsoString();

  const describes = new Map<string, WorkbenchObjectInfo | undefined>();
  const describe = (objectName: string, language?: string): WorkbenchObjectInfo | undefined => {
    const key = `${objectName}:${language ?? ''}`;
    if (!describes.has(key)) {
      const own = language
        ? describe(objectName)
        : describeObject(objectName, join(org.project.sourceDir, 'objects'), schema);
      describes.set(
        key,
        own && language
          ? translateObjectInfo(own, org.project.translations.object(language, own.apiName))
          : own
      );
    }
    return describes.get(key);
  };

  /** The number of the last email kept: ids stay unique after the oldest are dropped. */
  let lastEmail = Math.max(0, ...emails.map((email) => Number(email.id.split('-')[1]) || 0));

  const writeStore = (): void => {
    options.store?.write({
      sample,
      changes: database.changesSince(pristine),
      notifications,
      emails
    });
  };

  /** After a transaction commits: its notifications and emails delivered, the store written. */
  const commit = (session: OrgSession | undefined): void => {
    for (const sent of session?.notifications ?? []) {
      notifications.push({
        id: `notification-${notifications.length + 1}`,
        title: sent.title,
        body: sent.body,
        targetId: sent.targetId,
        recipients: sent.recipients,
        sentAt: database.now().toIsoString(),
        readBy: []
      });
    }
    // An email to addresses alone has no user to read it here; an email to a user is theirs.
    for (const sent of session?.emails ?? []) {
      if (!sent.recipientUserId) continue;
      lastEmail += 1;
      emails.push({
        id: `email-${lastEmail}`,
        recipientUserId: sent.recipientUserId,
        senderUserId: sent.senderUserId,
        subject: sent.subject ?? '',
        htmlBody: sent.htmlBody,
        plainTextBody: sent.plainTextBody,
        sentAt: sent.sentAt
      });
    }
    emails.splice(0, Math.max(0, emails.length - MAX_STORED_EMAILS));
    database.flattenSince(pristine);
    writeStore();
  };

  const byId = (recordId: string): OrgRecord | undefined => {
    const row = database.row(recordId);
    const object = database.objectOfId(recordId);
    if (!row || !object || row.IsDeleted === true) return undefined;
    return recordJson(org, object, row);
  };

  /** Runs one DML statement as the user, in user mode with sharing, as a UI API save does. */
  const save = (
    userId: string,
    operation: 'insert' | 'update',
    object: ObjectDescribe,
    fields: Record<string, unknown>,
    recordId?: string
  ): OrgRecord => {
    const record = new SObjectValue(object);
    const fieldErrors: Record<string, { errorCode: string; message: string }[]> = {};
    for (const [name, json] of Object.entries(fields)) {
      const field = schema.field(object.name, name);
      if (!field) {
        fieldErrors[name] = [
          {
            errorCode: 'INVALID_FIELD',
            message: `No such column '${name}' on entity '${object.name}'`
          }
        ];
        continue;
      }
      try {
        record.set(field.name, valueFromJson(field, json === '' ? null : json, field.name));
      } catch (error) {
        if (!(error instanceof FieldValueError)) throw error;
        fieldErrors[field.name] = [
          {
            errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
            message: `value not of required type: ${JSON.stringify(json)}`
          }
        ];
      }
    }
    if (Object.keys(fieldErrors).length > 0) throw new RecordSaveError([], fieldErrors);
    if (recordId) record.set('Id', recordId);
    const interpreter = new Interpreter(program);
    const session = new OrgSession(interpreter, org, { inTest: false });
    const ctx = new ExecutionContext(interpreter, session, session.runningUser(userId));
    session.attach(ctx);
    const frame = new Frame(ctx, null, null, null, true, 0, {
      where: `UiApi.${operation}`,
      file: 'UiApi',
      line: 0,
      column: 0
    });
    const before = database.snapshot();
    try {
      const [result] = session.runDml(frame, {
        operation,
        records: [record],
        allOrNone: true,
        accessLevel: 'USER_MODE',
        withSharing: true
      });
      if (!result.success) throw saveErrors(result.errors);
      session.runQueuedJobs(frame);
      commit(session);
      return byId(String(result.id ?? recordId)) as OrgRecord;
    } catch (error) {
      database.restore(before);
      throw error;
    }
  };

  const objectNamed = (objectName: string): ObjectDescribe => {
    const object = schema.object(objectName);
    if (!object) {
      throw new RecordSaveError(
        [{ errorCode: 'NOT_FOUND', message: `The object ${objectName} does not exist` }],
        {}
      );
    }
    return object;
  };

  return {
    org,
    program,
    today,
    users,
    describe,
    languageOf: (userId) => {
      const language = database.row(userId)?.LanguageLocaleKey;
      return typeof language === 'string' ? language : DEFAULT_LANGUAGE;
    },
    records: (objectName) => {
      const object = schema.object(objectName);
      if (!object) return [];
      return [...database.rows(object.name)].map((row) => recordJson(org, object, row));
    },
    byId,
    canSee: (userId, recordId) => {
      const row = database.row(recordId);
      const object = database.objectOfId(recordId);
      if (!row || !object || row.IsDeleted === true) return false;
      return (
        org.userAccess(userId).canRead(object.name) &&
        org.recordAccess(userId).canRead(object.name, row)
      );
    },
    customPermissions: (userId) => {
      const access = org.userAccess(userId);
      return org.project.customPermissions
        .map((permission) => permission.name)
        .filter((name) => access.hasCustomPermission(name))
        .sort();
    },
    callApex: (userId, className, methodName, params) => {
      const response = invokeAuraEnabled(org, { className, methodName, params, userId }, program);
      if (response.ok) commit(response.session);
      return response;
    },
    saveRecord: (userId, recordId, fields) => {
      const object = database.objectOfId(recordId);
      if (!object || !database.row(recordId)) {
        throw new RecordSaveError(
          [{ errorCode: 'NOT_FOUND', message: `No record ${recordId}` }],
          {}
        );
      }
      return save(userId, 'update', object, fields, recordId);
    },
    createRecord: (userId, objectName, fields) =>
      save(userId, 'insert', objectNamed(objectName), fields),
    runApex: (userId, source) => {
      const result = runAnonymousApex(org, source, { userId, program });
      if (result.success) commit(result.session);
      return result;
    },
    notificationsFor: (userId) =>
      notifications.filter((notification) => notification.recipients.includes(userId)).reverse(),
    markNotificationRead: (userId, notificationId) => {
      const notification = notifications.find(
        (candidate) => candidate.id === notificationId && candidate.recipients.includes(userId)
      );
      if (!notification) return false;
      if (!notification.readBy.includes(userId)) {
        notification.readBy.push(userId);
        writeStore();
      }
      return true;
    },
    emailsFor: (userId) => emails.filter((email) => email.recipientUserId === userId).reverse(),
    emailFor: (userId, emailId) =>
      emails.find((email) => email.id === emailId && email.recipientUserId === userId),
    setLanguage: (userId, settings) => {
      database.update(userId, {
        LanguageLocaleKey: settings.language,
        LocaleSidKey: settings.locale
      });
      commit(undefined);
    }
  };
}
