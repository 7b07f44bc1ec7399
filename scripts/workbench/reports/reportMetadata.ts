/**
 * Report types, reports and dashboards as the Metadata API writes them (ReportType, Report,
 * Dashboard), read into plain objects the report engine runs. Only what the engine runs is read;
 * an element it needs that is missing or has a value it does not know is a ReportMetadataError
 * naming the file, the element and its line, never a crash or a silent default.
 */
import { basename } from 'node:path';
import {
  localName,
  parseXmlWithPositions,
  XmlSyntaxError,
  type XmlElement
} from '../../checks/metadataXml';

/** Bad or unsupported metadata: which file, which element (and line), and why. */
export class ReportMetadataError extends Error {
  constructor(
    readonly file: string,
    readonly element: string,
    readonly line: number,
    readonly reason: string
  ) {
    super(`${basename(file)}: <${element}>${line ? ` (line ${line})` : ''}: ${reason}`);
    this.name = 'ReportMetadataError';
  }
}

export interface ReportTypeColumn {
  /** The field path from the table's object: `Amount`, `Owner.Name`, `Coach__r.Name`. */
  field: string;
  /** `Opportunity`, or a joined table `Opportunity.Coaching_Sessions__r`. */
  table: string;
}

export interface ReportTypeMeta {
  file: string;
  /** The developer name (file name without the suffix); reports name it with `__c`. */
  name: string;
  label: string;
  baseObject: string;
  /** Child relationships joined to the base object, outermost first (one level offline). */
  joins: { relationship: string; outerJoin: boolean }[];
  columns: ReportTypeColumn[];
}

export type SummaryType = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'Unique';
export const SUMMARY_TYPES: readonly SummaryType[] = [
  'Sum',
  'Average',
  'Maximum',
  'Minimum',
  'Unique'
];

export type DateGranularity =
  'None' | 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year' | 'FiscalQuarter' | 'FiscalYear';
const DATE_GRANULARITIES: readonly DateGranularity[] = [
  'None',
  'Day',
  'Week',
  'Month',
  'Quarter',
  'Year',
  'FiscalQuarter',
  'FiscalYear'
];

export type FilterOperator =
  | 'equals'
  | 'notEqual'
  | 'lessThan'
  | 'greaterThan'
  | 'lessOrEqual'
  | 'greaterOrEqual'
  | 'contains'
  | 'notContain'
  | 'startsWith'
  | 'includes'
  | 'excludes';
export const FILTER_OPERATORS: readonly FilterOperator[] = [
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes'
];

export interface ReportColumnMeta {
  field: string;
  aggregateTypes: SummaryType[];
}

export interface GroupingMeta {
  field: string;
  sortOrder: 'Asc' | 'Desc';
  dateGranularity: DateGranularity;
  /** Sort the groups by a summary (`RowCount`, `s!Column`, a formula's developer name). */
  sortByName: string | null;
}

/** A custom summary formula (ReportAggregate): `Col:SUM - Col:AVG`, RowCount, numbers. */
export interface FormulaSummaryMeta {
  developerName: string;
  label: string;
  formula: string;
  datatype: string;
  scale: number | null;
  line: number;
}

export interface CriteriaItem {
  column: string;
  operator: FilterOperator;
  value: string;
  line: number;
}

export interface ChartSummary {
  /** `RowCount`, or a column with `aggregate`. */
  column: string;
  aggregate: SummaryType | null;
  axisBinding: string;
}

export interface ReportChartMeta {
  chartType: string;
  groupingColumn: string | null;
  secondaryGroupingColumn: string | null;
  summaries: ChartSummary[];
  title: string | null;
}

export interface ReportMeta {
  file: string;
  /** `Folder/DeveloperName`, as dashboards name it. */
  fullName: string;
  folder: string;
  label: string;
  description: string | null;
  format: 'Tabular' | 'Summary' | 'Matrix';
  reportType: string;
  columns: ReportColumnMeta[];
  groupingsDown: GroupingMeta[];
  groupingsAcross: GroupingMeta[];
  criteria: CriteriaItem[];
  booleanFilter: string | null;
  timeFrame: { dateColumn: string; interval: string; startDate?: string; endDate?: string } | null;
  scope: string | null;
  rowLimit: number | null;
  sortColumn: string | null;
  sortOrder: 'Asc' | 'Desc';
  showDetails: boolean;
  chart: ReportChartMeta | null;
  formulas: FormulaSummaryMeta[];
}

