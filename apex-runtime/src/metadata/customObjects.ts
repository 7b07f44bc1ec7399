/**
 * The project's objects as describes: custom objects with their system fields, name field,
 * custom fields, validation rules and sharing reasons; their `__Share` and `__History` objects;
 * Custom Metadata types; and the custom fields the project adds to standard objects.
 *
 * Choices where the docs leave the runtime to decide (each pinned by a test):
 * - A custom object with history tracking on (`enableHistory`) and at least one tracked field
 *   gets a `<Name>__History` object (ParentId, Field, OldValue, NewValue, DataType and the
 *   created audit fields), as the org creates one; its sub-query name on the parent is
 *   `Histories`.
 * - A custom object whose sharing model is Private or Read gets a `<Name>__Share` object;
 *   objects with public read/write defaults or Controlled by Parent get none, as in an org.
 * - OwnerId of custom objects points to User only (an org also allows queues, which the
 *   offline org does not have).
 */
import { shareObjectName, historyObjectName } from './keyPrefixes';
import { auditFields, idField, makeField, ownerField } from './fieldDescribes';
import { describeTypeOfMetadata, type DescribeType } from './fieldTypes';
import type {
  CustomFieldSource,
  CustomObjectSource,
  PicklistValueSource,
  ValueSetSource
} from './objectSource';
import type { SchemaDraft } from './schemaDraft';
import { activityObjectNames, isSharingModel } from './standardCatalogue';
import type {
  FieldDescribe,
  ObjectDescribe,
  PicklistEntry,
  RollupDescribe,
  SharingModel
} from './schema';

export interface CustomObjectContext {
  draft: SchemaDraft;
  globalValueSets: ReadonlyMap<string, PicklistValueSource[]>;
  keyPrefixes: ReadonlyMap<string, string>;
}

/** Default lengths of text-like types whose metadata carries none. */
const DEFAULT_LENGTHS: Readonly<Record<string, number>> = {
  Picklist: 255,
  MultiselectPicklist: 4099,
  Email: 80,
  Phone: 40,
  Url: 255,
  TextArea: 255,
  Lookup: 18,
  MasterDetail: 18
};

function picklistEntries(
  valueSet: ValueSetSource | undefined,
  context: CustomObjectContext,
  where: string
): PicklistEntry[] {
  if (!valueSet) return [];
  let values = valueSet.values;
  if (valueSet.valueSetName !== undefined) {
    const global = context.globalValueSets.get(valueSet.valueSetName);
    if (!global)
      throw new Error(`${where}: the global value set ${valueSet.valueSetName} is missing`);
    values = global;
  }
  return values.map((value) => ({
    value: value.fullName,
    label: value.label,
    active: value.active,
    defaultValue: value.default
  }));
}

/** `Account_Plan__c` -> `Account_Plan__r`: how SOQL and formulas reach a custom lookup's parent. */
export function parentRelationshipName(fieldName: string): string {
  return fieldName.endsWith('__c') ? `${fieldName.slice(0, -3)}__r` : fieldName.replace(/Id$/, '');
}

/** A roll-up summary field's definition; unsupported operations fail loudly. */
export function rollupOf(source: CustomFieldSource): RollupDescribe {
  const summary = source.summary;
  if (!summary) throw new Error(`${source.path}: a roll-up summary needs <summaryForeignKey>`);
  const operation = summary.operation;
  if (operation !== 'count' && operation !== 'sum' && operation !== 'min' && operation !== 'max') {
    throw new Error(`not supported offline: roll-up operation ${operation} (${source.path})`);
  }
  const afterDot = (qualified: string) => qualified.slice(qualified.indexOf('.') + 1);
  return {
    operation,
    childObject: summary.foreignKey.slice(0, summary.foreignKey.indexOf('.')),
    foreignKey: afterDot(summary.foreignKey),
    summarizedField:
      summary.summarizedField === undefined ? undefined : afterDot(summary.summarizedField),
    filters: summary.filters.map((filter) => {
      if (filter.operation !== 'equals' && filter.operation !== 'notEqual') {
        throw new Error(
          `not supported offline: roll-up filter operation ${filter.operation} (${source.path})`
        );
      }
      return { field: afterDot(filter.field), operation: filter.operation, value: filter.value };
    })
  };
}

