import { dealCurrencyOf } from './currencies';
import { GAPS } from './constants';
import { RecordSequence, refTo, type SampleRecord, type UserKey } from './model';
import type { SeededRandom } from './random';
import { segmentFor, type SegmentKey } from './segments';
import { profileOf } from './users';

export interface SampleAccount {
  readonly record: SampleRecord;
  readonly name: string;
  readonly domain: string;
  readonly owner: UserKey;
  readonly segment: SegmentKey;
  readonly lifetimeValue: number;
  readonly marketPotential: number;
  /** The currency the customer's deals are in (its country's; DKK when unknown). */
  readonly dealCurrency: string;
}

const INDUSTRY_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Manufacturing', ['Industries', 'Manufacturing', 'Components']],
  ['Technology', ['Systems', 'Software', 'Digital']],
  ['Transportation', ['Logistics', 'Freight']],
  ['Energy', ['Energy', 'Power']],
  ['Healthcare', ['Health', 'Medical']],
  ['Retail', ['Retail', 'Stores']],
  ['Banking', ['Bank', 'Capital']],
  ['Food & Beverage', ['Foods', 'Dairy']],
  ['Construction', ['Construction', 'Building']],
  ['Telecommunications', ['Telecom', 'Networks']],
  ['Utilities', ['Utilities', 'Water']],
  ['Engineering', ['Engineering']],
  ['Chemicals', ['Chemicals']]
];

const NAME_PREFIXES = [
  'Nordic',
  'Baltic',
  'Fjord',
  'Aurora',
  'Harbor',
  'Granite',
  'Meridian',
  'Polaris',
  'Skagen',
  'Birch',
  'Linden',
  'Falcon',
  'Copper',
  'Cobalt',
  'Atlas',
  'Beacon',
  'Summit',
  'Vega',
  'Orion',
  'Tidewater',
  'Coastal',
  'Highland',
  'Riverside',
  'Evergreen',
  'Bluewave',
  'Ironwood',
  'Brightline',
  'Crescent',
  'Kestrel',
  'Larch',
  'Saga',
  'Northstar',
  'Westbay',
  'Eastgate',
  'Silverline',
  'Oakridge',
  'Stonebridge',
  'Greenfield',
  'Redwood',
  'Clearwater'
];

const COUNTRIES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['Denmark', 'A/S', ['Copenhagen', 'Aarhus', 'Odense', 'Aalborg']],
  ['Sweden', 'AB', ['Stockholm', 'Gothenburg', 'Malmo']],
  ['Norway', 'AS', ['Oslo', 'Bergen', 'Trondheim']],
  ['Germany', 'GmbH', ['Hamburg', 'Berlin', 'Munich']],
  ['Netherlands', 'B.V.', ['Amsterdam', 'Rotterdam', 'Utrecht']],
  ['United Kingdom', 'Ltd', ['London', 'Manchester', 'Leeds']],
  ['Finland', 'Oy', ['Helsinki', 'Espoo', 'Tampere']],
  ['United States', 'Inc.', ['Boston', 'Chicago', 'Seattle']]
];

/** Accounts per segment and team: the enterprise team (manager1) holds the large accounts. */
const ACCOUNT_MIX: ReadonlyArray<readonly [SegmentKey, number, number]> = [
  // segment, enterprise-team accounts, commercial-team accounts
  ['strategic', 12, 0],
  ['keyGrowth', 16, 4],
  ['newLogo', 4, 12],
  ['core', 8, 24]
];

const ENTERPRISE_SELLERS: readonly UserKey[] = ['seller1', 'seller2', 'seller3', 'seller4'];
const COMMERCIAL_SELLERS: readonly UserKey[] = ['seller5', 'seller6', 'seller7', 'seller8'];

interface AccountFigures {
  readonly annualRevenue: number;
  readonly marketPotential: number;
  readonly lifetimeValue: number;
  readonly type: string;
}

/** Draws figures so that the account meets its intended segment's criteria and no earlier one. */
function figuresFor(rng: SeededRandom, segment: SegmentKey): AccountFigures {
  const logUniform = (min: number, max: number, step: number): number =>
    Math.round(Math.exp(rng.between(Math.log(min), Math.log(max))) / step) * step;
  const customerType = rng.chance(0.8) ? 'Customer - Direct' : 'Customer - Channel';
  switch (segment) {
    case 'strategic':
      return {
        annualRevenue: logUniform(1.2e9, 9e9, 1e6),
        marketPotential: logUniform(2e6, 1e7, 1000),
        lifetimeValue: logUniform(2.2e6, 1.2e7, 1000),
        type: 'Customer - Direct'
      };
    case 'keyGrowth':
      return {
        annualRevenue: logUniform(1.2e8, 9.5e8, 1e5),
        marketPotential: logUniform(1.6e6, 6e6, 1000),
        lifetimeValue: logUniform(3e5, 1.9e6, 1000),
        type: customerType
      };
    case 'newLogo':
      return {
        annualRevenue: logUniform(1e7, 6e8, 1e5),
        marketPotential: logUniform(2.6e5, 1.4e6, 1000),
        lifetimeValue: 0,
        type: 'Prospect'
      };
    case 'core':
      return {
        annualRevenue: logUniform(3e6, 9.5e7, 1e5),
        marketPotential: logUniform(5e4, 9e5, 1000),
        lifetimeValue: logUniform(4e4, 8e5, 1000),
        type: customerType
      };
  }
}

