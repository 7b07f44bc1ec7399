/**
 * The terminal summaries of `ssm audit` and `ssm seed`: short, aligned, every problem named.
 * Long lists stop after a screenful and say how many more the JSON report holds. Always in
 * English with en-US figures, whatever `--locale` gives the HTML report.
 */
import type { AuditReport, CurrencyReport } from './audit';
import { en } from './reportText';
import { currencySummary, type SeedResult } from './seed';

const LIST_LIMIT = 20;

// The summary is English (main.ts says why), so it formats figures as the English report does.
const formatAmount = en.format.amount;
const formatPercent = en.format.percent;

function formatNumber(value: number | null, digits = 1): string {
  return value === null ? '-' : value.toFixed(digits);
}

function sourceText(report: AuditReport): string {
  const source = report.source;
  if (source.kind === 'csv') return `CSV ${String(source.file)}`;
  if (source.kind === 'org') return `org ${String(source.username ?? source.instanceUrl)}`;
  return 'the sample org';
}

/** The corporate currency and the per-currency breakdown of the period's deals. */
function currencyLines(currency: CurrencyReport): string[] {
  const corporate = currency.corporate;
  // Intl's no-break space between code and figure is an ordinary one in a terminal (and a grep).
  const money = (value: number, isoCode: string) =>
    en.format.money(value, isoCode).replace(/\u00a0/g, ' ');
  const lines = [
    `  amounts in ${corporate}, the corporate currency (rates: ${currency.ratesFiles.join(', ')}); per currency:`
  ];
  for (const row of currency.breakdown) {
    const rates = row.rates
      .map(
        (used) =>
          `${en.format.rate(used.rate)}${used.startDate === null ? '' : ` from ${used.startDate}`} (${used.deals})`
      )
      .join('; ');
    lines.push(
      `    ${row.currency}  ${String(row.deals).padStart(5)} deals  ${money(row.amount, row.currency)} = ${money(row.corporateAmount, corporate)}  rate ${rates}`
    );
  }
  return lines;
}