/** A custom field as a describe; roll-ups get their type once every object is known. */
export function customFieldDescribe(
  source: CustomFieldSource,
  context: CustomObjectContext
): FieldDescribe {
  const isFormula = source.formula !== undefined;
  const isSummary = source.type === 'Summary';
  const isAutoNumber = source.type === 'AutoNumber';
  const masterDetail = source.type === 'MasterDetail';
  const isLookup = masterDetail || source.type === 'Lookup';
  const type: DescribeType = isSummary
    ? 'double'
    : describeTypeOfMetadata(source.type, source.path);
  const computed = isFormula || isSummary || isAutoNumber;
  const required = source.required || masterDetail;
  return makeField({
    name: source.fullName,
    type,
    label: source.label ?? source.fullName,
    custom: true,
    length:
      source.length ??
      (type === 'string' || type === 'textarea' || isLookup || type === 'picklist'
        ? DEFAULT_LENGTHS[source.type]
        : undefined),
    precision: isSummary && source.summary?.operation === 'count' ? 18 : source.precision,
    scale: isSummary && source.summary?.operation === 'count' ? 0 : source.scale,
    required,
    createable: !computed,
    updateable: !computed && (!masterDetail || source.reparentableMasterDetail),
    defaultedOnCreate: type === 'boolean' || source.defaultValue !== undefined || isAutoNumber,
    nillable: !required && type !== 'boolean' && !isAutoNumber,
    unique: source.unique,
    externalId: source.externalId,
    caseSensitive: source.caseSensitive,
    formula: source.formula,
    formulaTreatBlanksAs:
      isFormula && source.formulaTreatBlanksAs === 'BlankAsZero'
        ? 'BlankAsZero'
        : isFormula
          ? 'BlankAsBlank'
          : undefined,
    formulaReturnType: isFormula ? source.type : undefined,
    rollup: isSummary ? rollupOf(source) : undefined,
    referenceTo: isLookup && source.referenceTo ? [source.referenceTo] : [],
    relationshipName: isLookup ? parentRelationshipName(source.fullName) : undefined,
    masterDetail,
    picklistValues: picklistEntries(source.valueSet, context, source.path),
    restrictedPicklist: source.valueSet?.restricted === true,
    trackHistory: source.trackHistory,
    defaultValueFormula: source.defaultValue,
    autoNumber: isAutoNumber
      ? { displayFormat: source.displayFormat ?? '{0}', startingNumber: source.startingNumber ?? 1 }
      : undefined,
    deleteConstraint: masterDetail
      ? 'Cascade'
      : isLookup
        ? source.deleteConstraint === 'Restrict' || source.deleteConstraint === 'Cascade'
          ? source.deleteConstraint
          : 'SetNull'
        : undefined
  });
}

function addCustomFields(
  object: ObjectDescribe,
  source: CustomObjectSource,
  context: CustomObjectContext
): void {
  for (const fieldSource of source.fields) {
    const field = customFieldDescribe(fieldSource, context);
    context.draft.addField(object, field);
    if (field.referenceTo.length > 0 && fieldSource.relationshipName) {
      context.draft.linkChild({
        childObject: object.name,
        field,
        relationshipName: `${fieldSource.relationshipName}__r`,
        cascadeDelete: field.deleteConstraint === 'Cascade'
      });
    }
  }
}

function prefixOf(name: string, context: CustomObjectContext): string {
  const prefix = context.keyPrefixes.get(name);
  if (!prefix) throw new Error(`No key prefix for ${name}`);
  return prefix;
}

