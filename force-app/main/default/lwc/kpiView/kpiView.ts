/**
 * How the KPI components (c/pipelineReview, c/pipelineKpis) show c/salesKpis' results: pure
 * functions from the KPI report and the loaded deals to what a page shows (period choices, KPI
 * tiles against targets, the filtered and sorted deal table, the per-seller table), and the
 * labels they use. No DOM, so every rule is unit-tested.
 */
import { formatLabel, picklistLabel, type PicklistLabels } from 'c/labelFormat';
import {
  dateText,
  decimal,
  formatsFor,
  integer,
  precisePercent,
  wholeMoney,
  type UserFormats
} from 'c/userFormat';
import { LABELS } from './labels';
import {
  addDays,
  monthOf,
  quarterOf,
  type AgainstTarget,
  type Coverage,
  type FiscalCalendar,
  type IsoDate,
  type Period,
  type ReviewDeal,
  type SalesKpiReport,
  type SellerRow,
  type TeamMember
} from 'c/salesKpis';

export { LABELS };

export interface Option {
  label: string;
  value: string;
}

/** The words the view needs, from custom labels (labels.ts). */
export interface ReviewWords {
  thisQuarter: string;
  nextQuarter: string;
  lastQuarter: string;
  thisMonth: string;
  nextMonth: string;
  met: string;
  notMet: string;
  noTarget: string;
  targetMet: string;
  target: string;
  pushed: string;
  flagged: string;
  lowScore: string;
}

export function periodValue(period: Pick<Period, 'start' | 'end'>): string {
  return `${period.start}..${period.end}`;
}

export function parsePeriodValue(value: string): { start: IsoDate; end: IsoDate } {
  const [start, end] = value.split('..');
  return { start, end };
}

/**
 * This, next and last fiscal quarter and this and next month, around `today`. Quarters follow
 * the calendar: with the org's Period rows (custom fiscal years) this quarter is the row
 * containing today, next quarter the row starting the day after it ends, last quarter the row
 * ending the day before it starts (beyond the rows, the start month; see c/salesKpis quarterOf).
 */
export function periodOptions(
  today: IsoDate,
  calendar: FiscalCalendar,
  words: ReviewWords
): Option[] {
  const quarter = quarterOf(today, calendar);
  const month = monthOf(today);
  const choices: [string, Period][] = [
    [words.thisQuarter, quarter],
    [words.nextQuarter, quarterOf(addDays(quarter.end, 1), calendar)],
    [words.lastQuarter, quarterOf(addDays(quarter.start, -1), calendar)],
    [words.thisMonth, month],
    [words.nextMonth, monthOf(addDays(month.end, 1))]
  ];
  return choices.map(([label, period]) => ({
    label: `${label} (${dateText(period.start)} – ${dateText(period.end)})`,
    value: periodValue(period)
  }));
}

/** Members who manage someone in the team: the teams a manager of managers can review. */
export function teamOptions(team: readonly TeamMember[], myTeam: string): Option[] {
  const managers = new Set(team.map((member) => member.ManagerId).filter(Boolean));
  return [
    { label: myTeam, value: '' },
    ...team
      .filter((member, index) => index > 0 && managers.has(member.Id))
      .map((member) => ({ label: member.Name ?? member.Id, value: member.Id }))
  ];
}

/**
 * An amount in whole units, in the user's locale (c/userFormat): in the currency of `formats`,
 * the one the facts state (`formatsInCurrency`), the user's by default.
 */
export function formatAmount(value: number | null, formats: UserFormats = formatsFor()): string {
  return wholeMoney(value, formats);
}

/** A fraction as a percentage with at most one decimal, in the user's locale. */
export function formatPercent(fraction: number | null): string {
  return precisePercent(fraction);
}

function formatCoverage(coverage: Coverage, words: ReviewWords): string {
  if (coverage === null) return '—';
  return coverage.kind === 'targetMet' ? words.targetMet : `${decimal(coverage.value)}x`;
}

export interface Tile {
  key: string;
  label: string;
  value: string;
  detail: string;
  /** Met / not met / no target, in words: never colour alone. */
  status: string;
  statusClass: string;
  iconName: string;
}

function statusOf(comparison: AgainstTarget | null, words: ReviewWords) {
  if (!comparison || comparison.met === null) {
    return {
      status: words.noTarget,
      statusClass: 'slds-text-color_weak',
      iconName: 'utility:dash'
    };
  }
  return comparison.met
    ? { status: words.met, statusClass: 'slds-text-color_success', iconName: 'utility:success' }
    : { status: words.notMet, statusClass: 'slds-text-color_error', iconName: 'utility:warning' };
}

function targetText(
  words: ReviewWords,
  target: number | null,
  format: (value: number | null) => string
): string {
  return target === null ? words.noTarget : formatLabel(words.target, format(target));
}

