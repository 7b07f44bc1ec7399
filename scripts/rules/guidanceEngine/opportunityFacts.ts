/**
 * The Opportunity fact fields that KPIs and rules read, the twin of Apex `OpportunityFacts`:
 * the original close date, the close-date push count (a push is a move to a later date), the
 * day the deal entered its current stage and the last amount change. Pure: returns the record
 * with its facts stamped and never reads the clock.
 */

export interface OpportunityFactFields {
  StageName?: string | null;
  CloseDate?: string | null;
  Amount?: number | null;
  Original_Close_Date__c?: string | null;
  Close_Date_Push_Count__c?: number | null;
  Stage_Entered_On__c?: string | null;
  Previous_Amount__c?: number | null;
  Amount_Changed_On__c?: string | null;
}

/** Facts of a new deal: the close date as first promised, no pushes yet, the stage entered today. */
export function stampNewOpportunity<T extends OpportunityFactFields>(deal: T, today: string): T {
  return {
    ...deal,
    Original_Close_Date__c: deal.Original_Close_Date__c ?? deal.CloseDate ?? null,
    Close_Date_Push_Count__c: deal.Close_Date_Push_Count__c ?? 0,
    Stage_Entered_On__c: deal.Stage_Entered_On__c ?? today,
    Previous_Amount__c: deal.Previous_Amount__c ?? null,
    Amount_Changed_On__c: deal.Amount_Changed_On__c ?? null
  };
}

/**
 * Facts of a changed deal. `after` holds the values being saved; facts it does not set are
 * carried over from `before`, as the platform does for fields a save leaves untouched.
 */
export function stampChangedOpportunity<T extends OpportunityFactFields>(
  before: OpportunityFactFields,
  after: T,
  today: string
): T {
  const stamped: T = {
    ...after,
    Original_Close_Date__c: after.Original_Close_Date__c ?? before.Original_Close_Date__c ?? null,
    Close_Date_Push_Count__c:
      after.Close_Date_Push_Count__c ?? before.Close_Date_Push_Count__c ?? null,
    Stage_Entered_On__c: after.Stage_Entered_On__c ?? before.Stage_Entered_On__c ?? null,
    Previous_Amount__c: after.Previous_Amount__c ?? before.Previous_Amount__c ?? null,
    Amount_Changed_On__c: after.Amount_Changed_On__c ?? before.Amount_Changed_On__c ?? null
  };
  // Dates are 'YYYY-MM-DD', so text order is date order.
  if (before.CloseDate && after.CloseDate && after.CloseDate > before.CloseDate) {
    stamped.Close_Date_Push_Count__c = (before.Close_Date_Push_Count__c ?? 0) + 1;
  }
  if (!stamped.Original_Close_Date__c) {
    stamped.Original_Close_Date__c = before.CloseDate ?? null;
  }
  if ((after.StageName ?? null) !== (before.StageName ?? null)) {
    stamped.Stage_Entered_On__c = today;
  }
  if ((after.Amount ?? null) !== (before.Amount ?? null)) {
    stamped.Previous_Amount__c = before.Amount ?? null;
    stamped.Amount_Changed_On__c = today;
  }
  return stamped;
}
