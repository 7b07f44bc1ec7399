/**
 * What the record page's Details panel, a related list page and an object tab's list view read
 * from the package's metadata, as Lightning reads them in the org: the object's page layout
 * (layouts/, its sections, columns and fields in order, and its related lists' columns) and its
 * list views (objects/<object>/listViews/). The standard objects the package extends
 * (Opportunity, Account) ship no layout or list view of their own; for them the org's standard
 * layout, related lists and "All" view are stood in for, with the package's fields in a section
 * of their own, as an admin adds them on install.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ObjectTranslation } from '../../../apex-runtime/src/metadata/translations';
import { children, readMetadataFile, text, texts } from '../../model/metadataFile';
import { DEFAULT_OBJECTS_DIR } from '../../org/embeddedOrg';
import type { WorkbenchObjectInfo } from './objectInfo';

export interface LayoutSection {
  label: string;
  /** Field API names per column, top to bottom; a two-column section has two. */
  columns: string[][];
}

export interface PageLayout {
  objectApiName: string;
  sections: LayoutSection[];
}

export interface ListViewDefinition {
  name: string;
  label: string;
  /** Field API names, left to right. */
  columns: string[];
  /** The column the view sorts on first, and whether descending. */
  sortBy: string;
  sortDescending: boolean;
}

/** The org's standard layouts of the standard objects the package extends. */
const STANDARD_LAYOUTS: Readonly<Record<string, readonly LayoutSection[]>> = {
  Opportunity: [
    {
      label: 'Opportunity Information',
      columns: [
        ['OwnerId', 'Name', 'AccountId', 'Type', 'LeadSource'],
        ['CloseDate', 'StageName', 'Probability', 'Amount', 'ForecastCategoryName', 'NextStep']
      ]
    },
    { label: 'Description Information', columns: [['Description']] }
  ],
  Account: [
    {
      label: 'Account Information',
      columns: [
        ['OwnerId', 'Name', 'ParentId', 'Type', 'Industry'],
        ['Phone', 'Website', 'AnnualRevenue', 'NumberOfEmployees']
      ]
    },
    { label: 'Description Information', columns: [['Description']] }
  ]
};

/** The standard "All" list views of the standard objects, with the package's score column. */
const STANDARD_LIST_VIEWS: Readonly<Record<string, readonly ListViewDefinition[]>> = {
  Opportunity: [
    {
      name: 'AllOpportunities',
      label: 'All Opportunities',
      columns: [
        'Name',
        'AccountId',
        'Amount',
        'CloseDate',
        'StageName',
        'OwnerId',
        'Data_Quality_Score__c'
      ],
      sortBy: 'Data_Quality_Score__c',
      sortDescending: false
    }
  ],
  Account: [
    {
      name: 'AllAccounts',
      label: 'All Accounts',
      columns: ['Name', 'Type', 'Customer_Segment__c', 'OwnerId', 'Data_Quality_Score__c'],
      sortBy: 'Name',
      sortDescending: false
    }
  ]
};

/** The columns of the standard layouts' related lists, by parent object and relationship. */
const STANDARD_RELATED_LISTS: Readonly<
  Record<string, Readonly<Record<string, readonly string[]>>>
> = {
  Opportunity: { OpportunityContactRoles: ['ContactId', 'Role', 'IsPrimary'] }
};

/** A child relationship: the child object and its lookup to the parent. */
export interface RelatedListRelationship {
  relationshipName: string;
  childObject: string;
  field: string;
}

/** Fields the platform maintains: shown in a System Information section, as Lightning does. */
const SYSTEM_SECTION: LayoutSection = {
  label: 'System Information',
  columns: [['CreatedById'], ['LastModifiedById']]
};

/** The heading of the package's fields on a standard object's page: the app's name. */
const PACKAGE_SECTION = 'Sales Strategy';

/** Internal keys no layout shows. */
const NEVER_SHOWN = new Set(['Id', 'SSM_External_Id__c', 'IsDeleted', 'SystemModstamp']);

function layoutFile(objectApiName: string, layoutsDir: string): string | undefined {
  if (!existsSync(layoutsDir)) return undefined;
  const file = readdirSync(layoutsDir)
    .sort()
    .find((name) => name.startsWith(`${objectApiName}-`) && name.endsWith('.layout-meta.xml'));
  return file ? join(layoutsDir, file) : undefined;
}

/** The package's custom fields of a standard object, in two columns, for its own section. */
function packageFieldsSection(
  info: WorkbenchObjectInfo,
  placed: Set<string>,
  heading: string
): LayoutSection[] {
  const custom = Object.keys(info.fields)
    .filter((name) => name.endsWith('__c') && !placed.has(name) && !NEVER_SHOWN.has(name))
    .sort((a, b) => info.fields[a].label.localeCompare(info.fields[b].label));
  if (!custom.length) return [];
  const half = Math.ceil(custom.length / 2);
  return [{ label: heading, columns: [custom.slice(0, half), custom.slice(half)] }];
}

/**
 * The object's page layout: its sections in order, with only fields the object has, their
 * headings in the user's language where the layout's translation gives one.
 */
