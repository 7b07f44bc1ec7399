/**
 * Runs a report as a user: rows fetched in user mode with sharing (reportOrg.ts), then the
 * report's scope, filters, sort and row limit, groupings (with date granularity) and summaries,
 * and its chart, in TypeScript. The result is plain JSON the workbench's pages draw.
 */
import {
  buildSoql,
  ColumnResolutionError,
  flattenRows,
  resolveColumn,
  type ReportRow,
  type ResolvedColumn
} from './reportColumns';
import {
  epochDayOfIso,
  evaluateLogic,
  FilterError,
  makeCriterion,
  parseFilterLogic,
  timeFrameRange,
  type CalendarContext
} from './reportFilters';
import {
  ReportMetadataError,
  type ChartSummary,
  type DateGranularity,
  type GroupingMeta,
  type ReportMeta,
  type ReportTypeMeta,
  type SummaryType
} from './reportMetadata';
import { teamOf, type ReportOrg } from './reportOrg';
import {
  compileSummaryFormula,
  SummaryFormulaError,
  type CompiledSummaryFormula
} from './summaryFormula';

/** Rows a report page receives; the summaries always cover every row. */
export const MAX_DETAIL_ROWS = 2000;

export interface ReportColumnResult {
  key: string;
  label: string;
  format: string;
}

export interface SummaryResult {
  /** `RowCount`, or `Sum of Amount`-like keys: `${type}!${column}`. */
  key: string;
  label: string;
  format: string;
}

export interface GroupResult {
  key: string;
  label: string;
  /** One per summary, in the order of `summaries`. */
  values: (number | null)[];
  /** Matrix reports: values per across key, one per summary. */
  across: Record<string, (number | null)[]>;
  children: GroupResult[];
}

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  format: string;
}

export type ChartKind = 'line' | 'bar' | 'column' | 'donut' | 'metric' | 'gauge' | 'table';

export interface ChartResult {
  kind: ChartKind;
  title: string | null;
  categoryLabel: string;
  categories: { key: string; label: string }[];
  series: ChartSeries[];
  /** Grouped series stacked rather than side by side. */
  stacked: boolean;
  /** A column or bar chart whose series after the first are drawn as lines (a target line). */
  combo: boolean;
  /** Metric and gauge: the total of the first summary. */
  total: number | null;
  gauge?: { min: number; max: number; breakpoints: number[] };
}

export interface ReportResult {
  fullName: string;
  label: string;
  description: string | null;
  format: ReportMeta['format'];
  runningUser: { id: string; name: string };
  columns: ReportColumnResult[];
  rows: { cells: unknown[] }[];
  rowCount: number;
  truncated: boolean;
  groupingsDown: { key: string; label: string; granularity: DateGranularity }[];
  groupingsAcross: { key: string; label: string; granularity: DateGranularity }[];
  acrossKeys: { key: string; label: string }[];
  summaries: SummaryResult[];
  groups: GroupResult[];
  grandTotal: (number | null)[];
  chart: ChartResult | null;
}

/** A report that could not run: why, in words that name the file and the element. */
export class ReportRunError extends Error {}

interface Summary {
  key: string;
  type: SummaryType | 'RowCount' | 'Formula';
  column: ResolvedColumn | null;
  label: string;
  format: string;
  /** A custom summary formula over other summaries. */
  formula?: { compiled: CompiledSummaryFormula; parts: Summary[]; scale: number | null };
}

/** The summary keys a grouping's sortByName may use: `s!Column`, `a!`, `m!`, `mx!`, `u!`. */
const SORT_PREFIXES: Readonly<Record<string, SummaryType>> = {
  s: 'Sum',
  a: 'Average',
  m: 'Minimum',
  mx: 'Maximum',
  u: 'Unique'
};

interface Grouping {
  column: ResolvedColumn;
  meta: GroupingMeta;
}

const SCOPE_ALL = new Set(['organization', 'all', 'everything', 'allopportunities', 'allaccounts']);
const SCOPE_MINE = new Set(['user', 'mine', 'my', 'myopps', 'myaccounts']);
const SCOPE_TEAM = new Set(['team', 'myteam', 'myteamopps', 'myteamaccounts']);