function nameFieldOf(source: CustomObjectSource): FieldDescribe {
  const nameField = source.nameField;
  const label = nameField?.label ?? `${source.label ?? source.name} Name`;
  if (nameField?.type === 'AutoNumber') {
    return makeField({
      name: 'Name',
      type: 'string',
      label,
      length: 30,
      createable: false,
      updateable: false,
      defaultedOnCreate: true,
      nillable: false,
      trackHistory: nameField.trackHistory,
      autoNumber: {
        displayFormat: nameField.displayFormat ?? '{0}',
        startingNumber: nameField.startingNumber ?? 1
      }
    });
  }
  return makeField({
    name: 'Name',
    type: 'string',
    label,
    length: 80,
    required: true,
    trackHistory: nameField?.trackHistory === true
  });
}

function customObject(source: CustomObjectSource, context: CustomObjectContext): ObjectDescribe {
  const sharingModel: SharingModel =
    source.sharingModel !== undefined && isSharingModel(source.sharingModel)
      ? source.sharingModel
      : 'ReadWrite';
  const customSetting = source.customSettingsType !== undefined;
  const hasOwner = sharingModel !== 'ControlledByParent' && !customSetting;
  const label = source.label ?? source.name;
  const object: ObjectDescribe = {
    name: source.name,
    label,
    labelPlural: source.pluralLabel ?? label,
    keyPrefix: prefixOf(source.name, context),
    custom: true,
    customSetting,
    customMetadata: false,
    sharingModel: customSetting ? 'ReadWrite' : sharingModel,
    hasOwner,
    fields: [idField(label)],
    childRelationships: [],
    validationRules: source.validationRules.map((rule) => ({ ...rule })),
    sharingReasons: source.sharingReasons.map((reason) => ({ ...reason })),
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    nameField: 'Name',
    sharingParentFields: [],
    allowsActivities: source.enableActivities
  };
  if (hasOwner) object.fields.push(ownerField());
  object.fields.push(nameFieldOf(source));
  if (source.customSettingsType === 'Hierarchy') {
    object.fields.push(
      makeField({
        name: 'SetupOwnerId',
        type: 'reference',
        label: 'Location',
        length: 18,
        referenceTo: ['Organization', 'Profile', 'User'],
        relationshipName: 'SetupOwner'
      })
    );
  }
  if (source.recordTypes.length > 0) {
    object.fields.push(
      makeField({
        name: 'RecordTypeId',
        type: 'reference',
        label: 'Record Type ID',
        length: 18,
        referenceTo: ['RecordType'],
        relationshipName: 'RecordType'
      })
    );
  }
  if (source.enableActivities) {
    object.fields.push(
      makeField({
        name: 'LastActivityDate',
        type: 'date',
        label: 'Last Activity Date',
        createable: false,
        updateable: false
      })
    );
  }
  object.fields.push(...auditFields('full'));
  return object;
}

function customMetadataType(
  source: CustomObjectSource,
  context: CustomObjectContext
): ObjectDescribe {
  const label = source.label ?? source.name;
  const text = (name: string, fieldLabel: string, length: number, required = false) =>
    makeField({ name, type: 'string', label: fieldLabel, length, required });
  return {
    name: source.name,
    label,
    labelPlural: source.pluralLabel ?? label,
    keyPrefix: prefixOf(source.name, context),
    custom: true,
    customSetting: false,
    customMetadata: true,
    sharingModel: 'Read',
    hasOwner: false,
    fields: [
      idField(label),
      text('DeveloperName', 'Custom Metadata Record Name', 40, true),
      text('MasterLabel', 'Label', 40, true),
      text('Label', 'Label', 40),
      text('QualifiedApiName', 'Qualified API Name', 70),
      text('NamespacePrefix', 'Namespace Prefix', 15),
      makeField({ name: 'Language', type: 'picklist', label: 'Master Language', length: 40 })
    ],
    childRelationships: [],
    validationRules: source.validationRules.map((rule) => ({ ...rule })),
    sharingReasons: [],
    createable: false,
    updateable: false,
    deletable: false,
    queryable: true,
    nameField: 'DeveloperName',
    sharingParentFields: [],
    allowsActivities: false
  };
}

