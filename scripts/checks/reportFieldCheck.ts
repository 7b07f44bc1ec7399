/**
 * `npm run check:reports [projectRoot]`: every report column, filter, grouping, aggregate, chart
 * and time-frame filter must name a field its custom report type exposes, and every dashboard
 * component must name a report that exists and, for its groupings and summaries, what that report
 * groups by and shows. The Metadata API accepts such mistakes only at deploy time, in an org; here
 * they fail offline with the file, the line, the element and the field.
 *
 * Field notation (Metadata API, custom report types): a report names a field as
 * `<table>$<field>`, where `<table>` is the report type's base object or a joined relationship
 * path (`Account.Opportunities`) and `<field>` is a `<field>` of that table's report type column,
 * including fields reached through a lookup (`Opportunity__c.Amount`, `Account.Name`).
 * Report types' columns are also checked against the project's object metadata where they name a
 * custom field (`…__c`) of an object the project defines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { reportFindings, type Finding } from './findings';
import { collectMetadataFiles, packageDirectories } from './metadataCheck';
import { childElement, childElements, childText } from './metadataProjectIndex';
import { localName, parseXmlWithPositions, XmlSyntaxError, type XmlElement } from './metadataXml';
import { loadObjectSchema, type ObjectSchema } from './soqlObjectSchema';

const RULE = 'report-field';
const ROW_COUNT = 'RowCount';

/** A custom report type: the tables it joins and the fields each table exposes. */
export interface ReportTypeModel {
  name: string;
  file: string;
  baseObject: string;
  /** Lower-cased table name (`opportunity`, `account.opportunities`) → lower-cased field names. */
  fields: Map<string, Set<string>>;
}

/** What a dashboard needs to know about a report. */
export interface ReportModel {
  /** `Folder/DeveloperName`, the form a dashboard component names it by. */
  fullName: string;
  file: string;
  /** Lower-cased fields the report groups by (down and across). */
  groupings: Set<string>;
  /** Lower-cased fields the report shows as columns. */
  columns: Set<string>;
  /** Lower-cased `Aggregate:field` of every summarized column, e.g. `sum:opportunity$amount`. */
  summaries: Set<string>;
}

interface ProjectDocuments {
  reportTypes: { file: string; root: XmlElement }[];
  reports: { file: string; root: XmlElement }[];
  dashboards: { file: string; root: XmlElement }[];
  /** `reportFolder:<path>` and `dashboardFolder:<path>` of every folder file. */
  folders: Set<string>;
}

/** Standard lookups that custom report types name by relationship, and the object each reaches. */
const STANDARD_LOOKUPS: Readonly<Record<string, string>> = {
  account: 'Account',
  owner: 'User',
  manager: 'User',
  createdby: 'User',
  lastmodifiedby: 'User'
};

function finding(file: string, element: XmlElement | undefined, message: string): Finding {
  return { file, line: element?.line ?? 0, column: element?.column, message, rule: RULE };
}

/** Reads a report type's tables (base object plus joins) and the columns of each. */
export function readReportType(file: string, root: XmlElement): ReportTypeModel {
  const baseObject = childText(root, 'baseObject');
  const fields = new Map<string, Set<string>>([[baseObject.toLowerCase(), new Set<string>()]]);
  let table = baseObject;
  let join = childElement(root, 'join');
  while (join) {
    table = `${table}.${childText(join, 'relationship')}`;
    fields.set(table.toLowerCase(), new Set<string>());
    join = childElement(join, 'join');
  }
  for (const section of childElements(root, 'sections')) {
    for (const column of childElements(section, 'columns')) {
      fields
        .get(childText(column, 'table').toLowerCase())
        ?.add(childText(column, 'field').toLowerCase());
    }
  }
  return { name: basename(file).replace(/\.reportType-meta\.xml$/, ''), file, baseObject, fields };
}

/** Findings on a report type's own columns: unknown tables and unknown custom fields. */
export function checkReportType(
  file: string,
  root: XmlElement,
  model: ReportTypeModel,
  schema: ObjectSchema
): Finding[] {
  const findings: Finding[] = [];
  if (model.baseObject && !isKnownObject(model.baseObject, schema)) {
    findings.push(
      finding(
        file,
        childElement(root, 'baseObject'),
        `Report type ${model.name}: base object '${model.baseObject}' does not exist in the project`
      )
    );
  }
  for (const section of childElements(root, 'sections')) {
    for (const column of childElements(section, 'columns')) {
      const table = childText(column, 'table');
      const field = childText(column, 'field');
      if (!model.fields.has(table.toLowerCase())) {
        findings.push(
          finding(
            file,
            childElement(column, 'table'),
            `Report type ${model.name}: column '${field}' names table '${table}', which the report type does not join`
          )
        );
        continue;
      }
      const problem = unknownCustomField(objectOfTable(table, schema), field, schema);
      if (problem) {
        findings.push(
          finding(
            file,
            childElement(column, 'field'),
            `Report type ${model.name}: column '${field}' on ${table}: ${problem}`
          )
        );
      }
    }
  }
  return findings;
}

