/**
 * Compact KPI tiles. On Home: the running user's own numbers this fiscal quarter against their
 * target and the strategy (closed won and attainment, open pipeline and coverage, win rate, data
 * quality). On an Opportunity page: the deal's slippage and ageing from its stored facts.
 * Facts from Apex and Lightning Data Service; the arithmetic is c/salesKpis'.
 */
import { LightningElement, api, wire } from 'lwc';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import userId from '@salesforce/user/Id';
import {
  computeSalesKpis,
  daysBetween,
  salesFactsFromApex,
  type ApexPipelineFacts
} from 'c/salesKpis';
import { formatLabel, headerTiles, TILE_LABELS, WORDS, type Tile } from 'c/kpiView';
import titleLabel from '@salesforce/label/c.SSM_Kpis_Title';
import dealTitleLabel from '@salesforce/label/c.SSM_Kpis_Deal_Title';
import pushesLabel from '@salesforce/label/c.SSM_Kpis_Pushes';
import slipDaysLabel from '@salesforce/label/c.SSM_Kpis_Slip_Days';
import daysInStageLabel from '@salesforce/label/c.SSM_Kpis_Days_In_Stage';
import ageLabel from '@salesforce/label/c.SSM_Kpis_Age';

const DEAL_FIELDS = [
  'Opportunity.CloseDate',
  'Opportunity.Original_Close_Date__c',
  'Opportunity.Close_Date_Push_Count__c',
  'Opportunity.Stage_Entered_On__c',
  'Opportunity.CreatedDate'
];

const HOME_TILES = new Set(['closedWon', 'openPipeline', 'coverage', 'winRate', 'dataQuality']);

function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

export default class PipelineKpis extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  private facts: ApexPipelineFacts | null = null;
  error: unknown = null;

  /** Home only: no record, so the running user's own facts for this fiscal quarter. */
  @wire(getPipelineFacts, { managerId: '$homeUserId', periodStart: null, periodEnd: null })
  wiredFacts(result: ApexGenerated.WireResult<ApexGenerated.PipelineFacts>): void {
    this.facts = (result.data as ApexPipelineFacts | undefined) ?? null;
    this.error = result.error ?? null;
  }

  @wire(getRecord, { recordId: '$dealId', fields: DEAL_FIELDS })
  deal: { data?: RecordRepresentation; error?: unknown } | undefined;

  get homeUserId(): string | undefined {
    return this.recordId ? undefined : userId;
  }

  get dealId(): string | undefined {
    return this.objectApiName === 'Opportunity' ? this.recordId : undefined;
  }

  get isDeal(): boolean {
    return this.objectApiName === 'Opportunity' && !!this.recordId;
  }

  get cardTitle(): string {
    return this.isDeal ? dealTitleLabel : titleLabel;
  }

  get errors(): unknown {
    return this.isDeal ? (this.deal?.error ?? null) : this.error;
  }

  get tiles(): Pick<
    Tile,
    'key' | 'label' | 'value' | 'detail' | 'status' | 'statusClass' | 'iconName'
  >[] {
    return this.isDeal ? this.dealTiles : this.homeTiles;
  }

  get isLoading(): boolean {
    return !this.errors && this.tiles.length === 0;
  }

  private get homeTiles(): Tile[] {
    if (!this.facts) return [];
    const review = salesFactsFromApex([this.facts]);
    if (!review.period) return [];
    const report = computeSalesKpis(review.facts, {
      period: review.period,
      today: review.today ?? today(),
      sellerIds: [userId]
    });
    return headerTiles(report, TILE_LABELS, WORDS).filter((tile) => HOME_TILES.has(tile.key));
  }

  private get dealTiles(): Tile[] {
    const fields = this.deal?.data?.fields;
    if (!fields) return [];
    const value = (name: string) => fields[name]?.value;
    const closeDate = String(value('CloseDate') ?? '');
    const original = value('Original_Close_Date__c');
    const enteredOn = value('Stage_Entered_On__c');
    const created = String(value('CreatedDate') ?? '').slice(0, 10);
    const day = today();
    const tile = (key: string, label: string, shown: number | null): Tile => ({
      key,
      label,
      value: shown === null ? '—' : String(shown),
      detail: '',
      status: '',
      statusClass: '',
      iconName: ''
    });
    return [
      tile('pushes', pushesLabel, Number(value('Close_Date_Push_Count__c') ?? 0)),
      tile(
        'slipDays',
        slipDaysLabel,
        typeof original === 'string' && closeDate ? daysBetween(original, closeDate) : null
      ),
      tile(
        'daysInStage',
        daysInStageLabel,
        typeof enteredOn === 'string' ? daysBetween(enteredOn, day) : null
      ),
      tile('age', ageLabel, created ? daysBetween(created, day) : null)
    ];
  }

  get subtitle(): string {
    const facts = this.facts;
    return !this.isDeal && facts?.periodStart
      ? formatLabel('{0} – {1}', facts.periodStart, String(facts.periodEnd ?? ''))
      : '';
  }
}
