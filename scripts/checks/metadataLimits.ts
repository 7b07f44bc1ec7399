/**
 * Text lengths the platform rejects on deploy ("data value too large") but no schema records.
 * Sources: the Metadata API and object reference field tables and Salesforce Help field limits.
 * Keyed by `<Type>.<element>`, the type being that of the element's parent.
 */
export const MAX_TEXT_LENGTH: ReadonlyMap<string, number> = new Map([
  ['CustomField.label', 40],
  ['CustomField.description', 1000],
  ['CustomField.inlineHelpText', 510],
  ['CustomObject.label', 40],
  ['CustomObject.pluralLabel', 40],
  ['CustomObject.description', 1000],
  ['CustomLabel.shortDescription', 80],
  ['Dashboard.description', 255],
  ['Dashboard.title', 80],
  ['CustomLabel.value', 1000],
  ['PermissionSet.label', 80],
  ['PermissionSet.description', 255],
  ['Report.description', 255],
  ['Report.name', 40],
  ['ReportType.description', 255],
  ['ReportType.label', 50],
  ['ValidationRule.description', 255],
  ['ValidationRule.errorMessage', 255]
]);

/**
 * The length the platform stores: formatters may wrap long text over several indented lines, so
 * runs of whitespace count as one space and the ends are trimmed (erring towards no finding).
 */
export function storedLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}
