/**
 * The go-to-market picture per customer segment on the Segments app page and on a Customer
 * Segment page: accounts, open pipeline, won revenue this year, market potential, customer
 * lifetime value, share of revenue against the target share (in words, not colour alone), and
 * coverage model; the unsegmented accounts as their own row. On a segment's page it shows that
 * segment's row and its accounts. KPIs from c/salesKpis computeSegmentOverview.
 */
import { LightningElement, api, wire } from 'lwc';
import getOverview from '@salesforce/apex/SegmentOverviewController.getOverview';
import {
  computeSegmentOverview,
  type SegmentAccount,
  type SegmentFacts,
  type SegmentOverview,
  type SegmentRow
} from 'c/salesKpis';
import titleLabel from '@salesforce/label/c.SSM_Segments_Title';
import loadingLabel from '@salesforce/label/c.SSM_Segments_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Segments_Load_Failed';
import captionLabel from '@salesforce/label/c.SSM_Segments_Caption';
import segmentLabel from '@salesforce/label/c.SSM_Segments_Segment';
import coverageLabel from '@salesforce/label/c.SSM_Segments_Coverage';
import accountsLabel from '@salesforce/label/c.SSM_Segments_Accounts';
import pipelineLabel from '@salesforce/label/c.SSM_Segments_Pipeline';
import wonLabel from '@salesforce/label/c.SSM_Segments_Won';
import potentialLabel from '@salesforce/label/c.SSM_Segments_Potential';
import lifetimeLabel from '@salesforce/label/c.SSM_Segments_Lifetime';
import shareLabel from '@salesforce/label/c.SSM_Segments_Share';
import targetLabel from '@salesforce/label/c.SSM_Segments_Target';
import statusLabel from '@salesforce/label/c.SSM_Segments_Status';
import unsegmentedLabel from '@salesforce/label/c.SSM_Segments_Unsegmented';
import totalLabel from '@salesforce/label/c.SSM_Segments_Total';
import onTargetLabel from '@salesforce/label/c.SSM_Segments_On_Target';
import belowTargetLabel from '@salesforce/label/c.SSM_Segments_Below_Target';
import noTargetLabel from '@salesforce/label/c.SSM_Segments_No_Target';
import truncatedLabel from '@salesforce/label/c.SSM_Segments_Truncated';
import brokenLabel from '@salesforce/label/c.SSM_Segments_Broken';
import accountListLabel from '@salesforce/label/c.SSM_Segments_Account_List';
import accountLabel from '@salesforce/label/c.SSM_Segments_Account';
import {
  formatsInCurrency,
  integer,
  precisePercent,
  wholeMoney,
  type UserFormats
} from 'c/userFormat';
import { picklistLabel, type PicklistLabels } from 'c/labelFormat';
import noAccountsLabel from '@salesforce/label/c.SSM_Segments_No_Accounts';

/** Accounts listed on a segment's page, by lifetime value. */
const ACCOUNT_LIST_SIZE = 10;

/** Shares keep the segment page's one decimal. */
const percent = precisePercent;

interface RowView {
  key: string;
  name: string;
  coverage: string;
  accounts: string;
  pipeline: string;
  won: string;
  potential: string;
  lifetime: string;
  share: string;
  target: string;
  status: string;
  statusClass: string;
}

const COVERAGE_FIELD = 'Customer_Segment__c.Coverage_Model__c';

/** A segment's row; its coverage model by label, in the user's language. */
function rowView(
  row: SegmentRow,
  labels: PicklistLabels | null | undefined,
  formats: UserFormats
): RowView {
  const money = (value: number | null | undefined) => wholeMoney(value, formats);
  const status =
    row.onTarget === null ? noTargetLabel : row.onTarget ? onTargetLabel : belowTargetLabel;
  return {
    key: row.segment?.Id ?? 'unsegmented',
    name: row.segment?.Name ?? unsegmentedLabel,
    coverage: picklistLabel(labels, COVERAGE_FIELD, row.segment?.Coverage_Model__c) || '—',
    accounts: integer(row.accountCount),
    pipeline: money(row.openPipeline),
    won: money(row.wonThisYear),
    potential: money(row.marketPotential),
    lifetime: money(row.lifetimeValue),
    share: percent(row.revenueShare),
    target: percent(row.targetShare),
    status,
    statusClass:
      row.onTarget === false
        ? 'slds-text-color_error'
        : row.onTarget
          ? 'slds-text-color_success'
          : ''
  };
}

