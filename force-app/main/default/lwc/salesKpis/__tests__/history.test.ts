import { indexHistory, stateBefore, StageCatalog } from 'c/salesKpis';
import { change, deal, STAGES } from './factBuilders';

const CATALOG = new StageCatalog(STAGES);
const SAME_SECOND = '2026-11-10T10:00:00.000Z';
const BEFORE = Date.parse('2026-11-10T09:00:00.000Z');

describe('history rows with the same timestamp', () => {
  it('orders same-second changes of a field by how their values chain, whatever the input order', () => {
    const now = deal({ Id: 'd1', StageName: 'Negotiation' });
    const rows = [
      change('d1', 'StageName', 'Proposal', 'Negotiation', SAME_SECOND),
      change('d1', 'StageName', 'Prospecting', 'Proposal', SAME_SECOND)
    ];
    const index = indexHistory(rows);
    expect(index.get('d1')?.rows.map((row) => row.OldValue)).toEqual(['Prospecting', 'Proposal']);
    expect(stateBefore(now, index.get('d1'), BEFORE, CATALOG)?.StageName).toBe('Prospecting');
  });

  it('resolves a change and its undo in the same second from the deal’s current value', () => {
    const now = deal({ Id: 'd1', StageName: 'Prospecting' });
    const rows = [
      change('d1', 'StageName', 'Closed Won', 'Prospecting', SAME_SECOND),
      change('d1', 'StageName', 'Prospecting', 'Closed Won', SAME_SECOND)
    ].reverse();
    const index = indexHistory(rows, [now]);
    const then = stateBefore(now, index.get('d1'), BEFORE, CATALOG);
    expect(then?.StageName).toBe('Prospecting');
    expect(then?.IsWon).toBe(false);
  });

  it('keeps the input order when no order chains every row (inconsistent history)', () => {
    const now = deal({ Id: 'd1', Amount: 300 });
    const rows = [
      change('d1', 'Amount', 999, 888, SAME_SECOND),
      change('d1', 'Amount', 200, 300, SAME_SECOND),
      change('d1', 'Amount', 100, 200, SAME_SECOND)
    ];
    const index = indexHistory(rows, [now]);
    expect(index.get('d1')?.rows.map((row) => row.OldValue)).toEqual([999, 200, 100]);
  });

  it('keeps an order that already chains, even when another would too', () => {
    const now = deal({ Id: 'd1', CloseDate: '2026-12-01' });
    const rows = [
      change('d1', 'CloseDate', '2026-11-01', '2026-12-01', SAME_SECOND),
      change('d1', 'CloseDate', '2026-12-01', '2026-11-01', SAME_SECOND),
      change('d1', 'CloseDate', '2026-11-01', '2026-12-01', SAME_SECOND)
    ];
    const index = indexHistory(rows, [now]);
    expect(index.get('d1')?.rows).toEqual(rows);
  });

  it('finds the chain that ends at the current value when a greedy pick would not', () => {
    const now = deal({ Id: 'd1', StageName: 'Proposal' });
    // True order: Prospecting -> Proposal -> Negotiation -> Proposal. Taking the first row that
    // ends at Proposal (Prospecting -> Proposal) as the last one would leave the others unchained.
    const rows = [
      change('d1', 'StageName', 'Proposal', 'Negotiation', SAME_SECOND),
      change('d1', 'StageName', 'Prospecting', 'Proposal', SAME_SECOND),
      change('d1', 'StageName', 'Negotiation', 'Proposal', SAME_SECOND)
    ];
    const index = indexHistory(rows, [now]);
    expect(index.get('d1')?.rows.map((row) => row.OldValue)).toEqual([
      'Prospecting',
      'Proposal',
      'Negotiation'
    ]);
    expect(stateBefore(now, index.get('d1'), BEFORE, CATALOG)?.StageName).toBe('Prospecting');
  });
});
