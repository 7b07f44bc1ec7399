import { join } from 'node:path';
import { stampAuditFields } from '../auditFields';
import { AUDIT_CALENDAR } from '../constants';
import { RecordSequence } from '../model';
import { generateSampleOrg } from '../sampleOrg';
import { buildUsers } from '../users';
import { loadSampleData } from './sampleData';

const DATA_DIR = join(__dirname, '..', '..', '..', 'data');

describe('the audit fields of the sample', () => {
  const data = loadSampleData(DATA_DIR);

  it('stamp every user and every record, and nothing else', () => {
    const expected = [
      ...data.users.map((user) => user.key),
      ...data.records.map((record) => record.attributes.referenceId)
    ].sort();
    expect(Object.keys(data.auditFields).sort()).toEqual(expected);
  });

  it('name only sample users, and stamp nothing after the sample`s noon', () => {
    const users = new Set(data.users.map((user) => user.key));
    const problems = Object.entries(data.auditFields).filter(
      ([, stamp]) =>
        !users.has(stamp.CreatedById) ||
        !users.has(stamp.LastModifiedById) ||
        stamp.LastModifiedDate > AUDIT_CALENDAR.now
    );
    expect(problems).toEqual([]);
  });

  it('sign every opportunity field history row by the deal`s owner', () => {
    const problems = data.history.flatMap((entry) =>
      entry.fieldChanges
        .filter((change) => change.createdBy !== data.owners[entry.referenceId])
        .map((change) => `${entry.referenceId} ${change.createdDate} ${change.field}`)
    );
    expect(problems).toEqual([]);
  });

  it('are what the generator stamps, the same on every run', () => {
    const first = generateSampleOrg().auditFields;
    expect(generateSampleOrg().auditFields).toEqual(first);
    expect(Object.fromEntries(first)).toEqual(data.auditFields);
  });
});

describe('stampAuditFields', () => {
  it('refuses an object without a rule, so a new object cannot go unstamped', () => {
    const record = new RecordSequence('Lead').next({ LastName: 'New' });
    expect(() =>
      stampAuditFields({
        users: buildUsers(),
        recordsByObject: [['Lead', [record]]],
        opportunityHistory: []
      })
    ).toThrow('No audit-field rule for Lead');
  });
});
