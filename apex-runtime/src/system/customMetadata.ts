/**
 * Custom Metadata types' static methods (Apex Reference, "Custom Metadata Type Methods"):
 * `X__mdt.getAll()` (the records by DeveloperName) and `X__mdt.getInstance(developerNameOrId)`,
 * read from the org's rows with every field, as the platform returns them without a query.
 */
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexMap } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { STRING_TYPE, typeNamed } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { sessionOf } from '../execution/session';
import { idKey } from '../platform/recordIds';

function records(frame: Frame, objectName: string): SObjectValue[] {
  const session = sessionOf(frame);
  const object = session.database.schema.object(objectName);
  if (!object) throw new ApexRuntimeError('System.TypeException', `Invalid type: ${objectName}`);
  return [...session.database.rows(object.name)].map((row) => {
    const record = new SObjectValue(object);
    for (const field of object.fields)
      record.set(field.name, session.database.read(object.name, row, field));
    return record;
  });
}

/** `Type.method(args)` on an object type: the Custom Metadata methods. */
export function sobjectStaticCall(
  frame: Frame,
  objectName: string,
  method: string,
  args: unknown[]
): unknown {
  const object = frame.ctx.interpreter.program.schema.object(objectName);
  if (!object?.customMetadata) throw new NotSupportedOfflineError(`${objectName}.${method}()`);
  switch (method.toLowerCase()) {
    case 'getall': {
      const map = new ApexMap(STRING_TYPE, typeNamed(object.name));
      for (const record of records(frame, object.name))
        map.set(record.get('DeveloperName'), record);
      return map;
    }
    case 'getinstance': {
      const key = args[0];
      if (key === null || key === undefined) return null;
      const text = String(key);
      return (
        records(frame, object.name).find(
          (record) =>
            String(record.get('DeveloperName')).toLowerCase() === text.toLowerCase() ||
            (text.length >= 15 && idKey(String(record.get('Id'))) === idKey(text))
        ) ?? null
      );
    }
    default:
      throw new NotSupportedOfflineError(`${objectName}.${method}()`);
  }
}
