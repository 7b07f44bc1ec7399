/**
 * What the strategy brief shows, derived from the Apex brief with c/salesKpis: the targets with
 * their previous values, and "what changed" section by section. Pure functions.
 */
import {
  STRATEGY_SECTIONS,
  whatChanged,
  type StrategySection,
  type StrategyTargetField,
  type StrategyVersionFacts
} from 'c/salesKpis';
import governanceLabel from '@salesforce/label/c.SSM_Section_Governance';
import segmentationLabel from '@salesforce/label/c.SSM_Section_Segmentation';
import salesProcessLabel from '@salesforce/label/c.SSM_Section_Sales_Process';
import interactionLabel from '@salesforce/label/c.SSM_Section_Interaction';
import compensationLabel from '@salesforce/label/c.SSM_Section_Compensation';
import coachingLabel from '@salesforce/label/c.SSM_Section_Coaching';
import developmentLabel from '@salesforce/label/c.SSM_Section_Development';
import coverageLabel from '@salesforce/label/c.SSM_Target_Coverage';
import winRateLabel from '@salesforce/label/c.SSM_Target_Win_Rate';
import dataQualityLabel from '@salesforce/label/c.SSM_Target_Data_Quality';
import timeWithCustomersLabel from '@salesforce/label/c.SSM_Target_Time_With_Customers';
import coachingSessionsLabel from '@salesforce/label/c.SSM_Target_Coaching_Sessions';
import forecastAccuracyLabel from '@salesforce/label/c.SSM_Target_Forecast_Accuracy';
import teamShareLabel from '@salesforce/label/c.SSM_Target_Team_Variable_Share';
import strategicShareLabel from '@salesforce/label/c.SSM_Target_Strategic_KPI_Share';
import addedStatusLabel from '@salesforce/label/c.SSM_Brief_Section_Added';
import removedStatusLabel from '@salesforce/label/c.SSM_Brief_Section_Removed';
import changedStatusLabel from '@salesforce/label/c.SSM_Brief_Section_Changed';
import wasLabel from '@salesforce/label/c.SSM_Brief_Target_Was';
import { formatLabel } from 'c/labelFormat';
import { decimal, precisePercent } from 'c/userFormat';

export const SECTION_LABELS: Readonly<Record<StrategySection, string>> = {
  Governance_Model__c: governanceLabel,
  Segmentation__c: segmentationLabel,
  Sales_Process__c: salesProcessLabel,
  Customer_Interaction_Model__c: interactionLabel,
  Compensation_Principles__c: compensationLabel,
  Coaching_Model__c: coachingLabel,
  Development_Programme__c: developmentLabel
};

/** How a target is written: a percent field (0-100), a multiple, or a plain number. */
type TargetUnit = 'percent' | 'times' | 'number';

const TARGETS: Readonly<Record<StrategyTargetField, { label: string; unit: TargetUnit }>> = {
  Target_Pipeline_Coverage__c: { label: coverageLabel, unit: 'times' },
  Target_Win_Rate__c: { label: winRateLabel, unit: 'percent' },
  Target_Data_Quality_Score__c: { label: dataQualityLabel, unit: 'number' },
  Target_Time_With_Customers__c: { label: timeWithCustomersLabel, unit: 'percent' },
  Target_Coaching_Sessions__c: { label: coachingSessionsLabel, unit: 'number' },
  Target_Forecast_Accuracy__c: { label: forecastAccuracyLabel, unit: 'percent' },
  Target_Team_Variable_Share__c: { label: teamShareLabel, unit: 'percent' },
  Target_Strategic_KPI_Share__c: { label: strategicShareLabel, unit: 'percent' }
};

const STATUS_LABELS = {
  added: addedStatusLabel,
  removed: removedStatusLabel,
  changed: changedStatusLabel,
  unchanged: ''
};

