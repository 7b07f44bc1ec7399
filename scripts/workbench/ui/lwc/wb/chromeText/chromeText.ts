/**
 * The workbench's own words: the parts of Lightning Experience it draws itself (the header, the
 * navigation, the not-found and no-access pages, its toasts) and its Home card. On the platform
 * Salesforce translates its own chrome; the package's words are custom labels. This catalogue
 * gives the workbench chrome in the languages the package is translated into, for the acting
 * user's language, so that a Danish user sees a Danish page from edge to edge.
 */
import { context } from '../../../../platform/context';

export interface ChromeText {
  actAs: string;
  /** The personal-settings switch of the user's language and locale. */
  language: string;
  offlineBadge: string;
  home: string;
  admin: string;
  serverDidNotAnswer: string;
  homeIntro: (sampleDay: string) => string;
  componentsHeading: string;
  componentsIntro: string;
  noAccessHeading: string;
  noAccessText: string;
  notFoundHeading: string;
  notFoundText: (route: string) => string;
  backToHome: string;
  close: string;
  recordSaved: string;
  namedRecordSaved: (name: string) => string;
  notifications: string;
  newNotifications: (count: number) => string;
  notificationsDidNotLoad: string;
  noNotifications: string;
  unread: string;
  /** The acting user's inbox: the emails the package's Apex sent them (nothing is delivered). */
  inbox: string;
  inboxIntro: string;
  emails: string;
  emailsDidNotLoad: string;
  noEmails: string;
  emailFrom: (sender: string) => string;
  /** Marks the email shown beside the list, in words as well as in weight. */
  shownEmail: string;
  /** The title of the frame that shows an email's content. */
  emailContent: (subject: string) => string;
  chooseEmail: string;
  searchRecords: string;
  recordPicker: string;
  chooseRecord: string;
  recordsYouCanSee: (count: string) => string;
  closes: (date: string) => string;
  withScore: (name: string, score: string) => string;
  noRecordWithId: (objectLabel: string, recordId: string) => string;
  details: string;
  stageComplete: string;
  currentStage: string;
  closedStage: string;
  listView: string;
  searchList: string;
  items: (shown: string, total: string, all: boolean) => string;
  sortedAscending: string;
  sortedDescending: string;
  breadcrumbs: string;
  newRecord: string;
  cancel: string;
  save: string;
  noItemsYet: string;
  searchField: (fieldLabel: string) => string;
  selectAnOption: string;
  apexJobs: string;
  apexJobsIntro: string;
  /** The Admin page's jobs (server/adminJobs.ts), as Setup's Apex Jobs page would name them. */
  jobs: Readonly<Record<string, string>>;
  jobRunning: (job: string) => string;
  jobCompleted: (job: string) => string;
  jobFailed: (job: string, message: string) => string;
  salesRules: string;
  ruleColumns: Readonly<{
    rule: string;
    object: string;
    kind: string;
    appliesWhen: string;
    flagWhen: string;
    weight: string;
    status: string;
  }>;
  apiName: (name: string) => string;
  active: string;
  inactive: string;
  component: string;
  object: string;
  record: string;
  noSuchComponent: (name: string) => string;
  shownOnRecordPage: (objects: string) => string;
  shownAsQuickAction: (action: string, objects: string) => string;
  shownWithoutRecord: string;
  runsInside: (tag: string, parentTag: string, where: string) => string;
  shown: (where: string) => string;
}