/** A day (ISO) written in the locale: "Nov 18, 2026", "18. nov. 2026". */
function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`)
  );
}

/** A month written in the locale: "Nov 2026", "nov. 2026". */
function monthLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC'
  }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
}

export interface RunContext {
  org: ReportOrg;
  /** The running user's Id. */
  userId: string;
}

function fail(report: ReportMeta, element: string, reason: string): never {
  throw new ReportMetadataError(report.file, element, 0, reason);
}

function isoOfEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The group a date falls in at a granularity: a sortable key and a label. */
export function dateBucket(
  iso: string,
  granularity: DateGranularity,
  calendar: CalendarContext
): { key: string; label: string } {
  const date = iso.slice(0, 10);
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  switch (granularity) {
    case 'None':
    case 'Day':
      return { key: date, label: dayLabel(date, calendar.locale) };
    case 'Week': {
      const day = epochDayOfIso(date);
      // 1970-01-01 was a Thursday (4).
      const start = day - ((((day + 4) % 7) - calendar.firstDayOfWeek + 7) % 7);
      const key = isoOfEpochDay(start);
      return { key, label: dayLabel(key, calendar.locale) };
    }
    case 'Month':
      return { key: date.slice(0, 7), label: monthLabel(date, calendar.locale) };
    case 'Quarter': {
      const quarter = Math.ceil(month / 3);
      return { key: `${year}-Q${quarter}`, label: `Q${quarter} ${year}` };
    }
    case 'Year':
      return { key: String(year), label: String(year) };
    case 'FiscalQuarter':
    case 'FiscalYear': {
      const offset = (month - calendar.fiscalYearStartMonth + 12) % 12;
      // Named by the year the fiscal year ends in (the platform's default).
      const fiscalYear =
        calendar.fiscalYearStartMonth === 1 || month < calendar.fiscalYearStartMonth
          ? year
          : year + 1;
      if (granularity === 'FiscalYear') {
        return { key: String(fiscalYear), label: `FY ${fiscalYear}` };
      }
      const quarter = Math.floor(offset / 3) + 1;
      return { key: `${fiscalYear}-Q${quarter}`, label: `Q${quarter} FY ${fiscalYear}` };
    }
  }
}

function bucketOf(
  row: ReportRow,
  grouping: Grouping,
  calendar: CalendarContext
): { key: string; label: string } {
  const value = row.values.get(grouping.column.key);
  if (value === null || value === undefined || value === '') return { key: '', label: '-' };
  if (grouping.column.kind === 'date') {
    return dateBucket(String(value), grouping.meta.dateGranularity, calendar);
  }
  const name = row.names.get(grouping.column.key);
  return { key: String(value), label: name ?? String(value) };
}

/** Groups rows by a grouping, in the report's order (picklists in their value order). */
function groupRows(
  rows: readonly ReportRow[],
  grouping: Grouping,
  calendar: CalendarContext,
  sortBy: Summary | null = null
): { key: string; label: string; rows: ReportRow[] }[] {
  const groups = new Map<string, { key: string; label: string; rows: ReportRow[] }>();
  for (const row of rows) {
    const bucket = bucketOf(row, grouping, calendar);
    let group = groups.get(bucket.key);
    if (!group) {
      group = { ...bucket, rows: [] };
      groups.set(bucket.key, group);
    }
    group.rows.push(row);
  }
  const picklist = grouping.column.field.picklistValues.map((entry) => entry.value);
  const rank = (key: string) => {
    const index = picklist.indexOf(key);
    return index < 0 ? picklist.length : index;
  };
  const sorted = [...groups.values()].sort((a, b) => {
    if (a.key === '' || b.key === '') return a.key === '' ? 1 : -1;
    if (picklist.length) return rank(a.key) - rank(b.key) || a.key.localeCompare(b.key);
    if (grouping.column.kind === 'number') return Number(a.key) - Number(b.key);
    if (grouping.column.namePath) return a.label.localeCompare(b.label);
    return a.key.localeCompare(b.key);
  });
  if (sortBy) {
    // By the summary, ties in the grouping's own order; blanks last.
    const value = (group: { rows: ReportRow[] }) => summarise(group.rows, sortBy);
    const direction = grouping.meta.sortOrder === 'Desc' ? -1 : 1;
    return sorted
      .map((group, index) => ({ group, index, value: value(group) }))
      .sort((a, b) => {
        if (a.value === null || b.value === null) {
          return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
        }
        return direction * (a.value - b.value) || a.index - b.index;
      })
      .map((entry) => entry.group);
  }
  return grouping.meta.sortOrder === 'Desc' ? sorted.reverse() : sorted;
}

/** One summary over rows: Sum (0 over no values), Average, Maximum, Minimum, Unique, RowCount. */
export function summarise(rows: readonly ReportRow[], summary: Summary): number | null {
  if (summary.formula) {
    const { compiled, parts, scale } = summary.formula;
    let index = 0;
    // References come in the order the formula was compiled, as its parts were built.
    const value = compiled.evaluate(() => summarise(rows, parts[index++]));
    if (value === null || scale === null) return value;
    return Number(value.toFixed(Math.max(0, Math.min(10, scale))));
  }
  if (summary.type === 'RowCount' || !summary.column) return rows.length;
  const key = summary.column.key;
  const present = rows
    .map((row) => row.values.get(key))
    .filter((value) => value !== null && value !== undefined && value !== '');
  if (summary.type === 'Unique') return new Set(present.map(String)).size;
  const numbers = present.map(Number).filter((value) => Number.isFinite(value));
  switch (summary.type) {
    case 'Formula':
      return null;
    case 'Sum':
      return numbers.reduce((total, value) => total + value, 0);
    case 'Average':
      return numbers.length
        ? numbers.reduce((total, value) => total + value, 0) / numbers.length
        : null;
    case 'Maximum':
      return numbers.length ? Math.max(...numbers) : null;
    case 'Minimum':
      return numbers.length ? Math.min(...numbers) : null;
  }
}

function summaryLabel(type: SummaryType | 'RowCount', column: ResolvedColumn | null): string {
  if (type === 'RowCount' || !column) return 'Record Count';
  return `${type} of ${column.label}`;
}

export class ReportRunner {
  private readonly columns = new Map<string, ResolvedColumn>();

  constructor(
    private readonly report: ReportMeta,
    private readonly reportType: ReportTypeMeta,
    private readonly context: RunContext
  ) {}

  column(key: string, element: string): ResolvedColumn {
    const cached = this.columns.get(key);
    if (cached) return cached;
    let column: ResolvedColumn;
    try {
      column = resolveColumn(this.context.org.schema, this.reportType, key);
    } catch (error) {
      if (error instanceof ColumnResolutionError) fail(this.report, element, error.message);
      throw error;
    }
    this.columns.set(key, column);
    return column;
  }

  summaryOf(chart: ChartSummary, element: string): Summary {
    const formula = this.report.formulas.find((entry) => entry.developerName === chart.column);
    if (formula) return this.formulaSummary(formula);
    if (chart.column === 'RowCount' || chart.aggregate === null) {
      return {
        key: 'RowCount',
        type: 'RowCount',
        column: null,
        label: 'Record Count',
        format: 'number'
      };
    }
    const column = this.column(chart.column, element);
    return {
      key: `${chart.aggregate}!${chart.column}`,
      type: chart.aggregate,
      column,
      label: summaryLabel(chart.aggregate, column),
      format: chart.aggregate === 'Unique' ? 'number' : column.format
    };
  }

  /** The report's rows as the running user may see them, scoped, filtered, sorted and limited. */
  rows(): ReportRow[] {
    const { report } = this;
    const { org, userId } = this.context;
    report.columns.forEach((column) => this.column(column.field, 'columns'));
    const groupings = [...report.groupingsDown, ...report.groupingsAcross];
    groupings.forEach((grouping) => this.column(grouping.field, 'groupingsDown'));
    const criteria = report.criteria.map((item) => ({
      item,
      column: this.column(item.column, 'criteriaItems')
    }));
    const timeColumn = report.timeFrame
      ? this.column(report.timeFrame.dateColumn, 'timeFrameFilter')
      : null;
    const sortColumn = report.sortColumn ? this.column(report.sortColumn, 'sortColumn') : null;
    report.chart?.summaries.forEach((summary) => this.summaryOf(summary, 'chartSummaries'));
    if (report.chart?.groupingColumn) this.column(report.chart.groupingColumn, 'groupingColumn');

    const readable = [...this.columns.values()].every((column) =>
      org.fieldReadable(userId, column.objectName, column.field.name)
    );
    if (!readable) {
      const hidden = [...this.columns.values()].find(
        (column) => !org.fieldReadable(userId, column.objectName, column.field.name)
      );
      throw new ReportRunError(
        `You can't run ${report.label}: it uses ${hidden?.label ?? 'a field'} (${hidden?.key ?? ''}), which you can't see.`
      );
    }
    const soql = buildSoql(org.schema, this.reportType, [...this.columns.values()]);
    let rows = flattenRows(this.reportType, org.query(userId, soql), [...this.columns.values()]);

    rows = this.scoped(rows);
    try {
      const tests = criteria.map(({ item, column }) =>
        makeCriterion(column.kind, item.operator, item.value, org.calendar)
      );
      const logic = report.booleanFilter
        ? parseFilterLogic(report.booleanFilter, tests.length)
        : null;
      if (tests.length) {
        rows = rows.filter((row) => {
          // A lookup is filtered by the name the report shows (Owner equals "Jonas Holm").
          const results = tests.map((test, index) => {
            const { key, namePath } = criteria[index].column;
            return test(
              namePath ? (row.names.get(key) ?? row.values.get(key)) : row.values.get(key)
            );
          });
          return logic ? evaluateLogic(logic, results) : results.every(Boolean);
        });
      }
      if (report.timeFrame && timeColumn) {
        const range = timeFrameRange(report.timeFrame, org.calendar);
        rows = rows.filter((row) => {
          const value = row.values.get(timeColumn.key);
          if (value === null || value === undefined) return false;
          const day = epochDayOfIso(String(value));
          return day >= range.start && day < range.end;
        });
      }
    } catch (error) {
      if (error instanceof FilterError) fail(report, 'filter', error.message);
      throw error;
    }
    if (sortColumn) {
      const direction = report.sortOrder === 'Desc' ? -1 : 1;
      const key = sortColumn.key;
      rows = [...rows].sort((a, b) =>
        compareValues(a.values.get(key), b.values.get(key), direction)
      );
    }
    if (report.rowLimit !== null) rows = rows.slice(0, Math.max(0, report.rowLimit));
    return rows;
  }

  private scoped(rows: ReportRow[]): ReportRow[] {
    const scope = (this.report.scope ?? 'organization').toLowerCase();
    if (SCOPE_ALL.has(scope)) return rows;
    const { userId, org } = this.context;
    const base = org.schema.object(this.reportType.baseObject);
    if (!base?.hasOwner) fail(this.report, 'scope', `"${scope}" needs an object with an owner`);
    if (SCOPE_MINE.has(scope)) return rows.filter((row) => row.ownerId === userId);
    if (SCOPE_TEAM.has(scope)) {
      const team = teamOf(org.users, userId);
      return rows.filter((row) => row.ownerId !== null && team.has(row.ownerId));
    }
    return fail(this.report, 'scope', `"${scope}" is not supported (organization, user, team)`);
  }

  groupingsOf(metas: readonly GroupingMeta[], element: string): Grouping[] {
    return metas.map((meta) => ({ column: this.column(meta.field, element), meta }));
  }

  summaries(): Summary[] {
    const list: Summary[] = [
      { key: 'RowCount', type: 'RowCount', column: null, label: 'Record Count', format: 'number' }
    ];
    for (const entry of this.report.columns) {
      for (const type of entry.aggregateTypes) {
        const column = this.column(entry.field, 'columns');
        list.push({
          key: `${type}!${entry.field}`,
          type,
          column,
          label: summaryLabel(type, column),
          format: type === 'Unique' ? 'number' : column.format
        });
      }
    }
    for (const formula of this.report.formulas) {
      list.push(this.formulaSummary(formula));
    }
    return list;
  }

  private formulaSummary(formula: ReportMeta['formulas'][number]): Summary {
    let compiled: CompiledSummaryFormula;
    try {
      compiled = compileSummaryFormula(formula.formula);
    } catch (error) {
      if (error instanceof SummaryFormulaError) {
        throw new ReportMetadataError(
          this.report.file,
          'calculatedFormula',
          formula.line,
          error.message
        );
      }
      throw error;
    }
    const parts = compiled.references.map((reference) =>
      this.summaryOf(
        {
          column: reference.column ?? 'RowCount',
          aggregate: reference.type === 'RowCount' ? null : reference.type,
          axisBinding: 'y'
        },
        'calculatedFormula'
      )
    );
    return {
      key: formula.developerName,
      type: 'Formula',
      column: null,
      label: formula.label,
      format:
        formula.datatype === 'currency'
          ? 'currency'
          : formula.datatype === 'percent'
            ? 'percent'
            : 'number',
      formula: { compiled, parts, scale: formula.scale }
    };
  }

  /** The summary a grouping sorts its groups by, if it sorts by one. */
  private sortSummary(grouping: Grouping, summaries: readonly Summary[]): Summary | null {
    const name = grouping.meta.sortByName;
    if (!name) return null;
    const byKey = summaries.find((summary) => summary.key === name);
    if (byKey) return byKey;
    const match = /^([a-z]+)!(.+)$/.exec(name);
    const type = match ? SORT_PREFIXES[match[1]] : undefined;
    if (!match || !type) {
      return fail(this.report, 'sortByName', `"${name}" names no summary of the report`);
    }
    return this.summaryOf({ column: match[2], aggregate: type, axisBinding: 'y' }, 'sortByName');
  }

  groups(
    rows: readonly ReportRow[],
    down: readonly Grouping[],
    across: readonly Grouping[],
    summaries: readonly Summary[]
  ): GroupResult[] {
    const [first, ...rest] = down;
    if (!first) return [];
    const calendar = this.context.org.calendar;
    return groupRows(rows, first, calendar, this.sortSummary(first, summaries)).map((group) => ({
      key: group.key,
      label: group.label,
      values: summaries.map((summary) => summarise(group.rows, summary)),
      across: acrossValues(group.rows, across, summaries, calendar),
      children: this.groups(group.rows, rest, across, summaries)
    }));
  }

  run(chartSource: ChartSource | null): ReportResult {
    const { report } = this;
    const rows = this.rows();
    const down = this.groupingsOf(report.groupingsDown, 'groupingsDown');
    const across = this.groupingsOf(report.groupingsAcross, 'groupingsAcross');
    const summaries = this.summaries();
    const calendar = this.context.org.calendar;
    const detailColumns = report.columns.map((entry) => this.column(entry.field, 'columns'));
    const runningUser = this.context.org.users.find((user) => user.id === this.context.userId);
    return {
      fullName: report.fullName,
      label: report.label,
      description: report.description,
      format: report.format,
      runningUser: { id: this.context.userId, name: runningUser?.name ?? this.context.userId },
      columns: detailColumns.map((column) => ({
        key: column.key,
        label: column.label,
        format: column.format
      })),
      rows: report.showDetails
        ? rows.slice(0, MAX_DETAIL_ROWS).map((row) => ({
            cells: detailColumns.map(
              (column) => row.names.get(column.key) ?? row.values.get(column.key) ?? null
            )
          }))
        : [],
      rowCount: rows.length,
      truncated: report.showDetails && rows.length > MAX_DETAIL_ROWS,
      groupingsDown: down.map((grouping) => groupingResult(grouping)),
      groupingsAcross: across.map((grouping) => groupingResult(grouping)),
      acrossKeys: acrossKeysOf(rows, across, calendar),
      summaries: summaries.map(({ key, label, format }) => ({ key, label, format })),
      groups: this.groups(rows, down, across, summaries),
      grandTotal: summaries.map((summary) => summarise(rows, summary)),
      chart: chartSource ? this.chart(rows, chartSource) : null
    };
  }

  chart(rows: readonly ReportRow[], source: ChartSource): ChartResult {
    const { report } = this;
    const calendar = this.context.org.calendar;
    const groupingKeys = source.groupings.length
      ? source.groupings
      : [...report.groupingsDown, ...report.groupingsAcross].map((grouping) => grouping.field);
    const groupings = groupingKeys.slice(0, 2).map((key) => {
      const meta =
        [...report.groupingsDown, ...report.groupingsAcross].find(
          (grouping) => grouping.field === key
        ) ??
        ({
          field: key,
          sortOrder: 'Asc',
          dateGranularity: 'None',
          sortByName: null
        } as GroupingMeta);
      return { column: this.column(key, 'groupingColumn'), meta };
    });
    const summaries = (
      source.summaries.length
        ? source.summaries
        : [{ column: 'RowCount', aggregate: null, axisBinding: 'y' }]
    ).map((summary) => this.summaryOf(summary, 'chartSummary'));
    const [primary, secondary] = groupings;
    const total = summarise(rows, summaries[0]);
    const base = {
      kind: source.kind,
      title: source.title,
      stacked: source.stacked,
      combo: source.combo && !secondary && summaries.length > 1,
      total,
      gauge: source.gauge
    };
    if (!primary || source.kind === 'metric' || source.kind === 'gauge') {
      return {
        ...base,
        categoryLabel: '',
        categories: [],
        series: summaries.map((summary) => ({
          label: summary.label,
          values: [summarise(rows, summary)],
          format: summary.format
        }))
      };
    }
    let categories = groupRows(
      rows,
      primary,
      calendar,
      this.sortSummary(primary, this.summaries())
    );
    if (source.sortBy?.startsWith('RowValue')) {
      const direction = source.sortBy.endsWith('Descending') ? -1 : 1;
      categories = [...categories].sort(
        (a, b) =>
          direction *
          ((summarise(a.rows, summaries[0]) ?? 0) - (summarise(b.rows, summaries[0]) ?? 0))
      );
    } else if (source.sortBy === 'RowLabelDescending') {
      categories = [...categories].reverse();
    }
    if (source.maxValues !== null) categories = categories.slice(0, Math.max(1, source.maxValues));
    let series: ChartSeries[];
    if (secondary && source.kind !== 'donut') {
      const seriesGroups = groupRows(rows, secondary, calendar);
      series = seriesGroups.map((group) => {
        const inGroup = new Set(group.rows);
        return {
          label: group.label,
          format: summaries[0].format,
          values: categories.map((category) =>
            summarise(
              category.rows.filter((row) => inGroup.has(row)),
              summaries[0]
            )
          )
        };
      });
    } else {
      series = summaries.map((summary) => ({
        label: summary.label,
        format: summary.format,
        values: categories.map((category) => summarise(category.rows, summary))
      }));
    }
    if (source.cumulative) {
      series = series.map((entry) => {
        let running = 0;
        return {
          ...entry,
          values: entry.values.map((value) => (running += value ?? 0))
        };
      });
    }
    return {
      ...base,
      categoryLabel: primary.column.label,
      categories: categories.map(({ key, label }) => ({ key, label })),
      series
    };
  }
}

function groupingResult(grouping: Grouping) {
  return {
    key: grouping.column.key,
    label: grouping.column.label,
    granularity: grouping.meta.dateGranularity
  };
}

function compositeKey(
  row: ReportRow,
  across: readonly Grouping[],
  calendar: CalendarContext
): { key: string; label: string } {
  const buckets = across.map((grouping) => bucketOf(row, grouping, calendar));
  return {
    key: buckets.map((bucket) => bucket.key).join('\u0000'),
    label: buckets.map((bucket) => bucket.label).join(' / ')
  };
}

function acrossKeysOf(
  rows: readonly ReportRow[],
  across: readonly Grouping[],
  calendar: CalendarContext
): { key: string; label: string }[] {
  if (!across.length) return [];
  const keys = new Map<string, string>();
  for (const row of rows) {
    const { key, label } = compositeKey(row, across, calendar);
    keys.set(key, label);
  }
  return [...keys.entries()]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function acrossValues(
  rows: readonly ReportRow[],
  across: readonly Grouping[],
  summaries: readonly Summary[],
  calendar: CalendarContext
): Record<string, (number | null)[]> {
  if (!across.length) return {};
  const byKey = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const { key } = compositeKey(row, across, calendar);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return Object.fromEntries(
    [...byKey.entries()].map(([key, group]) => [
      key,
      summaries.map((summary) => summarise(group, summary))
    ])
  );
}

/** Orders two values in a direction; blanks sort last either way. */
function compareValues(a: unknown, b: unknown, direction: number): number {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return direction * (a - b);
  return direction * String(a).localeCompare(String(b));
}

/** What a chart draws: the report's own chart or a dashboard component's settings. */
export interface ChartSource {
  kind: ChartKind;
  title: string | null;
  /** Column keys: the category grouping, then the series grouping. */
  groupings: string[];
  summaries: ChartSummary[];
  stacked: boolean;
  cumulative: boolean;
  combo: boolean;
  sortBy: string | null;
  maxValues: number | null;
  gauge?: { min: number; max: number; breakpoints: number[] };
}

/** A chart type (report chartType or dashboard componentType) as the kind the workbench draws. */
export function chartKindOf(
  type: string
): { kind: ChartKind; stacked: boolean; cumulative: boolean; combo: boolean } | null {
  const stacked = /Stacked/.test(type);
  const cumulative = /Cumulative/.test(type);
  // VerticalColumnLine, ColumnLine, ColumnLineGrouped...: columns with their other summaries as lines.
  const combo = /^(VerticalColumn|Column|HorizontalBar|Bar)\w*Line/.test(type);
  const plain = { stacked: false, cumulative: false, combo: false };
  if (/^Line/.test(type)) return { ...plain, kind: 'line', cumulative };
  if (/^(VerticalColumn|Column)/.test(type)) return { ...plain, kind: 'column', stacked, combo };
  if (/^(HorizontalBar|Bar)/.test(type)) return { ...plain, kind: 'bar', stacked, combo };
  if (type === 'Pie' || type === 'Donut') return { ...plain, kind: 'donut' };
  if (type === 'Metric') return { ...plain, kind: 'metric' };
  if (type === 'Gauge') return { ...plain, kind: 'gauge' };
  if (type === 'Table' || type === 'FlexTable') return { ...plain, kind: 'table' };
  return null;
}

/** The report's own chart as a chart source, or null when it has none. */
export function reportChartSource(report: ReportMeta): ChartSource | null {
  const chart = report.chart;
  if (!chart || chart.chartType === 'None') return null;
  const kind = chartKindOf(chart.chartType);
  if (!kind) {
    throw new ReportMetadataError(
      report.file,
      'chartType',
      0,
      `"${chart.chartType}" is not drawn by the workbench (line, column, bar, pie and donut charts are)`
    );
  }
  return {
    ...kind,
    title: chart.title,
    groupings: [chart.groupingColumn, chart.secondaryGroupingColumn].filter((key): key is string =>
      Boolean(key)
    ),
    summaries: chart.summaries,
    sortBy: null,
    maxValues: null
  };
}

/** Runs a report as the user, with its own chart. */
export function runReport(
  report: ReportMeta,
  reportType: ReportTypeMeta,
  context: RunContext
): ReportResult {
  return new ReportRunner(report, reportType, context).run(reportChartSource(report));
}
