/**
 * Who the page runs as, written into the page by the server (a JSON script element), so that
 * `@salesforce/user/Id` and `@salesforce/customPermission/*` are plain values as on the platform.
 */
export interface WorkbenchContext {
  userId: string;
  customPermissions: string[];
}

function readContext(): WorkbenchContext {
  const element = typeof document === 'undefined' ? null : document.getElementById('wb-context');
  if (!element?.textContent) {
    return { userId: '', customPermissions: [] };
  }
  return JSON.parse(element.textContent) as WorkbenchContext;
}

export const context: WorkbenchContext = readContext();
