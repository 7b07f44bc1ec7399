/**
 * The HTML report in the language of `--locale`: every fixed text from the catalogue of
 * reportText.ts, figures and days formatted as a reader of that language writes them, and the
 * texts that come from the data left as they are (escaped). The report here is built by hand so
 * that every section is present (rules of each status, an evaluated pipeline, malformed rows
 * beyond the listed ones), and its data texts are neutral: the check that no English fixed text
 * reaches the Danish report would otherwise trip over English rule labels an admin wrote.
 */
import type { AuditReport, PipelineReport } from '../audit';
import { htmlReport } from '../htmlReport';
import { da, en, reportLocaleOf, type ReportText } from '../reportText';

/** Intl writes a no-break space between a Danish figure and its percent sign. */
const NBSP = '\u00a0';

function pipelineFixture(): PipelineReport {
  return {
    status: 'evaluated',
    missingColumns: [],
    unavailable: [],
    dealsWithoutCloseDate: 0,
    dealCount: 1234,
    openCount: 1000,
    wonCount: 100,
    lostCount: 134,
    openAmount: 1234567.4,
    weightedAmount: 617283.7,
    wonAmount: 250000,
    lostAmount: 75000,
    winRateByCount: 0.125,
    winRateByValue: 0.5,
    averageDealSize: 2500,
    averageCycleDays: 42.25,
    velocity: null,
    target: 2000000,
    attainment: 0.125,
    coverage: { kind: 'ratio', value: 0.6 },
    openDealAverageScore: 88,
    forecastRollup: null,
    byForecastCategory: [
      { category: 'Closed', amount: 250000 },
      { category: 'Commit', amount: 100000 },
      { category: 'Best Case', amount: 50000 },
      { category: 'Pipeline', amount: 1084567 },
      { category: 'Omitted', amount: 0 }
    ],
    byStage: [{ stage: 'Fase 1', openCount: 1000, openAmount: 1234567.4, averageAgeDays: 12 }],
    sellers: [
      {
        sellerId: '005S1',
        name: 'Søren <Ærø> & Co',
        openAmount: 1234567.4,
        wonAmount: 250000,
        target: 2000000,
        attainment: 0.125,
        winRateByCount: 0.125,
        averageScore: 87.5,
        coachingFlags: 3
      }
    ]
  };
}

function reportFixture(overrides: Partial<AuditReport> = {}): AuditReport {
  const rule = {
    examples: [],
    missingColumns: [],
    reason: null,
    errors: 0,
    firstError: null,
    flagged: 1500,
    applicable: 2000
  };
  return {
    reportVersion: 1,
    object: 'Opportunity',
    source: { kind: 'sample' },
    today: '2026-11-16',
    period: { start: '2026-10-01', end: '2026-12-31', label: '2026-Q4' },
    records: { read: 1234567, evaluated: 1234000, malformed: 567 },
    malformedRows: [{ line: 8, message: 'Felt_A "12k"' }],
    suspicious: {
      duplicateIds: { count: 0, rows: [] },
      negativeAmounts: { count: 0, rows: [] },
      closedFlagsContradictStage: { count: 0, rows: [] }
    },
    columns: null,
    rules: [
      { ...rule, name: 'Regel_A', label: 'Regel A', kind: 'Data Quality', status: 'evaluated' },
      {
        ...rule,
        name: 'Regel_B',
        label: 'Regel B',
        kind: 'Data Quality',
        status: 'evaluated',
        errors: 2,
        firstError: 'Felt_B / 0'
      },
      {
        ...rule,
        name: 'Regel_C',
        label: 'Regel C',
        kind: 'Coaching Prompt',
        status: 'not evaluated',
        missingColumns: ['Felt_C'],
        applicable: null
      },
      {
        ...rule,
        name: 'Regel_D',
        label: 'Regel D',
        kind: 'Coaching Prompt',
        status: 'broken',
        reason: 'Felt_D ?',
        applicable: null
      }
    ],
    dataQuality: {
      averageScore: 87.25,
      scoreDistribution: [
        { from: 0, to: 9, count: 1234 },
        { from: 100, to: 100, count: 1232766 }
      ],
      flaggedByRule: { Regel_A: 1500, Regel_B: 1500 },
      recordsFlagged: 2500
    },
    coaching: { flaggedByRule: {}, recordsFlagged: 0 },
    pipeline: pipelineFixture(),
    ...overrides
  };
}

