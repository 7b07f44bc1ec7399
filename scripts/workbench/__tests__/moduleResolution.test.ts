import { join } from 'node:path';
import {
  CLOSED_GATES,
  listUiComponents,
  PACKAGE_COMPONENTS_MODULE,
  resolvePlatformModule,
  VIRTUAL_PREFIX
} from '../moduleResolution';
import type { LabelTexts } from '../labels';
import { LWC_DIR, PLATFORM_DIR } from '../paths';

const labels = new Map<string, LabelTexts>([
  ['SSM_Guidance_Title', { value: 'Record "guidance"', translations: {} }],
  ['SSM_Guidance_Empty', { value: 'All good', translations: { da: 'Alt i orden' } }]
]);

describe('resolvePlatformModule', () => {
  it('answers lightning/uiRecordApi and lightning/uiObjectInfoApi with the workbench files', () => {
    expect(resolvePlatformModule('lightning/uiRecordApi', labels)).toEqual({
      kind: 'file',
      path: join(PLATFORM_DIR, 'uiRecordApi.ts')
    });
    expect(resolvePlatformModule('lightning/uiObjectInfoApi', labels)).toEqual({
      kind: 'file',
      path: join(PLATFORM_DIR, 'uiObjectInfoApi.ts')
    });
  });

  it('resolves c/<name> to the TypeScript component source with its specifier', () => {
    expect(resolvePlatformModule('c/recordGuidance', labels)).toEqual({
      kind: 'file',
      path: join(LWC_DIR, 'recordGuidance', 'recordGuidance.ts'),
      specifier: 'c/recordGuidance'
    });
  });

  it('resolves a CSS-only module to its stylesheet', () => {
    expect(resolvePlatformModule('c/ssmStyles', labels)).toEqual({
      kind: 'file',
      path: join(LWC_DIR, 'ssmStyles', 'ssmStyles.css')
    });
  });

  it('turns every Apex import into a call of the workbench Apex bridge naming class and method', () => {
    const resolution = resolvePlatformModule(
      '@salesforce/apex/RecordGuidanceController.getGuidance',
      labels
    );
    expect(resolution?.kind).toBe('virtual');
    expect(resolution?.kind === 'virtual' && resolution.code).toContain(
      'apexMethod("RecordGuidanceController", "getGuidance")'
    );
  });

  it('inlines a custom label as a string literal, quotes escaped', () => {
    const resolution = resolvePlatformModule('@salesforce/label/c.SSM_Guidance_Title', labels);
    expect(resolution).toEqual({
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}@salesforce/label/c.SSM_Guidance_Title`,
      code: 'export default "Record \\"guidance\\"";\n'
    });
  });

  it('reads a translated label in the language of the page’s user, its own text otherwise', () => {
    const resolution = resolvePlatformModule('@salesforce/label/c.SSM_Guidance_Empty', labels);
    const code = resolution?.kind === 'virtual' ? resolution.code : '';
    expect(code).toContain(
      `import { context } from ${JSON.stringify(join(PLATFORM_DIR, 'context.ts'))}`
    );
    expect(code).toContain('const translations = {"da":"Alt i orden"};');
    expect(code).toContain('export default translations[context.language] ?? "All good";');
  });

  it('fails the build on a label the package does not define', () => {
    expect(() => resolvePlatformModule('@salesforce/label/c.Nope', labels)).toThrow(/c\.Nope/);
  });

  it('gives schema references their object and field names', () => {
    const resolution = resolvePlatformModule('@salesforce/schema/Opportunity.NextStep', labels);
    expect(resolution?.kind === 'virtual' && resolution.code).toBe(
      'export default {"objectApiName":"Opportunity","fieldApiName":"NextStep"};\n'
    );
  });

  it('answers the user’s locale, time zone and currency from the page the server wrote', () => {
    for (const name of ['locale', 'timeZone', 'currency']) {
      const resolution = resolvePlatformModule(`@salesforce/i18n/${name}`, labels);
      expect(resolution?.kind === 'virtual' && resolution.code).toMatch(
        new RegExp(`export default context\\.${name};`)
      );
    }
    const lang = resolvePlatformModule('@salesforce/i18n/lang', labels);
    expect(lang?.kind === 'virtual' && lang.code).toContain(
      "export default context.language.replace(/_/g, '-');"
    );
    expect(resolvePlatformModule('@salesforce/i18n/firstDayOfWeek', labels)).toBeNull();
  });

  it('leaves lwc, base components and their scoped imports to the LWC resolver', () => {
    for (const specifier of ['lwc', 'lightning/button', '@salesforce/label/LightningCard.title']) {
      expect(resolvePlatformModule(specifier, labels)).toBeNull();
    }
  });

  it('closes the base-component gates that break under synthetic shadow', () => {
    expect(CLOSED_GATES.length).toBeGreaterThan(0);
    for (const gate of CLOSED_GATES) {
      const resolution = resolvePlatformModule(gate, labels);
      expect(resolution?.kind === 'virtual' && resolution.code).toContain('isOpen: () => false');
    }
  });

  it('generates the gallery module from every package component with a template', () => {
    const resolution = resolvePlatformModule(PACKAGE_COMPONENTS_MODULE, labels, [
      'errorPanel',
      'recordGuidance'
    ]);
    const code = resolution?.kind === 'virtual' ? resolution.code : '';
    expect(code).toContain('import component0 from "c/errorPanel";');
    expect(code).toContain('"recordGuidance": component1');
    // With each one's form factors, as its .js-meta.xml declares them.
    expect(code).toContain(
      'export const supportedFormFactors = {"errorPanel":{},"recordGuidance":{"RecordPage":["Small","Large"]}};'
    );
  });

  it('answers the device’s form factor from the page’s width when it loaded', () => {
    const resolution = resolvePlatformModule('@salesforce/client/formFactor', labels);
    expect(resolution?.kind === 'virtual' && resolution.code).toContain(
      'export default context.formFactor;'
    );
  });
});

describe('listUiComponents', () => {
  it('lists the rendering components and leaves out service modules', () => {
    const components = listUiComponents();
    expect(components).toEqual(expect.arrayContaining(['errorPanel', 'recordGuidance']));
    expect(components).not.toContain('guidanceEngine');
  });
});
