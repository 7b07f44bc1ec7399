/**
 * The shapes of a report or dashboard chart (line, column, bar, donut) in SVG user units, and its
 * table alternative, from a ChartResult: pure, so the workbench's chart component only renders.
 * Series differ by dash pattern and legend text as well as colour, and every value is in the
 * table, so no meaning rests on colour alone.
 */
import type { ChartResult } from './reportRun';

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 64 };
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 4', '10 4'];
const MAX_SERIES_STYLES = DASHES.length;
const MAX_AXIS_LABELS = 8;
const MAX_BAR_LABEL_CHARS = 18;

export type ValueFormatter = (value: number | null, format: string) => string;

export interface Shape {
  key: string;
  className: string;
  dash: string;
  title: string;
}
export interface BarShape extends Shape {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface LineShape extends Shape {
  points: string;
  markers: { key: string; cx: number; cy: number; title: string }[];
}
export interface ArcShape extends Shape {
  d: string;
}
export interface TextShape {
  key: string;
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface ChartGeometry {
  viewBox: string;
  bars: BarShape[];
  lines: LineShape[];
  arcs: ArcShape[];
  texts: TextShape[];
  grid: { key: string; x1: number; y1: number; x2: number; y2: number }[];
  legend: { key: string; label: string; className: string; dash: string }[];
  /**
   * The parts of the SVG's one-sentence description (series, grouping, number of groups, first
   * and last group), for the component's label; null when there are no groups.
   */
  summaryParts: string[] | null;
  table: {
    columns: { key: string; label: string }[];
    rows: { key: string; label: string; cells: { key: string; text: string }[] }[];
  };
}

function styleOf(index: number): { className: string; dash: string } {
  const slot = index % MAX_SERIES_STYLES;
  return { className: `series series-${slot}`, dash: DASHES[slot] };
}

function shorten(text: string, max = MAX_BAR_LABEL_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A "nice" upper bound of the value axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= value) ?? 10;
  return step * power;
}

function valueRange(chart: ChartResult): { min: number; max: number } {
  const values = chart.series
    .flatMap((series) => series.values)
    .filter((value): value is number => value !== null);
  if (chart.stacked) {
    const totals = chart.categories.map((_, index) =>
      chart.series.reduce((sum, series) => sum + Math.max(0, series.values[index] ?? 0), 0)
    );
    values.push(...totals);
  }
  const min = Math.min(0, ...values);
  return { min: min < 0 ? -niceMax(-min) : 0, max: niceMax(Math.max(0, ...values)) };
}

function tableOf(chart: ChartResult, format: ValueFormatter): ChartGeometry['table'] {
  const columns = [chart.categoryLabel, ...chart.series.map((series) => series.label)].map(
    (label, index) => ({ key: `column-${index}`, label })
  );
  const cellsAt = (index: number) =>
    chart.series.map((series, seriesIndex) => ({
      key: `cell-${seriesIndex}`,
      text: format(series.values[index] ?? null, series.format)
    }));
  if (chart.categories.length === 0) {
    return { columns, rows: [{ key: 'total', label: chart.title ?? '', cells: cellsAt(0) }] };
  }
  return {
    columns,
    rows: chart.categories.map((category, index) => ({
      key: category.key || `blank-${index}`,
      label: category.label,
      cells: cellsAt(index)
    }))
  };
}

function legendOf(chart: ChartResult): ChartGeometry['legend'] {
  return chart.series.map((series, index) => ({
    key: `legend-${index}`,
    label: series.label,
    ...styleOf(index)
  }));
}

function valueAxis(
  range: { min: number; max: number },
  format: ValueFormatter,
  valueFormat: string,
  toY: (value: number) => number,
  plotLeft: number,
  plotRight: number
): { grid: ChartGeometry['grid']; texts: TextShape[] } {
  const steps = 4;
  const grid: ChartGeometry['grid'] = [];
  const texts: TextShape[] = [];
  for (let step = 0; step <= steps; step += 1) {
    const value = range.min + ((range.max - range.min) * step) / steps;
    const y = toY(value);
    grid.push({ key: `grid-${step}`, x1: plotLeft, x2: plotRight, y1: y, y2: y });
    texts.push({
      key: `tick-${step}`,
      x: plotLeft - 6,
      y: y + 4,
      text: format(value, valueFormat),
      anchor: 'end'
    });
  }
  return { grid, texts };
}

/** Category labels under the axis: every nth when they are many, cut to the room each has. */
function categoryLabels(
  chart: ChartResult,
  xOf: (index: number) => number,
  y: number,
  band: number
): TextShape[] {
  const every = Math.max(1, Math.ceil(chart.categories.length / MAX_AXIS_LABELS));
  const room = Math.max(3, Math.floor((band * every) / 6));
  return chart.categories
    .map((category, index) => ({ category, index }))
    .filter(({ index }) => index % every === 0)
    .map(({ category, index }) => ({
      key: `category-${index}`,
      x: xOf(index),
      y,
      text: shorten(category.label, room),
      anchor: 'middle' as const
    }));
}

function verticalChart(chart: ChartResult, format: ValueFormatter): Partial<ChartGeometry> {
  const left = MARGIN.left;
  const right = CHART_WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = CHART_HEIGHT - MARGIN.bottom;
  const range = valueRange(chart);
  const toY = (value: number) =>
    bottom - ((value - range.min) / (range.max - range.min)) * (bottom - top);
  const count = Math.max(1, chart.categories.length);
  const band = (right - left) / count;
  const xOf = (index: number) => left + band * (index + 0.5);
  const axis = valueAxis(range, format, chart.series[0]?.format ?? 'number', toY, left, right);
  const texts = [...axis.texts, ...categoryLabels(chart, xOf, bottom + 16, band)];
  const asLine = (seriesIndex: number) => chart.kind === 'line' || (chart.combo && seriesIndex > 0);
  const lines = chart.series
    .map((series, seriesIndex) => ({ series, seriesIndex }))
    .filter(({ seriesIndex }) => asLine(seriesIndex))
    .map(({ series, seriesIndex }) => {
      const points = series.values
        .map((value, index) =>
          value === null ? null : { x: xOf(index), y: toY(value), value, index }
        )
        .filter(
          (point): point is { x: number; y: number; value: number; index: number } => point !== null
        );
      return {
        key: `line-${seriesIndex}`,
        ...styleOf(seriesIndex),
        title: series.label,
        points: points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' '),
        markers: points.map((point) => ({
          key: `marker-${seriesIndex}-${point.index}`,
          cx: Number(point.x.toFixed(1)),
          cy: Number(point.y.toFixed(1)),
          title: `${series.label}, ${chart.categories[point.index]?.label ?? ''}: ${format(point.value, series.format)}`
        }))
      };
    });
  if (chart.kind === 'line') return { lines, texts, grid: axis.grid };
  const barSeries = chart.series.filter((_, seriesIndex) => !asLine(seriesIndex));
  const seriesCount = Math.max(1, barSeries.length);
  const groupWidth = band * 0.7;
  const barWidth = chart.stacked ? groupWidth : groupWidth / seriesCount;
  const bars: BarShape[] = [];
  chart.categories.forEach((category, index) => {
    let stackBase = 0;
    barSeries.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? 0;
      const from = chart.stacked ? stackBase : 0;
      const to = from + value;
      if (chart.stacked) stackBase = to;
      const x = chart.stacked
        ? xOf(index) - groupWidth / 2
        : xOf(index) - groupWidth / 2 + barWidth * seriesIndex;
      const y = Math.min(toY(from), toY(to));
      bars.push({
        key: `bar-${index}-${seriesIndex}`,
        ...styleOf(seriesIndex),
        title: `${category.label}, ${series.label}: ${format(series.values[index] ?? null, series.format)}`,
        x: Number(x.toFixed(1)),
        y: Number(y.toFixed(1)),
        width: Number(Math.max(1, barWidth - 1).toFixed(1)),
        height: Number(Math.abs(toY(to) - toY(from)).toFixed(1))
      });
    });
  });
  return { bars, lines, texts, grid: axis.grid };
}

