/**
 * Service module: tells a strategy version card when the version was saved since it last looked
 * (publishing through the quick action, a content edit, a status change), so the card re-reads
 * its Apex facts, which Lightning Data Service does not refresh by itself. A card wires
 * `getRecord` with VERSION_SAVE_FIELDS and asks `savedSince` with each record it receives.
 */
import type { RecordRepresentation } from 'lightning/uiRecordApi';

/** The fields whose change means the version was saved. */
export const VERSION_SAVE_FIELDS = [
  'Strategy_Version__c.Status__c',
  'Strategy_Version__c.LastModifiedDate'
];

export class VersionSaves {
  private seen: string | undefined;

  /**
   * @param record the version as getRecord gives it (with VERSION_SAVE_FIELDS)
   * @returns true when the version was saved since the record seen before; false for the first
   */
  savedSince(record: RecordRepresentation): boolean {
    const saved = VERSION_SAVE_FIELDS.map((field) =>
      String(record.fields[field.split('.')[1]]?.value ?? '')
    ).join('|');
    const changed = this.seen !== undefined && this.seen !== saved;
    this.seen = saved;
    return changed;
  }
}
