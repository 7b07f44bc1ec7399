/**
 * The shapes DML works with: a request (operation, records, all-or-none, access level), and one
 * result per record with the platform's status codes (Apex Reference, "StatusCode Enum").
 */
import type { DmlOperation } from '../parse/ast';
import type { SObjectValue } from '../values/sobject';

export interface DmlError {
  /** `REQUIRED_FIELD_MISSING`, `FIELD_CUSTOM_VALIDATION_EXCEPTION`, ... */
  statusCode: string;
  message: string;
  fields: string[];
}

export interface DmlRowResult {
  success: boolean;
  /** The record's Id (null when an insert failed). */
  id: string | null;
  /** Upsert: true when the row was inserted. */
  created?: boolean;
  errors: DmlError[];
}

export interface DmlRequest {
  operation: DmlOperation;
  /** Records (insert, update, upsert) or records/Ids (delete, undelete). */
  records: (SObjectValue | string | null)[];
  allOrNone: boolean;
  /** USER_MODE enforces CRUD, FLS and sharing; SYSTEM_MODE (the default) only the class's sharing. */
  accessLevel: 'USER_MODE' | 'SYSTEM_MODE';
  /** Sharing of the calling code (system mode only). */
  withSharing: boolean;
  externalIdField?: string;
}

export function dmlError(statusCode: string, message: string, fields: string[] = []): DmlError {
  return { statusCode, message, fields };
}

/** `Insert failed. First exception on row 0; first error: CODE, message: [fields]`. */
export function dmlExceptionMessage(
  operation: DmlOperation,
  results: readonly DmlRowResult[]
): string {
  const index = results.findIndex((result) => !result.success);
  const error = results[index].errors[0];
  const verb = operation.charAt(0).toUpperCase() + operation.slice(1);
  const idPart = results[index].id ? ` with id ${results[index].id}` : '';
  return `${verb} failed. First exception on row ${index}${idPart}; first error: ${error.statusCode}, ${error.message}: [${error.fields.join(', ')}]`;
}
