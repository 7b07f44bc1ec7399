import { inCorporateCurrency } from './currencies';
import { CLOSED_WON, QUARTERS, type QuarterName } from './constants';
import { RecordSequence, type SampleRecord, type SampleUser } from './model';
import type { SampleOpportunity } from './opportunities';
import type { SeededRandom } from './random';
import { managerOf } from './users';

/**
 * Pipeline coverage each seller's 2026-Q4 target is set to produce, from thin (1.6x) to
 * comfortable (4.1x) around the strategy's 3x target.
 */
export const Q4_COVERAGE_BY_SELLER: Record<string, number> = {
  seller1: 3.4,
  seller2: 2.6,
  seller3: 1.6,
  seller4: 4.1,
  seller5: 3.0,
  seller6: 2.2,
  seller7: 1.9,
  seller8: 3.6
};

const roundTo5000 = (value: number): number => Math.max(5000, Math.round(value / 5000) * 5000);

/** A deal's amount in DKK, the currency of the sellers and their targets. */
function amountOf(opp: SampleOpportunity): number {
  const amount = opp.record.fields.Amount;
  return typeof amount === 'number' ? inCorporateCurrency(amount, opp.account.dealCurrency) : 0;
}

/**
 * One quota per seller and quarter. Q3 targets sit around what each seller won (attainment
 * 77-118 %); Q4 targets are set so that open pipeline / (target - won) gives the coverage above.
 */
export function buildSalesTargets(
  rng: SeededRandom,
  users: readonly SampleUser[],
  opportunities: readonly SampleOpportunity[]
): SampleRecord[] {
  const sequence = new RecordSequence('Sales_Target__c');
  const records: SampleRecord[] = [];
  for (const quarter of Object.keys(QUARTERS) as QuarterName[]) {
    const { start, end } = QUARTERS[quarter];
    for (const seller of users.filter((user) => user.role === 'seller')) {
      const deals = opportunities.filter(
        (opp) => opp.owner === seller.key && opp.closeDate >= start && opp.closeDate <= end
      );
      const won = deals
        .filter((opp) => opp.stageName === CLOSED_WON)
        .reduce((sum, opp) => sum + amountOf(opp), 0);
      const open = deals
        .filter((opp) => !opp.isClosed)
        .reduce((sum, opp) => sum + amountOf(opp), 0);
      const amount =
        quarter === '2026-Q3'
          ? roundTo5000(won / rng.between(0.77, 1.18))
          : roundTo5000(won + open / Q4_COVERAGE_BY_SELLER[seller.key]);
      records.push(
        sequence.next(
          {
            Name: `${seller.firstName} ${seller.lastName} ${quarter}`,
            Period_Start__c: start,
            Period_End__c: end,
            Amount__c: amount
          },
          managerOf(users, seller.key),
          { Seller__c: seller.key }
        )
      );
    }
  }
  return records;
}
