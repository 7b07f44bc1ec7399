import { makeField } from '../../metadata/fieldDescribes';
import { ApexBlob, ApexDate, ApexDatetime, ApexDecimal, ApexTime } from '../../values/primitives';
import {
  assertStorable,
  FieldValueError,
  valueFromJson,
  valueFromText,
  valueToJson
} from '../fieldValues';

const amount = makeField({ name: 'Amount', type: 'currency', precision: 18, scale: 2 });
const employees = makeField({ name: 'NumberOfEmployees', type: 'int' });
const closeDate = makeField({ name: 'CloseDate', type: 'date' });
const active = makeField({ name: 'Active__c', type: 'boolean' });
const name = makeField({ name: 'Name', type: 'string' });
const body = makeField({ name: 'Body', type: 'base64' });
const start = makeField({ name: 'Start__c', type: 'time' });

describe('field values', () => {
  it('reads metadata text as the field`s runtime value', () => {
    expect(valueFromText(amount, '12.50', 'test')).toEqual(new ApexDecimal(1250n, 2));
    expect(valueFromText(employees, '40', 'test')).toBe(40);
    expect(valueFromText(closeDate, '2026-11-16', 'test')).toEqual(ApexDate.of(2026, 11, 16));
    expect(valueFromText(active, 'true', 'test')).toBe(true);
    expect(valueFromText(start, '09:30:00.000Z', 'test')).toEqual(ApexTime.of(9, 30, 0, 0));
  });

  it('reads blank text as null for every type but a checkbox', () => {
    expect(valueFromText(name, '', 'test')).toBeNull();
    expect(valueFromText(amount, '', 'test')).toBeNull();
    expect(valueFromText(active, '', 'test')).toBe(false);
  });

  it('refuses text that is not the field`s type', () => {
    expect(() => valueFromText(employees, '4.5', 'test')).toThrow(FieldValueError);
    expect(() => valueFromText(closeDate, '16/11/2026', 'test')).toThrow(FieldValueError);
  });

  it('reads JSON numbers into Decimal fields by their shortest decimal text', () => {
    expect(valueFromJson(amount, 0.1, 'test')).toEqual(ApexDecimal.parse('0.1'));
    expect(valueFromJson(body, 'aGk=', 'test')).toEqual(ApexBlob.fromString('hi'));
  });

  it('writes runtime values as the JSON the formula engine reads', () => {
    expect(valueToJson(new ApexDecimal(1250n, 2))).toBe(12.5);
    expect(valueToJson(ApexDate.of(2026, 1, 2))).toBe('2026-01-02');
    expect(valueToJson(ApexDatetime.parseIso('2026-01-02T03:04:05.000Z'))).toBe(
      '2026-01-02T03:04:05.000Z'
    );
    expect(valueToJson(ApexTime.of(9, 5, 0, 7))).toBe('09:05:00.007');
  });

  it('accepts only the runtime type of the field`s Apex type', () => {
    expect(() => assertStorable(amount, 12.5, 'test')).toThrow(
      'Amount is Decimal, not number 12.5'
    );
    expect(() => assertStorable(employees, 2 ** 31, 'test')).toThrow(FieldValueError);
    expect(() => assertStorable(amount, null, 'test')).not.toThrow();
  });
});
