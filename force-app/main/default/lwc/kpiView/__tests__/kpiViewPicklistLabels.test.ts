import { dealRows, WORDS, type DealFilters } from 'c/kpiView';
import { picklistLabel, type PicklistLabels } from 'c/labelFormat';
import type { ReviewDeal } from 'c/salesKpis';

// A Danish org's labels; 'Id. Decision Makers' is inactive, so the org lists no label for it.
const LABELS: PicklistLabels = {
  StageName: { Prospecting: 'Afdækning', 'Closed Won': 'Lukket/vundet' },
  ForecastCategoryName: { 'Best Case': 'Bedste bud', Closed: 'Lukket' }
};

const NO_FILTERS: DealFilters = { sellerId: '', stage: '', forecastCategory: '', risk: '' };
const BY_STAGE = { field: 'StageName' as const, ascending: true };

function deal(Id: string, StageName: string, forecast: ReviewDeal['ForecastCategoryName']) {
  return {
    Id,
    Name: Id,
    OwnerId: '005A',
    StageName,
    Amount: 1000,
    Probability: 50,
    CloseDate: '2026-11-30',
    CreatedDate: '2026-09-01T09:00:00.000Z',
    IsClosed: StageName === 'Closed Won',
    IsWon: StageName === 'Closed Won',
    ForecastCategoryName: forecast
  } satisfies ReviewDeal;
}

const DEALS: ReviewDeal[] = [
  deal('won', 'Closed Won', 'Closed'),
  deal('early', 'Prospecting', 'Best Case'),
  deal('old', 'Id. Decision Makers', 'Pipeline')
];

describe('kpiView shows picklist values by the org’s labels', () => {
  it('shows each deal’s stage and forecast category by its label', () => {
    const [row] = dealRows(
      DEALS,
      { ...NO_FILTERS, stage: 'Closed Won' },
      BY_STAGE,
      null,
      WORDS,
      LABELS
    );
    expect(row).toMatchObject({
      stage: 'Closed Won',
      stageLabel: 'Lukket/vundet',
      forecastCategory: 'Closed',
      forecastCategoryLabel: 'Lukket'
    });
  });

  it('shows a value the org gives no label as the value, never blank', () => {
    expect(picklistLabel(LABELS, 'StageName', 'Id. Decision Makers')).toBe('Id. Decision Makers');
    expect(picklistLabel({ StageName: { Prospecting: '' } }, 'StageName', 'Prospecting')).toBe(
      'Prospecting'
    );
    expect(picklistLabel({}, 'ForecastCategoryName', 'Commit')).toBe('Commit');
  });

  it('filters by the values, whatever the labels', () => {
    const rows = dealRows(
      DEALS,
      { ...NO_FILTERS, forecastCategory: 'Best Case' },
      BY_STAGE,
      null,
      WORDS,
      LABELS
    );
    expect(rows.map((row) => row.id)).toEqual(['early']);
  });

  it('sorts the stage column in the order of the labels the user reads', () => {
    const rows = dealRows(DEALS, NO_FILTERS, BY_STAGE, null, WORDS, LABELS);
    expect(rows.map((row) => row.stageLabel)).toEqual([
      'Afdækning',
      'Id. Decision Makers',
      'Lukket/vundet'
    ]);
  });

  it('shows the values when no labels are given', () => {
    const rows = dealRows(DEALS, NO_FILTERS, BY_STAGE, null, WORDS);
    expect(rows.map((row) => [row.stageLabel, row.forecastCategoryLabel])).toEqual([
      ['Closed Won', 'Closed'],
      ['Id. Decision Makers', 'Pipeline'],
      ['Prospecting', 'Best Case']
    ]);
  });
});
