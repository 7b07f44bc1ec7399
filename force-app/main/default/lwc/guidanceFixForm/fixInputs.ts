/**
 * Turns the fix fields of a rule into input descriptions the form renders, from the object's
 * describe (labels, types, editability) and the record's current values. Pure, so every field
 * type is tested without rendering.
 */
import type { FieldInfo, ObjectInfo, PicklistValue } from 'lightning/uiObjectInfoApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';

export type InputKind =
  'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'checkbox' | 'picklist';

export interface FixInput {
  apiName: string;
  label: string;
  kind: InputKind;
  /** The lightning-input type for kinds rendered by lightning-input. */
  inputType: string;
  value: unknown;
  required: boolean;
  helpText: string | null;
  options: PicklistValue[];
  /** Number step from the field's scale: 1 for whole numbers, 0.01 for two decimals. */
  step: string | null;
  formatter: string | null;
  isTextarea: boolean;
  isPicklist: boolean;
  isCheckbox: boolean;
  isInput: boolean;
}

const KIND_BY_DATA_TYPE: Record<string, InputKind> = {
  String: 'text',
  Email: 'text',
  Phone: 'text',
  Url: 'text',
  TextArea: 'textarea',
  Double: 'number',
  Int: 'number',
  Currency: 'number',
  Percent: 'number',
  Date: 'date',
  DateTime: 'datetime',
  Boolean: 'checkbox',
  Picklist: 'picklist'
};

const INPUT_TYPE: Record<InputKind, string> = {
  text: 'text',
  textarea: 'text',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  checkbox: 'checkbox',
  picklist: 'text'
};

function inputTypeOf(field: FieldInfo, kind: InputKind): string {
  if (field.dataType === 'Email') return 'email';
  if (field.dataType === 'Phone') return 'tel';
  if (field.dataType === 'Url') return 'url';
  return INPUT_TYPE[kind];
}

function formatterOf(field: FieldInfo): string | null {
  if (field.dataType === 'Currency') return 'currency';
  if (field.dataType === 'Percent') return 'percent-fixed';
  return null;
}

/**
 * The inputs for the fields a rule asks to fix, in the rule's order. Fields the user may not
 * edit, or that the object does not have, are left out: the platform would refuse them anyway.
 */
export function fixInputs(
  fieldNames: readonly string[],
  objectInfo: ObjectInfo,
  record: RecordRepresentation | undefined,
  picklistValues: Record<string, { values: PicklistValue[] }> | undefined
): FixInput[] {
  return fieldNames.flatMap((apiName) => {
    const field = objectInfo.fields[apiName];
    if (!field || !field.updateable) {
      return [];
    }
    const kind = KIND_BY_DATA_TYPE[field.dataType] ?? 'text';
    return [
      {
        apiName,
        label: field.label,
        kind,
        inputType: inputTypeOf(field, kind),
        value: record?.fields[apiName]?.value ?? null,
        required: field.required,
        helpText: field.inlineHelpText ?? null,
        options: picklistValues?.[apiName]?.values ?? [],
        step: kind === 'number' ? (field.scale ? String(10 ** -field.scale) : '1') : null,
        formatter: formatterOf(field),
        isTextarea: kind === 'textarea',
        isPicklist: kind === 'picklist',
        isCheckbox: kind === 'checkbox',
        isInput: kind !== 'textarea' && kind !== 'picklist'
      }
    ];
  });
}
