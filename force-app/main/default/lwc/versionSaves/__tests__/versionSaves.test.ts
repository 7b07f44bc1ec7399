import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { VERSION_SAVE_FIELDS, VersionSaves } from 'c/versionSaves';

function version(status: string, saved: string): RecordRepresentation {
  return {
    fields: { Status__c: { value: status }, LastModifiedDate: { value: saved } }
  } as unknown as RecordRepresentation;
}

describe('c/versionSaves', () => {
  it('watches the version’s status and last save', () => {
    expect(VERSION_SAVE_FIELDS).toEqual([
      'Strategy_Version__c.Status__c',
      'Strategy_Version__c.LastModifiedDate'
    ]);
  });

  it('says nothing of the first record it sees, then tells a save from a repeat', () => {
    const saves = new VersionSaves();
    expect(saves.savedSince(version('In Review', '2026-11-16T09:00:00.000Z'))).toBe(false);
    expect(saves.savedSince(version('In Review', '2026-11-16T09:00:00.000Z'))).toBe(false);
    expect(saves.savedSince(version('Published', '2026-11-16T10:00:00.000Z'))).toBe(true);
    expect(saves.savedSince(version('Published', '2026-11-16T10:00:00.000Z'))).toBe(false);
    expect(saves.savedSince(version('Published', '2026-11-17T08:00:00.000Z'))).toBe(true);
  });
});
