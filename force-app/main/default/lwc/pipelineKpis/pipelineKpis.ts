/**
 * Compact KPI tiles. On Home: the running user's numbers this fiscal quarter against their
 * target and the strategy (closed won and attainment, open pipeline and coverage, win rate, data
 * quality): a seller's own, a manager's team's (the team's sellers, as the pipeline review counts
 * them). On an Account page: the account's open and weighted pipeline, won revenue and win
 * rate over the last twelve months. On an Opportunity page: the deal's slippage and ageing from
 * its stored facts, counted to the org's today (a closed deal's to its close date). Facts from
 * Apex and Lightning Data Service; the arithmetic is c/salesKpis'. Amounts are shown in the
 * currency the Apex facts state (`currencyIsoCode`; the user's when they state none).
 */
import { LightningElement, api, wire } from 'lwc';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import getAccountPipeline from '@salesforce/apex/AccountPipelineController.getAccountPipeline';
import getToday from '@salesforce/apex/UserCalendarController.getToday';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import userId from '@salesforce/user/Id';
import {
  computePipelineKpis,
  computeSalesKpis,
  dealAgeing,
  type Deal,
  salesFactsFromApex,
  type ApexPipelineFacts
} from 'c/salesKpis';
import { formatLabel } from 'c/labelFormat';
import { formatAmount, formatPercent, headerTiles, TILE_LABELS, WORDS, type Tile } from 'c/kpiView';
import titleLabel from '@salesforce/label/c.SSM_Kpis_Title';
import teamTitleLabel from '@salesforce/label/c.SSM_Kpis_Team_Title';
import dealTitleLabel from '@salesforce/label/c.SSM_Kpis_Deal_Title';
import pushesLabel from '@salesforce/label/c.SSM_Kpis_Pushes';
import slipDaysLabel from '@salesforce/label/c.SSM_Kpis_Slip_Days';
import daysInStageLabel from '@salesforce/label/c.SSM_Kpis_Days_In_Stage';
import ageLabel from '@salesforce/label/c.SSM_Kpis_Age';
import accountTitleLabel from '@salesforce/label/c.SSM_Kpis_Account_Title';
import openDealsLabel from '@salesforce/label/c.SSM_Kpis_Open_Deals';
import wonLabel from '@salesforce/label/c.SSM_Kpis_Won_12_Months';
import winRateLabel from '@salesforce/label/c.SSM_Kpis_Win_Rate_12_Months';
import truncatedLabel from '@salesforce/label/c.SSM_Kpis_Truncated';
import { dateText, formatsInCurrency } from 'c/userFormat';

const DEAL_FIELDS = [
  'Opportunity.CloseDate',
  'Opportunity.IsClosed',
  'Opportunity.Original_Close_Date__c',
  'Opportunity.Close_Date_Push_Count__c',
  'Opportunity.Stage_Entered_On__c',
  'Opportunity.CreatedDate'
];

const HOME_TILES = new Set(['closedWon', 'openPipeline', 'coverage', 'winRate', 'dataQuality']);

/** A tile with no target to compare with. */
function plainTile(key: string, label: string, value: string, detail = ''): Tile {
  return { key, label, value, detail, status: '', statusClass: '', iconName: '' };
}

function countTile(key: string, label: string, count: number | null): Tile {
  return plainTile(key, label, count === null ? '—' : String(count));
}