function isKnownObject(name: string, schema: ObjectSchema): boolean {
  // Standard objects the project does not extend are not in the schema; only custom ones must be.
  return !name.endsWith('__c') || schema.objects.has(name.toLowerCase());
}

/** The object a report type table names: the base object, or the child object of the last join. */
function objectOfTable(table: string, schema: ObjectSchema): string | undefined {
  const [base, ...relationships] = table.split('.');
  let current: string | undefined = base;
  for (const relationship of relationships) {
    const parent: string = current ?? '';
    const childName = relationship.replace(/__r$/i, '').toLowerCase();
    current = [...schema.objects.values()].find((object) =>
      [...object.fields.values()].some(
        (field) =>
          field.referenceTo?.toLowerCase() === parent.toLowerCase() &&
          field.relationshipName?.toLowerCase() === childName
      )
    )?.name;
    if (!current) {
      return undefined;
    }
  }
  return current;
}

/** Why a (possibly lookup-qualified) field does not exist, or undefined when it may. */
function unknownCustomField(
  objectName: string | undefined,
  path: string,
  schema: ObjectSchema
): string | undefined {
  let current = objectName;
  for (const segment of path.split('.')) {
    if (!current) {
      return undefined;
    }
    const object = schema.objects.get(current.toLowerCase());
    const key = segment.toLowerCase();
    if (key.endsWith('__c')) {
      const field = object?.fields.get(key);
      if (!field) {
        return object || current.endsWith('__c')
          ? `${current} has no field '${segment}'`
          : undefined;
      }
      current = field.referenceTo;
    } else {
      current = STANDARD_LOOKUPS[key];
    }
  }
  return undefined;
}

/** `Opportunity$Account.Name` → table `Opportunity`, field `Account.Name`. */
function splitReportField(token: string): { table: string; field: string } | undefined {
  const at = token.indexOf('$');
  return at > 0 && at < token.length - 1
    ? { table: token.slice(0, at), field: token.slice(at + 1) }
    : undefined;
}

/** Undefined when the report type exposes the field, else why not. */
export function exposure(model: ReportTypeModel, token: string): string | undefined {
  const parts = splitReportField(token);
  if (!parts) {
    return `is not in the <table>$<field> form of a custom report type`;
  }
  const fields = model.fields.get(parts.table.toLowerCase());
  if (!fields) {
    return `names table '${parts.table}', which report type ${model.name} does not join`;
  }
  return fields.has(parts.field.toLowerCase())
    ? undefined
    : `is not a field of report type ${model.name} (table ${parts.table})`;
}

/** Every field a report names, with the element kind, for the exposure check. */
function reportFieldReferences(
  root: XmlElement
): { kind: string; element: XmlElement; field: string }[] {
  const references: { kind: string; element: XmlElement; field: string }[] = [];
  const add = (kind: string, element: XmlElement | undefined): void => {
    const field = element?.text.trim();
    if (element && field && field !== ROW_COUNT) {
      references.push({ kind, element, field });
    }
  };
  for (const column of childElements(root, 'columns')) {
    add('column', childElement(column, 'field'));
  }
  for (const item of childElements(childElement(root, 'filter') ?? root, 'criteriaItems')) {
    add('filter', childElement(item, 'column'));
    if (childText(item, 'columnToColumn') === 'true') {
      add('filter', childElement(item, 'value'));
    }
  }
  for (const name of ['groupingsDown', 'groupingsAcross']) {
    for (const grouping of childElements(root, name)) {
      add('grouping', childElement(grouping, 'field'));
    }
  }
  for (const aggregate of childElements(root, 'aggregates')) {
    const formula = childElement(aggregate, 'calculatedFormula');
    for (const match of (formula?.text ?? '').matchAll(
      /([A-Za-z0-9_.]+\$[A-Za-z0-9_.]+):[A-Z]+/g
    )) {
      references.push({ kind: 'aggregate', element: formula as XmlElement, field: match[1] });
    }
  }
  const chart = childElement(root, 'chart');
  if (chart) {
    for (const summary of childElements(chart, 'chartSummaries')) {
      add('chart', childElement(summary, 'column'));
    }
  }
  const timeFrame = childElement(root, 'timeFrameFilter');
  if (timeFrame) {
    add('time frame filter', childElement(timeFrame, 'dateColumn'));
  }
  add('sort', childElement(root, 'sortColumn'));
  return references;
}

