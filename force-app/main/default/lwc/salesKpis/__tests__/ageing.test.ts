import { dealAgeing } from 'c/salesKpis';

/** A deal's ageing as the Opportunity page shows it, as of the org's today (16 November 2026). */
describe('dealAgeing', () => {
  const TODAY = '2026-11-16';
  const OPEN = {
    IsClosed: false,
    CloseDate: '2026-12-30',
    Original_Close_Date__c: '2026-11-30',
    Stage_Entered_On__c: '2026-11-06',
    CreatedDate: '2026-09-17T08:00:00.000Z'
  };

  it('counts an open deal’s days in stage and age up to today, and its slip in days', () => {
    expect(dealAgeing(OPEN, TODAY)).toEqual({ daysInStage: 10, age: 60, slipDays: 30 });
  });

  it('stops a closed deal’s ageing at its close date', () => {
    const closed = { ...OPEN, IsClosed: true, CloseDate: '2026-11-10' };
    // Entered its stage on 6 Nov and created on 17 Sep: 4 and 54 days at the close on 10 Nov.
    expect(dealAgeing(closed, TODAY)).toEqual({ daysInStage: 4, age: 54, slipDays: -20 });
  });

  it('stops at today when a closed deal’s close date is still ahead', () => {
    const early = { ...OPEN, IsClosed: true, CloseDate: '2026-12-30' };
    expect(dealAgeing(early, TODAY)).toMatchObject({ daysInStage: 10, age: 60 });
  });

  it('never counts below 0 days, for a stage entered after a backdated close', () => {
    const backdated = { ...OPEN, IsClosed: true, CloseDate: '2026-11-01' };
    expect(dealAgeing(backdated, TODAY)).toMatchObject({ daysInStage: 0, age: 45 });
  });

  it('leaves unknown figures blank', () => {
    expect(
      dealAgeing(
        { IsClosed: false, CloseDate: '2026-12-30', Stage_Entered_On__c: null, CreatedDate: null },
        TODAY
      )
    ).toEqual({ daysInStage: null, age: null, slipDays: null });
  });
});