function dateValue(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export default class PipelineKpis extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  private facts: ApexPipelineFacts | null = null;
  error: unknown = null;

  /**
   * Home only: no record, so the running user's own facts for this fiscal quarter (Apex's, from
   * the org's Period rows when it has custom fiscal years).
   */
  @wire(getPipelineFacts, { managerId: '$homeUserId', periodStart: null, periodEnd: null })
  wiredFacts(result: ApexGenerated.WireResult<ApexGenerated.PipelineFacts>): void {
    this.facts = (result.data as ApexPipelineFacts | undefined) ?? null;
    this.error = result.error ?? null;
  }

  /** Account page only: the account's open deals and those closed in the last twelve months. */
  @wire(getAccountPipeline, { accountId: '$accountId' })
  account: ApexGenerated.WireResult<ApexGenerated.AccountPipeline> | undefined;

  @wire(getRecord, { recordId: '$dealId', fields: DEAL_FIELDS })
  deal: { data?: RecordRepresentation; error?: unknown } | undefined;

  /**
   * The org's today (Apex Date.today()), so that a deal's ageing counts the days the org counts,
   * not the machine's (the workbench runs on the sample day). Cacheable: one call per session.
   */
  @wire(getToday)
  orgToday: ApexGenerated.WireResult<string> | undefined;

  get homeUserId(): string | undefined {
    return this.recordId ? undefined : userId;
  }

  get dealId(): string | undefined {
    return this.objectApiName === 'Opportunity' ? this.recordId : undefined;
  }

  get accountId(): string | undefined {
    return this.objectApiName === 'Account' ? this.recordId : undefined;
  }

  get isAccount(): boolean {
    return this.objectApiName === 'Account' && !!this.recordId;
  }

  get isDeal(): boolean {
    return this.objectApiName === 'Opportunity' && !!this.recordId;
  }

  get cardTitle(): string {
    if (this.isAccount) return accountTitleLabel;
    if (this.isDeal) return dealTitleLabel;
    return this.managesTeam ? teamTitleLabel : titleLabel;
  }

  /** Home: whether the running user manages anyone in the team the facts describe. */
  private get managesTeam(): boolean {
    return (this.facts?.team ?? []).some((member) => member.ManagerId === userId);
  }

  get errors(): unknown {
    if (this.isAccount) return this.account?.error ?? null;
    return this.isDeal ? (this.deal?.error ?? this.orgToday?.error ?? null) : this.error;
  }

  get tiles(): Tile[] {
    if (this.isAccount) return this.accountTiles;
    return this.isDeal ? this.dealTiles : this.homeTiles;
  }

  get isTruncated(): boolean {
    return this.isAccount && this.account?.data?.truncated === true;
  }

  get truncatedText(): string {
    return truncatedLabel;
  }

  private get accountTiles(): Tile[] {
    const data = this.account?.data;
    if (!data) return [];
    // Open deals whatever their close date, closed ones from the last twelve months only.
    const kpis = computePipelineKpis((data.deals ?? []) as unknown as Deal[], null);
    const formats = formatsInCurrency(data.currencyIsoCode);
    return [
      plainTile(
        'openPipeline',
        TILE_LABELS.openPipeline,
        formatAmount(kpis.openPipeline, formats),
        formatLabel(openDealsLabel, kpis.openCount)
      ),
      plainTile('weighted', TILE_LABELS.weighted, formatAmount(kpis.weightedPipeline, formats)),
      plainTile('won', wonLabel, formatAmount(kpis.closedWon, formats)),
      plainTile('winRate', winRateLabel, formatPercent(kpis.winRateByCount))
    ];
  }

  get isLoading(): boolean {
    return !this.errors && this.tiles.length === 0;
  }

  private get homeTiles(): Tile[] {
    if (!this.facts) return [];
    const review = salesFactsFromApex([this.facts]);
    const today = review.today ?? this.orgToday?.data;
    if (!review.period || !today) return [];
    // A manager's team: the sellers computeSalesKpis picks by default (never the manager).
    const report = computeSalesKpis(review.facts, {
      period: review.period,
      today,
      ...(this.managesTeam ? {} : { sellerIds: [userId] })
    });
    return headerTiles(report, TILE_LABELS, WORDS, formatsInCurrency(review.currency)).filter(
      (tile) => HOME_TILES.has(tile.key)
    );
  }

  private get dealTiles(): Tile[] {
    const fields = this.deal?.data?.fields;
    const today = this.orgToday?.data;
    if (!fields || !today) return [];
    const value = (name: string) => fields[name]?.value;
    const ageing = dealAgeing(
      {
        CloseDate: dateValue(value('CloseDate')),
        IsClosed: value('IsClosed') === true,
        Original_Close_Date__c: dateValue(value('Original_Close_Date__c')),
        Stage_Entered_On__c: dateValue(value('Stage_Entered_On__c')),
        CreatedDate: dateValue(value('CreatedDate'))
      },
      today
    );
    return [
      countTile('pushes', pushesLabel, Number(value('Close_Date_Push_Count__c') ?? 0)),
      countTile('slipDays', slipDaysLabel, ageing.slipDays),
      countTile('daysInStage', daysInStageLabel, ageing.daysInStage),
      countTile('age', ageLabel, ageing.age)
    ];
  }

  get subtitle(): string {
    const facts = this.facts;
    return !this.isDeal && facts?.periodStart
      ? `${dateText(facts.periodStart)} – ${dateText(facts.periodEnd)}`
      : '';
  }
}
