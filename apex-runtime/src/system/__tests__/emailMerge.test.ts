import { loadProject } from '../../metadata/loadProject';
import { writeSourceTree, WIDGET } from '../../metadata/__tests__/projectFixture';
import { ApexDate } from '../../values/primitives';
import { NotSupportedOfflineError } from '../../stdlib/apexErrors';
import {
  MergeFieldError,
  mergeFieldValue,
  mergeTemplateText,
  type MergeContext
} from '../emailMerge';

const { schema } = loadProject(writeSourceTree(WIDGET));

const context: MergeContext = {
  schema,
  organization: { Name: 'Acme Org' },
  sendingUser: { FirstName: 'Sender', LastName: 'Smith' },
  who: { objectName: 'User', row: { FirstName: 'Rita', LastName: 'Receiver' } },
  what: { objectName: 'Widget__c', row: { Name: 'W <1>' } },
  timeZone: 'Europe/Copenhagen'
};

describe('mergeTemplateText', () => {
  it('fills the receiving user, the sending user and the organization', () => {
    expect(
      mergeTemplateText(
        'Hi {!Receiving_User.FirstName}, from {!User.FirstName} at {!Organization.Name}',
        context,
        false
      )
    ).toBe('Hi Rita, from Sender at Acme Org');
  });

  it('reads a non-person object from the whatId and escapes values in HTML only', () => {
    expect(mergeTemplateText('{!Widget__c.Name}', context, false)).toBe('W <1>');
    expect(mergeTemplateText('<b>{!Widget__c.Name}</b>', context, true)).toBe('<b>W &lt;1&gt;</b>');
  });

  it('merges blank when the record of the named object was not given', () => {
    expect(mergeTemplateText('[{!Contact.FirstName}][{!Account.Name}]', context, false)).toBe(
      '[][]'
    );
    expect(
      mergeTemplateText('[{!Receiving_User.FirstName}]', { ...context, who: undefined }, false)
    ).toBe('[]');
  });

  it('reads a contact target for Contact fields, not for Receiving_User', () => {
    const withContact = {
      ...context,
      who: { objectName: 'Contact', row: { FirstName: 'Cleo' } }
    };
    expect(
      mergeTemplateText('{!Contact.FirstName}/{!Receiving_User.FirstName}', withContact, false)
    ).toBe('Cleo/');
  });

  it('prints values as String.valueOf does', () => {
    const withDate = {
      ...context,
      what: { objectName: 'Contact', row: {} },
      who: { objectName: 'Contact', row: { Birthdate: ApexDate.parseIso('2026-01-31') } }
    };
    expect(mergeFieldValue('Contact.Birthdate', withDate)).toBe('2026-01-31');
  });

  it('refuses an unknown object or field and a reference without a field', () => {
    expect(() => mergeTemplateText('{!Contact.SNARF}', context, false)).toThrow(
      new MergeFieldError('Contact.SNARF')
    );
    expect(() => mergeTemplateText('{!Nothing__c.Name}', context, false)).toThrow(
      'Invalid merge field: {!Nothing__c.Name}'
    );
    expect(() => mergeTemplateText('{!Name}', context, false)).toThrow(MergeFieldError);
  });

  it('reports formula and relationship merge fields as not supported offline', () => {
    expect(() => mergeTemplateText('{!IF(true, "a", "b")}', context, false)).toThrow(
      NotSupportedOfflineError
    );
    expect(() => mergeTemplateText('{!Contact.Account.Name}', context, false)).toThrow(
      'not supported offline: merge fields across relationships'
    );
  });
});
