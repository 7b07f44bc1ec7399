/**
 * Cross-file rules: a name one file uses must be defined by another file of the project when it is
 * a custom (non-standard, non-namespaced) name. A deploy fails on each of these with "no such
 * column/entity"; here the failure names the file and line that holds the reference.
 */
import { basename, dirname } from 'node:path';
import type { Finding } from './findings';
import {
  childElement,
  childElements,
  childText,
  componentName,
  isCustomName,
  type ProjectDocument,
  type ProjectIndex
} from './metadataProjectIndex';
import type { XmlElement } from './metadataXml';

const RULE = 'metadata-reference';

/** Custom activity fields are defined once on Activity and referenced as Event and Task fields. */
const ACTIVITY_OBJECTS: ReadonlySet<string> = new Set(['event', 'task']);

/** A name with a namespace prefix (`ns__Thing__c`) belongs to a managed package, not to us. */
function isNamespaced(name: string): boolean {
  return /^[A-Za-z0-9]+__[A-Za-z0-9_]+__[A-Za-z]+$/.test(name);
}

function mustDefine(name: string): boolean {
  return isCustomName(name) && !isNamespaced(name);
}

class ReferenceChecker {
  readonly findings: Finding[] = [];

  constructor(
    private readonly document: ProjectDocument,
    private readonly index: ProjectIndex
  ) {}

  private report(element: XmlElement, message: string, rule = RULE): void {
    this.findings.push({
      file: this.document.file,
      line: element.line,
      column: element.column,
      rule,
      message
    });
  }

  /** `element`'s text names a custom object the project must define. */
  object(element: XmlElement | undefined): void {
    const name = element?.text.trim() ?? '';
    if (element && mustDefine(name) && !this.index.objects.get(name.toLowerCase())?.definition) {
      this.report(element, `${name} is not an object of this project`);
    }
  }

  /** A custom field `fieldName` of `objectName` must exist in the project. */
  field(element: XmlElement, objectName: string, fieldName: string): XmlElement | undefined {
    if (!mustDefine(fieldName) || isNamespaced(objectName)) {
      return undefined;
    }
    const field = [
      objectName,
      ...(ACTIVITY_OBJECTS.has(objectName.toLowerCase()) ? ['Activity'] : [])
    ]
      .map((owner) =>
        this.index.objects.get(owner.toLowerCase())?.fields.get(fieldName.toLowerCase())
      )
      .find((candidate) => candidate !== undefined);
    if (!field) {
      this.report(element, `${objectName}.${fieldName} is not a field of this project`);
    }
    return field;
  }

  /** `element`'s text names a component of `type` the project must define (custom names only). */
  component(element: XmlElement | undefined, type: string, label: string): void {
    const name = element?.text.trim() ?? '';
    if (element && mustDefine(name) && !this.index.components.get(type)?.has(name.toLowerCase())) {
      this.report(element, `${label} ${name} is not defined in this project`);
    }
  }

  /** Like `component`, for names that carry no `__c` suffix (classes, custom permissions). */
  namedComponent(element: XmlElement | undefined, type: string, label: string): void {
    const name = element?.text.trim() ?? '';
    if (
      element &&
      name &&
      !name.includes('__') &&
      !this.index.components.get(type)?.has(name.toLowerCase())
    ) {
      this.report(element, `${label} ${name} is not defined in this project`);
    }
  }
}

/** Custom Metadata records (`customMetadata/<Type>.<Record>.md-meta.xml`) set only fields of `<Type>__mdt`. */
function checkCustomMetadataRecord(
  checker: ReferenceChecker,
  document: ProjectDocument,
  index: ProjectIndex
): void {
  const typeName = `${basename(document.file).split('.')[0]}__mdt`;
  const type = index.objects.get(typeName.toLowerCase());
  if (!type?.definition) {
    checker.findings.push({
      file: document.file,
      line: document.root.line,
      column: document.root.column,
      rule: 'metadata-cmdt-field',
      message: `Custom Metadata type ${typeName} does not exist in the project`
    });
    return;
  }
  for (const value of childElements(document.root, 'values')) {
    const field = childElement(value, 'field');
    const fieldName = field?.text.trim() ?? '';
    if (field && !type.fields.has(fieldName.toLowerCase())) {
      checker.findings.push({
        file: document.file,
        line: field.line,
        column: field.column,
        rule: 'metadata-cmdt-field',
        message: `${typeName} has no field ${fieldName}`
      });
    }
  }
}

