/**
 * Adoption of a strategy version on its record page: acknowledgement rate overall and per
 * manager's team, who has not acknowledged, days since publication, the reminder rule, and a
 * warning when the next review date has passed. The KPIs come from c/salesKpis computeAdoption.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getAdoption from '@salesforce/apex/StrategyController.getAdoption';
import { getRecord, type RecordRepresentation } from 'lightning/uiRecordApi';
import {
  computeAdoption,
  type AudienceMember,
  type StrategyAcknowledgement,
  type StrategyAdoption
} from 'c/salesKpis';
import titleLabel from '@salesforce/label/c.SSM_Adoption_Title';
import loadingLabel from '@salesforce/label/c.SSM_Adoption_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Adoption_Load_Failed';
import rateLabel from '@salesforce/label/c.SSM_Adoption_Rate';
import rateTextLabel from '@salesforce/label/c.SSM_Adoption_Rate_Text';
import daysLabel from '@salesforce/label/c.SSM_Adoption_Days';
import notPublishedLabel from '@salesforce/label/c.SSM_Adoption_Not_Published';
import reviewOverdueLabel from '@salesforce/label/c.SSM_Adoption_Review_Overdue';
import nextReviewLabel from '@salesforce/label/c.SSM_Adoption_Next_Review';
import teamsLabel from '@salesforce/label/c.SSM_Adoption_Teams';
import managerLabel from '@salesforce/label/c.SSM_Adoption_Manager';
import peopleLabel from '@salesforce/label/c.SSM_Adoption_People';
import noManagerLabel from '@salesforce/label/c.SSM_Adoption_No_Manager';
import pendingLabel from '@salesforce/label/c.SSM_Adoption_Pending';
import allDoneLabel from '@salesforce/label/c.SSM_Adoption_All_Done';
import reminderLabel from '@salesforce/label/c.SSM_Adoption_Reminder';
import noReminderLabel from '@salesforce/label/c.SSM_Adoption_No_Reminder';
import supersededLabel from '@salesforce/label/c.SSM_Adoption_Superseded';
import { formatLabel } from 'c/labelFormat';
import { VERSION_SAVE_FIELDS, VersionSaves } from 'c/versionSaves';
import { dateText, integer } from 'c/userFormat';

/** Only the version in force is reviewed; a superseded one was replaced, not left overdue. */
const STATUS_PUBLISHED = 'Published';
const STATUS_SUPERSEDED = 'Superseded';

/** The label carries the percent sign, so the rate goes in as a whole number in the locale. */
function percent(rate: number | null): string {
  return rate === null ? '—' : integer(Math.round(rate * 100));
}

export default class StrategyAdoptionCard extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  @wire(getAdoption, { versionId: '$recordId' })
  wiredAdoption:
    ApexGenerated.WireResult<ApexGenerated.StrategyController_StrategyAdoptionFacts> | undefined;

  /** Publishing on this page (the quick action) or a status change re-reads the adoption. */
  private readonly versionSaves = new VersionSaves();
  /** A re-read after the version was saved that failed: shown as a load failure. */
  refreshError: unknown = null;

  @wire(getRecord, { recordId: '$recordId', fields: VERSION_SAVE_FIELDS })
  wiredVersion({ data }: { data?: RecordRepresentation; error?: unknown }): void {
    if (data && this.versionSaves.savedSince(data) && this.wiredAdoption) {
      refreshApex(this.wiredAdoption).catch((error: unknown) => {
        this.refreshError = error;
      });
    }
  }

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    rate: rateLabel,
    notPublished: notPublishedLabel,
    teams: teamsLabel,
    manager: managerLabel,
    people: peopleLabel,
    acknowledged: rateLabel,
    allDone: allDoneLabel,
    superseded: supersededLabel
  };

  get facts(): ApexGenerated.StrategyController_StrategyAdoptionFacts | undefined {
    return this.wiredAdoption?.data;
  }

  get error(): unknown {
    return this.wiredAdoption?.error ?? this.refreshError ?? null;
  }

  get isLoading(): boolean {
    return !this.facts && !this.error;
  }

  get adoption(): StrategyAdoption | null {
    const facts = this.facts;
    const version = facts?.version;
    if (!facts || !version || typeof version.Id !== 'string') {
      return null;
    }
    return computeAdoption(
      { ...version, Id: version.Id },
      (facts.audience ?? []) as unknown as AudienceMember[],
      (facts.acknowledgements ?? []) as unknown as StrategyAcknowledgement[],
      facts.today ?? ''
    );
  }

  get isPublished(): boolean {
    return !!this.facts?.version?.Published_At__c;
  }

  get rateText(): string {
    const adoption = this.adoption;
    return adoption
      ? formatLabel(
          rateTextLabel,
          adoption.acknowledgedCount,
          adoption.audienceCount,
          percent(adoption.rate)
        )
      : '';
  }

  get ratePercent(): number {
    return Math.round((this.adoption?.rate ?? 0) * 100);
  }

  get daysText(): string {
    const days = this.adoption?.daysSincePublication;
    return days === null || days === undefined ? '' : formatLabel(daysLabel, days);
  }

  get isSuperseded(): boolean {
    return this.facts?.version?.Status__c === STATUS_SUPERSEDED;
  }

  /** The review date matters only for the version in force. */
  private get isInForce(): boolean {
    return this.facts?.version?.Status__c === STATUS_PUBLISHED;
  }

  get reviewOverdueText(): string {
    const adoption = this.adoption;
    return adoption?.reviewOverdue && this.isInForce
      ? formatLabel(
          reviewOverdueLabel,
          dateText(this.facts?.version?.Next_Review_Date__c),
          adoption.daysReviewOverdue
        )
      : '';
  }

  get nextReviewText(): string {
    const next = this.facts?.version?.Next_Review_Date__c;
    return next && this.isInForce && !this.adoption?.reviewOverdue
      ? formatLabel(nextReviewLabel, dateText(next))
      : '';
  }

  get teams(): { key: string; manager: string; members: number; acknowledged: string }[] {
    return (this.adoption?.teams ?? []).map((team) => ({
      key: team.managerId ?? 'none',
      manager: team.managerName ?? (team.managerId ? team.managerId : noManagerLabel),
      members: team.memberCount,
      acknowledged: formatLabel(
        rateTextLabel,
        team.acknowledgedCount,
        team.memberCount,
        percent(team.rate)
      )
    }));
  }

  get pendingHeading(): string {
    return formatLabel(pendingLabel, this.adoption?.pending.length ?? 0);
  }

  get pending(): { id: string; name: string }[] {
    return (this.adoption?.pending ?? []).map((member) => ({
      id: member.Id,
      name: member.Name ?? member.Id
    }));
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  get reminderText(): string {
    if (this.isSuperseded) {
      return '';
    }
    const days = this.facts?.reminderAfterDays ?? 0;
    return days > 0 ? formatLabel(reminderLabel, days) : noReminderLabel;
  }
}