function fieldSet(elements: readonly XmlElement[], child: string): Set<string> {
  return new Set(
    elements.map((element) => childText(element, child).toLowerCase()).filter(Boolean)
  );
}

/** Checks one report against its report type; returns its findings and what dashboards need. */
export function checkReport(
  file: string,
  root: XmlElement,
  fullName: string,
  reportTypes: ReadonlyMap<string, ReportTypeModel>
): { findings: Finding[]; report: ReportModel } {
  const findings: Finding[] = [];
  const groupingElements = [
    ...childElements(root, 'groupingsDown'),
    ...childElements(root, 'groupingsAcross')
  ];
  const report: ReportModel = {
    fullName,
    file,
    groupings: fieldSet(groupingElements, 'field'),
    columns: fieldSet(childElements(root, 'columns'), 'field'),
    summaries: new Set(
      childElements(root, 'columns').flatMap((column) =>
        childElements(column, 'aggregateTypes').map((aggregate) =>
          summaryKey(aggregate.text, childText(column, 'field'))
        )
      )
    )
  };
  const typeElement = childElement(root, 'reportType');
  const typeName = typeElement?.text.trim() ?? '';
  const model = reportTypes.get(typeName.replace(/__c$/i, '').toLowerCase());
  if (!model) {
    if (typeName.endsWith('__c')) {
      findings.push(
        finding(
          file,
          typeElement,
          `Report ${fullName}: report type '${typeName}' does not exist in the project`
        )
      );
    }
    // A standard report type's fields are the org's; nothing to check them against offline.
    return { findings, report };
  }
  for (const { kind, element, field } of reportFieldReferences(root)) {
    const problem = exposure(model, field);
    if (problem) {
      findings.push(finding(file, element, `Report ${fullName}: ${kind} '${field}' ${problem}`));
    }
  }
  const chart = childElement(root, 'chart');
  if (chart) {
    for (const summary of childElements(chart, 'chartSummaries')) {
      const problem = unsummarized(summary, report);
      if (problem) {
        findings.push(
          finding(file, childElement(summary, 'column'), `Report ${fullName}: chart ${problem}`)
        );
      }
    }
    for (const name of ['groupingColumn', 'secondaryGroupingColumn']) {
      const element = childElement(chart, name);
      const field = element?.text.trim();
      if (element && field && !report.groupings.has(field.toLowerCase())) {
        findings.push(
          finding(
            file,
            element,
            `Report ${fullName}: chart grouping '${field}' is not a grouping of the report`
          )
        );
      }
    }
  }
  return { findings, report };
}

function summaryKey(aggregate: string, field: string): string {
  return `${aggregate.trim()}:${field.trim()}`.toLowerCase();
}

/**
 * Why a chart summary (`aggregate` of `column`) is not one the report computes, or undefined.
 * A chart can only draw a summary the report has: the column with that aggregate type.
 */
function unsummarized(summary: XmlElement, report: ReportModel): string | undefined {
  const aggregate = childText(summary, 'aggregate');
  const column = childText(summary, 'column');
  if (!aggregate || !column || column === ROW_COUNT) {
    return undefined;
  }
  return report.summaries.has(summaryKey(aggregate, column))
    ? undefined
    : `summary ${aggregate} of '${column}' is not a summarized column of report ${report.fullName}`;
}

/** Every dashboard component, whether laid out in a grid or in the classic sections. */
function dashboardComponents(root: XmlElement): XmlElement[] {
  const grid = childElement(root, 'dashboardGridLayout');
  const inGrid = grid
    ? childElements(grid, 'dashboardGridComponents').flatMap((cell) =>
        childElements(cell, 'dashboardComponent')
      )
    : [];
  const inSections = ['leftSection', 'middleSection', 'rightSection'].flatMap((name) => {
    const section = childElement(root, name);
    return section ? childElements(section, 'components') : [];
  });
  return [...inGrid, ...inSections];
}