export default class SegmentOverviewCard extends LightningElement {
  /** A Customer_Segment__c Id on the segment's page; blank on the app page. */
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  @wire(getOverview)
  wiredOverview:
    | ApexGenerated.WireResult<ApexGenerated.SegmentOverviewController_SegmentOverviewFacts>
    | undefined;

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    caption: captionLabel,
    segment: segmentLabel,
    coverage: coverageLabel,
    accounts: accountsLabel,
    pipeline: pipelineLabel,
    won: wonLabel,
    potential: potentialLabel,
    lifetime: lifetimeLabel,
    share: shareLabel,
    target: targetLabel,
    status: statusLabel,
    total: totalLabel,
    broken: brokenLabel,
    accountList: accountListLabel,
    account: accountLabel,
    noAccounts: noAccountsLabel
  };

  get facts(): ApexGenerated.SegmentOverviewController_SegmentOverviewFacts | undefined {
    return this.wiredOverview?.data;
  }

  /**
   * Amounts are money in the currency the facts state (Apex converts them into the user's); the
   * user's currency when they state none.
   */
  private get formats(): UserFormats {
    return formatsInCurrency(this.facts?.currencyIsoCode);
  }

  private money(value: number | null | undefined): string {
    return wholeMoney(value, this.formats);
  }

  get error(): unknown {
    return this.wiredOverview?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.facts && !this.error;
  }

  get overview(): SegmentOverview | null {
    const facts = this.facts;
    if (!facts) {
      return null;
    }
    return computeSegmentOverview(
      (facts.segments ?? []) as unknown as SegmentFacts[],
      (facts.accounts ?? []) as unknown as SegmentAccount[],
      (facts.revenue ?? []).map((row) => ({
        AccountId: row.accountId ?? '',
        openPipeline: row.openPipeline ?? 0,
        wonThisYear: row.wonThisYear ?? 0
      }))
    );
  }

  get rows(): RowView[] {
    const rows = this.overview?.rows ?? [];
    const shown = this.recordId ? rows.filter((row) => row.segment?.Id === this.recordId) : rows;
    const formats = this.formats;
    return shown.map((row) => rowView(row, this.facts?.picklistLabels, formats));
  }

  get totals(): RowView | null {
    const totals = this.overview?.totals;
    if (!totals) {
      return null;
    }
    return {
      key: 'total',
      name: totalLabel,
      coverage: '',
      accounts: integer(totals.accountCount),
      pipeline: this.money(totals.openPipeline),
      won: this.money(totals.wonThisYear),
      potential: this.money(totals.marketPotential),
      lifetime: this.money(totals.lifetimeValue),
      share: totals.wonThisYear > 0 ? percent(1) : '—',
      target: percent(totals.targetShare),
      status: '',
      statusClass: ''
    };
  }

  get truncatedText(): string {
    return this.facts?.truncated
      ? truncatedLabel.replace('{0}', integer(this.facts.accounts?.length ?? 0))
      : '';
  }

  get broken(): { key: string; text: string }[] {
    const names = new Map((this.facts?.segments ?? []).map((s) => [s.Id, s.Name]));
    return (this.facts?.broken ?? []).map((rule) => ({
      key: rule.ruleName ?? '',
      text: `${names.get(rule.ruleName ?? '') ?? rule.ruleName}: ${rule.reason ?? ''}`
    }));
  }

  get hasBroken(): boolean {
    return this.broken.length > 0;
  }

  get isSegmentPage(): boolean {
    return !!this.recordId;
  }

  get segmentAccounts(): { id: string; name: string; lifetime: string; potential: string }[] {
    return (this.facts?.accounts ?? [])
      .filter((account) => account.Customer_Segment__c === this.recordId)
      .slice(0, ACCOUNT_LIST_SIZE)
      .map((account) => ({
        id: account.Id ?? '',
        name: typeof account.Name === 'string' ? account.Name : (account.Id ?? ''),
        lifetime: this.money(account.Customer_Lifetime_Value__c ?? 0),
        potential: this.money(account.Market_Potential__c ?? 0)
      }));
  }

  get hasSegmentAccounts(): boolean {
    return this.segmentAccounts.length > 0;
  }
}
