/**
 * The acting user's inbox: the emails the package's Apex sent them (Messaging.sendEmail), which
 * offline are kept for their recipient instead of delivered. The list names each email by
 * subject, sender and time, newest first; the chosen one (#/inbox/<id>, the newest when none is
 * named) is shown in a sandboxed iframe whose document the server answers only to its recipient,
 * under a policy that runs no script: the email's HTML never enters this page's DOM.
 * Keyboard: each email is a link; the shown one is marked in words, not by colour alone.
 */
import { LightningElement, api } from 'lwc';
import { context } from '../../../../platform/context';
import { callApi } from '../../../../platform/http';
import { CHROME_TEXT, type ChromeText } from '../chromeText/chromeText';

/** When an email was sent, in the user's locale and time zone. */
const SENT_AT = new Intl.DateTimeFormat(context.locale, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: context.timeZone
});

interface EmailSummary {
  id: string;
  subject: string;
  sentAt: string;
  from: string | null;
}

export default class InboxPage extends LightningElement {
  /** The email the URL names, or null for the newest. */
  @api emailId: string | null = null;

  emails: EmailSummary[] = [];
  loaded = false;
  loadError: unknown = null;

  override connectedCallback(): void {
    callApi<EmailSummary[]>('/api/emails').then(
      (emails) => {
        this.emails = emails;
        this.loaded = true;
      },
      (error: unknown) => {
        this.loadError = error;
      }
    );
  }

  get text(): ChromeText {
    return CHROME_TEXT;
  }

  get shown(): EmailSummary | undefined {
    return this.emailId ? this.emails.find((email) => email.id === this.emailId) : this.emails[0];
  }

  get items() {
    const shownId = this.shown?.id;
    return this.emails.map((email) => {
      const isShown = email.id === shownId;
      return {
        ...email,
        href: `#/inbox/${encodeURIComponent(email.id)}`,
        fromText: email.from ? CHROME_TEXT.emailFrom(email.from) : '',
        sentAtText: SENT_AT.format(new Date(email.sentAt)),
        isShown,
        ariaCurrent: isShown ? 'true' : null,
        className: `slds-p-around_x-small wb-email${isShown ? ' wb-email_shown' : ''}`
      };
    });
  }

  get isEmpty(): boolean {
    return this.loaded && this.emails.length === 0;
  }

  get hasEmails(): boolean {
    return this.emails.length > 0;
  }

  /** The server route of the shown email's document: the iframe loads it, never this page. */
  get documentSrc(): string {
    const shown = this.shown;
    return shown ? `/api/emails/${encodeURIComponent(shown.id)}/document` : '';
  }

  get frameTitle(): string {
    return CHROME_TEXT.emailContent(this.shown?.subject ?? '');
  }
}
