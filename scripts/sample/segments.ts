import { RecordSequence, refTo, type SampleRecord } from './model';

/** The Account values the segment criteria read. */
export interface SegmentInputs {
  readonly AnnualRevenue: number | null;
  readonly Customer_Lifetime_Value__c: number;
  readonly Market_Potential__c: number | null;
  readonly Type: string;
}

/** A formula comparison with a blank operand is blank, which a criterion treats as FALSE. */
const atLeast = (value: number | null, minimum: number): boolean =>
  value !== null && value >= minimum;

export type SegmentKey = 'strategic' | 'keyGrowth' | 'newLogo' | 'core';

export interface SegmentDefinition {
  readonly key: SegmentKey;
  readonly name: string;
  readonly priority: number;
  /** Salesforce formula text on Account, TRUE = member; evaluated in priority order. */
  readonly criteriaFormula: string;
  /** The same criterion in TypeScript, used to assign accounts while generating. */
  readonly matches: (account: SegmentInputs) => boolean;
  readonly coverageModel: string;
  readonly valueFocus: string;
  readonly targetRevenueShare: number;
  readonly description: string;
}

export const SEGMENT_DEFINITIONS: readonly SegmentDefinition[] = [
  {
    key: 'strategic',
    name: 'Strategic Accounts',
    priority: 1,
    criteriaFormula: 'AND(AnnualRevenue >= 1000000000, Customer_Lifetime_Value__c >= 2000000)',
    matches: (a) =>
      atLeast(a.AnnualRevenue, 1_000_000_000) && a.Customer_Lifetime_Value__c >= 2_000_000,
    coverageModel: 'Field',
    valueFocus: 'Retain and Expand',
    targetRevenueShare: 40,
    description:
      'Large existing customers with a proven lifetime value. A named account executive leads a ' +
      'team with services and partners; every account has an active account plan reviewed each ' +
      'quarter.'
  },
  {
    key: 'keyGrowth',
    name: 'Key Growth',
    priority: 2,
    criteriaFormula: 'AND(AnnualRevenue >= 100000000, Market_Potential__c >= 1500000)',
    matches: (a) =>
      atLeast(a.AnnualRevenue, 100_000_000) && atLeast(a.Market_Potential__c, 1_500_000),
    coverageModel: 'Hybrid',
    valueFocus: 'Develop Potential',
    targetRevenueShare: 30,
    description:
      'Mid-size and large companies with a large untapped potential. Field and inside sales work ' +
      'as one team: inside sales runs the cadence, the field seller joins for discovery and ' +
      'executive meetings.'
  },
  {
    key: 'newLogo',
    name: 'New Logos',
    priority: 3,
    criteriaFormula: 'AND(ISPICKVAL(Type, "Prospect"), Market_Potential__c >= 250000)',
    matches: (a) => a.Type === 'Prospect' && atLeast(a.Market_Potential__c, 250_000),
    coverageModel: 'Inside',
    valueFocus: 'Acquire',
    targetRevenueShare: 15,
    description:
      'Prospects worth winning. Marketing qualifies the demand, inside sales converts it; the ' +
      'field joins only from the proposal stage.'
  },
  {
    key: 'core',
    name: 'Core Customers',
    priority: 4,
    criteriaFormula: 'NOT(ISBLANK(AnnualRevenue))',
    matches: (a) => a.AnnualRevenue !== null,
    coverageModel: 'Digital',
    valueFocus: 'Serve Efficiently',
    targetRevenueShare: 15,
    description:
      'Every account with a known revenue that no other segment claims. Served through digital ' +
      'channels and partners, ' +
      'with inside sales for renewals and upgrades.'
  }
];

/** The first segment, in priority order, whose criteria the account meets. */
export function segmentFor(account: SegmentInputs): SegmentDefinition {
  const ordered = [...SEGMENT_DEFINITIONS].sort((a, b) => a.priority - b.priority);
  const match = ordered.find((segment) => segment.matches(account));
  if (!match) {
    throw new Error('an account drawn for a segment matches none: check its figures');
  }
  return match;
}

export function buildSegments(publishedStrategy: SampleRecord): Map<SegmentKey, SampleRecord> {
  const sequence = new RecordSequence('Customer_Segment__c');
  return new Map(
    SEGMENT_DEFINITIONS.map((segment) => [
      segment.key,
      sequence.next(
        {
          Name: segment.name,
          Description__c: segment.description,
          Criteria_Formula__c: segment.criteriaFormula,
          Priority__c: segment.priority,
          Coverage_Model__c: segment.coverageModel,
          Value_Focus__c: segment.valueFocus,
          Target_Revenue_Share__c: segment.targetRevenueShare,
          Active__c: true,
          Strategy_Version__c: refTo(publishedStrategy)
        },
        'director'
      )
    ])
  );
}
