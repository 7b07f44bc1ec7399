/**
 * Turns any error a Lightning component can receive into readable messages.
 *
 * The platform hands components errors in several shapes, and losing one silently would hide
 * why a save failed, so every shape is handled and an unknown one still yields its status text
 * or a generic message rather than nothing:
 * - UI API read errors: `{ body: [{ message }] }`
 * - UI API DML errors (Lightning Data Service saves): `{ body: { output: { errors, fieldErrors } } }`
 * - Apex errors (AuraHandledException, uncaught exceptions): `{ body: { message } }`
 * - Apex DML errors: `{ body: { pageErrors: [{ message }], fieldErrors: { Field: [{ message }] } } }`
 * - JavaScript errors (`Error`) and plain strings.
 * Field errors keep the field's API name in front of the message, so a user knows what to fix.
 */

interface MessageEntry {
  message?: unknown;
}

type FieldErrors = Record<string, MessageEntry[] | undefined>;

interface ErrorBody {
  message?: unknown;
  pageErrors?: MessageEntry[];
  fieldErrors?: FieldErrors;
  output?: { errors?: MessageEntry[]; fieldErrors?: FieldErrors };
}

export interface PlatformError {
  body?: ErrorBody | MessageEntry[] | null;
  message?: unknown;
  statusText?: unknown;
}

/** What a component may be handed: one error, a list of them, or nothing. */
export type ErrorInput = PlatformError | Error | string | null | undefined;

/** The message used when an error carries no text at all. */
export const UNKNOWN_ERROR = 'Unknown error';

function textOf(entry: MessageEntry | undefined): string[] {
  return entry && typeof entry.message === 'string' && entry.message ? [entry.message] : [];
}

function fieldMessages(fieldErrors: FieldErrors | undefined): string[] {
  if (!fieldErrors) {
    return [];
  }
  return Object.entries(fieldErrors).flatMap(([field, entries]) =>
    (entries ?? []).flatMap(textOf).map((message) => `${field}: ${message}`)
  );
}

function messagesOfBody(body: ErrorBody): string[] {
  const fromDml = [
    ...(body.pageErrors ?? []).flatMap(textOf),
    ...fieldMessages(body.fieldErrors),
    ...(body.output?.errors ?? []).flatMap(textOf),
    ...fieldMessages(body.output?.fieldErrors)
  ];
  if (fromDml.length > 0) {
    return fromDml;
  }
  return typeof body.message === 'string' && body.message ? [body.message] : [];
}

function messagesOf(error: Exclude<ErrorInput, null | undefined>): string[] {
  if (typeof error === 'string') {
    return [error];
  }
  if (error instanceof Error) {
    return [error.message || error.name];
  }
  const { body } = error;
  const fromBody = Array.isArray(body)
    ? body.flatMap(textOf)
    : body && typeof body === 'object'
      ? messagesOfBody(body)
      : [];
  if (fromBody.length > 0) {
    return fromBody;
  }
  if (typeof error.message === 'string' && error.message) {
    return [error.message];
  }
  if (typeof error.statusText === 'string' && error.statusText) {
    return [error.statusText];
  }
  return [UNKNOWN_ERROR];
}

/**
 * Reduces one or more errors to a flat list of distinct, non-empty messages, in order.
 * @param errors an error or a list of errors in any of the shapes above; blanks are ignored
 * @returns the messages; empty only when there was no error at all
 */
export function reduceErrors(errors: ErrorInput | readonly ErrorInput[]): string[] {
  const list: readonly ErrorInput[] = Array.isArray(errors) ? errors : [errors as ErrorInput];
  const messages = list
    .filter((error): error is Exclude<ErrorInput, null | undefined> => !!error)
    .flatMap(messagesOf);
  return [...new Set(messages)];
}