/** The catalogue's sentence functions (those with figures or data in them). */
type SentenceKey = {
  [K in keyof ReportText]: ReportText[K] extends (...args: never[]) => string ? K : never;
}[keyof ReportText];

/**
 * Arguments for every sentence of the catalogue, each variant of its wording once. Typed by the
 * catalogue: a new sentence without arguments here does not compile, so the check below cannot
 * silently miss it.
 */
const SENTENCE_ARGUMENTS: { [K in SentenceKey]: Parameters<ReportText[K]>[] } = {
  documentTitle: [['Opportunity'], ['Account'], ['Account_Plan__c']],
  heading: [['Opportunity'], ['Account'], ['Account_Plan__c']],
  sourceAndDay: [
    [{ kind: 'csv', file: 'x.csv' }, '2026-11-16'],
    [{ kind: 'org', user: 'x' }, '2026-11-16'],
    [{ kind: 'sample' }, '2026-11-16']
  ],
  period: [['2026-Q4', '2026-10-01', '2026-12-31']],
  records: [
    [1, 1, 1],
    [2, 2, 2]
  ],
  averageScore: [
    [50, 1],
    [50, 2]
  ],
  ruleErrors: [
    [1, 'x'],
    [2, 'x']
  ],
  pipelineNotEvaluated: [[['A', 'B']]],
  sellerOpen: [['x']],
  sellerWon: [['x']],
  moreMalformed: [[2]],
  corporateCurrency: [['DKK']],
  rateUsed: [
    [7.46, null, 1],
    [7.5, '2026-10-01', 2]
  ]
};

/** Every fixed text of a catalogue: its strings, and its sentences with the arguments above. */
function fixedTexts(text: ReportText): string[] {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  // The formats are functions of figures, not texts; the sentences below exercise them.
  collect(Object.entries(text).filter(([key]) => key !== 'format'));
  for (const key of Object.keys(SENTENCE_ARGUMENTS) as SentenceKey[]) {
    // One call site for every sentence: the arguments were type-checked against it above.
    const sentence = text[key] as (...args: readonly unknown[]) => string;
    for (const args of SENTENCE_ARGUMENTS[key]) texts.push(sentence(...args));
  }
  return texts;
}

function wordsOf(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => text.match(/\p{L}+/gu) ?? []));
}

