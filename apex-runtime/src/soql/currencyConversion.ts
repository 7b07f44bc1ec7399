/**
 * Currency conversion in a multi-currency org (SOQL and SOSL Reference, "convertCurrency()"):
 * `convertCurrency(field)` in the SELECT list gives the amount in the running user's currency, and
 * aggregate functions of currency fields give amounts in the corporate currency ("If a query
 * includes a GROUP BY or HAVING clause, any currency data returned by using an aggregate function,
 * such as SUM() or MAX(), is in the org's default currency").
 *
 * An amount in currency A is `amount / rate(A) * rate(B)` in currency B, each rate being units of
 * the currency per unit of the corporate currency (Object Reference, "CurrencyType":
 * "Conversion rate of this currency type against the corporate currency"). With advanced currency
 * management, "dated exchange rates are used when converting currency fields on opportunities,
 * opportunity line items, and opportunity history ... convertCurrency uses the conversion rate that
 * corresponds to a given field (for example, CloseDate on opportunities)": the DatedConversionRate
 * period with StartDate <= CloseDate < NextStartDate; without one (before the first period, or no
 * CloseDate) the CurrencyType rate. Other objects always use the CurrencyType rate ("the most
 * recent conversion date entered").
 *
 * Rounding, a choice where the SOQL reference is silent, pinned by tests and to check against an
 * org: each record's amount is converted exactly and rounded once to the target currency's
 * DecimalPlaces, half away from zero (HALF_UP), as a converted amount is shown; an aggregate adds
 * up those rounded amounts (so a grouped SUM equals the sum of the converted rows) and rounds its
 * result (an AVG) to the corporate currency's DecimalPlaces. The package's Apex (CurrencyConverter)
 * and the CLI audit round the same way.
 */
import type { ObjectDescribe } from '../metadata/schema';
import type { StoredRow } from '../platform/dataSource';
import { ApexDecimal } from '../values/decimal';
import { numericValue } from '../values/equality';
import { ApexDate } from '../values/temporal';
import type { ExecutionContext } from './executionContext';
import { fieldAccessor, resolveFieldPath, type ResolvedField } from './fieldPaths';
import type { FieldRef } from './soqlAst';
import { QueryException } from './soqlErrors';

/** The objects whose currency fields use dated rates, and the date field that picks the rate. */
const DATED_BY: Readonly<Record<string, string>> = { Opportunity: 'CloseDate' };

/** Digits kept in the exact intermediate result before the final rounding. */
const WORKING_SCALE = 18;

export interface CurrencyRates {
  /** The running user's currency (User.DefaultCurrencyIsoCode). */
  readonly userCurrency: string;
  readonly corporateCurrency: string;
  /** Advanced currency management: DatedConversionRate periods apply to opportunities. */
  readonly datedRates: boolean;
  decimalPlaces(isoCode: string): number | undefined;
  /** Units of the currency per corporate unit, on the date when dated rates apply to it. */
  rate(isoCode: string, date: ApexDate | null): ApexDecimal | undefined;
}

interface Period {
  start: ApexDate;
  next: ApexDate | null;
  rate: ApexDecimal;
}

function decimalOf(value: unknown): ApexDecimal | undefined {
  const number = numericValue(value);
  return number instanceof ApexDecimal ? number : undefined;
}

