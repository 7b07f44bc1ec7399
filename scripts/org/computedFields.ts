/**
 * Reads the fields the platform computes, formula fields and roll-up summaries, from the
 * project's object metadata, so the embedded org computes them from the same definitions the
 * org deploys instead of from a hand-written copy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface FormulaFieldDefinition {
  objectName: string;
  field: string;
  formula: string;
  /** The field's metadata type: Number, Currency, Percent, Checkbox, Text, Date, DateTime. */
  type: string;
  treatBlanksAsZero: boolean;
}

export interface RollupFilter {
  field: string;
  operation: 'equals' | 'notEqual';
  value: string;
}

export interface RollupDefinition {
  /** The parent object that holds the roll-up field. */
  objectName: string;
  field: string;
  childObject: string;
  /** The child's master-detail field pointing at the parent. */
  foreignKey: string;
  operation: 'count' | 'sum' | 'min' | 'max';
  /** The child field summed, minimised or maximised; absent for count. */
  summarizedField?: string;
  filters: RollupFilter[];
}

export interface ComputedFields {
  formulas: FormulaFieldDefinition[];
  rollups: RollupDefinition[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'summaryFilterItems'
});

function fieldAfterDot(qualified: string): string {
  return qualified.slice(qualified.indexOf('.') + 1);
}

/** Every formula and roll-up field under `objectsDir`, in object then field order. */
export function readComputedFields(objectsDir: string): ComputedFields {
  const formulas: FormulaFieldDefinition[] = [];
  const rollups: RollupDefinition[] = [];
  for (const objectName of existsSync(objectsDir) ? readdirSync(objectsDir).sort() : []) {
    const fieldsDir = join(objectsDir, objectName, 'fields');
    if (!existsSync(fieldsDir)) continue;
    for (const file of readdirSync(fieldsDir).sort()) {
      const path = join(fieldsDir, file);
      const field = (
        parser.parse(readFileSync(path, 'utf8')) as { CustomField?: Record<string, unknown> }
      ).CustomField;
      if (!field) continue;
      const name = String(field.fullName ?? file.replace('.field-meta.xml', ''));
      if (typeof field.formula === 'string' && field.formula) {
        formulas.push({
          objectName,
          field: name,
          formula: field.formula,
          type: String(field.type),
          treatBlanksAsZero: field.formulaTreatBlanksAs === 'BlankAsZero'
        });
      } else if (field.type === 'Summary') {
        const foreignKey = String(field.summaryForeignKey);
        const filters = (field.summaryFilterItems as Record<string, string>[] | undefined) ?? [];
        rollups.push({
          objectName,
          field: name,
          childObject: foreignKey.slice(0, foreignKey.indexOf('.')),
          foreignKey: fieldAfterDot(foreignKey),
          operation: String(field.summaryOperation) as RollupDefinition['operation'],
          summarizedField:
            typeof field.summarizedField === 'string'
              ? fieldAfterDot(field.summarizedField)
              : undefined,
          filters: filters.map((filter) => {
            if (filter.operation !== 'equals' && filter.operation !== 'notEqual') {
              throw new Error(
                `${path}: roll-up filter operation ${filter.operation} is not supported`
              );
            }
            return {
              field: fieldAfterDot(filter.field),
              operation: filter.operation,
              value: filter.value ?? ''
            };
          })
        });
      }
    }
  }
  return { formulas, rollups };
}