function shareObject(parent: ObjectDescribe, context: CustomObjectContext): ObjectDescribe {
  const name = shareObjectName(parent.name);
  const label = `${parent.label} Share`;
  const parentField = makeField({
    name: 'ParentId',
    type: 'reference',
    label: 'Parent ID',
    length: 18,
    referenceTo: [parent.name],
    relationshipName: 'Parent',
    required: true,
    updateable: false,
    deleteConstraint: 'Cascade'
  });
  context.draft.linkChild({
    childObject: name,
    field: parentField,
    relationshipName: 'Shares',
    cascadeDelete: true
  });
  const rowCauses = [
    'Owner',
    'Manual',
    'Rule',
    'ImplicitChild',
    'ImplicitParent',
    'Team',
    'Territory',
    'TerritoryRule'
  ].map((cause) => ({
    value: cause,
    label: cause,
    active: true,
    defaultValue: cause === 'Manual'
  }));
  for (const reason of parent.sharingReasons) {
    rowCauses.push({
      value: `${reason.name}__c`,
      label: reason.label,
      active: true,
      defaultValue: false
    });
  }
  return {
    name,
    label,
    labelPlural: label,
    keyPrefix: prefixOf(name, context),
    custom: true,
    customSetting: false,
    customMetadata: false,
    sharingModel: 'ReadWrite',
    hasOwner: false,
    fields: [
      idField(label),
      parentField,
      makeField({
        name: 'UserOrGroupId',
        type: 'reference',
        label: 'User/Group ID',
        length: 18,
        referenceTo: ['User', 'Group'],
        relationshipName: 'UserOrGroup',
        required: true,
        updateable: false
      }),
      makeField({
        name: 'AccessLevel',
        type: 'picklist',
        label: 'Access Level',
        length: 40,
        required: true,
        restrictedPicklist: true,
        picklistValues: ['Read', 'Edit', 'All'].map((value) => ({
          value,
          label: value,
          active: true,
          defaultValue: false
        }))
      }),
      makeField({
        name: 'RowCause',
        type: 'picklist',
        label: 'Row Cause',
        length: 40,
        defaultedOnCreate: true,
        restrictedPicklist: true,
        picklistValues: rowCauses
      }),
      ...auditFields('share')
    ],
    childRelationships: [],
    validationRules: [],
    sharingReasons: [],
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    sharingParentFields: [],
    allowsActivities: false,
    shareOf: parent.name
  };
}

function historyObject(parent: ObjectDescribe, context: CustomObjectContext): ObjectDescribe {
  const name = historyObjectName(parent.name);
  const label = `${parent.label} History`;
  const parentField = makeField({
    name: 'ParentId',
    type: 'reference',
    label: 'Parent ID',
    length: 18,
    referenceTo: [parent.name],
    relationshipName: 'Parent',
    createable: false,
    updateable: false,
    deleteConstraint: 'Cascade'
  });
  context.draft.linkChild({
    childObject: name,
    field: parentField,
    relationshipName: 'Histories',
    cascadeDelete: true
  });
  const readOnly = { createable: false, updateable: false };
  const tracked = parent.fields.filter((field) => field.trackHistory).map((field) => field.name);
  return {
    name,
    label,
    labelPlural: label,
    keyPrefix: prefixOf(name, context),
    custom: true,
    customSetting: false,
    customMetadata: false,
    sharingModel: 'ControlledByParent',
    hasOwner: false,
    fields: [
      idField(label),
      parentField,
      makeField({
        name: 'Field',
        type: 'picklist',
        label: 'Changed Field',
        length: 255,
        ...readOnly,
        picklistValues: ['created', ...tracked].map((value) => ({
          value,
          label: value,
          active: true,
          defaultValue: false
        }))
      }),
      makeField({
        name: 'DataType',
        type: 'picklist',
        label: 'Data Type',
        length: 40,
        ...readOnly
      }),
      makeField({ name: 'OldValue', type: 'anyType', label: 'Old Value', ...readOnly }),
      makeField({ name: 'NewValue', type: 'anyType', label: 'New Value', ...readOnly }),
      ...auditFields('created')
    ],
    childRelationships: [],
    validationRules: [],
    sharingReasons: [],
    createable: false,
    updateable: false,
    deletable: false,
    queryable: true,
    sharingParentFields: ['ParentId'],
    allowsActivities: false,
    historyOf: parent.name
  };
}

