/**
 * One row per seller of the review: amounts compact in the user's currency (exact on hover),
 * percentages in the review's one style, sellers named from the team.
 */
import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/kpiView';
import { decimal, integer, money, percent, times } from 'c/userFormat';
import type { SellerRow, TeamMember } from 'c/salesKpis';

export default class ReviewSellerTable extends LightningElement {
  @api sellers: readonly SellerRow[] = [];
  @api team: readonly TeamMember[] = [];

  labels = LABELS;

  get rows() {
    const names = new Map((this.team ?? []).map((member) => [member.Id, member.Name ?? member.Id]));
    return (this.sellers ?? []).map((row) => ({
      id: row.sellerId,
      name: names.get(row.sellerId) ?? row.sellerId,
      openPipeline: money(row.openPipeline),
      closedWon: money(row.closedWon),
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
