/**
 * A query over 5,000 rows with a WHERE on three fields and an ORDER BY runs in a few milliseconds:
 * the WHERE clause is compiled once per execution, not walked per row.
 */
import { ApexDecimal } from '../../values/decimal';
import { ApexDate } from '../../values/temporal';
import { executeQuery } from '../soqlEngine';
import { parseSoql } from '../soqlParser';
import { environment, FixtureData, records } from './fixtureOrg';

const STAGES = ['Prospecting', 'Qualification', 'Closed Won', 'Closed Lost'];

function largeOrg() {
  const data = new FixtureData();
  const owner = data.insert('User', { Name: 'Owner' });
  const account = data.insert('Account', { Name: 'Account', Industry: 'Energy' });
  for (let i = 0; i < 5000; i++) {
    data.insert('Opportunity', {
      Name: `Deal ${i}`,
      OwnerId: owner,
      AccountId: account,
      StageName: STAGES[i % 4],
      Amount: ApexDecimal.fromInteger((i * 37) % 1000),
      CloseDate: ApexDate.of(2026, 1 + (i % 12), 1 + (i % 28))
    });
  }
  return environment(data);
}

const QUERY =
  "SELECT Name, Amount, CloseDate FROM Opportunity WHERE StageName IN ('Prospecting', 'Qualification') " +
  'AND Amount > 100 AND CloseDate = THIS_YEAR ORDER BY Amount DESC, Name';

describe('performance', () => {
  it('filters and sorts 5,000 rows in a few milliseconds', () => {
    const env = largeOrg();
    const first = records(QUERY, env);
    // (i * 37) % 1000 > 100 for stages 0 and 1: hand-checkable count, computed the slow way.
    const expected = Array.from({ length: 5000 }, (_, i) => i).filter(
      (i) => i % 4 < 2 && (i * 37) % 1000 > 100
    ).length;
    expect(first).toHaveLength(expected);
    const query = parseSoql(QUERY);
    const timings: number[] = [];
    for (let run = 0; run < 20; run++) {
      const start = performance.now();
      executeQuery(query, env);
      timings.push(performance.now() - start);
    }
    // The fastest run: what the engine costs once warm (about 3 ms on a quiet machine), whatever
    // else the machine is doing; walking the WHERE tree per row would cost several times more.
    expect(Math.min(...timings)).toBeLessThan(15);
  });
});