export function buildAccounts(
  rng: SeededRandom,
  segments: ReadonlyMap<SegmentKey, SampleRecord>
): SampleAccount[] {
  const plan: Array<{ segment: SegmentKey; owner: UserKey }> = [];
  const enterpriseQueue = [...ENTERPRISE_SELLERS];
  const commercialQueue = [...COMMERCIAL_SELLERS];
  for (const [segment, enterprise, commercial] of ACCOUNT_MIX) {
    for (let i = 0; i < enterprise; i++) {
      plan.push({ segment, owner: enterpriseQueue[plan.length % enterpriseQueue.length] });
    }
    for (let i = 0; i < commercial; i++) {
      plan.push({ segment, owner: commercialQueue[plan.length % commercialQueue.length] });
    }
  }

  const usedNames = new Set<string>();
  const drafts = rng.shuffle(plan).map(({ segment, owner }) => {
    const [industry, words] = rng.pick(INDUSTRY_WORDS);
    const [country, legalForm, cities] = rng.pick(COUNTRIES);
    let base = '';
    do {
      base = `${rng.pick(NAME_PREFIXES)} ${rng.pick(words)}`;
    } while (usedNames.has(base));
    usedNames.add(base);
    const figures = figuresFor(rng, segment);
    const assigned = segmentFor({
      AnnualRevenue: figures.annualRevenue,
      Customer_Lifetime_Value__c: figures.lifetimeValue,
      Market_Potential__c: figures.marketPotential,
      Type: figures.type
    });
    if (assigned.key !== segment) {
      throw new Error(`account drawn for ${segment} falls into ${assigned.key}`);
    }
    return {
      segment,
      owner,
      industry,
      country,
      city: rng.pick(cities),
      name: `${base} ${legalForm}`,
      domain: `${base.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.com`,
      figures,
      assignedOn: segment === 'newLogo' && rng.chance(0.4) ? '2026-09-14' : '2026-07-02'
    };
  });

  // Gaps: chosen per kind, more often on accounts of sellers who tend to leave gaps.
  const gapWeight = (draft: (typeof drafts)[number]): number => profileOf(draft.owner).gapProneness;
  const noIndustry = new Set(rng.sampleWeighted(drafts, GAPS.account.missingIndustry, gapWeight));
  const noWebsite = new Set(rng.sampleWeighted(drafts, GAPS.account.missingWebsite, gapWeight));
  const noCountry = new Set(
    rng.sampleWeighted(drafts, GAPS.account.missingBillingCountry, gapWeight)
  );
  // Revenue unknown: no segment's criteria match, so the account stays unsegmented.
  const core = drafts.filter((draft) => draft.segment === 'core');
  const noRevenue = new Set(rng.sampleWeighted(core, GAPS.account.unsegmented, gapWeight));
  // Potential unknown, on accounts whose segment criteria do not read it.
  const potentialNotNeeded = drafts.filter(
    (draft) => (draft.segment === 'core' || draft.segment === 'strategic') && !noRevenue.has(draft)
  );
  const noPotential = new Set(
    rng.sampleWeighted(potentialNotNeeded, GAPS.account.missingMarketPotential, gapWeight)
  );

  const sequence = new RecordSequence('Account');
  return drafts.map((draft) => {
    const record = sequence.next(
      {
        Name: draft.name,
        Type: draft.figures.type,
        Industry: noIndustry.has(draft) ? undefined : draft.industry,
        BillingCity: noCountry.has(draft) ? undefined : draft.city,
        BillingCountry: noCountry.has(draft) ? undefined : draft.country,
        Website: noWebsite.has(draft) ? undefined : `https://www.${draft.domain}`,
        AnnualRevenue: noRevenue.has(draft) ? undefined : draft.figures.annualRevenue,
        NumberOfEmployees: Math.max(12, Math.round(draft.figures.annualRevenue / 240_000)),
        Market_Potential__c: noPotential.has(draft) ? undefined : draft.figures.marketPotential,
        Customer_Lifetime_Value__c: draft.figures.lifetimeValue,
        Customer_Segment__c: noRevenue.has(draft)
          ? undefined
          : refTo(segmentRecord(segments, draft.segment)),
        Segment_Assigned_On__c: noRevenue.has(draft) ? undefined : draft.assignedOn
      },
      draft.owner
    );
    return {
      record,
      name: draft.name,
      domain: draft.domain,
      owner: draft.owner,
      segment: draft.segment,
      lifetimeValue: draft.figures.lifetimeValue,
      marketPotential: draft.figures.marketPotential,
      dealCurrency: dealCurrencyOf(draft.country)
    };
  });
}

function segmentRecord(
  segments: ReadonlyMap<SegmentKey, SampleRecord>,
  key: SegmentKey
): SampleRecord {
  const record = segments.get(key);
  if (!record) {
    throw new Error(`segment ${key} was not generated`);
  }
  return record;
}