/** The KPI header: the team's numbers against the published strategy's targets. */
export function headerTiles(
  report: SalesKpiReport,
  labels: Record<
    | 'openPipeline'
    | 'closedWon'
    | 'coverage'
    | 'winRate'
    | 'timeWithCustomers'
    | 'coachingSessions'
    | 'dataQuality'
    | 'forecast',
    string
  > & { commit: string; bestCase: string; weighted: string },
  words: ReviewWords,
  formats: UserFormats = formatsFor()
): Tile[] {
  const { pipeline, againstStrategy: strategy, rollup } = report;
  const amount = (value: number | null) => formatAmount(value, formats);
  const attainment: AgainstTarget = {
    value: pipeline.attainment,
    target: pipeline.target === null ? null : 1,
    met: pipeline.attainment === null ? null : pipeline.attainment >= 1
  };
  const tile = (
    key: string,
    label: string,
    value: string,
    detail: string,
    comparison: AgainstTarget | null
  ): Tile => ({ key, label, value, detail, ...statusOf(comparison, words) });
  return [
    tile(
      'closedWon',
      labels.closedWon,
      amount(pipeline.closedWon),
      `${targetText(words, pipeline.target, amount)} · ${formatPercent(pipeline.attainment)}`,
      attainment
    ),
    tile(
      'openPipeline',
      labels.openPipeline,
      amount(pipeline.openPipeline),
      `${labels.weighted}: ${amount(pipeline.weightedPipeline)}`,
      null
    ),
    tile(
      'coverage',
      labels.coverage,
      formatCoverage(pipeline.coverage, words),
      targetText(words, strategy.pipelineCoverage.target, (value) =>
        value === null ? '—' : `${decimal(value)}x`
      ),
      strategy.pipelineCoverage
    ),
    tile(
      'forecast',
      labels.forecast,
      amount(rollup.commit),
      `${labels.commit} · ${labels.bestCase}: ${amount(rollup.bestCase)}`,
      null
    ),
    tile(
      'winRate',
      labels.winRate,
      formatPercent(strategy.winRate.value),
      targetText(words, strategy.winRate.target, formatPercent),
      strategy.winRate
    ),
    tile(
      'timeWithCustomers',
      labels.timeWithCustomers,
      formatPercent(strategy.timeWithCustomers.value),
      targetText(words, strategy.timeWithCustomers.target, formatPercent),
      strategy.timeWithCustomers
    ),
    tile(
      'coachingSessions',
      labels.coachingSessions,
      decimal(strategy.coachingSessions.value),
      targetText(words, strategy.coachingSessions.target, decimal),
      strategy.coachingSessions
    ),
    tile(
      'dataQuality',
      labels.dataQuality,
      integer(strategy.dataQuality.value),
      targetText(words, strategy.dataQuality.target, integer),
      strategy.dataQuality
    )
  ];
}

/** Why a deal needs a look: pushed close date, coaching prompts, score under the target. */
export function riskReasons(
  deal: ReviewDeal,
  dataQualityTarget: number | null,
  words: ReviewWords
): string[] {
  const reasons: string[] = [];
  if (!deal.IsClosed && (deal.Close_Date_Push_Count__c ?? 0) > 0) reasons.push(words.pushed);
  if (!deal.IsClosed && (deal.Coaching_Flag_Count__c ?? 0) > 0) reasons.push(words.flagged);
  const score = deal.Data_Quality_Score__c;
  if (
    !deal.IsClosed &&
    typeof score === 'number' &&
    dataQualityTarget !== null &&
    score < dataQualityTarget
  ) {
    reasons.push(words.lowScore);
  }
  return reasons;
}

export interface DealFilters {
  sellerId: string;
  stage: string;
  forecastCategory: string;
  /** '' any, 'risk' at risk only, 'none' no risk flags. */
  risk: string;
}

export type SortField = 'Name' | 'Owner' | 'StageName' | 'Amount' | 'CloseDate' | 'Score' | 'Flags';

export interface DealRow {
  id: string;
  name: string;
  ownerId: string;
  owner: string;
  account: string;
  /** The StageName value: what filters compare and saves send. */
  stage: string;
  /** The stage as the user reads it. */
  stageLabel: string;
  /** The ForecastCategoryName value. */
  forecastCategory: string;
  /** The forecast category as the user reads it. */
  forecastCategoryLabel: string;
  amount: number | null;
  amountText: string;
  closeDate: IsoDate;
  nextStep: string;
  score: number | null;
  scoreText: string;
  flags: string[];
  flagCount: number;
  risks: string[];
  riskText: string;
}

function sortValue(row: DealRow, field: SortField): string | number {
  switch (field) {
    case 'Name':
      return row.name.toLowerCase();
    case 'Owner':
      return row.owner.toLowerCase();
    case 'StageName':
      // In the order the user reads the column, which is the labels' order.
      return row.stageLabel;
    case 'Amount':
      return row.amount ?? Number.NEGATIVE_INFINITY;
    case 'CloseDate':
      return row.closeDate;
    case 'Score':
      return row.score ?? Number.NEGATIVE_INFINITY;
    default:
      return row.flagCount;
  }
}

