/**
 * The running user's locale and the currency amounts are in, from Lightning's
 * `@salesforce/i18n` modules (the workbench answers them from the acting user and the org).
 */
import currency from '@salesforce/i18n/currency';
import locale from '@salesforce/i18n/locale';

export const USER_LOCALE: string = locale;
export const USER_CURRENCY: string = currency;
