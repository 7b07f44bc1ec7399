import { ApexList, ApexMap, ApexSet } from '../../values/collections';
import { ApexDecimal } from '../../values/decimal';
import { ApexBlob, ApexDouble } from '../../values/primitives';
import type { ObjectDescribe } from '../../metadata/schema';
import { SObjectValue } from '../../values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from '../../values/temporal';
import { INTEGER_TYPE, STRING_TYPE } from '../../values/typeRef';
import { NotSupportedOfflineError } from '../apexErrors';
import { concatenationString, toApexString, valueOfGmt } from '../stringify';

const accountType = { name: 'Account' } as unknown as ObjectDescribe;

describe('String.valueOf and concatenation', () => {
  it('prints null as null', () => {
    expect(concatenationString(null)).toBe('null');
  });

  it('keeps a Decimal s scale: a + 1.50 is a1.50', () => {
    expect('a' + concatenationString(ApexDecimal.parse('1.50'))).toBe('a1.50');
  });

  it('prints Doubles as Java does', () => {
    expect(concatenationString(new ApexDouble(1))).toBe('1.0');
    expect(concatenationString(new ApexDouble(1e10))).toBe('1.0E10');
  });

  it('prints Longs, Integers and Booleans plainly', () => {
    expect([concatenationString(5n), concatenationString(-3), concatenationString(true)]).toEqual([
      '5',
      '-3',
      'true'
    ]);
  });

  // String Class, valueOf(dateToConvert): "yyyy-MM-dd"; salesforce.stackexchange.com 222601:
  // concatenating a Date prints "2015-02-13 00:00:00".
  it('prints a Date as yyyy-MM-dd for String.valueOf and with midnight when concatenated', () => {
    const date = ApexDate.of(2015, 2, 13);
    expect(toApexString(date, 'Europe/Copenhagen')).toBe('2015-02-13');
    expect(concatenationString(date)).toBe('2015-02-13 00:00:00');
  });

  // albasfdc.com, "Working with datetimes": dt1 = 2015-12-09 12:22:13 local (CET) prints
  // 2015-12-09 11:22:13 when concatenated, 12:22:13 with String.valueOf.
  it('prints a Datetime in GMT when concatenated and in the user s zone with String.valueOf', () => {
    const datetime = new ApexDatetime(Date.UTC(2015, 11, 9, 11, 22, 13));
    expect(concatenationString(datetime)).toBe('2015-12-09 11:22:13');
    expect(toApexString(datetime, 'Europe/Copenhagen')).toBe('2015-12-09 12:22:13');
    expect(valueOfGmt(datetime)).toBe('2015-12-09 11:22:13');
  });

  it('prints a Time with milliseconds and Z', () => {
    expect(concatenationString(ApexTime.of(9, 5, 0, 7))).toBe('09:05:00.007Z');
  });

  it('prints a Blob by its size', () => {
    expect(concatenationString(ApexBlob.fromString('abc'))).toBe('Blob[3]');
  });

  it('prints a List in parentheses and a Set in braces', () => {
    expect(concatenationString(new ApexList(INTEGER_TYPE, [1, 2, null]))).toBe('(1, 2, null)');
    expect(concatenationString(new ApexSet(STRING_TYPE, ['a', 'b']))).toBe('{a, b}');
  });

  it('prints a Map as key=value pairs, dates with midnight', () => {
    const map = new ApexMap(STRING_TYPE, INTEGER_TYPE);
    map.set('due', ApexDate.of(2015, 2, 20));
    map.set('amount', ApexDecimal.parse('165.29'));
    expect(concatenationString(map)).toBe('{due=2015-02-20 00:00:00, amount=165.29}');
  });

  it('prints an SObject as Type:{Field=value} in the order the fields were set', () => {
    const account = new SObjectValue(accountType);
    account.set('Name', 'Acme');
    account.set('Id', '001000000000001AAA');
    expect(concatenationString(account)).toBe('Account:{Name=Acme, Id=001000000000001AAA}');
  });

  it('asks the interpreter for the text of its own objects', () => {
    const instance = { kind: 'instance' };
    expect(
      concatenationString(new ApexList(INTEGER_TYPE, [instance]), {
        describeObject: () => 'Foo:[x=1]'
      })
    ).toBe('(Foo:[x=1])');
  });

  it('fails loudly for objects nobody can describe', () => {
    expect(() => concatenationString({})).toThrow(NotSupportedOfflineError);
  });

  it('prints a list that contains itself with (already output) for the inner reference', () => {
    const list = new ApexList(INTEGER_TYPE, [1]);
    list.items.push(list);
    expect(concatenationString(list)).toBe('(1, (already output))');
  });

  it('prints the same list a second time as (already output)', () => {
    const inner = new ApexList(INTEGER_TYPE, [1]);
    expect(concatenationString(new ApexList(INTEGER_TYPE, [inner, inner]))).toBe(
      '((1), (already output))'
    );
  });

  it('prints the first ten items of a collection, then ...', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(concatenationString(new ApexList(INTEGER_TYPE, items))).toBe(
      '(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...)'
    );
  });
});