/** The rates as the org's CurrencyType and DatedConversionRate rows hold them now. */
export function currencyRatesOf(
  currencyRows: Iterable<StoredRow>,
  datedRows: Iterable<StoredRow> | undefined,
  userCurrency: string
): CurrencyRates {
  const rates = new Map<string, ApexDecimal>();
  const places = new Map<string, number>();
  let corporateCurrency = '';
  for (const row of currencyRows) {
    const code = String(row.IsoCode);
    const rate = decimalOf(row.ConversionRate);
    if (rate) rates.set(code, rate);
    if (typeof row.DecimalPlaces === 'number') places.set(code, row.DecimalPlaces);
    if (row.IsCorporate === true) corporateCurrency = code;
  }
  const periods = new Map<string, Period[]>();
  for (const row of datedRows ?? []) {
    const rate = decimalOf(row.ConversionRate);
    if (!(row.StartDate instanceof ApexDate) || !rate) continue;
    const list = periods.get(String(row.IsoCode)) ?? [];
    list.push({
      start: row.StartDate,
      next: row.NextStartDate instanceof ApexDate ? row.NextStartDate : null,
      rate
    });
    periods.set(String(row.IsoCode), list);
  }
  return {
    userCurrency,
    corporateCurrency,
    datedRates: datedRows !== undefined,
    decimalPlaces: (code) => places.get(code),
    rate(code, date) {
      if (date) {
        const period = periods
          .get(code)
          ?.find(
            (candidate) =>
              candidate.start.epochDay <= date.epochDay &&
              (candidate.next === null || date.epochDay < candidate.next.epochDay)
          );
        if (period) return period.rate;
      }
      return rates.get(code);
    }
  };
}

/** An amount in `from` as an exact amount in `to` (rounding is the caller's). */
export function convertExactly(
  amount: ApexDecimal,
  from: string,
  to: string,
  rates: CurrencyRates,
  date: ApexDate | null
): ApexDecimal {
  if (from === to) return amount;
  const fromRate = rates.rate(from, date);
  const toRate = rates.rate(to, date);
  if (!fromRate || !toRate) {
    throw new QueryException(`no conversion rate for ${fromRate ? to : from}`);
  }
  return amount.multiply(toRate).divideToScale(fromRate, WORKING_SCALE, 'HALF_EVEN');
}

/** Rounds an amount to the currency's decimal places, half away from zero. */
export function roundToCurrency(
  amount: ApexDecimal,
  code: string,
  rates: CurrencyRates
): ApexDecimal {
  return amount.withScale(rates.decimalPlaces(code) ?? 2, 'HALF_UP');
}

/** The rates of the query's org, or the error for an org without multiple currencies. */
export function ratesFor(ctx: ExecutionContext, what: string): CurrencyRates {
  const rates = ctx.env.currencies;
  if (!rates) {
    throw new QueryException(`${what} is only available in an org with multiple currencies`);
  }
  return rates;
}

/**
 * Reads a currency field of a row (through its path) as an exact amount in `target` (the user's
 * currency for convertCurrency(), the corporate one for aggregates): the record's own currency
 * and, for opportunities under advanced currency management, its CloseDate pick the rate.
 */
export function convertedReader(
  ctx: ExecutionContext,
  resolved: ResolvedField,
  ref: FieldRef,
  fromAlias: string | undefined,
  rates: CurrencyRates,
  target: 'user' | 'corporate'
): (row: StoredRow) => ApexDecimal | null {
  const amountOf = fieldAccessor(resolved, ctx);
  const sibling = (name: string) =>
    fieldAccessor(
      resolveFieldPath(
        ctx.schema,
        rootOf(resolved),
        { ...ref, path: [...ref.path.slice(0, -1), name] },
        fromAlias
      ),
      ctx
    );
  const currencyOf = ctx.schema.field(resolved.object.name, 'CurrencyIsoCode')
    ? sibling('CurrencyIsoCode')
    : () => rates.corporateCurrency;
  const dateField = rates.datedRates ? DATED_BY[resolved.object.name] : undefined;
  const dateOf = dateField ? sibling(dateField) : () => null;
  const to = target === 'user' ? rates.userCurrency : rates.corporateCurrency;
  return (row) => {
    const amount = decimalOf(amountOf(row));
    if (!amount) return null;
    const from = currencyOf(row);
    const date = dateOf(row);
    return convertExactly(
      amount,
      typeof from === 'string' ? from : rates.corporateCurrency,
      to,
      rates,
      date instanceof ApexDate ? date : null
    );
  };
}

function rootOf(resolved: ResolvedField): ObjectDescribe {
  return resolved.hops.length > 0 ? resolved.hops[0].from : resolved.object;
}
