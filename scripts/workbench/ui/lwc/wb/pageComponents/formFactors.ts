/**
 * Whether a component renders on a Lightning page at a form factor, as the platform decides: a
 * component renders where its `supportedFormFactors` for the page type say; a page type it
 * leaves open takes the page type's own form factors. Record and app pages render on phones
 * (Small) and desktops (Large), Home pages on desktops only (LWC Developer Guide, "Configure Your
 * Component for Different Form Factors":
 * https://developer.salesforce.com/docs/platform/lwc/guide/use-config-form-factors.html).
 */
export type PageType = 'RecordPage' | 'AppPage' | 'HomePage';
export type FormFactor = 'Small' | 'Large';
/** A component's declarations by page type; page types it leaves open are absent. */
export type SupportedFormFactors = Partial<Record<PageType, FormFactor[]>>;

export const PAGE_TYPES: readonly PageType[] = ['RecordPage', 'AppPage', 'HomePage'];

export function pageFormFactors(pageType: PageType): readonly FormFactor[] {
  return pageType === 'HomePage' ? ['Large'] : ['Small', 'Large'];
}

export function rendersOn(
  declared: SupportedFormFactors | undefined,
  pageType: PageType,
  formFactor: FormFactor
): boolean {
  const pageFactors = pageFormFactors(pageType);
  return (
    pageFactors.includes(formFactor) && (declared?.[pageType] ?? pageFactors).includes(formFactor)
  );
}