function horizontalChart(chart: ChartResult, format: ValueFormatter): Partial<ChartGeometry> {
  const left = 130;
  const right = CHART_WIDTH - 70;
  const top = MARGIN.top;
  const count = Math.max(1, chart.categories.length);
  const height = Math.max(CHART_HEIGHT - MARGIN.bottom, count * 22);
  const band = (height - top) / count;
  const range = valueRange(chart);
  const toX = (value: number) =>
    left + ((value - range.min) / (range.max - range.min)) * (right - left);
  const seriesCount = Math.max(1, chart.series.length);
  const groupHeight = band * 0.7;
  const barHeight = chart.stacked ? groupHeight : groupHeight / seriesCount;
  const bars: BarShape[] = [];
  const texts: TextShape[] = [];
  chart.categories.forEach((category, index) => {
    const centre = top + band * (index + 0.5);
    texts.push({
      key: `category-${index}`,
      x: left - 6,
      y: centre + 4,
      text: shorten(category.label),
      anchor: 'end'
    });
    let stackBase = 0;
    let end = toX(0);
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? 0;
      const from = chart.stacked ? stackBase : 0;
      const to = from + value;
      if (chart.stacked) stackBase = to;
      const y = chart.stacked
        ? centre - groupHeight / 2
        : centre - groupHeight / 2 + barHeight * seriesIndex;
      bars.push({
        key: `bar-${index}-${seriesIndex}`,
        ...styleOf(seriesIndex),
        title: `${category.label}, ${series.label}: ${format(series.values[index] ?? null, series.format)}`,
        x: Number(Math.min(toX(from), toX(to)).toFixed(1)),
        y: Number(y.toFixed(1)),
        width: Number(Math.abs(toX(to) - toX(from)).toFixed(1)),
        height: Number(Math.max(1, barHeight - 1).toFixed(1))
      });
      end = Math.max(end, toX(to));
    });
    if (chart.series.length === 1) {
      texts.push({
        key: `value-${index}`,
        x: end + 4,
        y: centre + 4,
        text: format(chart.series[0].values[index] ?? null, chart.series[0].format),
        anchor: 'start'
      });
    }
  });
  return { bars, texts, grid: [], viewBox: `0 0 ${CHART_WIDTH} ${Math.ceil(height + 8)}` };
}

