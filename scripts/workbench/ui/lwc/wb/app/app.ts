/**
 * The workbench shell, laid out like Lightning Experience: the global header with the
 * "act as" switcher, the Sales Strategy navigation bar, and the page the URL names
 * (#/home, an app page such as #/pipeline-review, #/<Object>/<id> for a record page,
 * #/<Object>/<id>/related/<relationship> for one of its related lists, #/admin, #/inbox with an
 * optional email id (the emails sent to the acting user),
 * #/component/<name> for the gallery, #/reports and #/dashboards with an optional Folder%2FName).
 * pages.ts says which components each page holds.
 */
import { LightningElement } from 'lwc';
import packageComponents from 'wb/packageComponents';
import { APP_PAGES, HOME_REGIONS, RECORD_PAGES } from '../../../../pages';
import { callApi } from '../../../../platform/http';
import { SHOW_TOAST_EVENT, type ShowToastEventDetail } from '../../../../platform/toast';
import { RECORD_UPDATED_EVENT } from '../../../../platform/uiRecordApi';
import reportsTabLabel from '@salesforce/label/c.SSM_Reports_Title';
import dashboardsTabLabel from '@salesforce/label/c.SSM_Dashboards_Title';
import { dateText } from 'c/userFormat';
import { context } from '../../../../platform/context';
import { CHROME_TEXT, type ChromeText } from '../chromeText/chromeText';

/** How long the shell waits for a component's own toast before it confirms a save itself. */
const OWN_TOAST_GRACE_MS = 400;

interface UserSummary {
  id: string;
  key: string;
  name: string;
  title: string;
  role: string;
  /** The labels of the user's permission set groups (Sales Seller, Sales Leadership, ...). */
  personas: string[];
}

interface Session {
  userId: string;
  userKey: string;
  canManageRules: boolean;
  today: string;
  users: UserSummary[];
  /** The app's and its tabs' labels in the user's language, by URL key. */
  navigation: { app: string; tabs: Record<string, string> };
}

/**
 * The languages a user can read the workbench in, each with the locale that goes with it, as a
 * user sets both under personal settings (Language & Time Zone). Named in their own language.
 */
const LANGUAGES = [
  { value: 'da', label: 'Dansk', locale: 'da_DK' },
  { value: 'en_US', label: 'English', locale: 'en_US' }
];

interface NavItem {
  key: string;
  label: string;
  href: string;
  className: string;
}

const OBJECT_TABS = Object.entries(RECORD_PAGES).map(([key, page]) => ({
  key,
  label: page.tabLabel,
  inNavigation: page.inNavigation !== false
}));
const NAVIGATION_TABS = OBJECT_TABS.filter((tab) => tab.inNavigation).map(({ key, label }) => ({
  key,
  label
}));

interface Route {
  page: string;
  recordId: string | null;
  /** The related list of #/<Object>/<id>/related/<relationship>, else null. */
  relationship: string | null;
}

