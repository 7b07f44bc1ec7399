/**
 * Who the page runs as, written into the page by the server (a JSON script element), so that
 * `@salesforce/user/Id`, `@salesforce/customPermission/*` and `@salesforce/i18n/*` are plain
 * values as on the platform.
 */
export interface WorkbenchContext {
  userId: string;
  customPermissions: string[];
  /** BCP 47, e.g. en-US. */
  locale: string;
  /** User.LanguageLocaleKey, e.g. `da`, `en_US`: the language labels are read in. */
  language: string;
  /** IANA id, e.g. Europe/Copenhagen. */
  timeZone: string;
  /** ISO 4217, e.g. USD. */
  currency: string;
  /**
   * `@salesforce/client/formFactor`: the device the page runs on, told by the browser's width
   * when the page loads (below SLDS's medium breakpoint, 48em, a phone: Small; else Large).
   */
  formFactor: 'Small' | 'Large';
}

const PHONE_MEDIA = '(max-width: 47.9375em)';

function deviceFormFactor(): 'Small' | 'Large' {
  return typeof window !== 'undefined' && window.matchMedia?.(PHONE_MEDIA).matches
    ? 'Small'
    : 'Large';
}

function readContext(): WorkbenchContext {
  const element = typeof document === 'undefined' ? null : document.getElementById('wb-context');
  if (!element?.textContent) {
    return {
      userId: '',
      customPermissions: [],
      locale: 'en-US',
      language: 'en_US',
      timeZone: 'GMT',
      currency: 'USD',
      formFactor: deviceFormFactor()
    };
  }
  return {
    ...(JSON.parse(element.textContent) as Omit<WorkbenchContext, 'formFactor'>),
    formFactor: deviceFormFactor()
  };
}

export const context: WorkbenchContext = readContext();
