/**
 * Custom labels with placeholders: `{0}`, `{1}` ... replaced by the values, as Apex
 * `String.format` and Salesforce's label format do. A blank value (null or undefined) is written
 * as nothing, never as "null"; a placeholder with no value at all stays as written, so a
 * translation with a placeholder too many shows it rather than dropping text.
 */
export function formatLabel(template: string, ...values: unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (match: string, index: string) =>
    Number(index) < values.length ? String(values[Number(index)] ?? '') : match
  );
}

/**
 * Label by value, by field ('Object__c.Field__c', or a field API name): what Apex
 * `PicklistLabels.of` returns, or the UI API's picklist values, in the running user's language.
 */
export type PicklistLabels = Readonly<Partial<Record<string, Readonly<Record<string, string>>>>>;

/**
 * A picklist value as the user reads it: its label from the Apex facts. A value with no label
 * (facts from before a value was added, or a field the controller does not describe) shows as
 * the value, so nothing goes blank; a blank value shows as nothing.
 */
export function picklistLabel(
  labels: PicklistLabels | null | undefined,
  field: string,
  value: string | null | undefined
): string {
  if (!value) return '';
  // An inactive value an old record still holds may have no label (or an empty one).
  return labels?.[field]?.[value] || value;
}