function parseRoute(hash: string): Route {
  const [page, recordId, related, relationship] = hash.replace(/^#\/?/, '').split('/');
  return {
    page: page || 'home',
    recordId: recordId || null,
    relationship: recordId && related === 'related' && relationship ? relationship : null
  };
}

export default class App extends LightningElement {
  session: Session | null = null;
  route = parseRoute(window.location.hash);
  toast: (ShowToastEventDetail & { className: string }) | null = null;
  loadError: unknown = null;

  private lastToastAt = 0;

  private readonly onHashChange = () => {
    this.route = parseRoute(window.location.hash);
  };

  /**
   * Lightning confirms every save with a toast. A component that shows its own (the pipeline
   * review's "saved") is left to do so; otherwise the shell names the saved record.
   */
  private readonly onRecordUpdated = (event: Event) => {
    const savedAt = Date.now();
    const [recordId] = (event as CustomEvent<{ recordIds?: string[] }>).detail?.recordIds ?? [];
    if (!recordId) return;
    window.setTimeout(() => {
      if (this.lastToastAt >= savedAt) return;
      callApi<{ fields: Record<string, { value: unknown }> }>(
        `/api/ui/records/${encodeURIComponent(recordId)}?fields=Name`
      ).then(
        (record) => {
          if (this.lastToastAt >= savedAt) return;
          const name = record.fields.Name?.value;
          this.showToast({
            title:
              typeof name === 'string' && name
                ? CHROME_TEXT.namedRecordSaved(name)
                : CHROME_TEXT.recordSaved,
            variant: 'success'
          });
        },
        () => undefined
      );
    }, OWN_TOAST_GRACE_MS);
  };

  private showToast(detail: ShowToastEventDetail): void {
    this.lastToastAt = Date.now();
    this.toast = {
      ...detail,
      className: `slds-notify slds-notify_toast slds-theme_${detail.variant ?? 'info'}`
    };
  }

  override connectedCallback(): void {
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener(RECORD_UPDATED_EVENT, this.onRecordUpdated);
    this.addEventListener(SHOW_TOAST_EVENT, (event) => {
      this.showToast((event as CustomEvent<ShowToastEventDetail>).detail);
    });
    callApi<Session>('/api/session').then(
      (session) => {
        this.session = session;
      },
      (error: unknown) => {
        this.loadError = error;
      }
    );
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener(RECORD_UPDATED_EVENT, this.onRecordUpdated);
  }

  get text(): ChromeText {
    return CHROME_TEXT;
  }

  /**
   * Each sample user by name and title, with their personas (the permission set groups an admin
   * assigned them) under it, as the org's own user list would tell them apart.
   */
  get userOptions(): { label: string; value: string; description?: string }[] {
    return (this.session?.users ?? []).map((user) => ({
      label: `${user.name}, ${user.title}`,
      value: user.key,
      ...(user.personas.length > 0 ? { description: user.personas.join(' · ') } : {})
    }));
  }

  get languageOptions(): { label: string; value: string }[] {
    return LANGUAGES.map(({ label, value }) => ({ label, value }));
  }

  get languageKey(): string {
    return context.language;
  }

  get appLabel(): string {
    return this.session?.navigation.app ?? '';
  }

  get homeIntro(): string {
    return CHROME_TEXT.homeIntro(dateText(this.session?.today));
  }

  get notFoundText(): string {
    return CHROME_TEXT.notFoundText(this.route404);
  }

  get actingUserKey(): string {
    return this.session?.userKey ?? '';
  }

  get navItems(): NavItem[] {
    const tabs = this.session?.navigation.tabs ?? {};
    const items = [
      { key: 'home', label: CHROME_TEXT.home },
      ...APP_PAGES,
      ...NAVIGATION_TABS,
      { key: 'reports', label: reportsTabLabel },
      { key: 'dashboards', label: dashboardsTabLabel },
      ...(this.session?.canManageRules ? [{ key: 'admin', label: CHROME_TEXT.admin }] : [])
    ];
    return items.map((item) => ({
      ...item,
      label: tabs[item.key] ?? item.label,
      href: `#/${item.key}`,
      className: 'slds-context-bar__item' + (item.key === this.route.page ? ' slds-is-active' : '')
    }));
  }

  get isHome(): boolean {
    return this.route.page === 'home';
  }

  get homeMain(): readonly string[] {
    return HOME_REGIONS.main;
  }

  get homeSidebar(): readonly string[] {
    return HOME_REGIONS.sidebar;
  }

  get appPage(): { key: string; label: string; components: readonly string[] } | null {
    return APP_PAGES.find((page) => page.key === this.route.page) ?? null;
  }

  get appPageLabel(): string {
    const page = this.appPage;
    return page ? (this.session?.navigation.tabs[page.key] ?? page.label) : '';
  }

  get isAdmin(): boolean {
    return this.route.page === 'admin' && !!this.session?.canManageRules;
  }

  /** The Admin page for a user without the rule-manager permission: refused, as the org does. */
  get isAdminRefused(): boolean {
    return this.route.page === 'admin' && !!this.session && !this.session.canManageRules;
  }

  /** A route the workbench does not have: a not-found page, never a blank one. */
  get isNotFound(): boolean {
    return (
      !this.isHome &&
      !this.appPage &&
      !this.isRecordPage &&
      !this.isRelatedListPage &&
      !this.isComponentPage &&
      !this.isReportsPage &&
      !this.isDashboardsPage &&
      !this.isInbox &&
      this.route.page !== 'admin'
    );
  }

  get route404(): string {
    return window.location.hash || '#/';
  }

  get isInbox(): boolean {
    return this.route.page === 'inbox';
  }

  /** The header's inbox link says it is the current page when the inbox is open. */
  get inboxCurrent(): string | null {
    return this.isInbox ? 'page' : null;
  }

  get isReportsPage(): boolean {
    return this.route.page === 'reports';
  }

  get isDashboardsPage(): boolean {
    return this.route.page === 'dashboards';
  }

  /** A report's or dashboard's full name (Folder/Name), one encoded segment of the URL. */
  get analyticsName(): string | null {
    const segment = this.route.recordId;
    if (!segment) return null;
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }

  get isComponentPage(): boolean {
    return this.route.page === 'component';
  }

  get componentName(): string {
    return this.route.recordId ?? '';
  }

  /** Every component of the package, for the gallery links on Home. */
  get componentLinks(): { name: string; href: string }[] {
    return Object.keys(packageComponents).map((name) => ({
      name,
      href: `#/component/${name}`
    }));
  }

  get isRecordPage(): boolean {
    return OBJECT_TABS.some((tab) => tab.key === this.route.page) && !this.route.relationship;
  }

  /** A record's related list (where a guidance issue fixed outside the card links to). */
  get isRelatedListPage(): boolean {
    return OBJECT_TABS.some((tab) => tab.key === this.route.page) && !!this.route.relationship;
  }

  get relationshipApiName(): string {
    return this.route.relationship ?? '';
  }

  get objectApiName(): string {
    return this.route.page;
  }

  get recordId(): string | null {
    return this.route.recordId;
  }

  get objectTabs(): { key: string; label: string; href: string }[] {
    const tabs = this.session?.navigation.tabs ?? {};
    return NAVIGATION_TABS.map((tab) => ({
      ...tab,
      label: tabs[tab.key] ?? tab.label,
      href: `#/${tab.key}`
    }));
  }

  /** The user's own language and locale (personal settings); the page reloads in them. */
  async handleLanguage(event: CustomEvent<{ value: string }>): Promise<void> {
    const language = LANGUAGES.find((candidate) => candidate.value === event.detail.value);
    if (!language) return;
    await callApi('/api/me/language', {
      method: 'POST',
      body: { language: language.value, locale: language.locale }
    });
    window.location.reload();
  }

  async handleActAs(event: CustomEvent<{ value: string }>): Promise<void> {
    await callApi('/api/session', { method: 'POST', body: { userKey: event.detail.value } });
    window.location.reload();
  }

  handleCloseToast(): void {
    this.toast = null;
  }
}