export function pageLayoutOf(
  info: WorkbenchObjectInfo,
  objectsDir: string = DEFAULT_OBJECTS_DIR,
  language?: { translation?: ObjectTranslation; packageSection: string }
): PageLayout {
  const objectApiName = info.apiName;
  const file = layoutFile(objectApiName, join(objectsDir, '..', 'layouts'));
  let sections: LayoutSection[];
  if (file) {
    // `<Object>-<Layout Name>.layout-meta.xml`: the translation names the layout.
    const layoutName = basename(file, '.layout-meta.xml').slice(objectApiName.length + 1);
    const headings = language?.translation?.layoutSections.get(layoutName);
    sections = children(readMetadataFile(file, 'Layout'), 'layoutSections').map((section) => ({
      label: headings?.get(text(section, 'label') ?? '') ?? text(section, 'label') ?? '',
      columns: children(section, 'layoutColumns').map((column) =>
        children(column, 'layoutItems')
          .map((item) => text(item, 'field'))
          .filter((field): field is string => !!field)
      )
    }));
  } else {
    sections = (
      STANDARD_LAYOUTS[objectApiName] ?? [{ label: 'Information', columns: [['Name']] }]
    ).map((section) => ({ ...section, columns: section.columns.map((column) => [...column]) }));
    const placed = new Set(sections.flatMap((section) => section.columns.flat()));
    sections.splice(
      1,
      0,
      ...packageFieldsSection(info, placed, language?.packageSection ?? PACKAGE_SECTION)
    );
  }
  const placed = new Set(sections.flatMap((section) => section.columns.flat()));
  if (!placed.has('CreatedById') && !placed.has('LastModifiedById')) sections.push(SYSTEM_SECTION);
  return {
    objectApiName,
    sections: sections
      .map((section) => ({
        ...section,
        columns: section.columns
          .map((column) =>
            column.filter((field) => field in info.fields && !NEVER_SHOWN.has(field))
          )
          .filter((column) => column.length > 0)
      }))
      .filter((section) => section.columns.length > 0)
  };
}

/** A list view column as the metadata names it (NAME, OWNER.ALIAS, Field__c) as a field. */
function columnField(column: string, info: WorkbenchObjectInfo): string | undefined {
  if (column === 'NAME') return 'Name';
  if (column.startsWith('OWNER.') || column === 'CORE.USERS.ALIAS') return 'OwnerId';
  if (column in info.fields) return column;
  return undefined;
}

/** The fields that name a child record, for a related list no layout describes. */
const NAME_FIELDS = ['Name', 'Subject'];

/**
 * The columns (the child's field API names, left to right) of a related list as the parent's
 * page layout shows it: the layout's `<relatedLists>` entry for the child's lookup when the
 * package ships a layout that has one, else the standard layout's related list, else the child's
 * name. The lookup to the parent is never a column: every row has the same.
 */
export function relatedListColumnsOf(
  parent: WorkbenchObjectInfo,
  child: WorkbenchObjectInfo,
  relationship: RelatedListRelationship,
  objectsDir: string = DEFAULT_OBJECTS_DIR
): string[] {
  const file = layoutFile(parent.apiName, join(objectsDir, '..', 'layouts'));
  const key = `${relationship.childObject}.${relationship.field}`.toLowerCase();
  const entry = file
    ? children(readMetadataFile(file, 'Layout'), 'relatedLists').find(
        (list) => text(list, 'relatedList')?.toLowerCase() === key
      )
    : undefined;
  const columns = entry
    ? texts(entry, 'fields').map((column) => columnField(column, child))
    : [
        ...(STANDARD_RELATED_LISTS[parent.apiName]?.[relationship.relationshipName] ??
          NAME_FIELDS.filter((name) => name in child.fields).slice(0, 1))
      ];
  return [
    ...new Set(
      columns.filter(
        (field): field is string =>
          !!field &&
          field in child.fields &&
          field !== relationship.field &&
          !NEVER_SHOWN.has(field)
      )
    )
  ];
}

/** The object's list views from metadata (the standard "All" view for a standard object). */
export function listViewsOf(
  info: WorkbenchObjectInfo,
  objectsDir: string = DEFAULT_OBJECTS_DIR
): ListViewDefinition[] {
  const dir = join(objectsDir, info.apiName, 'listViews');
  const views: ListViewDefinition[] = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.listView-meta.xml'))
        .sort()
        .map((file) => {
          const view = readMetadataFile(join(dir, file), 'ListView');
          const columns = texts(view, 'columns')
            .map((column) => columnField(column, info))
            .filter((field): field is string => !!field);
          if (!columns.includes('Name') && 'Name' in info.fields) columns.unshift('Name');
          if (
            'Data_Quality_Score__c' in info.fields &&
            !columns.includes('Data_Quality_Score__c')
          ) {
            columns.push('Data_Quality_Score__c');
          }
          return {
            name: text(view, 'fullName') ?? file.replace('.listView-meta.xml', ''),
            label: text(view, 'label') ?? 'All',
            columns,
            sortBy: 'Name',
            sortDescending: false
          };
        })
    : [];
  if (views.length) return views;
  return (
    STANDARD_LIST_VIEWS[info.apiName]?.map((view) => ({
      ...view,
      columns: view.columns.filter((field) => field in info.fields)
    })) ?? [{ name: 'All', label: 'All', columns: ['Name'], sortBy: 'Name', sortDescending: false }]
  );
}
