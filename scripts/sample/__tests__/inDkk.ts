/**
 * The independent recomputation of sample amounts in DKK, the sample org's corporate currency and
 * every sample user's: each foreign deal (EUR, SEK, NOK) at the dated rate of its close date from
 * config/currencies.json, rounded to the øre, without the package's Apex.
 */
import type { OrgRecord } from '../../org/embeddedOrg';
import { dealAmountInCorporate } from '../currencies';

/** A deal's Amount in DKK (a blank Amount counts as 0). */
export function inDkk(deal: OrgRecord): number {
  const amount = deal.Amount === null || deal.Amount === undefined ? 0 : Number(deal.Amount);
  return (
    dealAmountInCorporate(
      amount,
      deal.CurrencyIsoCode === undefined ? undefined : String(deal.CurrencyIsoCode),
      String(deal.CloseDate)
    ) ?? 0
  );
}

/** The deals' amounts in DKK, added up and rounded to the øre. */
export function sumInDkk(deals: readonly OrgRecord[]): number {
  return Math.round(deals.reduce((sum, deal) => sum + inDkk(deal), 0) * 100) / 100;
}
