/**
 * The notification bell of the global header, as in Lightning Experience: the custom
 * notifications the package's Apex sent to the acting user (Messaging.CustomNotification), newest
 * first, unread ones counted on the bell. Opening one marks it read and goes to its record.
 * Keyboard: the bell is a button (Enter or Space opens the list), Escape closes it.
 */
import { LightningElement } from 'lwc';
import { RECORD_PAGES } from '../../../../pages';
import { context } from '../../../../platform/context';
import { callApi } from '../../../../platform/http';
import { CHROME_TEXT, type ChromeText } from '../chromeText/chromeText';

/** When a notification was sent, in the user's locale and time zone. */
const SENT_AT = new Intl.DateTimeFormat(context.locale, {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: context.timeZone
});

interface Notification {
  id: string;
  title: string;
  body: string;
  sentAt: string;
  read: boolean;
  target: { id: string; objectApiName: string; name: string } | null;
}

export default class NotificationBell extends LightningElement {
  notifications: Notification[] = [];
  open = false;
  loadError: unknown = null;

  private readonly onHashChange = () => {
    this.open = false;
    void this.load();
  };

  override connectedCallback(): void {
    window.addEventListener('hashchange', this.onHashChange);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private async load(): Promise<void> {
    try {
      this.notifications = await callApi<Notification[]>('/api/notifications');
      this.loadError = null;
    } catch (error) {
      this.loadError = error;
    }
  }

  get unreadCount(): number {
    return this.notifications.filter((notification) => !notification.read).length;
  }

  get hasUnread(): boolean {
    return this.unreadCount > 0;
  }

  get text(): ChromeText {
    return CHROME_TEXT;
  }

  get bellLabel(): string {
    return CHROME_TEXT.newNotifications(this.unreadCount);
  }

  get items() {
    return this.notifications.map((notification) => ({
      ...notification,
      href:
        notification.target && notification.target.objectApiName in RECORD_PAGES
          ? `#/${notification.target.objectApiName}/${notification.target.id}`
          : null,
      className: `slds-global-header__notification${notification.read ? '' : ' slds-global-header__notification_unread'}`,
      status: notification.read ? '' : CHROME_TEXT.unread,
      sentAtText: SENT_AT.format(new Date(notification.sentAt))
    }));
  }

  get isEmpty(): boolean {
    return this.notifications.length === 0;
  }

  async handleToggle(): Promise<void> {
    this.open = !this.open;
    if (this.open) await this.load();
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      this.open = false;
      (this.template?.querySelector('[data-id="bell"]') as HTMLElement | null)?.focus();
    }
  }

  async handleOpenNotification(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.notification;
    const notification = this.notifications.find((candidate) => candidate.id === id);
    if (!notification || notification.read) return;
    await callApi(`/api/notifications/${encodeURIComponent(notification.id)}/read`, {
      method: 'POST',
      body: {}
    });
    this.notifications = this.notifications.map((candidate) =>
      candidate.id === notification.id ? { ...candidate, read: true } : candidate
    );
  }
}
