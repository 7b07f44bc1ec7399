import type { FieldSpec } from './objectMetadata';

const TEXT_TYPES = new Set(['Text', 'TextArea', 'LongTextArea', 'Html', 'Email', 'Url', 'Phone']);
const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);
/** Default lengths where the metadata leaves them out. */
const DEFAULT_LENGTH: Record<string, number> = { TextArea: 255, Url: 255, Email: 80, Phone: 40 };

function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

function isIsoDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00.000Z`).toISOString().startsWith(value)
  );
}

/**
 * Checks one value against the field's type as the API would on insert: type, length,
 * precision and scale, picklist membership. References are checked elsewhere (they need the
 * other records). Returns a description of the problem, or undefined when the value fits.
 */
export function problemWith(value: unknown, spec: FieldSpec): string | undefined {
  if (spec.writable === false) {
    return `${spec.type} field is not writable`;
  }
  if (TEXT_TYPES.has(spec.type)) {
    if (typeof value !== 'string') return `expected text, got ${typeof value}`;
    const limit = spec.length ?? DEFAULT_LENGTH[spec.type];
    if (limit !== undefined && value.length > limit) {
      return `${value.length} characters exceed the length ${limit}`;
    }
    if (spec.type === 'Email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
      return `not an email address: ${value}`;
    }
    if (spec.type === 'Url' && !/^https?:\/\/\S+$/.test(value)) {
      return `not a URL: ${value}`;
    }
    return undefined;
  }
  if (NUMBER_TYPES.has(spec.type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
    const scale = spec.scale ?? 0;
    if (decimalsOf(value) > scale) return `${value} has more than ${scale} decimals`;
    const precision = spec.precision ?? 18;
    const integerDigits = String(Math.trunc(Math.abs(value))).replace(/^0$/, '').length;
    if (integerDigits > precision - scale) {
      return `${value} exceeds ${precision - scale} integer digits`;
    }
    return undefined;
  }
  switch (spec.type) {
    case 'Checkbox':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'Date':
      return typeof value === 'string' && isIsoDate(value)
        ? undefined
        : `not a date: ${String(value)}`;
    case 'DateTime':
      return typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? undefined
        : `not a date-time: ${String(value)}`;
    case 'Picklist':
      return typeof value === 'string' && (spec.picklistValues ?? []).includes(value)
        ? undefined
        : `${String(value)} is not a value of the picklist`;
    case 'Lookup':
    case 'MasterDetail':
      return typeof value === 'string' && value.startsWith('@')
        ? undefined
        : `expected an @reference, got ${String(value)}`;
    default:
      return `unsupported field type ${spec.type}`;
  }
}
