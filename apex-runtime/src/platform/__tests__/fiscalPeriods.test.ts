/**
 * Fiscal years from the org (metadata/fiscalYears.ts, metadata/fiscalSchema.ts,
 * platform/setupRows.ts, soql/dateLiterals.ts). The conformance cases
 * (conformance/cases/fiscalPeriods.ts) pin the standard fiscal year org with their doc pages; this
 * file pins what they cannot: the same project loaded with the custom fiscal years of
 * config/custom-fiscal-years.json (4-4-5 weeks, a 53-week FY2026 whose 14-week Q4 makes the
 * quarters unequal), the fiscal date literals there, the loader's validation of the file, and the
 * sample org's custom variant.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, REPOSITORY_ROOT, type ApexProject } from '../../metadata/loadProject';
import { readCustomFiscalYears, standardFiscalYears } from '../../metadata/fiscalYears';
import { Program } from '../../interpreter/program';
import { runAnonymousApex } from '../../testing/anonymousRun';
import { dateLiteralRange, type CustomFiscalCalendar } from '../../soql/dateLiterals';
import { QueryException } from '../../soql/soqlErrors';
import { ApexDate, ApexDatetime } from '../../values/temporal';
import { sampleOrg, testOrg } from '../orgs';
import '../../system';

/** The sample day (scripts/sample), a Monday in FY2026 Q4 of the custom calendar. */
const SAMPLE_NOW = ApexDatetime.parseIso('2026-11-16T09:30:00.000Z');

const projects = new Map<boolean, ApexProject>();

function project(custom: boolean): ApexProject {
  let loaded = projects.get(custom);
  if (!loaded) {
    loaded = loadProject(undefined, { customFiscalYears: custom });
    projects.set(custom, loaded);
  }
  return loaded;
}

function run(custom: boolean, code: string): { debug: string[]; error?: string } {
  const org = testOrg(project(custom));
  org.database.setClock(() => SAMPLE_NOW);
  const result = runAnonymousApex(org, code, {
    program: Program.fromSources(org.project.schema, [])
  });
  const error = result.exceptionMessage ?? result.compileProblem;
  return {
    debug: result.debugLog.map((line) => line.message),
    ...(error === undefined ? {} : { error })
  };
}

const QUARTERS_OF_2026 = `for (Period p : [SELECT StartDate, EndDate, Number, FullyQualifiedLabel,
    FiscalYearSettings.Name, FiscalYearSettings.IsStandardYear, FiscalYearSettings.YearType
    FROM Period WHERE Type = 'Quarter' AND FiscalYearSettings.Name = '2026' ORDER BY StartDate]) {
  System.debug(p.Number + ' ' + String.valueOf(p.StartDate) + ' ' + String.valueOf(p.EndDate) + ' ' + (p.StartDate.daysBetween(p.EndDate) + 1)
    + ' ' + p.FullyQualifiedLabel + ' ' + p.FiscalYearSettings.IsStandardYear + ' ' + p.FiscalYearSettings.YearType);
}`;

const DEALS = `insert new List<Opportunity>{
  new Opportunity(Name = 'q3 end', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 9, 27)),
  new Opportunity(Name = 'q4 start', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 9, 28)),
  new Opportunity(Name = 'october', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 10, 1)),
  new Opportunity(Name = 'q4 end', StageName = 'Prospecting', CloseDate = Date.newInstance(2027, 1, 3)),
  new Opportunity(Name = 'fy27', StageName = 'Prospecting', CloseDate = Date.newInstance(2027, 1, 4))
};`;

function names(literal: string): string {
  return `{
  List<String> names = new List<String>();
  for (Opportunity o : [SELECT Name FROM Opportunity WHERE CloseDate = ${literal} ORDER BY CloseDate]) names.add(o.Name);
  System.debug('${literal}: ' + String.join(names, ', '));
}`;
}

