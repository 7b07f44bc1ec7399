import { computeStageAgeing, indexHistory, stageAge } from 'c/salesKpis';
import { change, deal } from './factBuilders';

/**
 * Stage age without a stored Stage_Entered_On__c comes from the history: the LATEST StageName
 * change is when the deal entered its current stage. A deal with one change cannot tell the
 * latest from the earliest; these deals have two.
 */
describe('stage age from the history of a deal with two stage changes', () => {
  const TODAY = '2026-11-16';
  const twoMoves = deal({ Id: 'two', StageName: 'Negotiation', Stage_Entered_On__c: null });
  // Salesforce returns history newest first; indexHistory puts it in time order.
  const history = indexHistory([
    change('two', 'StageName', 'Proposal', 'Negotiation', '2026-11-06T10:00:00.000Z'),
    change('two', 'Amount', 800, 1000, '2026-11-10T10:00:00.000Z'),
    change('two', 'StageName', 'Prospecting', 'Proposal', '2026-10-01T10:00:00.000Z')
  ]);

  it('counts from the latest stage change: 6 November to 16 November is 10 days', () => {
    // From the first change (1 October) it would be 46 days; from the Amount change on
    // 10 November, 6.
    expect(stageAge(twoMoves, TODAY, history)).toBe(10);
  });

  it('shows the same age in the stage ageing table', () => {
    const [row] = computeStageAgeing([twoMoves], TODAY, history);
    expect(row).toMatchObject({ stageName: 'Negotiation', averageAgeDays: 10, maxAgeDays: 10 });
  });

  it('prefers the stored Stage_Entered_On__c over the history', () => {
    const stored = { ...twoMoves, Stage_Entered_On__c: '2026-11-13' };
    expect(stageAge(stored, TODAY, history)).toBe(3);
  });
});
