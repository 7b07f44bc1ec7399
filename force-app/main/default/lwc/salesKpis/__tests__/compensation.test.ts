import { computeCompensationAlignment, isStrategicComponent } from 'c/salesKpis';
import type { CompensationComponent, CompensationPrinciples } from 'c/salesKpis';

function component(
  name: string,
  weight: number | null,
  scope: string,
  strategicKpi: string | null = 'None'
): CompensationComponent {
  return { Name: name, Weight__c: weight, Scope__c: scope, Strategic_KPI__c: strategicKpi };
}

// The sample org's Seller Plan 2026 H2.
const SAMPLE_PLAN = [
  component('Individual revenue attainment', 45, 'Individual'),
  component('Team revenue attainment', 15, 'Team'),
  component('Team pipeline coverage', 10, 'Team', 'Pipeline Coverage'),
  component('Data-quality score of own deals', 10, 'Individual', 'Data Quality'),
  component('Forecast accuracy', 10, 'Individual', 'Forecast Accuracy'),
  component('Time with customers', 5, 'Individual', 'Time With Customers'),
  component('Skill development completed', 5, 'Individual', 'Skills')
];

const PUBLISHED: CompensationPrinciples = {
  Id: 'v2',
  Name: 'Sales Strategy 2026 H2',
  Target_Team_Variable_Share__c: 40,
  Target_Strategic_KPI_Share__c: 25
};

const ACTIVE_PLAN = { Active__c: true, Strategy_Version__c: 'v2' };

describe('computeCompensationAlignment', () => {
  it('finds the sample plan team-light: 25 % team against 40 %, strategic 40 % against 25 %', () => {
    const alignment = computeCompensationAlignment(ACTIVE_PLAN, SAMPLE_PLAN, PUBLISHED);
    expect(alignment.totalWeight).toBe(100);
    expect(alignment.weightsSumTo100).toBe(true);
    // Team: 15 + 10 = 25 of 100. Strategic: 10 + 10 + 10 + 5 + 5 = 40 of 100.
    expect(alignment.teamShare).toBeCloseTo(0.25, 10);
    expect(alignment.strategicShare).toBeCloseTo(0.4, 10);
    expect(alignment.teamTarget).toBeCloseTo(0.4, 10);
    expect(alignment.strategicTarget).toBeCloseTo(0.25, 10);
    expect(alignment.teamMeetsTarget).toBe(false);
    expect(alignment.strategicMeetsTarget).toBe(true);
    expect(alignment.warnings).toEqual([
      { code: 'teamShareBelowTarget', share: 0.25, target: 0.4 }
    ]);
  });

  it('gives each component its share of the plan and marks team and strategic ones', () => {
    const alignment = computeCompensationAlignment(ACTIVE_PLAN, SAMPLE_PLAN, PUBLISHED);
    expect(
      alignment.components.map((c) => [c.component.Name, c.share, c.isTeam, c.isStrategic])
    ).toEqual([
      ['Individual revenue attainment', 0.45, false, false],
      ['Team revenue attainment', 0.15, true, false],
      ['Team pipeline coverage', 0.1, true, true],
      ['Data-quality score of own deals', 0.1, false, true],
      ['Forecast accuracy', 0.1, false, true],
      ['Time with customers', 0.05, false, true],
      ['Skill development completed', 0.05, false, true]
    ]);
  });

  it('warns when the weights do not add up to 100, and measures shares against the actual total', () => {
    const alignment = computeCompensationAlignment(
      ACTIVE_PLAN,
      [component('Revenue', 50, 'Individual'), component('Team', 40, 'Team', 'Win Rate')],
      PUBLISHED
    );
    expect(alignment.totalWeight).toBe(90);
    expect(alignment.weightsSumTo100).toBe(false);
    // 40 of 90.
    expect(alignment.teamShare).toBeCloseTo(4 / 9, 10);
    expect(alignment.warnings).toEqual([{ code: 'weightsDoNotSumTo100', total: 90 }]);
  });

  it('accepts thirds that add up to 100 at the field’s two decimals', () => {
    const alignment = computeCompensationAlignment(
      ACTIVE_PLAN,
      [
        component('A', 33.33, 'Team', 'Win Rate'),
        component('B', 33.33, 'Team', 'Win Rate'),
        component('C', 33.34, 'Team', 'Win Rate')
      ],
      PUBLISHED
    );
    expect(alignment.totalWeight).toBe(100);
    expect(alignment.warnings).toEqual([]);
  });

  it('counts a blank weight as 0 and names the component', () => {
    const alignment = computeCompensationAlignment(
      ACTIVE_PLAN,
      [component('Revenue', 60, 'Team', 'Win Rate'), component('Skills', null, 'Team', 'Skills')],
      PUBLISHED
    );
    expect(alignment.totalWeight).toBe(60);
    expect(alignment.components[1].share).toBe(0);
    expect(alignment.warnings).toEqual([
      { code: 'blankWeight', component: 'Skills' },
      { code: 'weightsDoNotSumTo100', total: 60 }
    ]);
  });

  it('warns about a plan without components and has no shares', () => {
    const alignment = computeCompensationAlignment(ACTIVE_PLAN, [], PUBLISHED);
    expect(alignment.totalWeight).toBe(0);
    expect(alignment.teamShare).toBeNull();
    expect(alignment.strategicShare).toBeNull();
    expect(alignment.teamMeetsTarget).toBeNull();
    expect(alignment.warnings).toEqual([{ code: 'noComponents' }]);
  });

  it('warns when the strategic share is below the principles and treats a target as a minimum', () => {
    const alignment = computeCompensationAlignment(
      ACTIVE_PLAN,
      [component('Revenue', 60, 'Team'), component('Coverage', 40, 'Team', 'Pipeline Coverage')],
      { ...PUBLISHED, Target_Team_Variable_Share__c: 100, Target_Strategic_KPI_Share__c: 50 }
    );
    expect(alignment.teamMeetsTarget).toBe(true);
    expect(alignment.warnings).toEqual([
      { code: 'strategicShareBelowTarget', share: 0.4, target: 0.5 }
    ]);
  });

  it('has nothing to compare with when no strategy is published, and says so', () => {
    const alignment = computeCompensationAlignment(ACTIVE_PLAN, SAMPLE_PLAN, null);
    expect(alignment.teamTarget).toBeNull();
    expect(alignment.teamMeetsTarget).toBeNull();
    expect(alignment.strategicMeetsTarget).toBeNull();
    expect(alignment.warnings).toEqual([{ code: 'noPublishedStrategy' }]);
  });

  it('compares with blank targets as unknown, not as failed', () => {
    const alignment = computeCompensationAlignment(ACTIVE_PLAN, SAMPLE_PLAN, {
      Id: 'v2',
      Target_Team_Variable_Share__c: null
    });
    expect(alignment.teamMeetsTarget).toBeNull();
    expect(alignment.warnings).toEqual([]);
  });

  it('warns when the plan was built for another strategy version than the published one', () => {
    const alignment = computeCompensationAlignment(
      { Active__c: true, Strategy_Version__c: 'v1' },
      SAMPLE_PLAN,
      PUBLISHED
    );
    expect(alignment.warnings.at(-1)).toEqual({
      code: 'otherStrategyVersion',
      published: 'Sales Strategy 2026 H2'
    });
  });
});

describe('isStrategicComponent', () => {
  it.each([
    ['Win Rate', true],
    ['Skills', true],
    ['None', false],
    [null, false],
    ['', false]
  ])('%s is strategic: %s', (kpi, strategic) => {
    expect(isStrategicComponent(component('x', 10, 'Team', kpi))).toBe(strategic);
  });
});