export type DashboardType = 'LoggedInUser' | 'SpecifiedUser' | 'MyTeamUser';

export interface DashboardComponentMeta {
  /** Position in the dashboard, for error messages and stable keys. */
  index: number;
  line: number;
  componentType: string;
  report: string;
  title: string | null;
  header: string | null;
  footer: string | null;
  useReportChart: boolean;
  groupingColumns: string[];
  summaries: ChartSummary[];
  sortBy: string | null;
  maxValuesDisplayed: number | null;
  gaugeMin: number | null;
  gaugeMax: number | null;
  breakpoints: number[];
  metricLabel: string | null;
}

export interface DashboardMeta {
  file: string;
  fullName: string;
  folder: string;
  title: string;
  description: string | null;
  dashboardType: DashboardType;
  runningUser: string | null;
  components: DashboardComponentMeta[];
}

const MAX_ELEMENTS = 500;

function parseRoot(file: string, text: string, rootName: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXmlWithPositions(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new ReportMetadataError(
        file,
        rootName,
        error.line,
        `not well-formed XML: ${error.message}`
      );
    }
    throw error;
  }
  if (localName(root.name) !== rootName) {
    throw new ReportMetadataError(
      file,
      localName(root.name),
      root.line,
      `the root must be <${rootName}>`
    );
  }
  return root;
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => localName(child.name) === name).slice(0, MAX_ELEMENTS);
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => localName(candidate.name) === name);
}

function textOf(element: XmlElement, name: string): string | null {
  const found = child(element, name);
  return found ? found.text.trim() : null;
}

function required(file: string, element: XmlElement, name: string): string {
  const value = textOf(element, name);
  if (!value) {
    throw new ReportMetadataError(
      file,
      name,
      element.line,
      `<${localName(element.name)}> needs <${name}>`
    );
  }
  return value;
}

function oneOf<T extends string>(
  file: string,
  element: XmlElement,
  name: string,
  allowed: readonly T[],
  fallback: T
): T {
  const value = textOf(element, name);
  if (value === null || value === '') return fallback;
  const found = allowed.find((candidate) => candidate === value);
  if (!found) {
    const line = child(element, name)?.line ?? element.line;
    throw new ReportMetadataError(
      file,
      name,
      line,
      `"${value}" is not supported (supported: ${allowed.join(', ')})`
    );
  }
  return found;
}

function numberOf(file: string, element: XmlElement, name: string): number | null {
  const value = textOf(element, name);
  if (value === null || value === '') return null;
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new ReportMetadataError(
      file,
      name,
      child(element, name)?.line ?? element.line,
      `"${value}" is not a number`
    );
  }
  return number;
}

/** `reports/Folder/Name.report-meta.xml` -> Folder and Name. */
function folderAndName(file: string, suffix: string): { folder: string; name: string } {
  const parts = file.split(/[\\/]/);
  const name = (parts.at(-1) ?? '').replace(suffix, '');
  return { folder: parts.at(-2) ?? '', name };
}

export function parseReportType(file: string, text: string): ReportTypeMeta {
  const root = parseRoot(file, text, 'ReportType');
  const baseObject = required(file, root, 'baseObject');
  const joins: ReportTypeMeta['joins'] = [];
  let join = child(root, 'join');
  // A join nests the next one; bounded by the element depth of the file.
  for (let depth = 0; join && depth < 4; depth += 1) {
    joins.push({
      relationship: required(file, join, 'relationship'),
      outerJoin: textOf(join, 'outerJoin') === 'true'
    });
    join = child(join, 'join');
  }
  if (joins.length > 1) {
    throw new ReportMetadataError(
      file,
      'join',
      child(root, 'join')?.line ?? root.line,
      'the workbench runs report types with at most one joined object'
    );
  }
  const columns = children(root, 'sections').flatMap((section) =>
    children(section, 'columns').map((column) => ({
      field: required(file, column, 'field'),
      table: required(file, column, 'table')
    }))
  );
  return {
    file,
    name: basename(file).replace('.reportType-meta.xml', ''),
    label: textOf(root, 'label') ?? baseObject,
    baseObject,
    joins,
    columns
  };
}

