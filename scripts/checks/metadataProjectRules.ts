/**
 * Rules on one field, object or component definition that the schema cannot express because they
 * depend on an element's value: relationship fields need their target and relationship name,
 * picklists need values, each field type needs the sizes the platform demands, a custom object
 * needs its labels and name field, and a component configures only targets it declares. The org
 * enforces these at deploy time; these rules move the failure to the developer's machine.
 */
import type { Finding } from './findings';
import { childElement, childText, componentName, type ProjectIndex } from './metadataProjectIndex';
import { localName, type XmlElement } from './metadataXml';

/** Elements each field type cannot do without (formula fields compute, so only their sizes count). */
const REQUIRED_BY_FIELD_TYPE: Readonly<
  Record<string, { always: string[]; unlessFormula: string[] }>
> = {
  Lookup: { always: ['referenceTo', 'relationshipName'], unlessFormula: [] },
  MasterDetail: { always: ['referenceTo', 'relationshipName'], unlessFormula: [] },
  Text: { always: [], unlessFormula: ['length'] },
  EncryptedText: { always: ['length'], unlessFormula: [] },
  LongTextArea: { always: ['length', 'visibleLines'], unlessFormula: [] },
  Html: { always: ['length', 'visibleLines'], unlessFormula: [] },
  Number: { always: ['precision', 'scale'], unlessFormula: [] },
  Currency: { always: ['precision', 'scale'], unlessFormula: [] },
  Percent: { always: ['precision', 'scale'], unlessFormula: [] },
  Checkbox: { always: [], unlessFormula: ['defaultValue'] },
  AutoNumber: { always: ['displayFormat'], unlessFormula: [] },
  Summary: { always: ['summaryForeignKey', 'summaryOperation'], unlessFormula: [] }
};

/** Size ranges the platform enforces per field type (Salesforce Help, "Custom Field Types"). */
const SIZE_RANGES: Readonly<Record<string, { element: string; min: number; max: number }[]>> = {
  Text: [{ element: 'length', min: 1, max: 255 }],
  LongTextArea: [{ element: 'length', min: 256, max: 131072 }],
  Html: [{ element: 'length', min: 256, max: 131072 }],
  Number: [{ element: 'precision', min: 1, max: 18 }],
  Currency: [{ element: 'precision', min: 1, max: 18 }],
  Percent: [{ element: 'precision', min: 1, max: 18 }]
};

const PICKLIST_TYPES: ReadonlySet<string> = new Set(['Picklist', 'MultiselectPicklist']);

/** Field-type rules for a `.field-meta.xml` (standard fields, which have no `<type>`, are skipped). */
export function checkCustomField(file: string, field: XmlElement): Finding[] {
  const typeElement = childElement(field, 'type');
  if (!typeElement) {
    return [];
  }
  const type = typeElement.text.trim();
  const findings: Finding[] = [];
  const report = (rule: string, message: string): void => {
    findings.push({ file, line: typeElement.line, column: typeElement.column, rule, message });
  };
  const isFormula = childText(field, 'formula') !== '';
  const required = Object.hasOwn(REQUIRED_BY_FIELD_TYPE, type)
    ? REQUIRED_BY_FIELD_TYPE[type]
    : { always: [], unlessFormula: [] };
  const missing = [...required.always, ...(isFormula ? [] : required.unlessFormula)].filter(
    (name) => childText(field, name) === ''
  );
  for (const name of missing) {
    const rule =
      type === 'Lookup' || type === 'MasterDetail'
        ? 'metadata-relationship'
        : 'metadata-field-type';
    report(rule, `A ${type} field needs <${name}>`);
  }
  if (
    type === 'Summary' &&
    !['count', ''].includes(childText(field, 'summaryOperation')) &&
    childText(field, 'summarizedField') === ''
  ) {
    report(
      'metadata-field-type',
      `A ${childText(field, 'summaryOperation')} roll-up summary needs <summarizedField>`
    );
  }
  const ranges = Object.hasOwn(SIZE_RANGES, type) ? SIZE_RANGES[type] : [];
  for (const { element, min, max } of ranges) {
    const value = Number(childText(field, element) || Number.NaN);
    if (!Number.isNaN(value) && (value < min || value > max)) {
      report(
        'metadata-field-type',
        `<${element}> of a ${type} field must be ${min}-${max}, not ${value}`
      );
    }
  }
  const precision = Number(childText(field, 'precision') || Number.NaN);
  const scale = Number(childText(field, 'scale') || Number.NaN);
  if (scale > precision) {
    report('metadata-field-type', `<scale> ${scale} exceeds <precision> ${precision}`);
  }
  if (PICKLIST_TYPES.has(type)) {
    const valueSet = childElement(field, 'valueSet');
    const definition = valueSet && childElement(valueSet, 'valueSetDefinition');
    const hasValues = definition?.children.some((value) => localName(value.name) === 'value');
    const namesGlobalSet = valueSet !== undefined && childText(valueSet, 'valueSetName') !== '';
    if (!hasValues && !namesGlobalSet) {
      report(
        'metadata-picklist',
        `A ${type} field needs <valueSet> with <valueSetDefinition> values or a <valueSetName>`
      );
    }
  }
  return findings;
}