describe('an org with custom fiscal years (config/custom-fiscal-years.json)', () => {
  it('has the file’s quarters as Period rows, of unequal length, under custom FiscalYearSettings', () => {
    expect(run(true, QUARTERS_OF_2026)).toEqual({
      debug: [
        '1 2025-12-29 2026-03-29 91 Q1 FY 2026 false Custom',
        '2 2026-03-30 2026-06-28 91 Q2 FY 2026 false Custom',
        '3 2026-06-29 2026-09-27 91 Q3 FY 2026 false Custom',
        '4 2026-09-28 2027-01-03 98 Q4 FY 2026 false Custom'
      ]
    });
  });

  it('holds only the file’s years, each with its Year period as PeriodId, months from the file', () => {
    expect(
      run(
        true,
        `for (FiscalYearSettings y : [SELECT Name, StartDate, EndDate, Period.Type, Period.StartDate,
            (SELECT Id FROM Periods WHERE Type = 'Month') FROM FiscalYearSettings ORDER BY StartDate]) {
           System.debug(y.Name + ' ' + String.valueOf(y.StartDate) + ' ' + String.valueOf(y.EndDate) + ' ' + y.Period.Type + ' ' + String.valueOf(y.Period.StartDate) + ' ' + y.Periods.size());
         }
         System.debug([SELECT FullyQualifiedLabel FROM Period WHERE Type = 'Month' AND StartDate = 2026-11-23].FullyQualifiedLabel);`
      )
    ).toEqual({
      debug: [
        '2025 2024-12-30 2025-12-28 Year 2024-12-30 12',
        '2026 2025-12-29 2027-01-03 Year 2025-12-29 12',
        '2027 2027-01-04 2028-01-02 Year 2027-01-04 12',
        'December FY 2026'
      ]
    });
  });

  it('THIS_FISCAL_QUARTER and its neighbours follow the Period rows (Q4 from 2026-09-28, not 2026-10-01)', () => {
    expect(
      run(
        true,
        [
          DEALS,
          names('THIS_FISCAL_QUARTER'),
          names('LAST_FISCAL_QUARTER'),
          names('NEXT_FISCAL_QUARTER'),
          names('THIS_FISCAL_YEAR'),
          names('NEXT_FISCAL_YEAR'),
          names('LAST_N_FISCAL_QUARTERS:2')
        ].join('\n')
      )
    ).toEqual({
      debug: [
        'THIS_FISCAL_QUARTER: q4 start, october, q4 end',
        'LAST_FISCAL_QUARTER: q3 end',
        'NEXT_FISCAL_QUARTER: fy27',
        'THIS_FISCAL_YEAR: q3 end, q4 start, october, q4 end',
        'NEXT_FISCAL_YEAR: fy27',
        'LAST_N_FISCAL_QUARTERS:2: q3 end'
      ]
    });
  });

  it('leaves the standard org’s fiscal quarters calendar-based (Q4 from 2026-10-01)', () => {
    expect(
      run(false, [DEALS, names('THIS_FISCAL_QUARTER'), names('LAST_FISCAL_QUARTER')].join('\n'))
    ).toEqual({
      debug: ['THIS_FISCAL_QUARTER: october', 'LAST_FISCAL_QUARTER: q3 end, q4 start']
    });
  });

  it('refuses a fiscal literal reaching beyond the defined years, and FISCAL_QUARTER()', () => {
    const beyond = run(
      true,
      'System.debug([SELECT COUNT() FROM Opportunity WHERE CloseDate = NEXT_N_FISCAL_QUARTERS:8]);'
    );
    expect(beyond.error).toMatch(
      /NEXT_N_FISCAL_QUARTERS:8 reaches outside the org's custom fiscal years/
    );
    const fiscalFunction = run(
      true,
      'System.debug([SELECT COUNT() FROM Opportunity WHERE FISCAL_QUARTER(CloseDate) = 4]);'
    );
    expect(fiscalFunction.error).toMatch(
      /FISCAL_QUARTER\(\) is not supported in an org with custom fiscal years/
    );
  });

  it('refuses DML on Period and FiscalYearSettings', () => {
    expect(
      run(
        true,
        `try { insert new Period(); } catch (DmlException e) { System.debug(e.getDmlMessage(0)); }
         FiscalYearSettings y = [SELECT Id, Name FROM FiscalYearSettings LIMIT 1];
         try { update y; } catch (DmlException e) { System.debug(e.getDmlMessage(0)); }`
      )
    ).toEqual({
      debug: [
        'DML operation Insert not allowed on Period',
        'DML operation Update not allowed on FiscalYearSettings'
      ]
    });
  });

  it('is what the sample org holds with customFiscalYears: the sample day is in a Q4 starting 2026-09-28', () => {
    const org = sampleOrg({ customFiscalYears: true });
    const result = runAnonymousApex(
      org,
      `Period q = [SELECT StartDate, EndDate, Number, FiscalYearSettings.Name FROM Period
                   WHERE Type = 'Quarter' AND StartDate <= TODAY AND EndDate >= TODAY];
       System.debug(String.valueOf(Date.today()) + ' ' + q.FiscalYearSettings.Name + ' Q' + q.Number + ' ' + String.valueOf(q.StartDate) + ' ' + String.valueOf(q.EndDate));`,
      { program: Program.fromSources(org.project.schema, []) }
    );
    expect(result.exceptionMessage ?? result.compileProblem).toBeUndefined();
    expect(result.debugLog.map((line) => line.message)).toEqual([
      '2026-11-16 2026 Q4 2026-09-28 2027-01-03'
    ]);
  });
});

