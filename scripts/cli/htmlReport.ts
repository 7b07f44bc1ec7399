/**
 * The audit as one self-contained HTML file: no scripts, no fonts, no network; the charts are
 * inline SVG, each with a title and the same figures in a table beside it, so the report reads
 * the same printed, offline, or with a screen reader. Every text from the data is escaped.
 */
import type { AuditReport } from './audit';
import { formatAmount, formatPercent } from './summary';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface Bar {
  label: string;
  value: number;
  text: string;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 260;
const CHART_WIDTH = 760;

/** Horizontal bars with the label left and the value written after each bar. */
export function barChart(title: string, bars: readonly Bar[], colour: string): string {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plot = CHART_WIDTH - LABEL_WIDTH - 120;
  const height = bars.length * BAR_HEIGHT + 10;
  const rows = bars
    .map((bar, index) => {
      const y = index * BAR_HEIGHT + 5;
      const width = bar.value > 0 ? Math.max(1, (bar.value / max) * plot) : 0;
      return (
        `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width.toFixed(1)}" height="${BAR_HEIGHT - 6}" fill="${colour}"/>` +
        `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(bar.text)}</text>`
      );
    })
    .join('');
  return figure(
    title,
    `<svg role="img" aria-labelledby="${idOf(title)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}">` +
      `<title id="${idOf(title)}">${escapeHtml(title)}</title>${rows}</svg>`
  );
}

/** Vertical bars for the score histogram: one per band, count above, band below. */
export function columnChart(title: string, bars: readonly Bar[], colour: string): string {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = Math.floor((CHART_WIDTH - 40) / Math.max(1, bars.length));
  const plot = 180;
  const columns = bars
    .map((bar, index) => {
      const x = 20 + index * slot;
      const height = bar.value > 0 ? Math.max(1, (bar.value / max) * plot) : 0;
      const top = 20 + plot - height;
      return (
        `<rect x="${x + 4}" y="${top.toFixed(1)}" width="${slot - 8}" height="${height.toFixed(1)}" fill="${colour}"/>` +
        `<text x="${x + slot / 2}" y="${(top - 4).toFixed(1)}" text-anchor="middle">${escapeHtml(bar.text)}</text>` +
        `<text x="${x + slot / 2}" y="${20 + plot + 16}" text-anchor="middle">${escapeHtml(bar.label)}</text>`
      );
    })
    .join('');
  return figure(
    title,
    `<svg role="img" aria-labelledby="${idOf(title)}" viewBox="0 0 ${CHART_WIDTH} 230" width="${CHART_WIDTH}" height="230">` +
      `<title id="${idOf(title)}">${escapeHtml(title)}</title>${columns}</svg>`
  );
}

/** A chart with its title visible above it (the SVG title is for screen readers). */
function figure(title: string, svg: string): string {
  return `<figure><figcaption>${escapeHtml(title)}</figcaption>${svg}</figure>`;
}

function idOf(title: string): string {
  return `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:980px;color:#181818;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #c9c9c9}
table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #c9c9c9;padding:4px 8px;text-align:left}
th{background:#f3f3f3}figure{margin:16px 0}figcaption{font-weight:600;margin-bottom:4px}svg text{font:12px system-ui,sans-serif;fill:#181818}
.note{color:#444}.bad{color:#ba0517}
`;

export function htmlReport(report: AuditReport): string {
  const parts: string[] = [];
  const source = report.source;
  const sourceText =
    source.kind === 'csv'
      ? `CSV file ${String(source.file)}`
      : source.kind === 'org'
        ? `org ${String(source.username ?? source.instanceUrl)}`
        : 'the sample org';
  parts.push(`<h1>${escapeHtml(`Audit of ${report.object}`)}</h1>`);
  parts.push(
    `<p>${escapeHtml(`Source: ${sourceText}. Today: ${report.today}.`)}${
      report.period
        ? escapeHtml(
            ` Period: ${report.period.label} (${report.period.start} to ${report.period.end}).`
          )
        : ''
    }</p>`
  );
  parts.push(
    `<p>${escapeHtml(
      `${report.records.read.toLocaleString('en-US')} records read, ${report.records.evaluated.toLocaleString('en-US')} evaluated, ${report.records.malformed.toLocaleString('en-US')} malformed.`
    )}</p>`
  );

  parts.push('<h2>Data quality</h2>');
  const average = report.dataQuality.averageScore;
  parts.push(
    `<p>${escapeHtml(`Average score ${average === null ? '-' : average.toFixed(1)} of 100; ${report.dataQuality.recordsFlagged.toLocaleString('en-US')} records have at least one gap.`)}</p>`
  );
  const bands = report.dataQuality.scoreDistribution.map((band) => ({
    label: band.from === band.to ? String(band.from) : `${band.from}-${band.to}`,
    value: band.count,
    text: band.count.toLocaleString('en-US')
  }));
  parts.push(columnChart('Score distribution (records per score band)', bands, '#0176d3'));

  const evaluated = report.rules.filter((rule) => rule.status === 'evaluated');
  const ruleBars = (kind: string) =>
    evaluated
      .filter((rule) => rule.kind === kind)
      .map((rule) => ({
        label: rule.label,
        value: rule.flagged,
        text: rule.flagged.toLocaleString('en-US')
      }));
  parts.push(
    barChart('Records flagged per data-quality rule', ruleBars('Data Quality'), '#ba0517')
  );
  parts.push('<h2>Coaching prompts</h2>');
  parts.push(
    barChart('Records flagged per coaching prompt', ruleBars('Coaching Prompt'), '#dd7a01')
  );
  parts.push(
    table(
      ['Rule', 'Kind', 'Status', 'Flagged', 'Applicable', 'Missing columns or reason'],
      report.rules.map((rule) => [
        `${rule.label} (${rule.name})`,
        rule.kind,
        rule.status,
        rule.status === 'evaluated' ? String(rule.flagged) : '-',
        rule.applicable === null ? '-' : String(rule.applicable),
        rule.status === 'not evaluated'
          ? rule.missingColumns.join(', ')
          : (rule.reason ??
            (rule.errors > 0 ? `${rule.errors} errors: ${rule.firstError ?? ''}` : ''))
      ])
    )
  );

  const pipeline = report.pipeline;
  if (pipeline) {
    parts.push('<h2>Pipeline</h2>');
    if (pipeline.status === 'not evaluated') {
      parts.push(
        `<p class="bad">${escapeHtml(`Not evaluated: the source lacks ${pipeline.missingColumns.join(', ')}.`)}</p>`
      );
    } else {
      parts.push(
        table(
          ['Figure', 'Value'],
          [
            ['Deals closing in the period', pipeline.dealCount.toLocaleString('en-US')],
            ['Open amount', formatAmount(pipeline.openAmount)],
            ['Weighted amount', formatAmount(pipeline.weightedAmount)],
            ['Won amount', formatAmount(pipeline.wonAmount)],
            ['Lost amount', formatAmount(pipeline.lostAmount)],
            ['Win rate by count', formatPercent(pipeline.winRateByCount)],
            ['Average deal size', formatAmount(pipeline.averageDealSize)],
            [
              'Average cycle (days)',
              pipeline.averageCycleDays === null ? '-' : pipeline.averageCycleDays.toFixed(1)
            ],
            ['Target', formatAmount(pipeline.target)],
            ['Attainment', formatPercent(pipeline.attainment)]
          ]
        )
      );
      parts.push(
        barChart(
          'Open pipeline by stage',
          pipeline.byStage.map((row) => ({
            label: `${row.stage} (${row.openCount})`,
            value: row.openAmount,
            text: formatAmount(row.openAmount)
          })),
          '#0176d3'
        )
      );
      parts.push(
        barChart(
          'Amount by forecast category (Closed = won)',
          pipeline.byForecastCategory.map((row) => ({
            label: row.category,
            value: row.amount,
            text: formatAmount(row.amount)
          })),
          '#2e844a'
        )
      );
      parts.push('<h2>Sellers</h2>');
      parts.push(
        barChart(
          'Open and won amount per seller',
          pipeline.sellers.flatMap((row) => [
            {
              label: `${row.name}: open`,
              value: row.openAmount,
              text: formatAmount(row.openAmount)
            },
            { label: `${row.name}: won`, value: row.wonAmount, text: formatAmount(row.wonAmount) }
          ]),
          '#5a1ba9'
        )
      );
      parts.push(
        table(
          [
            'Seller',
            'Open',
            'Won',
            'Target',
            'Attainment',
            'Win rate',
            'Average score',
            'Coaching flags'
          ],
          pipeline.sellers.map((row) => [
            row.name,
            formatAmount(row.openAmount),
            formatAmount(row.wonAmount),
            formatAmount(row.target),
            formatPercent(row.attainment),
            formatPercent(row.winRateByCount),
            row.averageScore === null ? '-' : row.averageScore.toFixed(1),
            String(row.coachingFlags)
          ])
        )
      );
    }
  }
  if (report.malformedRows.length > 0) {
    parts.push('<h2>Malformed rows</h2>');
    parts.push('<p class="note">These rows were left out of every figure above.</p>');
    parts.push(
      table(
        ['Line', 'Problem'],
        report.malformedRows.slice(0, 1000).map((row) => [String(row.line), row.message])
      )
    );
    if (report.malformedRows.length > 1000) {
      parts.push(
        `<p>${escapeHtml(`... and ${report.malformedRows.length - 1000} more in the JSON report.`)}</p>`
      );
    }
  }
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(`ssm audit: ${report.object}`)}</title><style>${STYLE}</style></head>` +
    `<body>${parts.join('\n')}</body></html>\n`
  );
}
