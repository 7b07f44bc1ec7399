import { describeObject, MASTER_RECORD_TYPE_ID, picklistValuesOf } from '../server/objectInfo';

describe('describeObject', () => {
  const opportunity = describeObject('Opportunity');

  it('describes standard fields with their labels and UI API types', () => {
    expect(opportunity?.fields.NextStep).toMatchObject({
      label: 'Next Step',
      dataType: 'String',
      updateable: true
    });
    expect(opportunity?.fields.CloseDate).toMatchObject({ dataType: 'Date', required: true });
    expect(opportunity?.defaultRecordTypeId).toBe(MASTER_RECORD_TYPE_ID);
  });

  it('reads custom fields from the object metadata, formula and system fields read-only', () => {
    expect(opportunity?.fields.Decision_Maker_Identified__c).toMatchObject({
      dataType: 'Boolean',
      updateable: true
    });
    expect(opportunity?.fields.Days_In_Stage__c?.updateable).toBe(false);
    expect(opportunity?.fields.IsClosed?.updateable).toBe(false);
  });

  it('offers the standard picklist values the sample data uses', () => {
    const values = picklistValuesOf(opportunity!).picklistFieldValues.StageName.values;
    expect(values.map((value) => value.value)).toEqual(
      expect.arrayContaining(['Prospecting', 'Closed Won', 'Closed Lost'])
    );
  });

  it('describes a custom object with its label, and knows nothing of unknown objects', () => {
    expect(describeObject('Account_Plan__c')?.label).toBe('Account Plan');
    expect(describeObject('No_Such_Object__c')).toBeUndefined();
  });
});