describe('fiscal date literals over custom periods (dateLiteralRange)', () => {
  const day = (iso: string): number => ApexDate.parseIso(iso).epochDay;
  const calendar: CustomFiscalCalendar = {
    years: [{ start: day('2025-12-29'), end: day('2027-01-04') }],
    quarters: [
      { start: day('2025-12-29'), end: day('2026-03-30') },
      { start: day('2026-03-30'), end: day('2026-06-29') },
      { start: day('2026-06-29'), end: day('2026-09-28') },
      { start: day('2026-09-28'), end: day('2027-01-04') }
    ]
  };
  const settings = {
    today: ApexDate.parseIso('2026-11-16'),
    fiscalYearStartMonth: 1,
    firstDayOfWeek: 0,
    customFiscalYears: calendar
  };

  it('counts whole quarters by their rows, whatever their length', () => {
    expect(dateLiteralRange('LAST_N_FISCAL_QUARTERS', 3, settings)).toEqual({
      start: day('2025-12-29'),
      end: day('2026-09-28')
    });
    expect(dateLiteralRange('N_FISCAL_QUARTERS_AGO', 2, settings)).toEqual({
      start: day('2026-03-30'),
      end: day('2026-06-29')
    });
    expect(dateLiteralRange('THIS_FISCAL_YEAR', undefined, settings)).toEqual({
      start: day('2025-12-29'),
      end: day('2027-01-04')
    });
    expect(dateLiteralRange('LAST_N_FISCAL_QUARTERS', 0, settings)).toEqual({
      start: day('2026-09-28'),
      end: day('2026-09-28')
    });
  });

  it('is a QueryException outside the defined periods', () => {
    expect(() => dateLiteralRange('NEXT_FISCAL_QUARTER', undefined, settings)).toThrow(
      QueryException
    );
    expect(() => dateLiteralRange('LAST_FISCAL_YEAR', undefined, settings)).toThrow(
      /LAST_FISCAL_YEAR reaches outside/
    );
  });
});

describe('standard fiscal years (standardFiscalYears)', () => {
  it('names a year starting in February by its ending year, or its starting year when asked', () => {
    const byEnd = standardFiscalYears(2, false, 2026, 0, 0);
    expect(byEnd.map((year) => [year.name, year.startDate, year.endDate])).toEqual([
      ['2026', '2025-02-01', '2026-01-31']
    ]);
    expect(byEnd[0].quarters[3]).toEqual({ startDate: '2025-11-01', endDate: '2026-01-31' });
    const byStart = standardFiscalYears(2, true, 2026, 0, 0);
    expect(byStart.map((year) => [year.name, year.startDate, year.endDate])).toEqual([
      ['2026', '2026-02-01', '2027-01-31']
    ]);
  });

  it('generates a bounded range: 10 years back and 5 ahead of the clock year', () => {
    const years = standardFiscalYears(1, false, 2026);
    expect(years.map((year) => year.name)).toEqual(
      Array.from({ length: 16 }, (_, index) => String(2016 + index))
    );
    expect(years[10].months.map((month) => month.label).slice(0, 2)).toEqual([
      'January',
      'February'
    ]);
  });
});

