/**
 * The Lightning pages the workbench lays out, as the package's FlexiPages and app place its
 * components: the Home page, the app pages of the Sales Strategy app, and the record pages.
 * A component added to a page in force-app gets one line here; the server and the shell both
 * read this list.
 */

export interface AppPage {
  /** The URL key: #/<key>. */
  key: string;
  /** The tab label in the app's navigation bar. */
  label: string;
  /** Package components (c/<name>), top to bottom. */
  components: readonly string[];
}

export interface RecordPage {
  /** The tab label of the object in the navigation bar. */
  tabLabel: string;
  /** False when an app page of the same name already lists the records (no second tab). */
  inNavigation?: boolean;
  /** Package components in the page's side column, given recordId and objectApiName. */
  components: readonly string[];
}

/** Components on the Home page, top to bottom. */
export const HOME_COMPONENTS: readonly string[] = [
  'strategyBrief',
  'pipelineKpis',
  'skillProfile',
  'improvementIdeas'
];

/** The Sales Strategy app's pages, in navigation order. */
export const APP_PAGES: readonly AppPage[] = [
  { key: 'pipeline-review', label: 'Pipeline Review', components: ['pipelineReview'] },
  { key: 'team-development', label: 'Team Development', components: ['teamDevelopment'] },
  { key: 'improvement-ideas', label: 'Improvement Ideas', components: ['improvementIdeas'] },
  { key: 'segments', label: 'Segments', components: ['segmentOverview'] }
];

/** Record pages by object API name, in navigation order. */
export const RECORD_PAGES: Readonly<Record<string, RecordPage>> = {
  Opportunity: { tabLabel: 'Opportunities', components: ['pipelineKpis', 'recordGuidance'] },
  Account: {
    tabLabel: 'Accounts',
    components: ['pipelineKpis', 'accountPlan', 'recordGuidance']
  },
  Account_Plan__c: { tabLabel: 'Account Plans', components: ['accountPlan', 'recordGuidance'] },
  Strategy_Version__c: { tabLabel: 'Strategy Versions', components: ['strategyAdoption'] },
  Customer_Segment__c: { tabLabel: 'Customer Segments', components: ['segmentOverview'] },
  Compensation_Plan__c: { tabLabel: 'Compensation Plans', components: ['compensationAlignment'] },
  // Opened from the notification bell; the Improvement Ideas app page is the list.
  Improvement_Idea__c: { tabLabel: 'Improvement Ideas', components: [], inNavigation: false }
};
