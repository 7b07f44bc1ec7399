/**
 * How the workbench build resolves the platform modules the package's components import.
 * Components stay exactly as shipped; their `@salesforce/*` and `lightning/ui*` imports are
 * answered by the workbench's implementations (platform/), which call the local server's JSON
 * API. Pure, so every mapping is tested without running a build.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { declaredFormFactors } from './componentFormFactors';
import type { LabelTexts } from './labels';
import { LWC_DIR, PLATFORM_DIR, UI_DIR } from './paths';

/** A module answered by a file, or by source code generated at build time. */
export type Resolution =
  | { kind: 'file'; path: string; specifier?: string }
  | { kind: 'virtual'; id: string; code: string };

/** Platform modules implemented by a file in platform/. */
export const PLATFORM_FILES: Readonly<Record<string, string>> = {
  '@salesforce/apex': 'apex.ts',
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.ts',
  'lightning/platformShowToastEvent': 'toast.ts',
  'lightning/navigation': 'navigation.ts'
};

/**
 * Base-component feature gates the workbench closes. Every gate of the open-source package is
 * open; the combobox's ElementInternals path throws under synthetic shadow (which Lightning
 * Experience and the workbench use), so it takes the path the platform takes there.
 */
export const CLOSED_GATES: readonly string[] = [
  '@salesforce/gate/bc.260.enableComboboxElementInternals'
];

const NAMESPACE_DIRS: Readonly<Record<string, string>> = {
  c: LWC_DIR,
  wb: join(UI_DIR, 'lwc', 'wb')
};

/** Generated modules' ids: rollup's marker for virtual modules, then the specifier. */
export const VIRTUAL_PREFIX = '\0wb:';

function platformImport(file: string): string {
  return JSON.stringify(join(PLATFORM_DIR, file));
}

/** The generated module exporting every UI component of the package by name. */
export const PACKAGE_COMPONENTS_MODULE = 'wb/packageComponents';

/**
 * Resolves one import specifier, or returns null to leave it to the LWC resolver (lwc,
 * lightning base components, their scoped imports).
 * @param labels the package's custom labels by name; an unknown label fails the build
 * @param uiComponents the package's components with a template, for the component gallery
 */
export function resolvePlatformModule(
  specifier: string,
  labels: ReadonlyMap<string, LabelTexts>,
  uiComponents: readonly string[] = []
): Resolution | null {
  if (specifier === PACKAGE_COMPONENTS_MODULE) {
    const imports = uiComponents.map(
      (name, index) => `import component${index} from ${JSON.stringify(`c/${name}`)};\n`
    );
    const entries = uiComponents.map(
      (name, index) => `  ${JSON.stringify(name)}: component${index}`
    );
    const formFactors = Object.fromEntries(
      uiComponents.map((name) => [name, declaredFormFactors(LWC_DIR, name)])
    );
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code:
        `${imports.join('')}export default {\n${entries.join(',\n')}\n};\n` +
        `export const supportedFormFactors = ${JSON.stringify(formFactors)};\n`
    };
  }
  const file = PLATFORM_FILES[specifier];
  if (file) {
    return { kind: 'file', path: join(PLATFORM_DIR, file) };
  }
  if (CLOSED_GATES.includes(specifier)) {
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code: 'export default { isOpen: () => false };\n'
    };
  }
  const component = /^(c|wb)\/([A-Za-z][A-Za-z0-9_]*)$/.exec(specifier);
  // wb/<name> components are the shell's own; the gallery module above is generated.
  if (component) {
    const [, namespace, name] = component;
    const folder = join(NAMESPACE_DIRS[namespace], name);
    // A CSS-only module (c/ssmStyles, imported by stylesheets) is its stylesheet.
    const stylesheet = join(folder, `${name}.css`);
    if (!existsSync(join(folder, `${name}.ts`)) && existsSync(stylesheet)) {
      return { kind: 'file', path: stylesheet };
    }
    return { kind: 'file', path: join(folder, `${name}.ts`), specifier };
  }
  const apex = /^@salesforce\/apex\/([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(specifier);
  if (apex) {
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code:
        `import { apexMethod } from ${platformImport('apex.ts')};\n` +
        `export default apexMethod(${JSON.stringify(apex[1])}, ${JSON.stringify(apex[2])});\n`
    };
  }
  const label = /^@salesforce\/label\/c\.(.+)$/.exec(specifier);
  if (label) {
    const texts = labels.get(label[1]);
    if (texts === undefined) {
      throw new Error(`${specifier}: no custom label ${label[1]} in CustomLabels.labels-meta.xml`);
    }
    // As on the platform, the label reads in the user's language where it is translated.
    const code =
      Object.keys(texts.translations).length === 0
        ? `export default ${JSON.stringify(texts.value)};\n`
        : `import { context } from ${platformImport('context.ts')};\n` +
          `const translations = ${JSON.stringify(texts.translations)};\n` +
          `export default translations[context.language] ?? ${JSON.stringify(texts.value)};\n`;
    return { kind: 'virtual', id: `${VIRTUAL_PREFIX}${specifier}`, code };
  }
  const schema = /^@salesforce\/schema\/([A-Za-z0-9_]+)(?:\.(.+))?$/.exec(specifier);
  if (schema) {
    const reference = schema[2]
      ? { objectApiName: schema[1], fieldApiName: schema[2] }
      : { objectApiName: schema[1] };
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code: `export default ${JSON.stringify(reference)};\n`
    };
  }
  if (specifier === '@salesforce/client/formFactor') {
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code: `import { context } from ${platformImport('context.ts')};\nexport default context.formFactor;\n`
    };
  }
  if (specifier === '@salesforce/user/Id') {
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code: `import { context } from ${platformImport('context.ts')};\nexport default context.userId;\n`
    };
  }
  const i18n = /^@salesforce\/i18n\/(locale|timeZone|currency|lang)$/.exec(specifier);
  if (i18n) {
    // `lang` is the user's language as a BCP 47 tag (`da`, `en-US`).
    const value = i18n[1] === 'lang' ? "context.language.replace(/_/g, '-')" : `context.${i18n[1]}`;
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code: `import { context } from ${platformImport('context.ts')};\nexport default ${value};\n`
    };
  }
  const permission = /^@salesforce\/customPermission\/(.+)$/.exec(specifier);
  if (permission) {
    return {
      kind: 'virtual',
      id: `${VIRTUAL_PREFIX}${specifier}`,
      code:
        `import { context } from ${platformImport('context.ts')};\n` +
        `export default context.customPermissions.includes(${JSON.stringify(permission[1])});\n`
    };
  }
  return null;
}

/** The package's components that render (those with a template), in name order. */
export function listUiComponents(lwcDir: string = LWC_DIR): string[] {
  return readdirSync(lwcDir)
    .filter((name) => existsSync(join(lwcDir, name, `${name}.html`)))
    .sort();
}
