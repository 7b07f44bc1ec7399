/**
 * A field's value as Lightning's record page shows it, by the field's UI API data type and the
 * user's locale and time zone: amounts in the currency, percentages with the sign, dates in the
 * locale's order (a date has no time zone; a date-time is shown in the user's), checkboxes as
 * checkboxes, rich text rendered (by lightning-formatted-rich-text, which sanitises), lookups
 * as the related record's name. Pure, so the shell and its tests share it. The formats are
 * c/userFormat's: the one home of locale-aware formatting, which the package's components use too.
 */
import { dateText, dateTimeText, fieldNumber, formatsFor, type UserFormats } from 'c/userFormat';

export interface FieldDescribe {
  apiName: string;
  label: string;
  dataType: string;
  scale?: number;
  htmlFormatted?: boolean;
  referenceTo?: string;
}

export interface UserFormat {
  locale: string;
  timeZone: string;
  currency: string;
}

export interface FormattedField {
  apiName: string;
  label: string;
  /** What a text cell shows; '' for a blank field (shown blank, as Lightning does). */
  text: string;
  isCheckbox: boolean;
  checked: boolean;
  isRichText: boolean;
  html: string;
  /** A link (#/<Object>/<Id> for a lookup, the URL or mailto:) or ''. */
  href: string;
  /** The raw value, for sorting a list. */
  sortValue: string | number;
}

/** A number field as Lightning shows it: amounts in the currency, percentages with the sign. */
function formatNumber(value: number, field: FieldDescribe, formats: UserFormats): string {
  const kind =
    field.dataType === 'Currency'
      ? 'currency'
      : field.dataType === 'Percent'
        ? 'percent'
        : 'number';
  return fieldNumber(kind, value, field.scale, formats);
}

/** Objects with a record page in the workbench: their lookups link to it. */
export type RecordPageObjects = ReadonlySet<string>;

/**
 * A field's value as the record page shows it. An amount is shown in the record's own currency
 * when the record names one (its CurrencyIsoCode, in a multi-currency org), as a record page does;
 * else in the user's.
 */
export function formatField(
  field: FieldDescribe,
  cell: { value: unknown; displayValue: string | null } | undefined,
  format: UserFormat,
  pageObjects: RecordPageObjects,
  recordCurrency?: unknown
): FormattedField {
  const value = cell?.value ?? null;
  const base: FormattedField = {
    apiName: field.apiName,
    label: field.label,
    text: '',
    isCheckbox: false,
    checked: false,
    isRichText: false,
    html: '',
    href: '',
    sortValue: ''
  };
  if (field.dataType === 'Boolean') {
    return { ...base, isCheckbox: true, checked: value === true, sortValue: value ? 1 : 0 };
  }
  if (value === null || value === undefined || value === '') return base;
  if (field.htmlFormatted) {
    const html = String(value);
    // The sort key and search text of rich text: its words, not its markup.
    const words = html
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { ...base, isRichText: true, html, text: words, sortValue: words };
  }
  const formats = formatsFor(
    format.locale,
    typeof recordCurrency === 'string' && recordCurrency !== '' ? recordCurrency : format.currency,
    format.timeZone
  );
  if (typeof value === 'number') {
    return { ...base, text: formatNumber(value, field, formats), sortValue: value };
  }
  const raw = String(value);
  switch (field.dataType) {
    case 'Date':
      return { ...base, text: dateText(raw, formats), sortValue: raw };
    case 'DateTime':
      return { ...base, text: dateTimeText(raw, formats), sortValue: raw };
    case 'Reference': {
      const name = cell?.displayValue ?? raw;
      const href =
        field.referenceTo && pageObjects.has(field.referenceTo)
          ? `#/${field.referenceTo}/${raw}`
          : '';
      return { ...base, text: name, href, sortValue: name.toLowerCase() };
    }
    case 'Url':
      return { ...base, text: raw, href: /^https?:\/\//i.test(raw) ? raw : '', sortValue: raw };
    case 'Email':
      return { ...base, text: raw, href: `mailto:${raw}`, sortValue: raw };
    default: {
      // The server's display value: rule names stored in a field read as the rules' labels.
      const text = cell?.displayValue ?? raw;
      return { ...base, text, sortValue: text.toLowerCase() };
    }
  }
}
