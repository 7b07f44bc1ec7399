/**
 * The fields the platform computes, formula fields and roll-up summaries, from the project's
 * object metadata, so the embedded org computes them from the same definitions the org deploys
 * instead of from a hand-written copy. The files are read by the Apex runtime's reader
 * (apex-runtime/src/metadata), the one home of metadata reading.
 */
import { rollupOf } from '../../apex-runtime/src/metadata/customObjects';
import { readObjectSources } from '../../apex-runtime/src/metadata/objectSource';
import type { RollupDescribe } from '../../apex-runtime/src/metadata/schema';

export interface FormulaFieldDefinition {
  objectName: string;
  field: string;
  formula: string;
  /** The field's metadata type: Number, Currency, Percent, Checkbox, Text, Date, DateTime. */
  type: string;
  treatBlanksAsZero: boolean;
}

export type RollupFilter = RollupDescribe['filters'][number];

export interface RollupDefinition extends RollupDescribe {
  /** The parent object that holds the roll-up field. */
  objectName: string;
  field: string;
}

export interface ComputedFields {
  formulas: FormulaFieldDefinition[];
  rollups: RollupDefinition[];
}

/** Every formula and roll-up field under `objectsDir`, in object then field order. */
export function readComputedFields(objectsDir: string): ComputedFields {
  const formulas: FormulaFieldDefinition[] = [];
  const rollups: RollupDefinition[] = [];
  for (const object of readObjectSources(objectsDir)) {
    for (const field of object.fields) {
      if (field.formula !== undefined) {
        formulas.push({
          objectName: object.name,
          field: field.fullName,
          formula: field.formula,
          type: field.type,
          treatBlanksAsZero: field.formulaTreatBlanksAs === 'BlankAsZero'
        });
      } else if (field.type === 'Summary') {
        rollups.push({ objectName: object.name, field: field.fullName, ...rollupOf(field) });
      }
    }
  }
  return { formulas, rollups };
}
