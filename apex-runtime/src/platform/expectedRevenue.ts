/**
 * Opportunity.ExpectedRevenue, which the platform keeps as Amount x Probability on every save
 * (Object Reference, "Opportunity": "Read-only field that is equal to the product of the
 * opportunity Amount field and the Probability"), to two decimals.
 */
import { ApexDecimal } from '../values/decimal';

const ONE_HUNDREDTH = ApexDecimal.parse('0.01');

export function expectedRevenueOf(amount: unknown, probability: unknown): ApexDecimal | null {
  return amount instanceof ApexDecimal && probability instanceof ApexDecimal
    ? amount.multiply(probability).multiply(ONE_HUNDREDTH).withScale(2, 'HALF_UP')
    : null;
}
