/**
 * One report as it ran: its name and running user, its chart, the groupings as a summary table
 * (a matrix report's across groups as columns), and the row-level details.
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import runningUserLabel from '@salesforce/label/c.SSM_Reports_Running_User';
import rowCountLabel from '@salesforce/label/c.SSM_Reports_Row_Count';
import summaryLabel from '@salesforce/label/c.SSM_Reports_Summary';
import detailsLabel from '@salesforce/label/c.SSM_Reports_Details';
import grandTotalLabel from '@salesforce/label/c.SSM_Reports_Grand_Total';
import truncatedLabel from '@salesforce/label/c.SSM_Reports_Truncated';
import emptyLabel from '@salesforce/label/c.SSM_Reports_Empty';
import type { GroupResult, ReportResult } from '../../../../reports/reportRun';
import { exactValue, formatValue } from '../reportChart/valueFormat';

interface Cell {
  key: string;
  text: string;
  title: string;
}

interface SummaryRow {
  key: string;
  label: string;
  className: string;
  cells: Cell[];
}

/** Nesting deeper than the platform's three groupings is not drawn (and cannot occur). */
const MAX_DEPTH = 3;

export default class ReportView extends LightningElement {
  @api report: ReportResult | null = null;

  readonly labels = { summary: summaryLabel, details: detailsLabel, empty: emptyLabel };

  get runningUser(): string {
    return formatLabel(runningUserLabel, this.report?.runningUser.name ?? '');
  }

  get rowCount(): string {
    return formatLabel(rowCountLabel, String(this.report?.rowCount ?? 0));
  }

  get isEmpty(): boolean {
    return this.report?.rowCount === 0;
  }

  get hasGroups(): boolean {
    return (this.report?.groups.length ?? 0) > 0;
  }

  get isMatrix(): boolean {
    return (this.report?.acrossKeys.length ?? 0) > 0;
  }

  /** The summary shown in a matrix's cells: the first aggregate, else the record count. */
  private get matrixIndex(): number {
    return (this.report?.summaries.length ?? 0) > 1 ? 1 : 0;
  }

  get summaryColumns(): { key: string; label: string }[] {
    const report = this.report;
    if (!report) return [];
    const grouping = report.groupingsDown.map((entry) => entry.label).join(' / ');
    if (this.isMatrix) {
      const summary = report.summaries[this.matrixIndex];
      return [
        { key: 'grouping', label: grouping },
        ...report.acrossKeys.map((across) => ({
          key: `across-${across.key}`,
          label: across.label
        })),
        { key: 'total', label: summary.label }
      ];
    }
    return [
      { key: 'grouping', label: grouping },
      ...report.summaries.map((summary) => ({ key: summary.key, label: summary.label }))
    ];
  }

  private cellsOf(
    values: readonly (number | null)[],
    across: GroupResult['across'] | null
  ): Cell[] {
    const report = this.report as ReportResult;
    if (this.isMatrix) {
      const index = this.matrixIndex;
      const format = report.summaries[index].format;
      const cells = report.acrossKeys.map((entry) => {
        const value = across ? (across[entry.key]?.[index] ?? null) : null;
        return {
          key: `across-${entry.key}`,
          text: formatValue(value, format),
          title: exactValue(value, format)
        };
      });
      const total = values[index];
      return [
        ...cells,
        { key: 'total', text: formatValue(total, format), title: exactValue(total, format) }
      ];
    }
    return report.summaries.map((summary, index) => ({
      key: summary.key,
      text: formatValue(values[index], summary.format),
      title: exactValue(values[index], summary.format)
    }));
  }

  get summaryRows(): SummaryRow[] {
    const report = this.report;
    if (!report) return [];
    const rows: SummaryRow[] = [];
    const walk = (groups: readonly GroupResult[], depth: number, path: string) => {
      if (depth >= MAX_DEPTH) return;
      for (const group of groups) {
        const key = `${path}/${group.key}`;
        rows.push({
          key,
          label: group.label,
          className: `wb-depth-${depth}`,
          cells: this.cellsOf(group.values, group.across)
        });
        walk(group.children, depth + 1, key);
      }
    };
    walk(report.groups, 0, '');
    rows.push({
      key: 'grand-total',
      label: grandTotalLabel,
      className: 'wb-total',
      cells: this.cellsOf(report.grandTotal, this.isMatrix ? this.grandAcross : null)
    });
    return rows;
  }

  /** A matrix's column totals: the top-level groups' across values added up (sums and counts). */
  private get grandAcross(): GroupResult['across'] {
    const totals: GroupResult['across'] = {};
    for (const group of this.report?.groups ?? []) {
      for (const [key, values] of Object.entries(group.across)) {
        totals[key] = values.map((value, index) => (totals[key]?.[index] ?? 0) + (value ?? 0));
      }
    }
    return totals;
  }

  get hasDetails(): boolean {
    return (this.report?.rows.length ?? 0) > 0;
  }

  get detailColumns(): { key: string; label: string }[] {
    return (this.report?.columns ?? []).map((column) => ({ key: column.key, label: column.label }));
  }

  get detailRows(): { key: string; cells: Cell[] }[] {
    const report = this.report;
    if (!report) return [];
    return report.rows.map((row, rowIndex) => ({
      key: `row-${rowIndex}`,
      cells: row.cells.map((value, index) => {
        const format = report.columns[index]?.format ?? 'text';
        return {
          key: `cell-${index}`,
          text: formatValue(value, format),
          title: exactValue(value, format)
        };
      })
    }));
  }

  get truncated(): string {
    const report = this.report;
    if (!report?.truncated) return '';
    return formatLabel(truncatedLabel, String(report.rows.length), String(report.rowCount));
  }
}