/**
 * The deal table: rows of the loaded deals, filtered, then sorted (ties by name). Stage and
 * forecast category are shown by their labels in `picklistLabels` (the values when none).
 */
export function dealRows(
  deals: readonly ReviewDeal[],
  filters: DealFilters,
  sort: { field: SortField; ascending: boolean },
  dataQualityTarget: number | null,
  words: ReviewWords,
  picklistLabels: PicklistLabels = {},
  formats: UserFormats = formatsFor()
): DealRow[] {
  const rows = deals.map((deal): DealRow => {
    const risks = riskReasons(deal, dataQualityTarget, words);
    const flags = (deal.Coaching_Flags__c ?? '').split('\n').filter(Boolean);
    const score =
      typeof deal.Data_Quality_Score__c === 'number' ? deal.Data_Quality_Score__c : null;
    return {
      id: deal.Id,
      name: deal.Name ?? deal.Id,
      ownerId: deal.OwnerId,
      owner: deal.Owner?.Name ?? deal.OwnerId,
      account: deal.Account?.Name ?? '',
      stage: deal.StageName,
      stageLabel: picklistLabel(picklistLabels, 'StageName', deal.StageName),
      forecastCategory: deal.ForecastCategoryName,
      forecastCategoryLabel: picklistLabel(
        picklistLabels,
        'ForecastCategoryName',
        deal.ForecastCategoryName
      ),
      amount: deal.Amount,
      amountText: formatAmount(deal.Amount, formats),
      closeDate: deal.CloseDate,
      nextStep: deal.NextStep ?? '',
      score,
      scoreText: score === null ? '—' : String(score),
      flags,
      flagCount: flags.length,
      risks,
      riskText: risks.join(', ')
    };
  });
  const direction = sort.ascending ? 1 : -1;
  return rows
    .filter(
      (row) =>
        (!filters.sellerId || row.ownerId === filters.sellerId) &&
        (!filters.stage || row.stage === filters.stage) &&
        (!filters.forecastCategory || row.forecastCategory === filters.forecastCategory) &&
        (!filters.risk || (filters.risk === 'risk') === row.risks.length > 0)
    )
    .sort((a, b) => {
      const left = sortValue(a, sort.field);
      const right = sortValue(b, sort.field);
      if (left !== right) return (left < right ? -1 : 1) * direction;
      return a.name.localeCompare(b.name);
    });
}

export interface SellerView {
  id: string;
  name: string;
  openPipeline: string;
  closedWon: string;
  coverage: string;
  winRate: string;
  timeWithCustomers: string;
  coachingSessions: number;
  dataQuality: string;
  coachingFlags: number;
}

/** The per-seller table, sellers named from the team. */
export function sellerViews(
  sellers: readonly SellerRow[],
  team: readonly TeamMember[],
  words: ReviewWords,
  formats: UserFormats = formatsFor()
): SellerView[] {
  const names = new Map(team.map((member) => [member.Id, member.Name ?? member.Id]));
  return sellers.map((row) => ({
    id: row.sellerId,
    name: names.get(row.sellerId) ?? row.sellerId,
    openPipeline: formatAmount(row.openPipeline, formats),
    closedWon: formatAmount(row.closedWon, formats),
    coverage: formatCoverage(row.coverage, words),
    winRate: formatPercent(row.winRateByCount),
    timeWithCustomers: formatPercent(row.timeWithCustomers),
    coachingSessions: row.coachingSessions,
    dataQuality: integer(row.dataQuality),
    coachingFlags: row.coachingFlags
  }));
}

/** The words of the view functions, from the labels. */
export const WORDS: ReviewWords = {
  thisQuarter: LABELS.thisQuarter,
  nextQuarter: LABELS.nextQuarter,
  lastQuarter: LABELS.lastQuarter,
  thisMonth: LABELS.thisMonth,
  nextMonth: LABELS.nextMonth,
  met: LABELS.met,
  notMet: LABELS.notMet,
  noTarget: LABELS.noTarget,
  targetMet: LABELS.targetMet,
  target: LABELS.target,
  pushed: LABELS.riskPushed,
  flagged: LABELS.riskFlagged,
  lowScore: LABELS.riskLowScore
};

/** The KPI tiles' labels. */
export const TILE_LABELS = {
  openPipeline: LABELS.openPipeline,
  closedWon: LABELS.closedWon,
  coverage: LABELS.coverage,
  winRate: LABELS.winRate,
  timeWithCustomers: LABELS.timeWithCustomers,
  coachingSessions: LABELS.coachingSessions,
  dataQuality: LABELS.dataQuality,
  forecast: LABELS.forecast,
  commit: LABELS.commit,
  bestCase: LABELS.bestCase,
  weighted: LABELS.weighted
};
