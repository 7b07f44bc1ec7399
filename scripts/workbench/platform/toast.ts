/**
 * `lightning/platformShowToastEvent`: the event bubbles out of the component (composed) to the
 * workbench shell, which shows the toast as Lightning Experience does.
 */
export interface ShowToastEventDetail {
  title: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export const SHOW_TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
  constructor(detail: ShowToastEventDetail) {
    super(SHOW_TOAST_EVENT, { detail, bubbles: true, composed: true });
  }
}
