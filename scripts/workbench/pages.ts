/**
 * The Lightning pages the workbench lays out, as the package's FlexiPages and app place its
 * components: the Home page, the app pages of the Sales Strategy app, and the record pages.
 * A component added to a page in force-app gets one line here; the server and the shell both
 * read this list.
 */

export interface AppPage {
  /** The URL key: #/<key>. */
  key: string;
  /** The tab label in the app's navigation bar (the tab's own, English). */
  label: string;
  /** The page's tab (tabs/<name>.tab-meta.xml), whose translations name it in other languages. */
  tab: string;
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
  /**
   * Headless quick actions (lightning__RecordAction) in the page header, as buttons: offered to
   * users who may edit the object, on records whose `when` field has the value (the action's
   * visibility rule on the page).
   */
  actions?: readonly {
    component: string;
    label: string;
    when?: { field: string; value: string };
  }[];
}

/**
 * The Home page in its two regions, as SSM_Home_Page places them (home:desktopTemplate): the
 * strategy brief in the main column, the seller's numbers, skills and ideas in the sidebar.
 */
export const HOME_REGIONS: Readonly<{ main: readonly string[]; sidebar: readonly string[] }> = {
  main: ['strategyBrief'],
  sidebar: ['pipelineKpis', 'skillProfile', 'improvementIdeas']
};

/** Components on the Home page, main column first. */
export const HOME_COMPONENTS: readonly string[] = [...HOME_REGIONS.main, ...HOME_REGIONS.sidebar];

/** The Sales Strategy app's pages, in navigation order. */
export const APP_PAGES: readonly AppPage[] = [
  {
    key: 'pipeline-review',
    label: 'Pipeline Review',
    tab: 'SSM_Pipeline_Review',
    components: ['pipelineReview']
  },
  {
    key: 'team-development',
    label: 'Team Development',
    tab: 'SSM_Team_Development',
    components: ['teamDevelopment']
  },
  {
    key: 'improvement-ideas',
    label: 'Improvement Ideas',
    tab: 'SSM_Improvement_Ideas',
    components: ['improvementIdeas']
  },
  { key: 'segments', label: 'Segments', tab: 'SSM_Segments', components: ['segmentOverview'] }
];

/** Record pages by object API name, in navigation order. */
export const RECORD_PAGES: Readonly<Record<string, RecordPage>> = {
  Opportunity: { tabLabel: 'Opportunities', components: ['pipelineKpis', 'recordGuidance'] },
  Account: {
    tabLabel: 'Accounts',
    components: ['pipelineKpis', 'accountPlan', 'recordGuidance']
  },
  Account_Plan__c: { tabLabel: 'Account Plans', components: ['accountPlan', 'recordGuidance'] },
  Strategy_Version__c: {
    tabLabel: 'Strategy Versions',
    components: ['strategySignOff', 'strategyAdoption'],
    actions: [
      {
        component: 'strategyPublishAction',
        label: 'Publish',
        when: { field: 'Status__c', value: 'In Review' }
      }
    ]
  },
  Customer_Segment__c: { tabLabel: 'Customer Segments', components: ['segmentOverview'] },
  Compensation_Plan__c: { tabLabel: 'Compensation Plans', components: ['compensationAlignment'] },
  // Opened from the notification bell; the Improvement Ideas app page is the list.
  Improvement_Idea__c: { tabLabel: 'Improvement Ideas', components: [], inNavigation: false }
};

/** Where the component gallery opens a component: the page that places it, so it works. */
export type GalleryContext =
  | { kind: 'record'; objects: readonly string[] }
  | { kind: 'action'; objects: readonly string[]; label: string }
  | { kind: 'page' }
  | { kind: 'part'; parent: string };

/**
 * Components that only run inside another package component (they take its data as
 * properties); the gallery opens the parent that places them.
 */
const PARTS: Readonly<Record<string, string>> = {
  errorPanel: 'recordGuidance',
  guidanceFixForm: 'recordGuidance',
  kpiTiles: 'pipelineKpis',
  pipelineWaterfall: 'pipelineReview',
  reviewChanges: 'pipelineReview',
  reviewCoachingPanel: 'pipelineReview',
  reviewDealTable: 'pipelineReview',
  reviewFilters: 'pipelineReview',
  reviewForecastBar: 'pipelineReview',
  reviewKpiHeader: 'pipelineReview',
  reviewSellerTable: 'pipelineReview'
};

/** The gallery's context of a component: its record pages' objects, a page, or its parent. */
export function galleryContextOf(name: string): GalleryContext {
  const objects = Object.entries(RECORD_PAGES)
    .filter(([, page]) => page.components.includes(name))
    .map(([objectApiName]) => objectApiName);
  if (objects.length) return { kind: 'record', objects };
  for (const [objectApiName, page] of Object.entries(RECORD_PAGES)) {
    const action = page.actions?.find((candidate) => candidate.component === name);
    if (action) return { kind: 'action', objects: [objectApiName], label: action.label };
  }
  if (PARTS[name]) return { kind: 'part', parent: PARTS[name] };
  return { kind: 'page' };
}