function summaryOf(file: string, element: XmlElement): ChartSummary {
  const column = required(file, element, 'column');
  return {
    column,
    aggregate:
      column === 'RowCount' ? null : oneOf(file, element, 'aggregate', SUMMARY_TYPES, 'Sum'),
    axisBinding: textOf(element, 'axisBinding') ?? 'y'
  };
}

function groupingOf(file: string, element: XmlElement): GroupingMeta {
  return {
    field: required(file, element, 'field'),
    sortOrder: oneOf(file, element, 'sortOrder', ['Asc', 'Desc'] as const, 'Asc'),
    dateGranularity: oneOf(file, element, 'dateGranularity', DATE_GRANULARITIES, 'None'),
    sortByName: textOf(element, 'sortType') === 'Aggregate' ? textOf(element, 'sortByName') : null
  };
}

export function parseReport(file: string, text: string): ReportMeta {
  const root = parseRoot(file, text, 'Report');
  const { folder, name } = folderAndName(file, '.report-meta.xml');
  const filter = child(root, 'filter');
  const unsupported = [
    ...(filter ? children(filter, 'criteriaItems') : []).filter(
      (item) => textOf(item, 'columnToColumn') === 'true'
    ),
    ...children(root, 'crossFilters'),
    ...(filter ? children(filter, 'crossFilters') : [])
  ][0];
  if (unsupported) {
    throw new ReportMetadataError(
      file,
      localName(unsupported.name),
      unsupported.line,
      localName(unsupported.name) === 'crossFilters'
        ? 'cross filters (with or without related records) are not run by the workbench'
        : 'a filter that compares two columns (columnToColumn) is not run by the workbench'
    );
  }
  // The platform's limits: three groupings down and two across.
  for (const [name, most] of [
    ['groupingsDown', 3],
    ['groupingsAcross', 2]
  ] as const) {
    const groupings = children(root, name);
    if (groupings.length > most) {
      throw new ReportMetadataError(
        file,
        name,
        groupings[most].line,
        `a report has at most ${most}`
      );
    }
  }
  const criteria = filter
    ? children(filter, 'criteriaItems').map((item) => ({
        column: required(file, item, 'column'),
        operator: oneOf(file, item, 'operator', FILTER_OPERATORS, 'equals'),
        value: textOf(item, 'value') ?? '',
        line: item.line
      }))
    : [];
  const timeFrameElement = child(root, 'timeFrameFilter');
  const chartElement = child(root, 'chart');
  const format = oneOf(file, root, 'format', ['Tabular', 'Summary', 'Matrix'] as const, 'Tabular');
  return {
    file,
    fullName: `${folder}/${name}`,
    folder,
    label: textOf(root, 'name') ?? name,
    description: textOf(root, 'description'),
    format,
    reportType: required(file, root, 'reportType'),
    columns: children(root, 'columns').map((column) => ({
      field: required(file, column, 'field'),
      aggregateTypes: children(column, 'aggregateTypes').map((aggregate) => {
        const found = SUMMARY_TYPES.find((type) => type === aggregate.text.trim());
        if (!found) {
          throw new ReportMetadataError(
            file,
            'aggregateTypes',
            aggregate.line,
            `"${aggregate.text.trim()}" is not a summary type (${SUMMARY_TYPES.join(', ')})`
          );
        }
        return found;
      })
    })),
    groupingsDown: children(root, 'groupingsDown').map((grouping) => groupingOf(file, grouping)),
    groupingsAcross: children(root, 'groupingsAcross').map((grouping) =>
      groupingOf(file, grouping)
    ),
    criteria,
    booleanFilter: filter ? textOf(filter, 'booleanFilter') : null,
    timeFrame: timeFrameElement
      ? {
          dateColumn: required(file, timeFrameElement, 'dateColumn'),
          interval: required(file, timeFrameElement, 'interval'),
          startDate: textOf(timeFrameElement, 'startDate') ?? undefined,
          endDate: textOf(timeFrameElement, 'endDate') ?? undefined
        }
      : null,
    scope: textOf(root, 'scope'),
    rowLimit: numberOf(file, root, 'rowLimit'),
    sortColumn: textOf(root, 'sortColumn'),
    sortOrder: oneOf(file, root, 'sortOrder', ['Asc', 'Desc'] as const, 'Asc'),
    showDetails: textOf(root, 'showDetails') !== 'false',
    chart: chartElement
      ? {
          chartType: textOf(chartElement, 'chartType') ?? 'None',
          groupingColumn: textOf(chartElement, 'groupingColumn'),
          secondaryGroupingColumn: textOf(chartElement, 'secondaryGroupingColumn'),
          summaries: children(chartElement, 'chartSummaries').map((summary) =>
            summaryOf(file, summary)
          ),
          title: textOf(chartElement, 'title')
        }
      : null,
    formulas: children(root, 'aggregates')
      .filter((aggregate) => textOf(aggregate, 'isActive') !== 'false')
      .map((aggregate) => ({
        developerName: required(file, aggregate, 'developerName'),
        label: textOf(aggregate, 'masterLabel') ?? required(file, aggregate, 'developerName'),
        formula: required(file, aggregate, 'calculatedFormula'),
        datatype: textOf(aggregate, 'datatype') ?? 'number',
        scale: numberOf(file, aggregate, 'scale'),
        line: aggregate.line
      }))
  };
}

