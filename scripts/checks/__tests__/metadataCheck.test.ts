import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runMetadataCheck } from '../metadataCheck';
import { formatFinding } from '../findings';

const fixtures = join(__dirname, '..', '__fixtures__', 'metadata');

function findingsIn(fixture: string): string[] {
  const root = join(fixtures, fixture);
  return runMetadataCheck(root).map((finding) => formatFinding(finding, root));
}

describe('check:metadata', () => {
  it('reports nothing for a valid project covering the common metadata types', () => {
    expect(findingsIn('good')).toEqual([]);
  });

  it('reports an unknown element in a field definition with its line', () => {
    expect(findingsIn('unknown-element')).toEqual([
      'force-app/main/default/objects/Account_Plan__c/fields/Wallet_Size__c.field-meta.xml:8:5 ' +
        '<currencyCode> is not an element of CustomField [metadata-unknown-element]'
    ]);
  });

  it('reports a misspelled field type and suggests the valid one', () => {
    expect(findingsIn('misspelled-field-type')).toEqual([
      'force-app/main/default/objects/Account_Plan__c/fields/Status__c.field-meta.xml:6:5 ' +
        "'Picklst' is not a valid FieldType for <type> (did you mean 'Picklist'?) [metadata-enum]"
    ]);
  });

  it('reports a Custom Metadata record that sets a field its type does not define', () => {
    expect(findingsIn('missing-metadata-field')).toEqual([
      'force-app/main/default/customMetadata/Sales_Rule.Close_Date_In_Past.md-meta.xml:14:9 ' +
        'Sales_Rule__mdt has no field Severity__c [metadata-cmdt-field]'
    ]);
  });

  it('exits non-zero from the command line and prints file:line for each finding', () => {
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        join(__dirname, '..', 'metadataCheck.ts'),
        join(fixtures, 'misspelled-field-type')
      ],
      { encoding: 'utf8' }
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Status__c.field-meta.xml:6:5');
    expect(result.stdout).toContain('check:metadata: 1 finding');
  }, 30000);
});
