/**
 * Compensation alignment on the Compensation Plan page: the components with weight, scope and
 * strategic KPI, whether the weights add up to 100 %, the shares of variable pay tied to team
 * results and to strategic KPIs against the published strategy's principles, and each warning
 * in one sentence. Verdicts are words, never colour alone. Figures from c/salesKpis.
 */
import { LightningElement, api, wire } from 'lwc';
import getAlignment from '@salesforce/apex/CompensationAlignmentController.getAlignment';
import {
  compensationFactsFromApex,
  computeCompensationAlignment,
  type CompensationAlignment,
  type CompensationWarning
} from 'c/salesKpis';
import titleLabel from '@salesforce/label/c.SSM_Compensation_Title';
import loadingLabel from '@salesforce/label/c.SSM_Compensation_Loading';
import loadFailedLabel from '@salesforce/label/c.SSM_Compensation_Load_Failed';
import componentsLabel from '@salesforce/label/c.SSM_Compensation_Components';
import componentLabel from '@salesforce/label/c.SSM_Compensation_Component';
import scopeLabel from '@salesforce/label/c.SSM_Compensation_Scope';
import strategicKpiLabel from '@salesforce/label/c.SSM_Compensation_Strategic_KPI';
import weightLabel from '@salesforce/label/c.SSM_Compensation_Weight';
import totalLabel from '@salesforce/label/c.SSM_Compensation_Total';
import sumsTo100Label from '@salesforce/label/c.SSM_Compensation_Sums_To_100';
import not100Label from '@salesforce/label/c.SSM_Compensation_Not_100';
import teamShareLabel from '@salesforce/label/c.SSM_Compensation_Team_Share';
import strategicShareLabel from '@salesforce/label/c.SSM_Compensation_Strategic_Share';
import noTargetLabel from '@salesforce/label/c.SSM_Compensation_No_Target';
import meetsLabel from '@salesforce/label/c.SSM_Compensation_Meets';
import belowLabel from '@salesforce/label/c.SSM_Compensation_Below';
import unknownLabel from '@salesforce/label/c.SSM_Compensation_Unknown';
import alignedLabel from '@salesforce/label/c.SSM_Compensation_Aligned';
import warningsLabel from '@salesforce/label/c.SSM_Compensation_Warnings';
import warnNoComponentsLabel from '@salesforce/label/c.SSM_Compensation_Warn_No_Components';
import warnBlankWeightLabel from '@salesforce/label/c.SSM_Compensation_Warn_Blank_Weight';
import warnWeightsLabel from '@salesforce/label/c.SSM_Compensation_Warn_Weights';
import warnTeamLabel from '@salesforce/label/c.SSM_Compensation_Warn_Team';
import warnStrategicLabel from '@salesforce/label/c.SSM_Compensation_Warn_Strategic';
import warnNoStrategyLabel from '@salesforce/label/c.SSM_Compensation_Warn_No_Strategy';
import warnOtherVersionLabel from '@salesforce/label/c.SSM_Compensation_Warn_Other_Version';
import { formatLabel, picklistLabel } from 'c/labelFormat';
import { precisePercent } from 'c/userFormat';

const SCOPE_FIELD = 'Compensation_Component__c.Scope__c';
const STRATEGIC_KPI_FIELD = 'Compensation_Component__c.Strategic_KPI__c';

function percentOf(fraction: number | null): string {
  return fraction === null ? '-' : precisePercent(fraction);
}

/** A weight in Percent units (45 = 45 %). */
function weightText(weight: number | null): string {
  return weight === null ? '-' : precisePercent(weight / 100);
}

function verdict(meets: boolean | null): string {
  if (meets === null) return unknownLabel;
  return meets ? meetsLabel : belowLabel;
}

/** One sentence per warning, in the words a sales director would use. */
function warningText(warning: CompensationWarning): string {
  switch (warning.code) {
    case 'noComponents':
      return warnNoComponentsLabel;
    case 'blankWeight':
      return formatLabel(warnBlankWeightLabel, warning.component);
    case 'weightsDoNotSumTo100':
      return formatLabel(warnWeightsLabel, weightText(warning.total));
    case 'teamShareBelowTarget':
      return formatLabel(warnTeamLabel, percentOf(warning.share), percentOf(warning.target));
    case 'strategicShareBelowTarget':
      return formatLabel(warnStrategicLabel, percentOf(warning.share), percentOf(warning.target));
    case 'noPublishedStrategy':
      return warnNoStrategyLabel;
    case 'otherStrategyVersion':
      return formatLabel(warnOtherVersionLabel, warning.published);
  }
  return '';
}

export default class CompensationAlignmentCard extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  @wire(getAlignment, { planId: '$recordId' })
  wiredAlignment: ApexGenerated.WireResult<ApexGenerated.CompensationFacts> | undefined;

  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    loadFailed: loadFailedLabel,
    components: componentsLabel,
    component: componentLabel,
    scope: scopeLabel,
    strategicKpi: strategicKpiLabel,
    weight: weightLabel,
    aligned: alignedLabel,
    warnings: warningsLabel
  };

  get loadError(): unknown {
    return this.wiredAlignment?.error ?? null;
  }

  get isLoading(): boolean {
    return !this.wiredAlignment?.data && !this.loadError;
  }

  get alignment(): CompensationAlignment | null {
    const data = this.wiredAlignment?.data;
    if (!data) return null;
    const facts = compensationFactsFromApex(data);
    return computeCompensationAlignment(facts.plan, facts.components, facts.published);
  }

  /** Scope and strategic KPI by their labels; the shares are computed from their values. */
  get rows(): { key: string; name: string; scope: string; kpi: string; weight: string }[] {
    const labels = this.wiredAlignment?.data?.picklistLabels;
    return (this.alignment?.components ?? []).map((row, index) => ({
      key: row.component.Id ?? String(index),
      name: row.component.Name ?? row.component.Metric__c ?? '',
      scope: picklistLabel(labels, SCOPE_FIELD, row.component.Scope__c),
      kpi: picklistLabel(labels, STRATEGIC_KPI_FIELD, row.component.Strategic_KPI__c),
      weight: weightText(row.component.Weight__c)
    }));
  }

  get totalText(): string {
    const alignment = this.alignment;
    if (!alignment) return '';
    return formatLabel(
      totalLabel,
      weightText(alignment.totalWeight),
      alignment.weightsSumTo100 ? sumsTo100Label : not100Label
    );
  }

  get teamText(): string {
    const a = this.alignment;
    if (!a) return '';
    return formatLabel(
      teamShareLabel,
      percentOf(a.teamShare),
      a.teamTarget === null ? noTargetLabel : percentOf(a.teamTarget),
      verdict(a.teamMeetsTarget)
    );
  }

  get strategicText(): string {
    const a = this.alignment;
    if (!a) return '';
    return formatLabel(
      strategicShareLabel,
      percentOf(a.strategicShare),
      a.strategicTarget === null ? noTargetLabel : percentOf(a.strategicTarget),
      verdict(a.strategicMeetsTarget)
    );
  }

  get warnings(): { key: string; text: string }[] {
    return (this.alignment?.warnings ?? []).map((warning, index) => ({
      key: `${warning.code}-${index}`,
      text: warningText(warning)
    }));
  }

  get hasWarnings(): boolean {
    return this.warnings.length > 0;
  }
}