function donutChart(chart: ChartResult, format: ValueFormatter): Partial<ChartGeometry> {
  const series = chart.series[0];
  const values = chart.categories.map((_, index) => Math.max(0, series?.values[index] ?? 0));
  const total = values.reduce((sum, value) => sum + value, 0);
  const cx = CHART_WIDTH / 2;
  const cy = CHART_HEIGHT / 2;
  const outer = 90;
  const inner = 52;
  const arcs: ArcShape[] = [];
  const texts: TextShape[] = [];
  let angle = -Math.PI / 2;
  const point = (radius: number, at: number) =>
    `${(cx + radius * Math.cos(at)).toFixed(2)} ${(cy + radius * Math.sin(at)).toFixed(2)}`;
  values.forEach((value, index) => {
    if (total <= 0 || value <= 0) return;
    // A full circle cannot be one arc: stop just short of it.
    const sweep = Math.min((value / total) * Math.PI * 2, Math.PI * 2 - 0.0001);
    const end = angle + sweep;
    const large = sweep > Math.PI ? 1 : 0;
    const label = chart.categories[index].label;
    const share = `${Math.round((value / total) * 100)}%`;
    arcs.push({
      key: `arc-${index}`,
      ...styleOf(index),
      title: `${label}: ${format(value, series.format)} (${share})`,
      d: `M ${point(outer, angle)} A ${outer} ${outer} 0 ${large} 1 ${point(outer, end)} L ${point(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, angle)} Z`
    });
    const middle = angle + sweep / 2;
    const labelX = cx + (outer + 12) * Math.cos(middle);
    texts.push({
      key: `share-${index}`,
      x: Number(labelX.toFixed(1)),
      y: Number((cy + (outer + 12) * Math.sin(middle) + 4).toFixed(1)),
      text: `${shorten(label, 14)} ${share}`,
      anchor: labelX >= cx ? 'start' : 'end'
    });
    angle = end;
  });
  texts.push({
    key: 'total',
    x: cx,
    y: cy + 5,
    text: format(total, series?.format ?? 'number'),
    anchor: 'middle'
  });
  return {
    arcs,
    texts,
    legend: chart.categories.map((category, index) => ({
      key: `legend-${index}`,
      label: category.label,
      ...styleOf(index)
    }))
  };
}

/** The drawing and the table of a chart; metric and table charts have only the table. */
export function chartGeometry(chart: ChartResult, format: ValueFormatter): ChartGeometry {
  const base: ChartGeometry = {
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    bars: [],
    lines: [],
    arcs: [],
    texts: [],
    grid: [],
    legend: legendOf(chart),
    summaryParts: null,
    table: tableOf(chart, format)
  };
  const shapes =
    chart.kind === 'line' || chart.kind === 'column'
      ? verticalChart(chart, format)
      : chart.kind === 'bar'
        ? horizontalChart(chart, format)
        : chart.kind === 'donut'
          ? donutChart(chart, format)
          : {};
  const geometry = { ...base, ...shapes };
  const points = chart.categories.length;
  geometry.summaryParts = points
    ? [
        chart.series.map((series) => series.label).join(', '),
        chart.categoryLabel,
        String(points),
        chart.categories[0].label,
        chart.categories[points - 1].label
      ]
    : null;
  return geometry;
}