/** Roll-ups take the type of the field they summarise (a sum of Currency is Currency). */
function typeRollups(draft: SchemaDraft): void {
  for (const object of draft.objects()) {
    object.fields.forEach((field, index) => {
      const rollup = field.rollup;
      if (!rollup || rollup.operation === 'count' || rollup.summarizedField === undefined) return;
      const child = draft.get(rollup.childObject);
      const summarized = child?.fields.find(
        (candidate) => candidate.name.toLowerCase() === rollup.summarizedField?.toLowerCase()
      );
      if (!summarized) {
        throw new Error(
          `${object.name}.${field.name}: the roll-up's field ${rollup.childObject}.${rollup.summarizedField} does not exist`
        );
      }
      object.fields[index] = {
        ...field,
        apexType: summarized.apexType,
        displayType: summarized.displayType,
        precision: summarized.precision,
        scale: summarized.scale
      };
    });
  }
}

/**
 * Adds the project's objects to a draft that already holds the standard catalogue: custom
 * objects and Custom Metadata types first (so lookups between them resolve), then the custom
 * fields of standard objects (`objects/Activity` fields go to Task and Event), then share and
 * history objects.
 */
export function addProjectObjects(
  sources: readonly CustomObjectSource[],
  context: CustomObjectContext
): void {
  const { draft } = context;
  const created: [ObjectDescribe, CustomObjectSource][] = [];
  for (const source of sources) {
    if (/__(e|b|x|kav|ka|Feed)$/.test(source.name)) {
      throw new Error(`not supported offline: object ${source.name}`);
    }
    if (source.name.endsWith('__c') || source.name.endsWith('__mdt')) {
      if (!source.hasObjectFile) {
        throw new Error(
          `objects/${source.name}: the object file ${source.name}.object-meta.xml is missing`
        );
      }
      const object = source.name.endsWith('__mdt')
        ? customMetadataType(source, context)
        : customObject(source, context);
      draft.add(object);
      created.push([object, source]);
    }
  }
  for (const [object, source] of created) addCustomFields(object, source, context);
  for (const source of sources) {
    if (source.name.endsWith('__c') || source.name.endsWith('__mdt')) continue;
    const targets = source.name === 'Activity' ? activityObjectNames() : [source.name];
    for (const target of targets) {
      const object = draft.get(target);
      if (!object) {
        throw new Error(
          `not supported offline: standard object ${source.name} (not in the runtime's catalogue, apex-runtime/src/metadata/standardObjects.json)`
        );
      }
      addCustomFields(object, source, context);
    }
  }
  for (const [object] of created) {
    if (object.customMetadata || object.customSetting) continue;
    const detailFields = object.fields.filter((field) => field.masterDetail);
    if (object.sharingModel === 'ControlledByParent') {
      if (detailFields.length === 0) {
        throw new Error(`${object.name}: Controlled by Parent needs a master-detail field`);
      }
      object.sharingParentFields = detailFields.map((field) => field.name);
    }
    if (object.sharingModel === 'Private' || object.sharingModel === 'Read') {
      const share = shareObject(object, context);
      draft.add(share);
      object.shareObject = share.name;
    }
  }
  for (const [object, source] of created) {
    if (source.enableHistory && object.fields.some((field) => field.trackHistory)) {
      const history = historyObject(object, context);
      draft.add(history);
      object.historyObject = history.name;
    }
  }
  typeRollups(draft);
}