/** Checks a dashboard's components against the project's reports. */
export function checkDashboard(
  file: string,
  root: XmlElement,
  fullName: string,
  reports: ReadonlyMap<string, ReportModel>
): Finding[] {
  const findings: Finding[] = [];
  for (const component of dashboardComponents(root)) {
    const reportElement = childElement(component, 'report');
    const reportName = reportElement?.text.trim();
    if (!reportElement || !reportName) {
      continue;
    }
    const report = reports.get(reportName.toLowerCase());
    if (!report) {
      findings.push(
        finding(
          file,
          reportElement,
          `Dashboard ${fullName}: component names report '${reportName}', which does not exist in the project`
        )
      );
      continue;
    }
    for (const element of childElements(component, 'groupingColumn')) {
      const field = element.text.trim();
      if (!report.groupings.has(field.toLowerCase())) {
        findings.push(
          finding(
            file,
            element,
            `Dashboard ${fullName}: component grouping '${field}' is not a grouping of report ${reportName}`
          )
        );
      }
    }
    for (const summary of childElements(component, 'chartSummary')) {
      const problem = unsummarized(summary, report);
      if (problem) {
        findings.push(
          finding(
            file,
            childElement(summary, 'column'),
            `Dashboard ${fullName}: component ${problem}`
          )
        );
      }
    }
    const summaries = [
      ...childElements(component, 'chartSummary').map((summary) => childElement(summary, 'column')),
      ...childElements(component, 'dashboardTableColumn').map((column) =>
        childElement(column, 'column')
      )
    ];
    for (const element of summaries) {
      const field = element?.text.trim();
      if (
        element &&
        field &&
        field !== ROW_COUNT &&
        !report.columns.has(field.toLowerCase()) &&
        !report.groupings.has(field.toLowerCase())
      ) {
        findings.push(
          finding(
            file,
            element,
            `Dashboard ${fullName}: component summary '${field}' is not a column of report ${reportName}`
          )
        );
      }
    }
  }
  return findings;
}

function readDocuments(projectRoot: string): ProjectDocuments {
  const documents: ProjectDocuments = {
    reportTypes: [],
    reports: [],
    dashboards: [],
    folders: new Set()
  };
  const files = packageDirectories(projectRoot)
    .flatMap((directory) => collectMetadataFiles(directory, []))
    .sort();
  for (const file of files) {
    const name = basename(file);
    const kind = /\.(reportType|report|dashboard|reportFolder|dashboardFolder)-meta\.xml$/.exec(
      name
    )?.[1];
    if (!kind) {
      continue;
    }
    if (kind === 'reportFolder' || kind === 'dashboardFolder') {
      documents.folders.add(
        `${kind}:${join(dirname(file), name.replace(`.${kind}-meta.xml`, ''))}`
      );
      continue;
    }
    let root: XmlElement;
    try {
      root = parseXmlWithPositions(readFileSync(file, 'utf8'));
    } catch (error) {
      if (error instanceof XmlSyntaxError) {
        // check:metadata reports malformed XML; this check only skips the file.
        continue;
      }
      throw error;
    }
    const list =
      kind === 'reportType'
        ? documents.reportTypes
        : kind === 'report'
          ? documents.reports
          : documents.dashboards;
    list.push({ file, root });
  }
  return documents;
}

/** `…/reports/SSM_Strategy/Ideas.report-meta.xml` → `SSM_Strategy/Ideas`. */
function folderQualifiedName(file: string): string {
  const suffix = /\.[A-Za-z]+-meta\.xml$/;
  return `${basename(dirname(file))}/${basename(file).replace(suffix, '')}`;
}

function checkFolder(file: string, folderKind: string, folders: ReadonlySet<string>): Finding[] {
  const folder = dirname(file);
  return folders.has(`${folderKind}:${folder}`)
    ? []
    : [
        finding(
          file,
          undefined,
          `${basename(folder)} has no ${basename(folder)}.${folderKind}-meta.xml beside it, so the folder would not deploy`
        )
      ];
}

/** Runs the whole check over a project and returns its findings. */
export function runReportFieldCheck(projectRoot: string): Finding[] {
  const directories = packageDirectories(projectRoot);
  const schema = loadObjectSchema(directories.filter((directory) => existsSync(directory)));
  const documents = readDocuments(projectRoot);
  const findings: Finding[] = [];
  const reportTypes = new Map<string, ReportTypeModel>();
  for (const { file, root } of documents.reportTypes) {
    if (localName(root.name) !== 'ReportType') {
      continue;
    }
    const model = readReportType(file, root);
    reportTypes.set(model.name.toLowerCase(), model);
    findings.push(...checkReportType(file, root, model, schema));
  }
  const reports = new Map<string, ReportModel>();
  for (const { file, root } of documents.reports) {
    const fullName = folderQualifiedName(file);
    const result = checkReport(file, root, fullName, reportTypes);
    findings.push(...result.findings, ...checkFolder(file, 'reportFolder', documents.folders));
    reports.set(fullName.toLowerCase(), result.report);
  }
  for (const { file, root } of documents.dashboards) {
    findings.push(
      ...checkDashboard(file, root, folderQualifiedName(file), reports),
      ...checkFolder(file, 'dashboardFolder', documents.folders)
    );
  }
  return findings;
}

if (require.main === module) {
  const projectRoot = resolve(process.argv[2] ?? join(__dirname, '..', '..'));
  reportFindings('check:reports', runReportFieldCheck(projectRoot));
}