/**
 * Permission sets reference existing objects, fields, tabs, classes, apps and custom permissions,
 * and grant no field permission on required or master-detail fields, which the platform rejects.
 */
function checkPermissionSet(checker: ReferenceChecker, root: XmlElement, report: Report): void {
  for (const permission of childElements(root, 'fieldPermissions')) {
    const element = childElement(permission, 'field');
    const [objectName = '', fieldName = ''] = (element?.text.trim() ?? '').split('.');
    const field = element && checker.field(element, objectName, fieldName);
    if (element && field) {
      const type = childText(field, 'type');
      if (type === 'MasterDetail' || childText(field, 'required') === 'true') {
        const kind = type === 'MasterDetail' ? 'a master-detail' : 'a required';
        report(
          element,
          `${objectName}.${fieldName} is ${kind} field; permission sets cannot grant field permissions on it`
        );
      } else if (isComputed(field) && childText(permission, 'editable') === 'true') {
        report(
          element,
          `${objectName}.${fieldName} is computed (formula, roll-up or auto-number); it cannot be editable`
        );
      }
    }
  }
  for (const permission of childElements(root, 'objectPermissions')) {
    checker.object(childElement(permission, 'object'));
  }
  for (const access of childElements(root, 'customMetadataTypeAccesses')) {
    checker.object(childElement(access, 'name'));
  }
  for (const setting of childElements(root, 'tabSettings')) {
    checker.component(childElement(setting, 'tab'), 'CustomTab', 'Tab');
  }
  for (const access of childElements(root, 'classAccesses')) {
    checker.namedComponent(childElement(access, 'apexClass'), 'ApexClass', 'Apex class');
  }
  for (const permission of childElements(root, 'customPermissions')) {
    checker.namedComponent(
      childElement(permission, 'name'),
      'CustomPermission',
      'Custom permission'
    );
  }
  for (const visibility of childElements(root, 'applicationVisibilities')) {
    const application = childElement(visibility, 'application');
    if (application && !application.text.trim().startsWith('standard__')) {
      checker.namedComponent(application, 'CustomApplication', 'App');
    }
  }
}

/** Formula, roll-up summary and auto-number fields: the platform computes them, nobody edits them. */
function isComputed(field: XmlElement): boolean {
  const type = childText(field, 'type');
  return childText(field, 'formula') !== '' || type === 'Summary' || type === 'AutoNumber';
}

/** `Child__c.Field__c` as used by roll-up summaries: the field must exist on the child object. */
function checkQualifiedField(
  checker: ReferenceChecker,
  element: XmlElement | undefined
): XmlElement | undefined {
  const [objectName = '', fieldName = ''] = (element?.text.trim() ?? '').split('.');
  return element && fieldName ? checker.field(element, objectName, fieldName) : undefined;
}

function checkCustomField(checker: ReferenceChecker, root: XmlElement, report: Report): void {
  checker.object(childElement(root, 'referenceTo'));
  const valueSet = childElement(root, 'valueSet');
  checker.namedComponent(
    valueSet && childElement(valueSet, 'valueSetName'),
    'GlobalValueSet',
    'Global value set'
  );
  const foreignKey = childElement(root, 'summaryForeignKey');
  const parentField = checkQualifiedField(checker, foreignKey);
  if (foreignKey && parentField && childText(parentField, 'type') !== 'MasterDetail') {
    report(foreignKey, `${foreignKey.text.trim()} must be a MasterDetail field to roll up`);
  }
  checkQualifiedField(checker, childElement(root, 'summarizedField'));
}

