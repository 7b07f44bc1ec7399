/**
 * A field's value as Lightning's record page shows it, by the field's UI API data type and the
 * user's locale and time zone: amounts in the currency, percentages with the sign, dates in the
 * locale's order (a date has no time zone; a date-time is shown in the user's), checkboxes as
 * checkboxes, rich text rendered (by lightning-formatted-rich-text, which sanitises), lookups
 * as the related record's name. Pure, so the shell and its tests share it.
 */

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

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}

function formatDate(value: string, format: UserFormat): string {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return value;
  return new Intl.DateTimeFormat(safeLocale(format.locale), {
    dateStyle: 'medium',
    timeZone: 'UTC'
  }).format(day);
}

function formatDateTime(value: string, format: UserFormat): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(safeLocale(format.locale), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: format.timeZone
    }).format(at);
  } catch {
    return at.toISOString();
  }
}

function formatNumber(value: number, field: FieldDescribe, format: UserFormat): string {
  const locale = safeLocale(format.locale);
  switch (field.dataType) {
    case 'Currency':
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: format.currency,
        maximumFractionDigits: field.scale ?? 2
      }).format(value);
    case 'Percent':
      return new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: field.scale ?? 2
      }).format(value / 100);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: field.scale ?? 2 }).format(
        value
      );
  }
}

/** Objects with a record page in the workbench: their lookups link to it. */
export type RecordPageObjects = ReadonlySet<string>;

export function formatField(
  field: FieldDescribe,
  cell: { value: unknown; displayValue: string | null } | undefined,
  format: UserFormat,
  pageObjects: RecordPageObjects
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
  if (typeof value === 'number') {
    return { ...base, text: formatNumber(value, field, format), sortValue: value };
  }
  const raw = String(value);
  switch (field.dataType) {
    case 'Date':
      return { ...base, text: formatDate(raw, format), sortValue: raw };
    case 'DateTime':
      return { ...base, text: formatDateTime(raw, format), sortValue: raw };
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