/** What a reader sees: the text outside tags and the style sheet, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(text);
}

describe('htmlReport in Danish', () => {
  const html = htmlReport(reportFixture(), da);

  it('declares the page Danish', () => {
    expect(html).toContain('<html lang="da">');
  });

  it('has Danish headings, captions and table headers', () => {
    expect(html).toContain('<h1>Gennemgang af salgsmuligheder</h1>');
    for (const heading of ['Datakvalitet', 'Coachingpunkter', 'Pipeline', 'Sælgere']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('<h2>Ugyldige rækker</h2>');
    expect(html).toContain('<figcaption>Åben pipeline pr. fase</figcaption>');
    expect(html).toContain(
      '<title id="chart-amount-by-forecast-category">Beløb pr. forecastkategori'
    );
    expect(html).toContain('<th scope="col">Hitrate</th>');
    expect(html).toContain('<td>Datakvalitet</td><td>evalueret</td>');
    expect(html).toContain('<td>Coachingpunkt</td><td>ikke evalueret</td>');
    expect(html).toContain('<td>Coachingpunkt</td><td>fejlbehæftet</td>');
  });

  it('writes figures, percentages and days as Danish sellers read them', () => {
    expect(html).toContain('1.234.567 poster læst, 1.234.000 gennemgået, 567 ugyldige.');
    expect(html).toContain('Gennemsnitlig datakvalitetsscore 87,3 ud af 100; 2.500 poster har');
    expect(html).toContain('<td>Åben pipeline</td><td>1.234.567</td>');
    expect(html).toContain(`<td>Hitrate (antal)</td><td>12,5${NBSP}%</td>`);
    expect(html).toContain('<td>Gennemsnitlig salgscyklus (dage)</td><td>42,3</td>');
    expect(html).toContain(
      'Dagsdato: 16. nov. 2026. Periode: 2026-Q4 (1. okt. 2026 til 31. dec. 2026).'
    );
    expect(html).toContain('2 fejl: Felt_B / 0');
    expect(html).toContain('... og 566 til, som heller ikke indgår');
  });

  it('names the forecast categories as Danish sellers do', () => {
    for (const category of ['Lukket', 'Commit', 'Best case', 'Pipeline', 'Udeladt']) {
      expect(html).toContain(`text-anchor="end">${category}</text>`);
    }
  });

  it('leaves texts from the data as they are, escaped', () => {
    expect(html).toContain('<td>Søren &lt;Ærø&gt; &amp; Co</td>');
    expect(html).toContain('Søren &lt;Ærø&gt; &amp; Co: åben');
    expect(html).toContain('<td>Regel A (Regel_A)</td>');
    expect(html).toContain('<td>8</td><td>Felt_A &quot;12k&quot;</td>');
    expect(html).toContain('Fase 1 (1.000)');
  });

  it('holds no word of the English catalogue that the Danish one does not use', () => {
    const danishWords = wordsOf(fixedTexts(da));
    const englishOnly = [...wordsOf(fixedTexts(en))].filter((word) => !danishWords.has(word));
    // The check has teeth: the English catalogue has words of its own, and its report shows them.
    expect(englishOnly).toEqual(expect.arrayContaining(['Audit', 'Seller', 'Nov', 'won']));
    expect(englishOnly.filter((word) => containsWord(visibleText(html), word))).toEqual([]);
    expect(
      englishOnly.filter((word) => containsWord(visibleText(htmlReport(reportFixture(), en)), word))
    ).toEqual(expect.arrayContaining(['Audit', 'Seller', 'Nov', 'won']));
  });

  it('says in Danish which columns a pipeline lacks', () => {
    const notEvaluated = htmlReport(
      reportFixture({
        pipeline: {
          ...pipelineFixture(),
          status: 'not evaluated',
          missingColumns: ['CloseDate', 'Amount']
        }
      }),
      da
    );
    expect(notEvaluated).toContain('Ikke evalueret: kilden mangler CloseDate og Amount.');
  });

  it('names each source in Danish', () => {
    const csv = htmlReport(reportFixture({ source: { kind: 'csv', file: 'eksport.csv' } }), da);
    expect(csv).toContain('Kilde: CSV-filen eksport.csv.');
    const org = htmlReport(reportFixture({ source: { kind: 'org', username: 'a@b.dk' } }), da);
    expect(org).toContain('Kilde: organisationen a@b.dk.');
  });
});

describe('htmlReport in English', () => {
  const html = htmlReport(reportFixture(), en);

  it('is the default, declared English, with the headings it always had', () => {
    expect(htmlReport(reportFixture())).toBe(html);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Audit of Opportunity</h1>');
    for (const heading of ['Data quality', 'Coaching prompts', 'Pipeline', 'Sellers']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('<figcaption>Open and won amount per seller</figcaption>');
  });

  it('writes figures, percentages and days in en-US', () => {
    expect(html).toContain('1,234,567 records read, 1,234,000 evaluated, 567 malformed.');
    expect(html).toContain('<td>Open amount</td><td>1,234,567</td>');
    expect(html).toContain('<td>Win rate by count</td><td>12.5%</td>');
    expect(html).toContain('Today: Nov 16, 2026. Period: 2026-Q4 (Oct 1, 2026 to Dec 31, 2026).');
    expect(html).toContain('Søren &lt;Ærø&gt; &amp; Co: open');
  });
});

describe('reportLocaleOf', () => {
  it.each([
    ['da-DK', 'da-DK'],
    ['da', 'da'],
    ['en-US', 'en-US'],
    ['en', 'en'],
    ['DA-dk', 'da-DK']
  ])('accepts %s as %s', (value, locale) => {
    expect(reportLocaleOf(value)).toEqual({ ok: true, locale });
  });

  it('tells a tag it has no text for from one that is not BCP 47', () => {
    expect(reportLocaleOf('de-DE')).toEqual({ ok: false, problem: 'unsupported' });
    expect(reportLocaleOf('da_DK')).toEqual({ ok: false, problem: 'malformed' });
    expect(reportLocaleOf('')).toEqual({ ok: false, problem: 'malformed' });
  });
});
