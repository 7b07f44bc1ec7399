/**
 * Record guidance on the Opportunity, Account and Account Plan pages: the data-quality score,
 * what is wrong and why it matters, a one-click fix of exactly the fields a rule names, the
 * coaching questions a manager should ask, and (for rule managers) the rules that are broken.
 */
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getGuidance from '@salesforce/apex/RecordGuidanceController.getGuidance';
import {
  bandOf,
  groupBySeverity,
  normalizeGuidance,
  relatedListPage,
  RING_VARIANT,
  type RecordGuidance,
  type SeverityGroup
} from './guidanceView';

type SeverityGroupView = SeverityGroup & {
  heading: string;
  issues: (SeverityGroup['issues'][number] & { openListLabel: string })[];
};
import titleLabel from '@salesforce/label/c.SSM_Guidance_Title';
import scoreLabel from '@salesforce/label/c.SSM_Guidance_Score';
import scoreTextLabel from '@salesforce/label/c.SSM_Guidance_Score_Text';
import goodLabel from '@salesforce/label/c.SSM_Guidance_Band_Good';
import fairLabel from '@salesforce/label/c.SSM_Guidance_Band_Fair';
import poorLabel from '@salesforce/label/c.SSM_Guidance_Band_Poor';
import allGoodLabel from '@salesforce/label/c.SSM_Guidance_All_Good';
import issuesLabel from '@salesforce/label/c.SSM_Guidance_Issues';
import fixLabel from '@salesforce/label/c.SSM_Guidance_Fix';
import openListLabel from '@salesforce/label/c.SSM_Guidance_Open_List';
import openListForLabel from '@salesforce/label/c.SSM_Guidance_Open_List_For';
import whyLabel from '@salesforce/label/c.SSM_Guidance_Why';
import coachingLabel from '@salesforce/label/c.SSM_Guidance_Coaching';
import brokenLabel from '@salesforce/label/c.SSM_Guidance_Broken';
import loadingLabel from '@salesforce/label/c.SSM_Guidance_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Guidance_Load_Failed';
import savedLabel from '@salesforce/label/c.SSM_Guidance_Saved';
import severityLabel from '@salesforce/label/c.SSM_Guidance_Severity';
import { formatLabel } from 'c/labelFormat';

const BAND_LABELS = { good: goodLabel, fair: fairLabel, poor: poorLabel };

export default class RecordGuidanceCard extends NavigationMixin(LightningElement) {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  @wire(getGuidance, { recordId: '$recordId' })
  wiredGuidance: ApexGenerated.WireResult<ApexGenerated.RecordGuidance> | undefined;

  fixingRule: string | null = null;
  announcement = '';

  readonly labels = {
    title: titleLabel,
    score: scoreLabel,
    allGood: allGoodLabel,
    issues: issuesLabel,
    fix: fixLabel,
    openList: openListLabel,
    why: whyLabel,
    coaching: coachingLabel,
    broken: brokenLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel
  };

  get guidance(): RecordGuidance | undefined {
    const data = this.wiredGuidance?.data;
    return data ? normalizeGuidance(data) : undefined;
  }

  get error(): unknown {
    return this.wiredGuidance?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.guidance && !this.error;
  }

  get score(): number {
    return this.guidance?.score ?? 0;
  }

  get scoreText(): string {
    return formatLabel(scoreTextLabel, this.score);
  }

  get bandLabel(): string {
    return BAND_LABELS[bandOf(this.score)];
  }

  get ringVariant(): string {
    return RING_VARIANT[bandOf(this.score)];
  }

  get bandClass(): string {
    return `ssm-band ssm-band_${bandOf(this.score)}`;
  }

  get severityGroups(): SeverityGroupView[] {
    const guidance = this.guidance;
    return guidance
      ? groupBySeverity(guidance, this.fixingRule).map((group) => ({
          ...group,
          heading: formatLabel(severityLabel, group.label, group.issues.length),
          issues: group.issues.map((issue) => ({
            ...issue,
            openListLabel: formatLabel(openListForLabel, issue.message ?? issue.label)
          }))
        }))
      : [];
  }

  get isAllGood(): boolean {
    return !!this.guidance && this.guidance.flagged.length === 0;
  }

  get hasPrompts(): boolean {
    return (this.guidance?.prompts.length ?? 0) > 0;
  }

  get hasBroken(): boolean {
    return (this.guidance?.broken.length ?? 0) > 0;
  }

  handleFix(event: Event): void {
    const ruleName = (event.currentTarget as HTMLElement).dataset.rule ?? null;
    this.fixingRule = this.fixingRule === ruleName ? null : ruleName;
    this.announcement = '';
  }

  handleOpenList(event: Event): void {
    const ruleName = (event.currentTarget as HTMLElement).dataset.listRule;
    const issue = this.guidance?.flagged.find((outcome) => outcome.ruleName === ruleName);
    if (!issue?.fixRelatedList || !this.recordId || !this.objectApiName) return;
    this[NavigationMixin.Navigate](
      relatedListPage(this.recordId, this.objectApiName, issue.fixRelatedList)
    );
  }

  handleFixCancel(): void {
    const ruleName = this.fixingRule;
    this.fixingRule = null;
    this.focusFixButton(ruleName);
  }

  async handleFixSaved(): Promise<void> {
    this.fixingRule = null;
    await refreshApex(this.wiredGuidance);
    if (this.recordId) {
      await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    }
    this.announcement = formatLabel(savedLabel, this.score);
  }

  private focusFixButton(ruleName: string | null): void {
    if (!ruleName) {
      return;
    }
    // Wait for the re-render so the button exists again.
    Promise.resolve().then(() => {
      this.template?.querySelector<HTMLElement>(`[data-rule="${ruleName}"]`)?.focus();
    });
  }
}
