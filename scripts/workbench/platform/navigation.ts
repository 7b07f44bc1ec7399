/**
 * `lightning/navigation` in the workbench: NavigationMixin and CurrentPageReference over the
 * shell's hash routes (#/Opportunity/<id>, #/Opportunity/<id>/related/<relationship> for a
 * related list, #/home, #/component/<name>). The open-source base
 * components re-export them from `force/navigation`, which only the platform has. A page
 * reference the workbench cannot show is refused with an error naming it, never ignored.
 */
import type { LightningElement } from 'lwc';

export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

/** Key prefixes of the objects with record pages, for references that omit objectApiName. */
const OBJECT_BY_PREFIX: Readonly<Record<string, string>> = {
  '001': 'Account',
  '006': 'Opportunity'
};

/** The workbench URL (hash route) of a page reference; throws for one it cannot show. */
export function urlOf(reference: PageReference): string {
  const attributes = reference.attributes ?? {};
  const text = (name: string) =>
    typeof attributes[name] === 'string' ? (attributes[name] as string) : '';
  const recordId = text('recordId');
  const objectApiName = text('objectApiName') || OBJECT_BY_PREFIX[recordId.slice(0, 3)];
  switch (reference.type) {
    case 'standard__recordPage':
      if (recordId && objectApiName) return `#/${objectApiName}/${recordId}`;
      break;
    case 'standard__recordRelationshipPage': {
      const relationship = text('relationshipApiName');
      if (recordId && objectApiName && relationship) {
        return `#/${objectApiName}/${recordId}/related/${relationship}`;
      }
      break;
    }
    case 'standard__objectPage':
      if (text('objectApiName')) return `#/${text('objectApiName')}`;
      break;
    case 'standard__namedPage':
      if (text('pageName') === 'home') return '#/home';
      break;
    case 'standard__component':
      if (text('componentName')) return `#/component/${text('componentName').replace(/^c__/, '')}`;
      break;
  }
  throw new Error(`The workbench cannot show the page reference ${JSON.stringify(reference)}`);
}

/** The page reference of the current hash route. */
export function currentPageReference(hash: string): PageReference {
  const [page, id, related, relationship] = hash.replace(/^#\/?/, '').split('/');
  if (!page || page === 'home') {
    return { type: 'standard__namedPage', attributes: { pageName: 'home' }, state: {} };
  }
  if (page === 'component') {
    return { type: 'standard__component', attributes: { componentName: `c__${id}` }, state: {} };
  }
  if (id && related === 'related' && relationship) {
    return {
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: id,
        objectApiName: page,
        relationshipApiName: relationship,
        actionName: 'view'
      },
      state: {}
    };
  }
  return id
    ? {
        type: 'standard__recordPage',
        attributes: { recordId: id, objectApiName: page, actionName: 'view' },
        state: {}
      }
    : { type: 'standard__objectPage', attributes: { objectApiName: page }, state: {} };
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function navigate(reference: PageReference, replace?: boolean): void {
  try {
    const url = urlOf(reference);
    if (replace) window.location.replace(url);
    else window.location.hash = url;
  } catch (error) {
    console.error('[workbench]', error);
    throw error;
  }
}

function NavigationMixinOf(Base: typeof LightningElement): typeof LightningElement {
  return class extends Base {
    [Navigate](reference: PageReference, replace?: boolean): void {
      navigate(reference, replace);
    }

    [GenerateUrl](reference: PageReference): Promise<string> {
      return Promise.resolve().then(() => urlOf(reference));
    }
  };
}

export const NavigationMixin = Object.assign(NavigationMixinOf, { Navigate, GenerateUrl });

type PageCallback = (reference: PageReference) => void;

/** Wire adapter: the current page reference, again on every route change. */
export class CurrentPageReference {
  private readonly onHashChange = () =>
    this.dataCallback(currentPageReference(window.location.hash));

  constructor(private readonly dataCallback: PageCallback) {}

  connect(): void {
    window.addEventListener('hashchange', this.onHashChange);
    this.onHashChange();
  }

  update(): void {}

  disconnect(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }
}
