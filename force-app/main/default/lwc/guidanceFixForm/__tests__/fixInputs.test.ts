import { fixInputs } from '../fixInputs';
import objectInfo from './data/objectInfo.json';
import record from './data/record.json';
import picklists from './data/picklists.json';

describe('fixInputs', () => {
  it("describes each fix field in the rule's order with its label, value and input kind", () => {
    const inputs = fixInputs(
      ['CloseDate', 'StageName', 'NextStep'],
      objectInfo,
      record,
      picklists.picklistFieldValues
    );

    expect(
      inputs.map(({ apiName, label, kind, value, required }) => ({
        apiName,
        label,
        kind,
        value,
        required
      }))
    ).toEqual([
      {
        apiName: 'CloseDate',
        label: 'Close Date',
        kind: 'date',
        value: '2026-10-31',
        required: true
      },
      {
        apiName: 'StageName',
        label: 'Stage',
        kind: 'picklist',
        value: 'Qualification',
        required: true
      },
      { apiName: 'NextStep', label: 'Next Step', kind: 'text', value: null, required: false }
    ]);
    expect(inputs[1].options.map((option) => option.value)).toEqual([
      'Prospecting',
      'Qualification',
      'Closed Lost'
    ]);
    expect(inputs[2].helpText).toBe('What the customer agreed to do next');
  });

  it("renders numbers with the field's scale and currency or percent formatting", () => {
    const [amount, probability] = fixInputs(
      ['Amount', 'Probability'],
      objectInfo,
      record,
      undefined
    );

    expect(amount).toMatchObject({
      kind: 'number',
      inputType: 'number',
      step: '0.01',
      formatter: 'currency',
      value: 25000
    });
    expect(probability).toMatchObject({ step: '1', formatter: 'percent-fixed', value: null });
  });

  it('uses a text area for long text and a checkbox for booleans', () => {
    const [description, isPrivate] = fixInputs(
      ['Description', 'IsPrivate'],
      objectInfo,
      record,
      undefined
    );

    expect(description).toMatchObject({ isTextarea: true, isInput: false });
    expect(isPrivate).toMatchObject({ isCheckbox: true, inputType: 'checkbox' });
  });

  it('leaves out fields the user may not edit and fields the object does not have', () => {
    const inputs = fixInputs(
      ['Decision_Maker_Identified__c', 'No_Such__c', 'NextStep'],
      objectInfo,
      record,
      undefined
    );

    expect(inputs.map((input) => input.apiName)).toEqual(['NextStep']);
  });
});
