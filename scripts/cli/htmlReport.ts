/**
 * The audit as one self-contained HTML file: no scripts, no fonts, no network; the charts are
 * inline SVG, each with a title and the same figures in a table beside it, so the report reads
 * the same printed, offline, or with a screen reader. Every text from the data is escaped; every
 * fixed text and figure format comes from the report's language in reportText.ts.
 */
import type { AuditReport } from './audit';
import { en, type ForecastCategory, type ReportSource, type ReportText } from './reportText';

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
export function barChart(id: string, title: string, bars: readonly Bar[], colour: string): string {
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
    `<svg role="img" aria-labelledby="chart-${id}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}">` +
      `<title id="chart-${id}">${escapeHtml(title)}</title>${rows}</svg>`
  );
}

/** Vertical bars for the score histogram: one per band, count above, band below. */
export function columnChart(
  id: string,
  title: string,
  bars: readonly Bar[],
  colour: string
): string {
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
    `<svg role="img" aria-labelledby="chart-${id}" viewBox="0 0 ${CHART_WIDTH} 230" width="${CHART_WIDTH}" height="230">` +
      `<title id="chart-${id}">${escapeHtml(title)}</title>${columns}</svg>`
  );
}

/** A chart with its title visible above it (the SVG title is for screen readers). */
function figure(title: string, svg: string): string {
  return `<figure><figcaption>${escapeHtml(title)}</figcaption>${svg}</figure>`;
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

function sourceOf(report: AuditReport): ReportSource {
  const source = report.source;
  if (source.kind === 'csv') return { kind: 'csv', file: String(source.file) };
  if (source.kind === 'org') {
    return { kind: 'org', user: String(source.username ?? source.instanceUrl) };
  }
  return { kind: 'sample' };
}

function isForecastCategory(text: ReportText, category: string): category is ForecastCategory {
  return Object.prototype.hasOwnProperty.call(text.forecastCategory, category);
}

/** The report in one language (default English); `text` is a catalogue of reportText.ts. */
export function htmlReport(report: AuditReport, text: ReportText = en): string {
  const currency = report.currency;
  // Amounts carry the corporate currency once the report knows it, else none (one unnamed one).
  const format = currency
    ? {
        ...text.format,
        amount: (value: number | null) => text.format.money(value, currency.corporate)
      }
    : text.format;
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(text.heading(report.object))}</h1>`);
  parts.push(
    `<p>${escapeHtml(text.sourceAndDay(sourceOf(report), report.today))}${
      report.period
        ? escapeHtml(` ${text.period(report.period.label, report.period.start, report.period.end)}`)
        : ''
    }</p>`
  );
  parts.push(
    `<p>${escapeHtml(
      text.records(report.records.read, report.records.evaluated, report.records.malformed)
    )}</p>`
  );
  if (currency) {
    parts.push(`<p>${escapeHtml(text.corporateCurrency(currency.corporate))}</p>`);
  }

  parts.push(`<h2>${escapeHtml(text.dataQualityHeading)}</h2>`);
  parts.push(
    `<p>${escapeHtml(
      text.averageScore(report.dataQuality.averageScore, report.dataQuality.recordsFlagged)
    )}</p>`
  );
  const bands = report.dataQuality.scoreDistribution.map((band) => ({
    label: band.from === band.to ? String(band.from) : `${band.from}-${band.to}`,
    value: band.count,
    text: format.count(band.count)
  }));
  parts.push(columnChart('scores', text.scoreDistributionChart, bands, '#0176d3'));

  const evaluated = report.rules.filter((rule) => rule.status === 'evaluated');
  const ruleBars = (kind: string) =>
    evaluated
      .filter((rule) => rule.kind === kind)
      .map((rule) => ({
        label: rule.label,
        value: rule.flagged,
        text: format.count(rule.flagged)
      }));
  parts.push(
    barChart('data-quality-rules', text.flaggedPerRuleChart, ruleBars('Data Quality'), '#ba0517')
  );
  parts.push(`<h2>${escapeHtml(text.coachingHeading)}</h2>`);
  parts.push(
    barChart('coaching-prompts', text.flaggedPerPromptChart, ruleBars('Coaching Prompt'), '#dd7a01')
  );
  const columns = text.ruleColumns;
  parts.push(
    table(
      [
        columns.rule,
        columns.kind,
        columns.status,
        columns.flagged,
        columns.applicable,
        columns.missingOrReason
      ],
      report.rules.map((rule) => [
        `${rule.label} (${rule.name})`,
        text.ruleKind[rule.kind],
        text.ruleStatus[rule.status],
        rule.status === 'evaluated' ? format.count(rule.flagged) : '-',
        rule.applicable === null ? '-' : format.count(rule.applicable),
        rule.status === 'not evaluated'
          ? rule.missingColumns.join(', ')
          : (rule.reason ??
            (rule.errors > 0 ? text.ruleErrors(rule.errors, rule.firstError ?? '') : ''))
      ])
    )
  );

  const pipeline = report.pipeline;
  if (pipeline) {
    parts.push(`<h2>${escapeHtml(text.pipelineHeading)}</h2>`);
    if (pipeline.status === 'not evaluated') {
      parts.push(
        `<p class="bad">${escapeHtml(text.pipelineNotEvaluated(pipeline.missingColumns))}</p>`
      );
    } else {
      const figures = text.figures;
      parts.push(
        table(
          [text.figureColumns.figure, text.figureColumns.value],
          [
            [figures.dealsInPeriod, format.count(pipeline.dealCount)],
            [figures.openAmount, format.amount(pipeline.openAmount)],
            [figures.weightedAmount, format.amount(pipeline.weightedAmount)],
            [figures.wonAmount, format.amount(pipeline.wonAmount)],
            [figures.lostAmount, format.amount(pipeline.lostAmount)],
            [figures.winRateByCount, format.percent(pipeline.winRateByCount)],
            [figures.averageDealSize, format.amount(pipeline.averageDealSize)],
            [figures.averageCycleDays, format.decimal(pipeline.averageCycleDays)],
            [figures.target, format.amount(pipeline.target)],
            [figures.attainment, format.percent(pipeline.attainment)]
          ]
        )
      );
      parts.push(
        barChart(
          'open-pipeline-by-stage',
          text.byStageChart,
          pipeline.byStage.map((row) => ({
            label: `${row.stage} (${format.count(row.openCount)})`,
            value: row.openAmount,
            text: format.amount(row.openAmount)
          })),
          '#0176d3'
        )
      );
      parts.push(
        barChart(
          'amount-by-forecast-category',
          text.byForecastCategoryChart,
          pipeline.byForecastCategory.map((row) => ({
            // The audit names only the standard categories; anything else is shown as it came.
            label: isForecastCategory(text, row.category)
              ? text.forecastCategory[row.category]
              : row.category,
            value: row.amount,
            text: format.amount(row.amount)
          })),
          '#2e844a'
        )
      );
      if (currency) {
        const columns = text.currencyColumns;
        parts.push(`<h2>${escapeHtml(text.currencyHeading)}</h2>`);
        parts.push(`<p class="note">${escapeHtml(text.currencyNote)}</p>`);
        parts.push(
          table(
            [
              columns.currency,
              columns.deals,
              columns.amount,
              columns.corporateAmount(currency.corporate),
              columns.rates
            ],
            currency.breakdown.map((row) => [
              row.currency,
              format.count(row.deals),
              text.format.money(row.amount, row.currency),
              text.format.money(row.corporateAmount, currency.corporate),
              row.rates
                .map((used) => text.rateUsed(used.rate, used.startDate, used.deals))
                .join('; ')
            ])
          )
        );
      }
      parts.push(`<h2>${escapeHtml(text.sellersHeading)}</h2>`);
      parts.push(
        barChart(
          'amount-per-seller',
          text.perSellerChart,
          pipeline.sellers.flatMap((row) => [
            {
              label: text.sellerOpen(row.name),
              value: row.openAmount,
              text: format.amount(row.openAmount)
            },
            {
              label: text.sellerWon(row.name),
              value: row.wonAmount,
              text: format.amount(row.wonAmount)
            }
          ]),
          '#5a1ba9'
        )
      );
      const sellerColumns = text.sellerColumns;
      parts.push(
        table(
          [
            sellerColumns.seller,
            sellerColumns.open,
            sellerColumns.won,
            sellerColumns.target,
            sellerColumns.attainment,
            sellerColumns.winRate,
            sellerColumns.averageScore,
            sellerColumns.coachingFlags
          ],
          pipeline.sellers.map((row) => [
            row.name,
            format.amount(row.openAmount),
            format.amount(row.wonAmount),
            format.amount(row.target),
            format.percent(row.attainment),
            format.percent(row.winRateByCount),
            format.decimal(row.averageScore),
            format.count(row.coachingFlags)
          ])
        )
      );
    }
  }
  if (report.malformedRows.length > 0) {
    parts.push(`<h2>${escapeHtml(text.malformedHeading)}</h2>`);
    parts.push(`<p class="note">${escapeHtml(text.malformedNote)}</p>`);
    parts.push(
      table(
        [text.malformedColumns.line, text.malformedColumns.problem],
        // A line number is an address in the file, as an editor shows it: never grouped.
        report.malformedRows.map((row) => [String(row.line), row.message])
      )
    );
    // The audit keeps the first 100 malformed rows in full and only counts the rest.
    const more = report.records.malformed - report.malformedRows.length;
    if (more > 0) parts.push(`<p>${escapeHtml(text.moreMalformed(more))}</p>`);
  }
  return (
    `<!doctype html><html lang="${text.htmlLang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(text.documentTitle(report.object))}</title><style>${STYLE}</style></head>` +
    `<body>${parts.join('\n')}</body></html>\n`
  );
}