/**
 * A custom object needs its labels and (unless Custom Metadata or a platform event) a name field;
 * `ControlledByParent` sharing needs a master-detail field to inherit from.
 */
export function checkCustomObject(
  file: string,
  object: XmlElement,
  index: ProjectIndex
): Finding[] {
  const name = componentName(file);
  const findings: Finding[] = [];
  const report = (element: XmlElement, message: string): void => {
    findings.push({
      file,
      line: element.line,
      column: element.column,
      rule: 'metadata-object',
      message
    });
  };
  if (/__(c|mdt|e)$/i.test(name)) {
    const required = /__c$/i.test(name)
      ? ['label', 'pluralLabel', 'nameField']
      : ['label', 'pluralLabel'];
    for (const element of required.filter((candidate) => !childElement(object, candidate))) {
      report(object, `Custom object ${name} needs <${element}>`);
    }
  }
  const nameField = childElement(object, 'nameField');
  if (
    nameField &&
    childText(nameField, 'type') === 'AutoNumber' &&
    childText(nameField, 'displayFormat') === ''
  ) {
    report(nameField, 'An AutoNumber name field needs <displayFormat>');
  }
  const sharingModel = childElement(object, 'sharingModel');
  if (sharingModel?.text.trim() === 'ControlledByParent') {
    const fields = index.objects.get(name.toLowerCase())?.fields ?? new Map<string, XmlElement>();
    const hasMasterDetail = [...fields.values()].some(
      (field) => childText(field, 'type') === 'MasterDetail'
    );
    if (!hasMasterDetail) {
      report(sharingModel, `ControlledByParent sharing needs a MasterDetail field on ${name}`);
    }
  }
  return findings;
}

/** Lightning page types whose components render by form factor (phone Small, desktop Large). */
const PAGE_TARGETS: ReadonlySet<string> = new Set([
  'lightning__RecordPage',
  'lightning__AppPage',
  'lightning__HomePage'
]);

/**
 * App and record pages render on phones (Small) and desktops (Large); Home pages on desktops only
 * (LWC Developer Guide, "Configure Your Component for Different Form Factors":
 * https://developer.salesforce.com/docs/platform/lwc/guide/use-config-form-factors.html).
 */
const PAGE_FORM_FACTORS: Readonly<Record<string, readonly string[]>> = {
  lightning__RecordPage: ['Small', 'Large'],
  lightning__AppPage: ['Small', 'Large'],
  lightning__HomePage: ['Large']
};

/**
 * A component's `targetConfigs` (free-form XML the schema types as a string) may only configure
 * targets the bundle declares, and each design property needs a name and a type. An exposed
 * component declares, for every page type it targets, the form factors it supports (whether it
 * is made for phones is a decision, not a default), and only form factors the page type has.
 */
export function checkLightningComponentBundle(file: string, bundle: XmlElement): Finding[] {
  const declared = new Set(
    (childElement(bundle, 'targets')?.children ?? []).map((target) => target.text.trim())
  );
  const findings: Finding[] = [];
  const report = (element: XmlElement, message: string): void => {
    findings.push({
      file,
      line: element.line,
      column: element.column,
      rule: 'metadata-lwc',
      message
    });
  };
  const configs = childElement(bundle, 'targetConfigs')?.children ?? [];
  for (const config of configs.filter((element) => localName(element.name) === 'targetConfig')) {
    const targets = (config.attributes.targets ?? '').split(',').map((target) => target.trim());
    for (const target of targets.filter((candidate) => !declared.has(candidate))) {
      report(config, `targetConfig for ${target || '(no targets)'}, which <targets> does not list`);
    }
    for (const property of config.children.filter(
      (element) => localName(element.name) === 'property'
    )) {
      for (const attribute of ['name', 'type'].filter((name) => !property.attributes[name])) {
        report(property, `A design <property> needs a ${attribute} attribute`);
      }
    }
    const formFactors = childElement(config, 'supportedFormFactors')?.children ?? [];
    for (const target of targets.filter((candidate) => PAGE_TARGETS.has(candidate))) {
      for (const factor of formFactors) {
        const type = factor.attributes.type ?? '';
        if (!PAGE_FORM_FACTORS[target].includes(type)) {
          report(
            factor,
            `${target} supports the form factors ${PAGE_FORM_FACTORS[target].join(' and ')}, not ${type || '(no type)'}`
          );
        }
      }
    }
  }
  if (childText(bundle, 'isExposed') === 'true') {
    const withFormFactors = new Set(
      configs
        .filter((config) => childElement(config, 'supportedFormFactors'))
        .flatMap((config) => (config.attributes.targets ?? '').split(',').map((t) => t.trim()))
    );
    for (const target of [...declared].filter(
      (candidate) => PAGE_TARGETS.has(candidate) && !withFormFactors.has(candidate)
    )) {
      report(
        childElement(bundle, 'targets') ?? bundle,
        `${target}: declare <supportedFormFactors> in its targetConfig (Small for phones, Large for desktops)`
      );
    }
  }
  return findings;
}