const DASHBOARD_TYPES: readonly DashboardType[] = ['LoggedInUser', 'SpecifiedUser', 'MyTeamUser'];

function componentOf(file: string, element: XmlElement, index: number): DashboardComponentMeta {
  const breakpoints = ['indicatorBreakpoint1', 'indicatorBreakpoint2']
    .map((name) => numberOf(file, element, name))
    .filter((value): value is number => value !== null);
  return {
    index,
    line: element.line,
    componentType: required(file, element, 'componentType'),
    report: required(file, element, 'report'),
    title: textOf(element, 'title'),
    header: textOf(element, 'header'),
    footer: textOf(element, 'footer'),
    useReportChart: textOf(element, 'useReportChart') === 'true',
    groupingColumns: children(element, 'groupingColumn').map((grouping) => grouping.text.trim()),
    summaries: children(element, 'chartSummary').map((summary) => summaryOf(file, summary)),
    sortBy: textOf(element, 'sortBy'),
    maxValuesDisplayed: numberOf(file, element, 'maxValuesDisplayed'),
    gaugeMin: numberOf(file, element, 'gaugeMin'),
    gaugeMax: numberOf(file, element, 'gaugeMax'),
    breakpoints,
    metricLabel: textOf(element, 'metricLabel')
  };
}

/**
 * The components of a dashboard, in reading order: the Lightning grid layout (by row, then
 * column) or the classic left, middle and right sections.
 */
function componentElements(root: XmlElement): XmlElement[] {
  const grid = child(root, 'dashboardGridLayout');
  if (grid) {
    return children(grid, 'dashboardGridComponents')
      .map((cell) => ({
        row: Number(textOf(cell, 'rowIndex') ?? 0),
        column: Number(textOf(cell, 'columnIndex') ?? 0),
        component: child(cell, 'dashboardComponent')
      }))
      .filter((cell): cell is { row: number; column: number; component: XmlElement } =>
        Boolean(cell.component)
      )
      .sort((a, b) => a.row - b.row || a.column - b.column)
      .map((cell) => cell.component);
  }
  return ['leftSection', 'middleSection', 'rightSection'].flatMap((name) => {
    const section = child(root, name);
    return section ? children(section, 'components') : [];
  });
}

export function parseDashboard(file: string, text: string): DashboardMeta {
  const root = parseRoot(file, text, 'Dashboard');
  const { folder, name } = folderAndName(file, '.dashboard-meta.xml');
  const dashboardType = oneOf(file, root, 'dashboardType', DASHBOARD_TYPES, 'SpecifiedUser');
  const runningUser = textOf(root, 'runningUser');
  if (dashboardType === 'SpecifiedUser' && !runningUser) {
    throw new ReportMetadataError(
      file,
      'runningUser',
      root.line,
      'a SpecifiedUser dashboard needs <runningUser>'
    );
  }
  return {
    file,
    fullName: `${folder}/${name}`,
    folder,
    title: textOf(root, 'title') ?? name,
    description: textOf(root, 'description'),
    dashboardType,
    runningUser,
    components: componentElements(root).map((element, index) => componentOf(file, element, index))
  };
}