const ENGLISH: ChromeText = {
  actAs: 'Act as',
  language: 'Language',
  offlineBadge: 'Offline workbench',
  home: 'Home',
  admin: 'Admin',
  serverDidNotAnswer: 'The workbench server did not answer.',
  homeIntro: (sampleDay) =>
    `The package's own Lightning web components on the sample org (sample day ${sampleDay}), ` +
    'offline. Open a record page, fix a data-quality gap through its guidance card, and the ' +
    'score is recalculated by the same rules the org runs.',
  componentsHeading: 'Components in the package',
  componentsIntro: 'Every component with a template, built from force-app on each start.',
  noAccessHeading: 'No access',
  noAccessText:
    "You don't have access to the Admin page. It is for rule managers: users with the " +
    'SSM_Manage_Rules custom permission, which the SSM_Admin permission set grants.',
  notFoundHeading: 'Page not found',
  notFoundText: (route) => `The workbench has no page at ${route}.`,
  backToHome: 'Back to Home',
  close: 'Close',
  recordSaved: 'Record saved.',
  namedRecordSaved: (name) => `"${name}" was saved.`,
  notifications: 'Notifications',
  newNotifications: (count) =>
    count === 1 ? 'Notifications: 1 new notification' : `Notifications: ${count} new notifications`,
  notificationsDidNotLoad: 'The notifications did not load.',
  noNotifications: 'No notifications.',
  unread: 'Unread',
  inbox: 'Inbox',
  inboxIntro:
    'The emails the package sent you. Offline nothing is delivered: each is kept here for the ' +
    'user it was sent to.',
  emails: 'Emails',
  emailsDidNotLoad: 'The emails did not load.',
  noEmails: 'No emails have been sent to you.',
  emailFrom: (sender) => `From ${sender}`,
  shownEmail: 'Shown',
  emailContent: (subject) => `Email: ${subject}`,
  chooseEmail: 'Choose an email in the list to read it.',
  searchRecords: 'Search records',
  recordPicker: 'Record (weakest score first)',
  chooseRecord: 'Choose a record',
  recordsYouCanSee: (count) => `${count} records you can see`,
  closes: (date) => `closes ${date}`,
  withScore: (name, score) => `${name} (score ${score})`,
  noRecordWithId: (objectLabel, recordId) => `No ${objectLabel} record has the Id ${recordId}.`,
  details: 'Details',
  stageComplete: 'Stage complete',
  currentStage: 'Current stage',
  closedStage: 'Closed',
  listView: 'List view',
  searchList: 'Search this list',
  items: (shown, total, all) => (all ? `${total} items` : `${shown} of ${total} items`),
  sortedAscending: 'Sorted ascending',
  sortedDescending: 'Sorted descending',
  breadcrumbs: 'Breadcrumbs',
  newRecord: 'New',
  cancel: 'Cancel',
  save: 'Save',
  noItemsYet: 'No items yet.',
  searchField: (fieldLabel) => `Search ${fieldLabel}`,
  selectAnOption: 'Select an option',
  apexJobs: 'Apex jobs',
  apexJobsIntro: 'What the org runs on its schedules, run now on the sample org as you.',
  jobs: {
    guidance: 'Recalculate guidance (nightly)',
    segments: 'Assign segments',
    sharing: 'Recalculate seller sharing',
    strategyReminders: 'Send strategy reminders (daily)',
    kpiSnapshots: 'Snapshot the KPIs of last week (weekly)',
    weeklyDigest: 'Send the weekly digest email (weekly)'
  },
  jobRunning: (job) => `${job}: running...`,
  jobCompleted: (job) => `${job}: completed.`,
  jobFailed: (job, message) => `${job}: failed. ${message}`,
  salesRules: 'Sales rules',
  ruleColumns: {
    rule: 'Rule',
    object: 'Object',
    kind: 'Kind',
    appliesWhen: 'Applies when',
    flagWhen: 'Flag when',
    weight: 'Weight',
    status: 'Status'
  },
  apiName: (name) => `API name: ${name}`,
  active: 'Active',
  inactive: 'Inactive',
  component: 'Component',
  object: 'Object',
  record: 'Record',
  noSuchComponent: (name) => `The package has no component named “${name}”.`,
  shownOnRecordPage: (objects) => `on the record page of ${objects}`,
  shownAsQuickAction: (action, objects) =>
    `as the ${action} quick action of ${objects}: a headless action, it has no view; ${action} ` +
    'runs it on the chosen record and its outcome shows as a toast',
  shownWithoutRecord: 'on Home or an app page, with no record',
  runsInside: (tag, parentTag, where) => `${tag} runs inside ${parentTag}, shown here ${where}.`,
  shown: (where) => `Shown ${where}.`
};

