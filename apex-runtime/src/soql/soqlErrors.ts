/**
 * The errors a query raises. Platform errors are `System.QueryException`s that Apex code can catch,
 * with the platform's message text; what the runtime cannot do offline is a separate error that
 * Apex code cannot catch, so that an unsupported construct never turns into a silent wrong result.
 */
import {
  ApexRuntimeError,
  NotSupportedOfflineError as RuntimeNotSupportedOfflineError
} from '../stdlib/apexErrors';
import type { SourcePosition } from './soqlAst';

/** `System.QueryException`, with the place in the query and, for user mode, the unreadable fields. */
export class QueryException extends ApexRuntimeError {
  constructor(
    message: string,
    readonly position?: SourcePosition,
    /** Object name to field names the running user cannot read (`getInaccessibleFields()`). */
    readonly inaccessibleFields: ReadonlyMap<string, readonly string[]> = new Map()
  ) {
    super('System.QueryException', message);
  }
}

/**
 * A construct the offline runtime does not execute: the runtime's NotSupportedOfflineError (not an
 * Apex exception, it ends the run), with the place in the query.
 */
export class NotSupportedOfflineError extends RuntimeNotSupportedOfflineError {
  constructor(
    what: string,
    readonly position?: SourcePosition
  ) {
    super(what);
    if (position) this.message += ` (line ${position.line}, column ${position.column})`;
  }
}

/** The platform's message for a field that does not exist (or, in user mode, cannot be read). */
export function noSuchColumn(field: string, objectName: string, position?: SourcePosition) {
  return new QueryException(
    `No such column '${field}' on entity '${objectName}'. If you are attempting to use a custom ` +
      `field, be sure to append the '__c' after the custom field name. Please reference your WSDL ` +
      `or the describe call for the appropriate names.`,
    position
  );
}

/** The platform's message for an object that does not exist (or, in user mode, cannot be read). */
export function unsupportedObject(objectName: string, position?: SourcePosition) {
  return new QueryException(
    `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, ` +
      `be sure to append the '__c' after the entity name. Please reference your WSDL or the ` +
      `describe call for the appropriate names.`,
    position
  );
}

/** The platform's message for a relationship name that does not exist on the object. */
export function unknownRelationship(
  name: string,
  where: 'field path' | 'FROM part of query call',
  position?: SourcePosition
) {
  return new QueryException(
    `Didn't understand relationship '${name}' in ${where}. If you are attempting to use a custom ` +
      `relationship, be sure to append the '__r' after the custom relationship name. Please ` +
      `reference your WSDL or the describe call for the appropriate names.`,
    position
  );
}
