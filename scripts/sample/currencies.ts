/**
 * The sample org's currencies: its deals are in the currency of the customer's country (the
 * corporate DKK for Denmark and for countries outside the org's currencies), at the rates of
 * `config/currencies.json`, the file the offline runtime and `ssm seed` read the org's
 * CurrencyType and DatedConversionRate rows from. Accounts stay in the corporate currency: their
 * figures feed the segment criteria, which read a record's own currency.
 */
import { projectCurrencyRates, toCorporate, type CurrencyRates } from '../cli/currencyRates';

const CURRENCIES_FILE = 'config/currencies.json';

/** The customer countries whose deals are in their own currency. */
const CURRENCY_OF_COUNTRY: Readonly<Record<string, string>> = {
  Sweden: 'SEK',
  Norway: 'NOK',
  Germany: 'EUR',
  Netherlands: 'EUR',
  Finland: 'EUR'
};

/** The org's rates, converting as the CLI audit and the package's Apex do. */
function readRates(): CurrencyRates {
  const rates = projectCurrencyRates();
  if (rates === null) throw new Error(`the project's org has one currency: no ${CURRENCIES_FILE}`);
  return rates;
}

const rates = readRates();

/** The CurrencyType rate of a currency (units per DKK). */
function typeRate(isoCode: string): number {
  const applied = rates.rateFor(isoCode, null);
  if (applied === null) throw new Error(`${CURRENCIES_FILE}: no rate for ${isoCode}`);
  return applied.rate;
}

/** The corporate currency's code (DKK), the one every sample figure is planned in. */
export const CORPORATE_CURRENCY = rates.corporate;

/** The currency a customer in `country` is billed in. */
export function dealCurrencyOf(country: string | undefined): string {
  return (country && CURRENCY_OF_COUNTRY[country]) ?? CORPORATE_CURRENCY;
}

/**
 * An amount planned in DKK as the customer's currency states it: at the CurrencyType rate, to
 * whole hundreds (a seller quotes EUR 67,300, not EUR 67,312.44).
 */
export function inDealCurrency(amount: number, isoCode: string): number {
  if (isoCode === CORPORATE_CURRENCY) return amount;
  return Math.max(100, Math.round((amount * typeRate(isoCode)) / 100) * 100);
}

/** A deal amount in DKK again (the CurrencyType rate), for planning targets. */
export function inCorporateCurrency(amount: number, isoCode: string): number {
  if (isoCode === CORPORATE_CURRENCY) return amount;
  return amount / typeRate(isoCode);
}

/**
 * A deal's amount in the corporate currency as the org converts it: at the dated rate of the
 * deal's close date, rounded to the cent (KpiSnapshotJob's sums, the review's figures).
 */
export function dealAmountInCorporate(
  amount: number | null,
  isoCode: string | undefined,
  closeDate: string
): number | null {
  if (amount === null || isoCode === undefined || isoCode === CORPORATE_CURRENCY) return amount;
  const applied = rates.rateFor(isoCode, closeDate);
  if (applied === null) throw new Error(`${CURRENCIES_FILE}: no rate for ${isoCode}`);
  return toCorporate(amount, applied.rate);
}