describe('config/custom-fiscal-years.json validation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiscal-years-'));
  let count = 0;
  function fileWith(content: unknown): string {
    const file = join(dir, `years-${count++}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }
  const quarters = [
    { startDate: '2025-12-29', endDate: '2026-03-29' },
    { startDate: '2026-03-30', endDate: '2026-06-28' },
    { startDate: '2026-06-29', endDate: '2026-09-27' },
    { startDate: '2026-09-28', endDate: '2027-01-03' }
  ];
  const year = { name: '2026', startDate: '2025-12-29', endDate: '2027-01-03', quarters };

  it('reads the project’s file: three 4-4-5 years, FY2026 of 53 weeks', () => {
    const years = readCustomFiscalYears(
      join(REPOSITORY_ROOT, 'config', 'custom-fiscal-years.json')
    );
    expect(years.map((entry) => [entry.name, entry.startDate, entry.endDate])).toEqual([
      ['2025', '2024-12-30', '2025-12-28'],
      ['2026', '2025-12-29', '2027-01-03'],
      ['2027', '2027-01-04', '2028-01-02']
    ]);
    for (const entry of years) {
      expect(ApexDate.parseIso(entry.startDate).dayOfWeek()).toBe(1);
      expect(entry.months).toHaveLength(12);
    }
  });

  it.each([
    ['a missing file', undefined, /missing; a custom fiscal year org needs/],
    ['invalid JSON', '{', /not valid JSON/],
    ['no fiscalYears list', {}, /needs a non-empty "fiscalYears" list/],
    [
      'a year without a name',
      { fiscalYears: [{ ...year, name: '' }] },
      /fiscalYears\[0\]: name must be/
    ],
    [
      'three quarters',
      { fiscalYears: [{ ...year, quarters: quarters.slice(0, 3) }] },
      /fiscalYears\[0\] \(2026\): needs exactly 4 quarters/
    ],
    [
      'a gap between quarters',
      {
        fiscalYears: [
          {
            ...year,
            quarters: [
              quarters[0],
              { ...quarters[1], startDate: '2026-03-31' },
              quarters[2],
              quarters[3]
            ]
          }
        ]
      },
      /fiscalYears\[0\] \(2026\): quarters\[1\] starts 2026-03-31, not the day after quarters\[0\] ends \(2026-03-30\)/
    ],
    [
      'a last quarter ending after the year',
      { fiscalYears: [{ ...year, endDate: '2027-01-02' }] },
      /quarters\[3\] ends 2027-01-03, not on the year's endDate 2027-01-02/
    ],
    [
      'a first quarter starting before the year',
      { fiscalYears: [{ ...year, startDate: '2025-12-30' }] },
      /quarters\[0\] starts 2025-12-29, not on the year's startDate 2025-12-30/
    ],
    [
      'a bad date',
      { fiscalYears: [{ ...year, startDate: '2026-02-30' }] },
      /fiscalYears\[0\] \(2026\): startDate "2026-02-30" is not a date YYYY-MM-DD/
    ],
    [
      'years that do not follow each other',
      {
        fiscalYears: [
          year,
          {
            name: '2027',
            startDate: '2027-01-05',
            endDate: '2028-01-02',
            quarters: [
              { startDate: '2027-01-05', endDate: '2027-04-04' },
              { startDate: '2027-04-05', endDate: '2027-07-04' },
              { startDate: '2027-07-05', endDate: '2027-10-03' },
              { startDate: '2027-10-04', endDate: '2028-01-02' }
            ]
          }
        ]
      },
      /fiscalYears\[1\] \(2027\): starts 2027-01-05, not the day after fiscalYears\[0\] ends \(2027-01-04\)/
    ],
    [
      'a year listed twice',
      { fiscalYears: [year, { ...year }] },
      /fiscalYears\[1\] \(2026\): a second fiscal year named 2026/
    ],
    [
      'a month crossing a quarter',
      {
        fiscalYears: [
          {
            ...year,
            months: [
              { startDate: '2025-12-29', endDate: '2026-04-05' },
              { startDate: '2026-04-06', endDate: '2027-01-03' }
            ]
          }
        ]
      },
      /fiscalYears\[0\] \(2026\): months\[0\] crosses a quarter's boundary/
    ]
  ])('refuses %s, naming the file and the entry', (_what, content, message) => {
    const file = content === undefined ? join(dir, 'absent.json') : fileWith(content);
    expect(() => readCustomFiscalYears(file)).toThrow(message);
    expect(() => readCustomFiscalYears(file)).toThrow(file);
  });

  it('is read only when asked: a plain load has standard fiscal years', () => {
    expect(project(false).orgDefinition.customFiscalYears).toBeUndefined();
    expect(project(true).orgDefinition.customFiscalYears?.map((entry) => entry.name)).toEqual([
      '2025',
      '2026',
      '2027'
    ]);
    expect(() => loadProject(undefined, { customFiscalYears: 'config/no-such-file.json' })).toThrow(
      /no-such-file\.json: missing/
    );
  });
});
