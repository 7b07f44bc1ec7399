/**
 * The workbench shell, laid out like Lightning Experience: the global header with the
 * "act as" switcher, the Sales Strategy navigation bar, and the page the URL names
 * (#/home, an app page such as #/pipeline-review, #/<Object>/<id> for a record page, #/admin,
 * #/component/<name> for the gallery). pages.ts says which components each page holds.
 */
import { LightningElement } from 'lwc';
import packageComponents from 'wb/packageComponents';
import { APP_PAGES, HOME_COMPONENTS, RECORD_PAGES } from '../../../../pages';
import { callApi } from '../../../../platform/http';
import { SHOW_TOAST_EVENT, type ShowToastEventDetail } from '../../../../platform/toast';

interface UserSummary {
  id: string;
  key: string;
  name: string;
  title: string;
  role: string;
}

interface Session {
  userId: string;
  userKey: string;
  canManageRules: boolean;
  today: string;
  users: UserSummary[];
}

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

function parseRoute(hash: string): { page: string; recordId: string | null } {
  const [page, recordId] = hash.replace(/^#\/?/, '').split('/');
  return { page: page || 'home', recordId: recordId || null };
}

export default class App extends LightningElement {
  session: Session | null = null;
  route = parseRoute(window.location.hash);
  toast: (ShowToastEventDetail & { className: string }) | null = null;
  loadError: unknown = null;

  private readonly onHashChange = () => {
    this.route = parseRoute(window.location.hash);
  };

  override connectedCallback(): void {
    window.addEventListener('hashchange', this.onHashChange);
    this.addEventListener(SHOW_TOAST_EVENT, (event) => {
      const detail = (event as CustomEvent<ShowToastEventDetail>).detail;
      this.toast = {
        ...detail,
        className: `slds-notify slds-notify_toast slds-theme_${detail.variant ?? 'info'}`
      };
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
  }

  get userOptions(): { label: string; value: string }[] {
    return (this.session?.users ?? []).map((user) => ({
      label: `${user.name} (${user.role})`,
      value: user.key
    }));
  }

  get actingUserKey(): string {
    return this.session?.userKey ?? '';
  }

  get navItems(): NavItem[] {
    const items = [
      { key: 'home', label: 'Home' },
      ...APP_PAGES,
      ...NAVIGATION_TABS,
      ...(this.session?.canManageRules ? [{ key: 'admin', label: 'Admin' }] : [])
    ];
    return items.map((item) => ({
      ...item,
      href: `#/${item.key}`,
      className: 'slds-context-bar__item' + (item.key === this.route.page ? ' slds-is-active' : '')
    }));
  }

  get isHome(): boolean {
    return this.route.page === 'home';
  }

  get homeComponents(): readonly string[] {
    return HOME_COMPONENTS;
  }

  get appPage(): { label: string; components: readonly string[] } | null {
    return APP_PAGES.find((page) => page.key === this.route.page) ?? null;
  }

  get isAdmin(): boolean {
    return this.route.page === 'admin';
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
    return OBJECT_TABS.some((tab) => tab.key === this.route.page);
  }

  get objectApiName(): string {
    return this.route.page;
  }

  get recordId(): string | null {
    return this.route.recordId;
  }

  get objectTabs(): { key: string; label: string; href: string }[] {
    return NAVIGATION_TABS.map((tab) => ({ ...tab, href: `#/${tab.key}` }));
  }

  async handleActAs(event: CustomEvent<{ value: string }>): Promise<void> {
    await callApi('/api/session', { method: 'POST', body: { userKey: event.detail.value } });
    window.location.reload();
  }

  handleCloseToast(): void {
    this.toast = null;
  }
}
