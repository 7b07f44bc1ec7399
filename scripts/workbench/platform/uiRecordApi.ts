/**
 * `lightning/uiRecordApi` over the workbench server: getRecord, createRecord and updateRecord
 * (which run the record-triggered logic on the server, as a save in the org does) and
 * notifyRecordUpdateAvailable, which refreshes every view of the records.
 */
import type { RecordInput, RecordRepresentation } from 'lightning/uiRecordApi';
import { callApi } from './http';
import { connectedAdapters, createWireAdapter, type WireConfig } from './wireAdapter';

/** Fired on window after a record changed, so views outside wire adapters refresh too. */
export const RECORD_UPDATED_EVENT = 'wb-record-updated';

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

function recordPath(config: WireConfig): string {
  const query = new URLSearchParams();
  const fields = [...list(config.fields), ...list(config.optionalFields)];
  if (fields.length) query.set('fields', fields.join(','));
  return `/api/ui/records/${encodeURIComponent(String(config.recordId))}?${query.toString()}`;
}

export const getRecord = createWireAdapter((config) => callApi(recordPath(config)));

async function refreshRecords(recordIds: readonly string[]): Promise<void> {
  const ids = new Set(recordIds);
  await Promise.all(
    connectedAdapters((config) => ids.has(String(config.recordId))).map((adapter) =>
      adapter.refresh()
    )
  );
  window.dispatchEvent(new CustomEvent(RECORD_UPDATED_EVENT, { detail: { recordIds } }));
}

export async function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  const { Id, ...fields } = recordInput.fields;
  const saved = await callApi<RecordRepresentation>(
    `/api/ui/records/${encodeURIComponent(String(Id))}`,
    { method: 'PATCH', body: { fields } }
  );
  await refreshRecords([String(Id)]);
  return saved;
}

/** Creates a record (`{ apiName, fields }`); the server runs the insert's triggers. */
export async function createRecord(recordInput: {
  apiName: string;
  fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
  const saved = await callApi<RecordRepresentation>('/api/ui/records', {
    method: 'POST',
    body: recordInput
  });
  window.dispatchEvent(
    new CustomEvent(RECORD_UPDATED_EVENT, { detail: { recordIds: [saved.id] } })
  );
  return saved;
}

export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  await refreshRecords(items.map((item) => item.recordId));
}

export function getFieldValue(record: RecordRepresentation, field: string): unknown {
  const name = field.includes('.') ? field.slice(field.indexOf('.') + 1) : field;
  return record.fields[name]?.value;
}