export function auditSummary(report: AuditReport): string {
  const lines: string[] = [];
  const { records } = report;
  lines.push(`Audit of ${report.object} from ${sourceText(report)}, today ${report.today}`);
  lines.push(
    `Records: ${records.read.toLocaleString('en-US')} read, ${records.evaluated.toLocaleString('en-US')} evaluated, ${records.malformed.toLocaleString('en-US')} malformed`
  );
  if (report.columns) {
    if (report.columns.unknown.length > 0) {
      lines.push(`Columns ignored (no such field): ${report.columns.unknown.join(', ')}`);
    }
    if (report.columns.derived.length > 0) {
      lines.push(`Computed from the object's formula: ${report.columns.derived.join(', ')}`);
    }
  }
  lines.push('');
  lines.push(
    `Data quality: average score ${formatNumber(report.dataQuality.averageScore)}, ${report.dataQuality.recordsFlagged.toLocaleString('en-US')} records with at least one gap`
  );
  const width = Math.max(...report.rules.map((rule) => rule.name.length), 10);
  for (const kind of ['Data Quality', 'Coaching Prompt'] as const) {
    const rules = report.rules.filter((rule) => rule.kind === kind);
    if (rules.length === 0) continue;
    lines.push(kind === 'Data Quality' ? 'Data-quality rules:' : 'Coaching prompts:');
    for (const rule of rules) {
      let detail: string;
      if (rule.status === 'not evaluated') {
        detail = `not evaluated: missing ${rule.missingColumns.join(', ')}`;
      } else if (rule.status === 'broken') {
        detail = `broken: ${rule.reason ?? ''}`;
      } else {
        const applicable =
          rule.applicable === null ? '' : ` of ${rule.applicable.toLocaleString('en-US')}`;
        detail = `${rule.flagged.toLocaleString('en-US')}${applicable} flagged`;
        if (rule.errors > 0) detail += `, ${rule.errors} errors (first: ${rule.firstError ?? ''})`;
      }
      lines.push(`  ${rule.name.padEnd(width)}  ${detail}`);
    }
  }
  const pipeline = report.pipeline;
  if (pipeline && report.period) {
    lines.push('');
    if (pipeline.status === 'not evaluated') {
      lines.push(`Pipeline: not evaluated, missing ${pipeline.missingColumns.join(', ')}`);
    } else {
      lines.push(
        `Pipeline ${report.period.label} (${report.period.start}..${report.period.end}): ${pipeline.dealCount.toLocaleString('en-US')} deals closing in the period (${pipeline.openCount} open, ${pipeline.wonCount} won, ${pipeline.lostCount} lost)`
      );
      lines.push(
        `  open ${formatAmount(pipeline.openAmount)}, weighted ${formatAmount(pipeline.weightedAmount)}, won ${formatAmount(pipeline.wonAmount)}, lost ${formatAmount(pipeline.lostAmount)}`
      );
      lines.push(
        `  win rate ${formatPercent(pipeline.winRateByCount)} by count, average deal ${formatAmount(pipeline.averageDealSize)}, average cycle ${formatNumber(pipeline.averageCycleDays)} days`
      );
      if (pipeline.target !== null) {
        lines.push(
          `  target ${formatAmount(pipeline.target)}, attainment ${formatPercent(pipeline.attainment)}`
        );
      }
      if (pipeline.unavailable.length > 0) {
        lines.push(`  not available without their columns: ${pipeline.unavailable.join(', ')}`);
      }
      if (pipeline.dealsWithoutCloseDate > 0) {
        lines.push(`  ${pipeline.dealsWithoutCloseDate} deals have no close date (in no period)`);
      }
      if (report.currency) lines.push(...currencyLines(report.currency));
    }
  }
  if (report.malformedRows.length > 0) {
    lines.push('');
    lines.push(`Malformed rows (left out of the results):`);
    for (const row of report.malformedRows.slice(0, LIST_LIMIT)) {
      lines.push(`  line ${row.line}: ${row.message}`);
    }
    const more = report.records.malformed - Math.min(report.malformedRows.length, LIST_LIMIT);
    if (more > 0) {
      lines.push(`  ... and ${more.toLocaleString('en-US')} more (the first 100 in --json)`);
    }
  }
  for (const [kind, title] of [
    ['duplicateIds', 'Duplicate Ids'],
    ['negativeAmounts', 'Negative amounts'],
    ['closedFlagsContradictStage', 'Closed flags that contradict the stage']
  ] as const) {
    const list = report.suspicious?.[kind];
    if (!list || list.count === 0) continue;
    lines.push('');
    lines.push(`${title}: ${list.count.toLocaleString('en-US')}`);
    for (const row of list.rows.slice(0, LIST_LIMIT)) lines.push(`  ${row.message}`);
    if (list.count > LIST_LIMIT) {
      lines.push(
        `  ... and ${(list.count - LIST_LIMIT).toLocaleString('en-US')} more (the first 100 in --json)`
      );
    }
  }
  return lines.join('\n');
}

export function seedSummary(result: SeedResult): string {
  const lines: string[] = [];
  lines.push(
    `Seeded ${result.organization.name} (${result.organization.id}, ${result.organization.kind})`
  );
  lines.push(currencySummary(result.currencies));
  lines.push('Users:');
  for (const user of result.users) {
    const reason = user.reason ? ` (${user.reason})` : '';
    const target =
      user.outcome === 'mapped' ? `mapped to ${user.username}` : `${user.outcome} ${user.username}`;
    lines.push(`  ${user.key.padEnd(10)} ${target}${reason}`);
  }
  const width = Math.max(...result.objects.map((row) => row.objectName.length), 6);
  lines.push(`${'Object'.padEnd(width)}  created  updated  skipped   failed`);
  const totals = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const row of result.objects) {
    totals.created += row.created;
    totals.updated += row.updated;
    totals.skipped += row.skipped;
    totals.failed += row.failed;
    lines.push(
      `${row.objectName.padEnd(width)}  ${String(row.created).padStart(7)}  ${String(row.updated).padStart(7)}  ${String(row.skipped).padStart(7)}  ${String(row.failed).padStart(7)}`
    );
  }
  lines.push(
    `${'Total'.padEnd(width)}  ${String(totals.created).padStart(7)}  ${String(totals.updated).padStart(7)}  ${String(totals.skipped).padStart(7)}  ${String(totals.failed).padStart(7)}`
  );
  if (result.failures.length > 0) {
    lines.push('');
    lines.push(`Failed rows (${result.failures.length}); run the command again to retry them:`);
    for (const failure of result.failures) {
      lines.push(`  ${failure.objectName} ${failure.referenceId}: ${failure.error}`);
    }
  }
  return lines.join('\n');
}