const DANISH: ChromeText = {
  actAs: 'Arbejd som',
  language: 'Sprog',
  offlineBadge: 'Offline arbejdsbord',
  home: 'Startside',
  admin: 'Administration',
  serverDidNotAnswer: 'Arbejdsbordets server svarede ikke.',
  homeIntro: (sampleDay) =>
    `Pakkens egne Lightning-webkomponenter på eksempelorganisationen (eksempeldag ${sampleDay}), ` +
    'offline. Åbn en postside, luk et hul i datakvaliteten via vejledningskortet, og scoren ' +
    'beregnes igen efter de samme regler, som organisationen kører.',
  componentsHeading: 'Komponenter i pakken',
  componentsIntro: 'Alle komponenter med en skabelon, bygget fra force-app ved hver start.',
  noAccessHeading: 'Ingen adgang',
  noAccessText:
    'Du har ikke adgang til administrationssiden. Den er for regelansvarlige: brugere med den ' +
    'brugerdefinerede tilladelse SSM_Manage_Rules, som tilladelsessættet SSM_Admin giver.',
  notFoundHeading: 'Siden findes ikke',
  notFoundText: (route) => `Arbejdsbordet har ingen side på ${route}.`,
  backToHome: 'Tilbage til startsiden',
  close: 'Luk',
  recordSaved: 'Posten er gemt.',
  namedRecordSaved: (name) => `"${name}" er gemt.`,
  notifications: 'Meddelelser',
  newNotifications: (count) =>
    count === 1 ? 'Meddelelser: 1 ny meddelelse' : `Meddelelser: ${count} nye meddelelser`,
  notificationsDidNotLoad: 'Meddelelserne kunne ikke indlæses.',
  noNotifications: 'Ingen meddelelser.',
  unread: 'Ulæst',
  inbox: 'Indbakke',
  inboxIntro:
    'De e-mails, pakken har sendt dig. Offline leveres intet: hver gemmes her til den bruger, ' +
    'den blev sendt til.',
  emails: 'E-mails',
  emailsDidNotLoad: 'E-mailene kunne ikke indlæses.',
  noEmails: 'Der er ikke sendt nogen e-mails til dig.',
  emailFrom: (sender) => `Fra ${sender}`,
  shownEmail: 'Vises',
  emailContent: (subject) => `E-mail: ${subject}`,
  chooseEmail: 'Vælg en e-mail på listen for at læse den.',
  searchRecords: 'Søg i poster',
  recordPicker: 'Post (laveste score først)',
  chooseRecord: 'Vælg en post',
  recordsYouCanSee: (count) => `${count} poster, du kan se`,
  closes: (date) => `lukker ${date}`,
  withScore: (name, score) => `${name} (score ${score})`,
  noRecordWithId: (objectLabel, recordId) =>
    `Ingen post af typen ${objectLabel} har Id'et ${recordId}.`,
  details: 'Detaljer',
  stageComplete: 'Fase gennemført',
  currentStage: 'Aktuel fase',
  closedStage: 'Lukket',
  listView: 'Listevisning',
  searchList: 'Søg i denne liste',
  items: (shown, total, all) => (all ? `${total} elementer` : `${shown} af ${total} elementer`),
  sortedAscending: 'Sorteret stigende',
  sortedDescending: 'Sorteret faldende',
  breadcrumbs: 'Brødkrummer',
  newRecord: 'Ny',
  cancel: 'Annuller',
  save: 'Gem',
  noItemsYet: 'Ingen elementer endnu.',
  searchField: (fieldLabel) => `Søg i ${fieldLabel}`,
  selectAnOption: 'Vælg en mulighed',
  apexJobs: 'Apex-job',
  apexJobsIntro:
    'Det, organisationen kører efter sine tidsplaner, kørt nu på eksempelorganisationen som dig.',
  jobs: {
    guidance: 'Genberegn vejledning (hver nat)',
    segments: 'Tildel segmenter',
    sharing: 'Genberegn deling med sælgere',
    strategyReminders: 'Send påmindelser om strategien (dagligt)',
    kpiSnapshots: 'Gem sidste uges KPI-øjebliksbillede (ugentligt)',
    weeklyDigest: 'Send det ugentlige overblik på e-mail (ugentligt)'
  },
  jobRunning: (job) => `${job}: kører...`,
  jobCompleted: (job) => `${job}: gennemført.`,
  jobFailed: (job, message) => `${job}: mislykkedes. ${message}`,
  salesRules: 'Salgsregler',
  ruleColumns: {
    rule: 'Regel',
    object: 'Objekt',
    kind: 'Type',
    appliesWhen: 'Gælder når',
    flagWhen: 'Markér når',
    weight: 'Vægt',
    status: 'Status'
  },
  apiName: (name) => `API-navn: ${name}`,
  active: 'Aktiv',
  inactive: 'Inaktiv',
  component: 'Komponent',
  object: 'Objekt',
  record: 'Post',
  noSuchComponent: (name) => `Pakken har ingen komponent ved navn “${name}”.`,
  shownOnRecordPage: (objects) => `på postsiden for ${objects}`,
  shownAsQuickAction: (action, objects) =>
    `som hurtighandlingen ${action} på ${objects}: en handling uden visning; ${action} kører ` +
    'den på den valgte post, og resultatet vises som en meddelelse',
  shownWithoutRecord: 'på startsiden eller en appside, uden en post',
  runsInside: (tag, parentTag, where) => `${tag} kører inde i ${parentTag}, vist her ${where}.`,
  shown: (where) => `Vist ${where}.`
};

/** The chrome in each language by LanguageLocaleKey; other languages read English. */
export const CHROME_TEXTS: Readonly<Record<string, ChromeText>> = { en_US: ENGLISH, da: DANISH };

export function chromeTextFor(language: string): ChromeText {
  return CHROME_TEXTS[language] ?? ENGLISH;
}

/** The chrome in the acting user's language. */
export const CHROME_TEXT: ChromeText = chromeTextFor(context.language);
