/**
 * Merge fields of classic (text, html, custom) email templates, as Messaging.sendEmail and
 * Messaging.renderStoredEmailTemplate fill them (Apex Reference, "Messaging Class",
 * https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_email_outbound_messaging.htm;
 * SOAP API Developer Guide, "renderEmailTemplate()",
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_renderemailtemplate.htm):
 *
 * - a field of a person object (Contact, Lead) and `Receiving_User` come from the whoId (the
 *   email's target), when it is a record of that object;
 * - a field of any other object comes from the whatId, when it is a record of that object
 *   ("If the merge field references a non-human object, it's replaced with the corresponding
 *   value of whatId");
 * - `{!User.Field}` is the sending (running) user and `{!Organization.Field}` the org, as classic
 *   templates define them;
 * - a field whose record was not given merges as blank;
 * - an unknown object or field is an error ("an invalid merge field ({!Contact.SNARF}) ... results
 *   in an error"), thrown here as a MergeFieldError.
 *
 * Choices where the pages are silent: values print as String.valueOf does (a Date as
 * yyyy-MM-dd, a Datetime in the running user's time zone); in an HTML body the value is
 * HTML-escaped; a reference over a relationship (`{!Opportunity.Account.Name}`) and a formula
 * merge (`{!IF(...)}`) are not supported offline.
 */
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import { toApexString } from '../stdlib/stringify';
import type { OrgSchema } from '../metadata/schema';
import type { StoredRow } from '../platform/dataSource';

/** A record the merge reads: its object's API name and its stored row. */
export interface MergeRecord {
  objectName: string;
  row: StoredRow;
}

export interface MergeContext {
  schema: OrgSchema;
  organization: StoredRow;
  sendingUser: StoredRow;
  /** The target (whoId) record: a User, Contact or Lead. */
  who?: MergeRecord;
  /** The whatId record. */
  what?: MergeRecord;
  /** The running user's time zone, for Datetime values. */
  timeZone: string;
}

export class MergeFieldError extends Error {
  constructor(readonly field: string) {
    super(`Invalid merge field: {!${field}}`);
  }
}

/** The person objects whose merge fields read the whoId. */
const PERSON_OBJECTS: ReadonlySet<string> = new Set(['contact', 'lead']);

const MERGE_FIELD = /\{!([^{}]*)\}/g;

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The object a merge field's prefix names and the record that supplies it (if any). */
function source(
  prefix: string,
  context: MergeContext
): { objectName: string; row: StoredRow | undefined } | undefined {
  const lower = prefix.toLowerCase();
  if (lower === 'receiving_user') {
    return {
      objectName: 'User',
      row: context.who?.objectName === 'User' ? context.who.row : undefined
    };
  }
  if (lower === 'user') return { objectName: 'User', row: context.sendingUser };
  if (lower === 'organization') return { objectName: 'Organization', row: context.organization };
  const object = context.schema.object(prefix);
  if (!object) return undefined;
  const record = PERSON_OBJECTS.has(object.name.toLowerCase()) ? context.who : context.what;
  return {
    objectName: object.name,
    row: record?.objectName === object.name ? record.row : undefined
  };
}

/** One merge field's value (`Receiving_User.FirstName`), as text. */
export function mergeFieldValue(reference: string, context: MergeContext): string {
  const parts = reference.trim().split('.');
  if (parts.length === 1 || parts.some((part) => !/^\w+$/.test(part))) {
    if (/^\w+\(/.test(reference.trim())) {
      throw new NotSupportedOfflineError(
        `formula merge fields in email templates ({!${reference}})`
      );
    }
    throw new MergeFieldError(reference);
  }
  if (parts.length > 2) {
    throw new NotSupportedOfflineError(
      `merge fields across relationships in email templates ({!${reference}})`
    );
  }
  const found = source(parts[0], context);
  if (!found) throw new MergeFieldError(reference);
  const field = context.schema.field(found.objectName, parts[1]);
  if (!field) throw new MergeFieldError(reference);
  const value = found.row?.[field.name];
  if (value === null || value === undefined) return '';
  return toApexString(value, context.timeZone);
}

/** A template text with every `{!Object.Field}` replaced (HTML-escaped when `html`). */
export function mergeTemplateText(text: string, context: MergeContext, html: boolean): string {
  return text.replace(MERGE_FIELD, (_match, reference: string) => {
    const value = mergeFieldValue(reference, context);
    return html ? escapeHtml(value) : value;
  });
}
