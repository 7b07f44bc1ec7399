/**
 * One report or dashboard chart: an SVG line, column, bar or donut chart (shapes from
 * reports/chartGeometry.ts), or a metric or gauge figure, with its title, a legend in words and
 * the table of every value behind a button, as c/pipelineWaterfall does.
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import showTableLabel from '@salesforce/label/c.SSM_Review_Show_Table';
import hideTableLabel from '@salesforce/label/c.SSM_Review_Hide_Table';
import summaryLabel from '@salesforce/label/c.SSM_Reports_Chart_Summary';
import noValuesLabel from '@salesforce/label/c.SSM_Reports_No_Values';
import { chartGeometry, type ChartGeometry } from '../../../../reports/chartGeometry';
import type { ChartResult } from '../../../../reports/reportRun';
import { formatValue } from './valueFormat';

let instances = 0;

export default class ReportChart extends LightningElement {
  @api chart: ChartResult | null = null;
  @api heading = '';

  expanded = false;
  private readonly uid = `wb-chart-${(instances += 1)}`;

  get geometry(): ChartGeometry | null {
    return this.chart
      ? chartGeometry(this.chart, (value, format) => formatValue(value, format))
      : null;
  }

  get titleId(): string {
    return `${this.uid}-title`;
  }

  get descId(): string {
    return `${this.uid}-desc`;
  }

  get tableId(): string {
    return `${this.uid}-table`;
  }

  get isFigure(): boolean {
    return this.chart?.kind === 'metric' || this.chart?.kind === 'gauge';
  }

  get isTableOnly(): boolean {
    return this.chart?.kind === 'table';
  }

  get hasValues(): boolean {
    if (!this.chart) return false;
    return this.isFigure || this.chart.categories.length > 0;
  }

  get isDrawn(): boolean {
    return this.hasValues && !this.isFigure && !this.isTableOnly;
  }

  get figureText(): string {
    const chart = this.chart;
    if (!chart) return '';
    return formatValue(chart.total, chart.series[0]?.format ?? 'number');
  }

  get figureLabel(): string {
    return this.chart?.series[0]?.label ?? '';
  }

  /** A gauge's needle position as a percentage of its range, with its breakpoints. */
  get gauge(): { style: string; min: string; max: string } | null {
    const chart = this.chart;
    if (chart?.kind !== 'gauge' || !chart.gauge) return null;
    const { min, max } = chart.gauge;
    const share =
      max > min ? Math.min(1, Math.max(0, ((chart.total ?? 0) - min) / (max - min))) : 0;
    const format = chart.series[0]?.format ?? 'number';
    return {
      style: `width: ${Math.round(share * 100)}%`,
      min: formatValue(min, format),
      max: formatValue(max, format)
    };
  }

  get summary(): string {
    const parts = this.geometry?.summaryParts;
    return parts ? formatLabel(summaryLabel, ...parts) : '';
  }

  get noValues(): string {
    return noValuesLabel;
  }

  get showTable(): boolean {
    return this.expanded || this.isTableOnly;
  }

  get toggleLabel(): string {
    return this.expanded ? hideTableLabel : showTableLabel;
  }

  get showToggle(): boolean {
    return this.hasValues && !this.isTableOnly;
  }

  toggleTable(): void {
    this.expanded = !this.expanded;
  }
}
