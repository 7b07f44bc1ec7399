/**
 * One row per seller of the review: amounts compact in the currency the facts state (`currency`,
 * from c/pipelineReview; the user's when they state none), exact on hover;
 * percentages in the review's one style, sellers named from the team.
 */
import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/kpiView';
import { decimal, formatsInCurrency, integer, money, percent, times } from 'c/userFormat';
import type { SellerRow, TeamMember } from 'c/salesKpis';

export default class ReviewSellerTable extends LightningElement {
  @api sellers: readonly SellerRow[] = [];
  @api team: readonly TeamMember[] = [];
  /** The ISO code of the currency the facts state their amounts in; null for the user's. */
  @api currency: string | null = null;

  labels = LABELS;

  get rows() {
    const formats = formatsInCurrency(this.currency);
    const names = new Map((this.team ?? []).map((member) => [member.Id, member.Name ?? member.Id]));
    return (this.sellers ?? []).map((row) => ({
      id: row.sellerId,
      name: names.get(row.sellerId) ?? row.sellerId,
      openPipeline: money(row.openPipeline, formats),
      closedWon: money(row.closedWon, formats),
      coverage:
        row.coverage === null
          ? '—'
          : row.coverage.kind === 'targetMet'
            ? LABELS.targetMet
            : times(row.coverage.value),
      winRate: percent(row.winRateByCount),
      timeWithCustomers: percent(row.timeWithCustomers),
      coachingSessions: integer(row.coachingSessions),
      dataQuality: row.dataQuality === null ? '—' : decimal(row.dataQuality),
      coachingFlags: integer(row.coachingFlags)
    }));
  }
}
