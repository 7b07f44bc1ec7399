/**
 * The sample org as `npm start` left it: the runtime's sample org with the workbench's saved
 * edits (`.workbench/store.json`) applied, so anonymous Apex sees what the workbench shows.
 * Edits to sample records are applied as field updates, records the workbench created are
 * inserted with their Ids. The store already holds what the workbench's automation derived, so
 * the edits are written as they are, without running triggers again.
 */
import type { ApexOrg } from '../../apex-runtime/src/platform/orgs';
import { valueFromJson } from '../../apex-runtime/src/platform/fieldValues';
import type { StoredChanges } from '../workbench/server/store';

export function applyWorkbenchEdits(org: ApexOrg, edits: StoredChanges): number {
  const database = org.database;
  const schema = database.schema;
  let applied = 0;
  for (const [recordId, fields] of Object.entries(edits)) {
    const existing = database.row(recordId);
    const objectName = existing
      ? database.objectOfId(recordId)?.name
      : (fields.attributes as { type?: unknown } | undefined)?.type;
    if (typeof objectName !== 'string') {
      throw new Error(`.workbench/store.json: record ${recordId} has no object type`);
    }
    const values: Record<string, unknown> = {};
    for (const [name, json] of Object.entries(fields)) {
      if (name === 'attributes' || name === 'Id') continue;
      const field = schema.field(objectName, name);
      // Fields the workbench computes on the fly (formula fields, roll-ups) are not stored state.
      if (!field || field.formula !== undefined || field.rollup !== undefined) continue;
      values[field.name] = valueFromJson(field, json, `.workbench/store.json ${recordId}.${name}`);
    }
    if (existing) database.update(recordId, values);
    else database.insert(objectName, { ...values, Id: recordId });
    applied++;
  }
  return applied;
}
