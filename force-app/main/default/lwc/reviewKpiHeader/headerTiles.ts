/**
 * The review's KPI tiles and their states, chosen so that they never contradict each other:
 * - a tile with a target shows the target and never "No target"; one without shows "No target"
 *   and no status;
 * - a period that has not started is not judged (status "Period not started", no red);
 * - closed won in a running period below its target shows progress ("In progress: 40 % of
 *   target", with a bar), not "Below target": the period is not over;
 * - a KPI with a target but no value yet says "No data yet", not "Below target";
 * - coaching sessions judge the manager's coaching, so a seller (who manages no one) sees the
 *   figure without a judgement;
 * - the forecast tile says what its figures are (closed won + open Commit, and the best case).
 * Pure: the component renders what this returns.
 */
import { formatLabel } from 'c/labelFormat';
import { LABELS } from 'c/kpiView';
import { REVIEW_LABELS } from 'c/reviewFormat';
import {
  decimal,
  formatsFor,
  integer,
  money,
  percent,
  times,
  type Money,
  type UserFormats
} from 'c/userFormat';
import type { AgainstTarget, IsoDate, Period, SalesKpiReport } from 'c/salesKpis';

export type PeriodPhase = 'future' | 'current' | 'past';

export function periodPhase(period: Pick<Period, 'start' | 'end'>, today: IsoDate): PeriodPhase {
  if (today < period.start) return 'future';
  return today > period.end ? 'past' : 'current';
}

export interface HeaderTile {
  key: string;
  label: string;
  value: string;
  /** The exact figure for the hover title ('' when the value is exact already). */
  exact: string;
  detail: string;
  /** The status in words ('' for none): met, below target, in progress, not started... */
  status: string;
  statusClass: string;
  iconName: string;
  /** Share of the target reached (0-100) for the progress bar, or null for none. */
  progress: number | null;
}

type Tone = 'met' | 'below' | 'neutral' | 'none';

interface Judgement {
  status: string;
  tone: Tone;
}

const TONES: Record<Tone, { statusClass: string; iconName: string }> = {
  met: { statusClass: 'slds-text-color_success', iconName: 'utility:success' },
  below: { statusClass: 'slds-text-color_error', iconName: 'utility:warning' },
  neutral: { statusClass: 'slds-text-color_weak', iconName: 'utility:clock' },
  none: { statusClass: '', iconName: '' }
};

export interface HeaderContext {
  phase: PeriodPhase;
  /** False for a seller (who manages no one): manager-only KPIs are shown, not judged. */
  viewerManages: boolean;
  /** The formats of the amounts: the currency the facts state (the user's by default). */
  formats?: UserFormats;
}

function judge(
  comparison: AgainstTarget,
  context: HeaderContext,
  options: { cumulative?: boolean; managerOnly?: boolean } = {}
): Judgement {
  if (comparison.target === null) return { status: '', tone: 'none' };
  if (options.managerOnly && !context.viewerManages) {
    return { status: REVIEW_LABELS.managersOnly, tone: 'neutral' };
  }
  if (context.phase === 'future') return { status: REVIEW_LABELS.notStarted, tone: 'neutral' };
  if (comparison.value === null || comparison.met === null) {
    return { status: REVIEW_LABELS.noDataYet, tone: 'neutral' };
  }
  if (comparison.met) return { status: LABELS.met, tone: 'met' };
  if (options.cumulative && context.phase === 'current') {
    return {
      status: formatLabel(REVIEW_LABELS.inProgress, percent(comparison.value)),
      tone: 'neutral'
    };
  }
  return { status: LABELS.notMet, tone: 'below' };
}

function targetDetail(target: number | null, format: (value: number) => string): string {
  return target === null ? LABELS.noTarget : formatLabel(LABELS.target, format(target));
}

function tile(
  key: string,
  label: string,
  value: string | Money,
  detail: string,
  judgement: Judgement,
  progress: number | null = null
): HeaderTile {
  const shown = typeof value === 'string' ? { text: value, exact: '' } : value;
  const tone = TONES[judgement.tone];
  return {
    key,
    label,
    value: shown.text,
    exact: shown.exact,
    detail,
    status: judgement.status,
    statusClass: tone.statusClass,
    iconName: tone.iconName,
    progress
  };
}

const NO_STATUS: Judgement = { status: '', tone: 'none' };

/** The header's tiles for a report, in the order the review shows them. */
export function reviewTiles(report: SalesKpiReport, context: HeaderContext): HeaderTile[] {
  const { pipeline, againstStrategy: strategy, rollup } = report;
  const formats = context.formats ?? formatsFor();
  const amount = (value: number | null) => money(value, formats);
  const attainment: AgainstTarget = {
    value: pipeline.attainment,
    target: pipeline.target,
    met: pipeline.attainment === null ? null : pipeline.attainment >= 1
  };
  const coverageValue =
    pipeline.coverage === null
      ? '—'
      : pipeline.coverage.kind === 'targetMet'
        ? LABELS.targetMet
        : times(pipeline.coverage.value);
  const closedWonJudgement = judge(attainment, context, { cumulative: true });
  const progress =
    pipeline.target !== null && pipeline.attainment !== null
      ? Math.round(Math.min(Math.max(pipeline.attainment, 0), 1) * 100)
      : pipeline.target !== null
        ? 0
        : null;
  return [
    tile(
      'closedWon',
      LABELS.closedWon,
      amount(pipeline.closedWon),
      targetDetail(pipeline.target, (value) => amount(value).text),
      closedWonJudgement,
      progress
    ),
    tile(
      'openPipeline',
      LABELS.openPipeline,
      amount(pipeline.openPipeline),
      `${LABELS.weighted}: ${amount(pipeline.weightedPipeline).text}`,
      NO_STATUS
    ),
    tile(
      'coverage',
      LABELS.coverage,
      coverageValue,
      targetDetail(strategy.pipelineCoverage.target, times),
      judge(strategy.pipelineCoverage, context)
    ),
    tile(
      'forecast',
      LABELS.forecast,
      amount(rollup.commit),
      formatLabel(REVIEW_LABELS.forecastDetail, amount(rollup.bestCase).text),
      NO_STATUS
    ),
    tile(
      'winRate',
      LABELS.winRate,
      percent(strategy.winRate.value),
      targetDetail(strategy.winRate.target, percent),
      judge(strategy.winRate, context)
    ),
    tile(
      'timeWithCustomers',
      LABELS.timeWithCustomers,
      percent(strategy.timeWithCustomers.value),
      targetDetail(strategy.timeWithCustomers.target, percent),
      judge(strategy.timeWithCustomers, context)
    ),
    tile(
      'coachingSessions',
      LABELS.coachingSessions,
      decimal(strategy.coachingSessions.value),
      targetDetail(strategy.coachingSessions.target, decimal),
      judge(strategy.coachingSessions, context, { managerOnly: true })
    ),
    tile(
      'dataQuality',
      LABELS.dataQuality,
      integer(strategy.dataQuality.value),
      targetDetail(strategy.dataQuality.target, integer),
      judge(strategy.dataQuality, context)
    )
  ];
}
