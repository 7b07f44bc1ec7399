/**
 * The one place every component shows an error: a short, friendly sentence a user can act on,
 * announced to screen readers (role="alert"), with the platform's messages one click away.
 * Colour is never the only signal: the panel carries an icon with alternative text and a title.
 */
import { LightningElement, api } from 'lwc';
import { reduceErrors, type ErrorInput } from 'c/ldsUtils';
import titleLabel from '@salesforce/label/c.SSM_Error_Title';
import showDetailsLabel from '@salesforce/label/c.SSM_Error_Show_Details';
import hideDetailsLabel from '@salesforce/label/c.SSM_Error_Hide_Details';
import iconLabel from '@salesforce/label/c.SSM_Error_Icon';

let panelCount = 0;

export default class ErrorPanel extends LightningElement {
  /** One error or a list of errors in any shape `reduceErrors` understands. */
  @api errors: ErrorInput | ErrorInput[] = null;

  /** The sentence shown above the details; defaults to a generic title. */
  @api friendlyMessage = titleLabel;

  detailsShown = false;

  readonly iconLabel = iconLabel;

  /** Ties the toggle to the list it controls (aria-controls), unique per panel on the page. */
  readonly detailsId = `ssm-error-details-${++panelCount}`;

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasErrors(): boolean {
    return this.messages.length > 0;
  }

  get toggleLabel(): string {
    return this.detailsShown ? hideDetailsLabel : showDetailsLabel;
  }

  get ariaExpanded(): string {
    return String(this.detailsShown);
  }

  handleToggleDetails(): void {
    this.detailsShown = !this.detailsShown;
  }
}