/** Lightning pages place only existing, exposed components and existing fields of their object. */
function checkFlexiPage(
  checker: ReferenceChecker,
  root: XmlElement,
  index: ProjectIndex,
  report: Report
): void {
  for (const component of descendants(root, 'componentName')) {
    const name = component.text.trim();
    if (!name.startsWith('c:')) {
      continue;
    }
    const bundle = index.components
      .get('LightningComponentBundle')
      ?.get(name.slice(2).toLowerCase());
    if (!bundle) {
      report(component, `Lightning component ${name} is not defined in this project`);
    } else if (childText(bundle, 'isExposed') !== 'true') {
      report(component, `Lightning component ${name} is not exposed (isExposed is not true)`);
    }
  }
  const objectName = childText(root, 'sobjectType');
  for (const fieldItem of descendants(root, 'fieldItem')) {
    const [, fieldName = ''] = fieldItem.text.trim().split('.');
    if (objectName && fieldName) {
      checker.field(fieldItem, objectName, fieldName);
    }
  }
}

type Report = (element: XmlElement, message: string) => void;

/** Every element named `name` at any depth below `element`. */
function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...descendants(child, name)
  ]);
}

/** The object a layout, compact layout or list view belongs to. */
function owningObject(document: ProjectDocument): string {
  if (document.rootType === 'Layout') {
    return componentName(document.file).split('-')[0];
  }
  return basename(dirname(dirname(document.file)));
}

/** Runs every cross-file rule that applies to one document. */
export function checkReferences(document: ProjectDocument, index: ProjectIndex): Finding[] {
  const checker = new ReferenceChecker(document, index);
  const { root } = document;
  const report = (element: XmlElement, message: string): void => {
    checker.findings.push({
      file: document.file,
      line: element.line,
      column: element.column,
      rule: RULE,
      message
    });
  };
  switch (document.rootType) {
    case 'CustomMetadata':
      checkCustomMetadataRecord(checker, document, index);
      break;
    case 'PermissionSet':
      checkPermissionSet(checker, root, report);
      break;
    case 'Layout':
      for (const field of descendants(root, 'field')) {
        checker.field(field, owningObject(document), field.text.trim());
      }
      break;
    case 'CompactLayout':
      for (const field of childElements(root, 'fields')) {
        checker.field(field, owningObject(document), field.text.trim());
      }
      break;
    case 'ListView':
      for (const column of [...childElements(root, 'columns'), ...descendants(root, 'field')]) {
        checker.field(column, owningObject(document), column.text.trim());
      }
      break;
    case 'CustomTab':
      checker.namedComponent(
        childElement(root, 'lwcComponent'),
        'LightningComponentBundle',
        'Lightning component'
      );
      checker.namedComponent(childElement(root, 'flexiPage'), 'FlexiPage', 'Lightning page');
      if (childText(root, 'customObject') === 'true') {
        const name = componentName(document.file);
        if (mustDefine(name) && !index.objects.get(name.toLowerCase())?.definition) {
          report(root, `Tab ${name} is for an object this project does not define`);
        }
      }
      break;
    case 'CustomApplication':
      for (const tab of childElements(root, 'tabs')) {
        checker.component(tab, 'CustomTab', 'Tab');
      }
      break;
    case 'CustomField':
      checkCustomField(checker, root, report);
      break;
    case 'ValidationRule': {
      const displayField = childElement(root, 'errorDisplayField');
      if (displayField) {
        checker.field(displayField, owningObject(document), displayField.text.trim());
      }
      break;
    }
    case 'CustomObject': {
      const assignment = childElement(root, 'compactLayoutAssignment');
      const layout = assignment?.text.trim() ?? '';
      const object = index.objects.get(componentName(document.file).toLowerCase());
      if (assignment && layout !== 'SYSTEM' && !object?.compactLayouts.has(layout.toLowerCase())) {
        report(assignment, `${layout} is not a compact layout of ${componentName(document.file)}`);
      }
      // The Apex managed sharing recalculation the platform runs for the object (SharingRecalculation).
      for (const recalculation of childElements(root, 'sharingRecalculations')) {
        checker.namedComponent(childElement(recalculation, 'className'), 'ApexClass', 'Apex class');
      }
      break;
    }
    case 'FlexiPage':
      checkFlexiPage(checker, root, index, report);
      break;
    case 'LightningComponentBundle':
      for (const object of descendants(root, 'object')) {
        checker.object(object);
      }
      break;
    default:
      break;
  }
  return checker.findings;
}