/** An Apex Strategy_Version__c as the KPI module reads it (null without an Id). */
export function versionFacts(
  record: ApexGenerated.Strategy_Version__c | null | undefined
): StrategyVersionFacts | null {
  return record && typeof record.Id === 'string'
    ? ({ ...record, Id: record.Id } as StrategyVersionFacts)
    : null;
}

/** A target in the user's locale: percent fields hold 0-100, coverage is a multiple. */
function formatTarget(value: number | null, unit: TargetUnit): string {
  if (value === null) return '—';
  if (unit === 'percent') return precisePercent(value / 100);
  return unit === 'times' ? `${decimal(value)}x` : decimal(value);
}

export interface TargetView {
  field: string;
  label: string;
  value: string;
  /** "was 30 %" when the target changed against the previous version, else ''. */
  previous: string;
}

export interface SectionChangeView {
  field: string;
  label: string;
  status: string;
  /** "Segmentation: Changed", the accordion section's label. */
  title: string;
  added: { key: string; text: string }[];
  removed: { key: string; text: string }[];
}

export interface SectionView {
  field: string;
  label: string;
  html: string;
}

export interface BriefView {
  targets: TargetView[];
  changedSections: SectionChangeView[];
  unchangedSections: string[];
  sections: SectionView[];
  hasPrevious: boolean;
}

/** A block's sentences: a sentence ends at . ! or ? followed by a space. */
function sentencesOf(blocks: readonly string[]): string[] {
  return blocks.flatMap((block) =>
    block
      .split(/(?<=[.!?])\s+/)
      .map((sentence) => sentence.trim())
      .filter(Boolean)
  );
}

/** `items` less one occurrence of each of `other` (a multiset difference, order kept). */
function withoutEach(items: readonly string[], other: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const item of other) {
    remaining.set(item, (remaining.get(item) ?? 0) + 1);
  }
  return items.filter((item) => {
    const count = remaining.get(item) ?? 0;
    if (count > 0) {
      remaining.set(item, count - 1);
      return false;
    }
    return true;
  });
}

/**
 * What changed in a section, sentence by sentence: a paragraph in which one sentence was
 * edited shows that sentence removed and its new wording added, not the whole paragraph twice.
 */
export function sentenceChanges(
  added: readonly string[],
  removed: readonly string[]
): { added: string[]; removed: string[] } {
  const now = sentencesOf(added);
  const before = sentencesOf(removed);
  return { added: withoutEach(now, before), removed: withoutEach(before, now) };
}

/** The brief's view of a version against its previous one. */
export function briefView(
  version: StrategyVersionFacts,
  previous: StrategyVersionFacts | null
): BriefView {
  const changes = whatChanged(version, previous);
  return {
    hasPrevious: changes.hasPrevious,
    targets: changes.targets.map((target) => ({
      field: target.field,
      label: TARGETS[target.field].label,
      value: formatTarget(target.current, TARGETS[target.field].unit),
      previous: target.changed
        ? formatLabel(wasLabel, formatTarget(target.previous, TARGETS[target.field].unit))
        : ''
    })),
    changedSections: changes.sections
      .filter((section) => section.status !== 'unchanged')
      .map((section) => {
        const sentences = sentenceChanges(section.added, section.removed);
        return {
          field: section.field,
          label: SECTION_LABELS[section.field],
          status: STATUS_LABELS[section.status],
          title: `${SECTION_LABELS[section.field]}: ${STATUS_LABELS[section.status]}`,
          added: sentences.added.map((text, index) => ({ key: `a${index}`, text })),
          removed: sentences.removed.map((text, index) => ({ key: `r${index}`, text }))
        };
      }),
    unchangedSections: changes.sections
      .filter((section) => section.status === 'unchanged')
      .map((section) => SECTION_LABELS[section.field]),
    sections: STRATEGY_SECTIONS.filter((field) => (version[field] ?? '').trim() !== '').map(
      (field) => ({ field, label: SECTION_LABELS[field], html: version[field] ?? '' })
    )
  };
}
