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
