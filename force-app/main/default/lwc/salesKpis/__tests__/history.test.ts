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

  it('keeps rows whose values chain nowhere in their input order, before the chain', () => {
    const now = deal({ Id: 'd1', Amount: 300 });
    const rows = [
      change('d1', 'Amount', 999, 888, SAME_SECOND),
      change('d1', 'Amount', 200, 300, SAME_SECOND),
      change('d1', 'Amount', 100, 200, SAME_SECOND)
    ];
    const index = indexHistory(rows, [now]);
    expect(index.get('d1')?.rows.map((row) => row.OldValue)).toEqual([999, 100, 200]);
  });
});
