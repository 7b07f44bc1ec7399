/**
 * The state an asynchronous job carries between transactions (Apex Developer Guide, "Using Batch
 * Apex"): a copy as serialization gives it, independent of the original.
 */
import { ClassInfo } from '../../interpreter/classInfo';
import { ApexObject } from '../../interpreter/objects';
import { ApexList, ApexMap } from '../../values/collections';
import { ApexDecimal } from '../../values/decimal';
import { typeNamed } from '../../values/typeRef';
import { serializedCopy } from '../serializedState';

function batchWith(fields: Record<string, unknown>): ApexObject {
  const batch = new ApexObject(
    new ClassInfo({ name: 'CountingBatch', kind: 'class', file: 'classes/CountingBatch.cls' })
  );
  Object.assign(batch.fields, fields);
  return batch;
}

describe('serializedCopy', () => {
  it('copies collections, so changing the copy leaves the original as it was', () => {
    const names = new ApexList(typeNamed('String'), ['a']);
    const copy = serializedCopy(batchWith({ names })) as ApexObject;
    (copy.fields.names as ApexList).items.push('b');
    expect(names.items).toEqual(['a']);
  });

  it('keeps two references to one collection pointing at one copy', () => {
    const shared = new ApexMap(typeNamed('String'), typeNamed('Integer'));
    const copy = serializedCopy(batchWith({ first: shared, second: shared })) as ApexObject;
    expect(copy.fields.first).toBe(copy.fields.second);
    expect(copy.fields.first).not.toBe(shared);
  });

  it('keeps immutable values as they are', () => {
    const total = ApexDecimal.parse('12.50');
    const copy = serializedCopy(batchWith({ total, label: 'x', count: 3 })) as ApexObject;
    expect(copy.fields.total).toBe(total);
    expect([copy.fields.label, copy.fields.count]).toEqual(['x', 3]);
  });
});
