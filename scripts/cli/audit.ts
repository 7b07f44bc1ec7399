/**
 * The audit: the shipped rules (scripts/rules/guidanceEngine on the formula engine) over a stream of records of
 * one object, and for Opportunity the pipeline KPIs of the period (c/salesKpis). Records pass
 * through one at a time; what stays in memory is a tally per rule, a score histogram, a few
 * examples per rule and, per deal whose close date falls in the period, the compact facts the
 * KPI functions read. The KPI arithmetic is the module's own; nothing here recomputes it.
 */
import { compileFormula, FormulaError } from '../../formula-engine/src/formulaEngine';
import type { ObjectSchema } from '../../formula-engine/src/formulaEngine';
import {
  compareRules,
  compileRuleSet,
  MISSING_FORMULA_REASON,
  type RuleSet,
  type SalesRuleDefinition
} from '../rules/guidanceEngine/guidanceEngine';
import { ruleTextsIn } from '../rules/ruleTexts';
import {
  computeDataQuality,
  computePipelineKpis,
  computeStageAgeing,
  forecastRollup,
  isoDate,
  pipelineKpisFromSums,
  ratio,
  targetFor,
  utcDayOf,
  type Coverage,
  type Deal,
  type ForecastCategoryName,
  type ForecastRollup,
  type Period,
  type PipelineSums,
  type SalesTarget
} from '../../force-app/main/default/lwc/salesKpis/salesKpis';
import { closedFlagsOf } from '../org/embeddedOrg';
import { toCorporate, type AppliedRate, type CurrencyRates } from './currencyRates';
import { IdSet } from './idSet';

export const AUDIT_OBJECTS = ['Opportunity', 'Account', 'Account_Plan__c'] as const;
export type AuditObject = (typeof AUDIT_OBJECTS)[number];

/** Version of the JSON report's shape; bumped only when a key changes meaning or goes away. */
export const REPORT_VERSION = 1;

/** Examples of flagged records kept per rule for the reports. */
const EXAMPLES_PER_RULE = 5;
/** Malformed and suspicious rows kept in full per list; the rest are counted. */
export const LISTED_ROWS = 100;
/** Deals of the period held at once; each batch is folded into sums by the KPI functions. */
const DEAL_BATCH = 50_000;

export interface RecordRef {
  /** Line of the CSV row (sources without lines leave it out). */
  line?: number;
  id?: string | null;
  name?: string | null;
}

export type RuleStatus = 'evaluated' | 'not evaluated' | 'broken';

export interface RuleReport {
  name: string;
  label: string;
  kind: SalesRuleDefinition['kind'];
  status: RuleStatus;
  /** Columns the rule reads that the source lacks (status "not evaluated"). */
  missingColumns: string[];
  /** Why the rule cannot run (status "broken": its formula does not compile). */
  reason: string | null;
  /** Data-quality rules: records the rule applied to. Null for coaching prompts. */
  applicable: number | null;
  flagged: number;
  /** Records on which the rule threw (e.g. a division by zero), with the first reason. */
  errors: number;
  firstError: string | null;
  examples: RecordRef[];
}

export interface MalformedRow {
  line: number;
  message: string;
}

/** A row that is audited (or, for a duplicate Id, counted once) but looks wrong. */
export interface SuspiciousRow {
  line?: number;
  id: string | null;
  message: string;
}

export interface SuspiciousList {
  /** Rows found; `rows` holds the first 100. */
  count: number;
  rows: SuspiciousRow[];
}

export interface SuspiciousData {
  /** A record Id seen before: the row is left out, so the record counts once. */
  duplicateIds: SuspiciousList;
  /** A negative Amount (counted as it is). */
  negativeAmounts: SuspiciousList;
  /** IsClosed or IsWon other than the stage's (the figures follow the row's flags). */
  closedFlagsContradictStage: SuspiciousList;
}

export interface PipelineReport {
  status: 'evaluated' | 'not evaluated';
  missingColumns: string[];
  /** KPI figures left blank because a column they need is missing, e.g. averageCycleDays. */
  unavailable: string[];
  dealsWithoutCloseDate: number;
  dealCount: number;
  openCount: number;
  wonCount: number;
  lostCount: number;
  openAmount: number;
  weightedAmount: number | null;
  wonAmount: number;
  lostAmount: number;
  winRateByCount: number | null;
  winRateByValue: number | null;
  averageDealSize: number | null;
  averageCycleDays: number | null;
  velocity: number | null;
  target: number | null;
  attainment: number | null;
  coverage: Coverage;
  /** Mean rule score of the open deals in the period (c/salesKpis computeDataQuality). */
  openDealAverageScore: number | null;
  forecastRollup: ForecastRollup | null;
  byForecastCategory: { category: string; amount: number }[];
  byStage: {
    stage: string;
    openCount: number;
    openAmount: number;
    averageAgeDays: number | null;
  }[];
  sellers: SellerReport[];
}

export interface SellerReport {
  sellerId: string;
  name: string;
  openAmount: number;
  wonAmount: number;
  target: number | null;
  attainment: number | null;
  winRateByCount: number | null;
  averageScore: number | null;
  coachingFlags: number;
}

/** The deals of the period in one currency (`ssm audit --currency-rates`). */
export interface CurrencyBreakdownRow {
  currency: string;
  deals: number;
  /** Sum of Amount in the currency itself (a blank Amount counts 0), rounded to the cent. */
  amount: number;
  /** The same deals in the corporate currency: each deal converted and rounded to the cent. */
  corporateAmount: number;
  corporateOpenAmount: number;
  corporateWonAmount: number;
  corporateLostAmount: number;
  /** The rates used: the CurrencyType rate (startDate null) or dated rates, with their deals. */
  rates: { rate: number; startDate: string | null; deals: number }[];
}

export interface CurrencyReport {
  /** Every amount of the report is in this currency (the rates' IsCorporate row). */
  corporate: string;
  ratesFiles: string[];
  /** Per currency of the deals in the period, by currency code. */
  breakdown: CurrencyBreakdownRow[];
}

export interface AuditReport {
  reportVersion: number;
  object: AuditObject;
  source: Record<string, string | number | null>;
  today: string;
  period: Period | null;
  records: { read: number; evaluated: number; malformed: number };
  /** The first 100 malformed rows; `records.malformed` counts them all. */
  malformedRows: MalformedRow[];
  suspicious: SuspiciousData;
  columns: {
    used: string[];
    unknown: string[];
    duplicate: string[];
    derived: string[];
    labels?: Record<string, string>;
    ambiguous?: Record<string, string[]>;
  } | null;
  rules: RuleReport[];
  dataQuality: {
    averageScore: number | null;
    /** Counts of records per score band: 0-9, 10-19, ... 90-99, 100. */
    scoreDistribution: { from: number; to: number; count: number }[];
    flaggedByRule: Record<string, number>;
    recordsFlagged: number;
  };
  coaching: { flaggedByRule: Record<string, number>; recordsFlagged: number };
  pipeline: PipelineReport | null;
  /** Only when the records carry CurrencyIsoCode and rates were given; absent otherwise. */
  currency?: CurrencyReport;
}

export interface AuditSetup {
  objectName: AuditObject;
  schema: ObjectSchema;
  /** Every shipped rule; the active ones of the object run. */
  rules: readonly SalesRuleDefinition[];
  /** Field paths the records carry; null when they carry every field (the sample org). */
  available: ReadonlySet<string> | null;
  today: string;
  period: Period | null;
  source: AuditReport['source'];
  targets?: readonly SalesTarget[];
  /** Seller names by user Id, for the per-seller table. */
  ownerNames?: ReadonlyMap<string, string>;
  /** Closed and won per stage name (OpportunityStage), to check the rows' IsClosed and IsWon. */
  stages?: ReadonlyMap<string, { IsClosed: boolean; IsWon: boolean }>;
  /**
   * The LanguageLocaleKey (`en_US`, `da`) the rules' texts and reasons are read in, as the org
   * reads them for a user of that language; default en_US.
   */
  language?: string;
  /**
   * The rates the period's amounts are converted at, when the records carry a currency: every
   * record's `add` then names its (known) currency.
   */
  currencies?: CurrencyRates | null;
}

/** Fields without which the pipeline KPIs mean nothing; other missing fields blank single figures. */
const KPI_REQUIRED = ['CloseDate', 'StageName', 'Amount'];

/** Keeps one instance of each repeated string (owner Ids, stages, dates) for 1M-row inputs. */
class Interner {
  private readonly values = new Map<string, string>();
  of(value: string): string {
    const known = this.values.get(value);
    if (known !== undefined) return known;
    this.values.set(value, value);
    return value;
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function newList(): SuspiciousList {
  return { count: 0, rows: [] };
}

function listRow(list: SuspiciousList, row: SuspiciousRow): void {
  list.count++;
  if (list.rows.length < LISTED_ROWS) list.rows.push(row);
}

const emptySums = (): PipelineSums => ({
  dealCount: 0,
  openCount: 0,
  wonCount: 0,
  lostCount: 0,
  openPipeline: 0,
  weightedPipeline: 0,
  closedWon: 0,
  closedLost: 0
});

/** What the KPI functions said about the batches so far, per seller or for everyone. */
interface KpiSums {
  sums: PipelineSums;
  /** Sum of the won deals' cycle days (whole days). */
  cycleDays: number;
  /** Sum and count of the open deals' scores. */
  scoreSum: number;
  scored: number;
  coachingFlags: number;
}

const emptyKpiSums = (): KpiSums => ({
  sums: emptySums(),
  cycleDays: 0,
  scoreSum: 0,
  scored: 0,
  coachingFlags: 0
});

/** Adds the KPI functions' figures for one batch of deals to `into`. */
function addBatch(into: KpiSums, deals: readonly Deal[]): void {
  const kpis = computePipelineKpis(deals, null);
  for (const key of Object.keys(into.sums) as (keyof PipelineSums)[]) into.sums[key] += kpis[key];
  // The mean times the count gives back the sum of whole days (scores are whole numbers too).
  into.cycleDays += Math.round((kpis.averageCycleLength ?? 0) * kpis.wonCount);
  const quality = computeDataQuality(deals);
  into.scoreSum += Math.round((quality.averageScore ?? 0) * quality.scoredCount);
  into.scored += quality.scoredCount;
  for (const deal of deals)
    if (!deal.IsClosed) into.coachingFlags += deal.Coaching_Flag_Count__c ?? 0;
}

/**
 * The field paths a rule's formulas read (e.g. `NextStep`, `Account.Industry`), or why they do not
 * compile.
 */
export function ruleFields(
  rule: SalesRuleDefinition,
  schema: ObjectSchema
): { paths: string[]; error: string | null } {
  if (!rule.flagWhen || !rule.flagWhen.trim()) {
    return { paths: [], error: MISSING_FORMULA_REASON };
  }
  const paths = new Set<string>();
  for (const source of [rule.appliesWhen, rule.flagWhen]) {
    if (!source || !source.trim()) continue;
    try {
      compileFormula(source, { schema, returnType: 'boolean' }).referencedFields.forEach((field) =>
        paths.add(field)
      );
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      return { paths: [], error: error.message };
    }
  }
  return { paths: [...paths], error: null };
}

export class Audit {
  private readonly ruleSet: RuleSet;
  private readonly tallies = new Map<string, RuleReport>();
  private readonly ruleReports: RuleReport[] = [];
  private readonly histogram = new Array<number>(11).fill(0);
  private scoreSum = 0;
  private read = 0;
  private evaluated = 0;
  private readonly malformedRows: MalformedRow[] = [];
  private malformedCount = 0;
  private readonly suspicious: SuspiciousData = {
    duplicateIds: newList(),
    negativeAmounts: newList(),
    closedFlagsContradictStage: newList()
  };
  private readonly ids = new IdSet();
  private readonly checkFlags: boolean;
  private dataQualityFlaggedRecords = 0;
  private coachingFlaggedRecords = 0;
  private readonly env: { today: string };
  /** The current batch of deals in the period (see DEAL_BATCH). */
  private deals: Deal[] = [];
  private readonly totals = emptyKpiSums();
  private readonly sellerSums = new Map<string, KpiSums>();
  private readonly ageing = new Map<
    string,
    { count: number; amount: number; ageSum: number; aged: number }
  >();
  private rollup: ForecastRollup = {
    closed: 0,
    commit: 0,
    bestCase: 0,
    openPipeline: 0,
    omitted: 0
  };
  private dealsWithoutCloseDate = 0;
  private readonly byCurrency = new Map<
    string,
    {
      deals: number;
      amount: number;
      open: number;
      won: number;
      lost: number;
      rates: Map<string, AppliedRate & { deals: number }>;
    }
  >();
  private readonly interner = new Interner();
  private readonly utcDates = new Map<string, string>();
  private readonly stageProbability = new Map<string, number>();
  private readonly kpiMissing: string[];
  private readonly has: (field: string) => boolean;
  private readonly periodStart: string;
  private readonly periodEnd: string;
  columns: AuditReport['columns'] = null;

  constructor(private readonly setup: AuditSetup) {
    const available = setup.available;
    this.has = (field) => available === null || available.has(field);
    this.env = { today: setup.today };
    this.periodStart = setup.period?.start ?? '';
    this.periodEnd = setup.period?.end ?? '';
    const runnable: SalesRuleDefinition[] = [];
    const active = setup.rules.filter(
      (rule) => rule.active && rule.objectApiName === setup.objectName
    );
    // The order the rule set evaluates in, so the reports list rules as admins sort them.
    for (const rule of [...active].sort(compareRules)) {
      const report: RuleReport = {
        name: rule.developerName,
        label: rule.label,
        kind: rule.kind,
        status: 'evaluated',
        missingColumns: [],
        reason: null,
        applicable: rule.kind === 'Data Quality' ? 0 : null,
        flagged: 0,
        errors: 0,
        firstError: null,
        examples: []
      };
      const fields = ruleFields(rule, setup.schema);
      if (fields.error !== null) {
        report.status = 'broken';
        report.reason = fields.error;
      }
      const referenced = fields.paths;
      if (report.status === 'evaluated') {
        report.missingColumns = [...referenced].filter((field) => !this.has(field));
        if (report.missingColumns.length > 0) report.status = 'not evaluated';
      }
      if (report.status === 'evaluated') runnable.push(rule);
      else report.applicable = null;
      this.ruleReports.push(report);
      this.tallies.set(rule.developerName, report);
    }
    this.ruleSet = compileRuleSet(runnable, setup.schema, ruleTextsIn(setup.language));
    this.kpiMissing =
      setup.objectName === 'Opportunity' ? KPI_REQUIRED.filter((field) => !this.has(field)) : [];
    this.checkFlags =
      setup.objectName === 'Opportunity' &&
      setup.stages !== undefined &&
      ['StageName', 'IsClosed', 'IsWon'].every((field) => this.has(field));
  }

  /**
   * A row that could not be read; it is reported with its line and left out of the results. The
   * first 100 are kept in full, the rest counted.
   */
  malformed(line: number, message: string): void {
    this.read++;
    this.malformedCount++;
    if (this.malformedRows.length < LISTED_ROWS) this.malformedRows.push({ line, message });
  }

  /** Reports a duplicate Id, a negative amount, flags against the stage; false to leave it out. */
  private check(record: Record<string, unknown>, line: number | undefined): boolean {
    const id = typeof record.Id === 'string' && record.Id !== '' ? record.Id : null;
    const where = line !== undefined ? `line ${line}: ` : '';
    if (id !== null && !this.ids.add(id)) {
      listRow(this.suspicious.duplicateIds, {
        line,
        id,
        message: `${where}Id ${id} appears again (the record is counted once: this row is left out)`
      });
      return false;
    }
    const amount = record.Amount;
    if (typeof amount === 'number' && amount < 0) {
      listRow(this.suspicious.negativeAmounts, {
        line,
        id,
        message: `${where}Amount ${amount} is negative (counted as it is)`
      });
    }
    if (this.checkFlags && typeof record.StageName === 'string') {
      const stage = this.setup.stages?.get(record.StageName);
      if (stage && (stage.IsClosed !== record.IsClosed || stage.IsWon !== record.IsWon)) {
        const kind = stage.IsWon
          ? 'a won stage'
          : stage.IsClosed
            ? 'a lost stage'
            : 'an open stage';
        listRow(this.suspicious.closedFlagsContradictStage, {
          line,
          id,
          message: `${where}StageName "${record.StageName}" is ${kind}, but IsClosed is ${String(record.IsClosed)} and IsWon is ${String(record.IsWon)} (the figures follow IsClosed and IsWon)`
        });
      }
    }
    return true;
  }

  /**
   * Evaluates one record; `line` is its CSV line, when it has one. `currency` is its
   * CurrencyIsoCode, one the rates know, when the audit converts amounts. The rules see the
   * record's own Amount, as a formula in the org does; only the KPI figures are converted.
   */
  add(record: Record<string, unknown>, line?: number, currency?: string): void {
    this.read++;
    if (!this.check(record, line)) return;
    this.evaluated++;
    const guidance = this.ruleSet.evaluate(record, this.env);
    const score = guidance.score;
    this.scoreSum += score;
    this.histogram[score >= 100 ? 10 : Math.floor(score / 10)]++;
    for (const outcome of guidance.passed) {
      const report = this.tallies.get(outcome.ruleName) as RuleReport;
      report.applicable = (report.applicable ?? 0) + 1;
    }
    for (const outcome of guidance.flagged) this.flag(outcome.ruleName, record, line, true);
    for (const outcome of guidance.prompts) this.flag(outcome.ruleName, record, line, false);
    if (guidance.flagged.length > 0) this.dataQualityFlaggedRecords++;
    if (guidance.prompts.length > 0) this.coachingFlaggedRecords++;
    for (const broken of guidance.broken) {
      const report = this.tallies.get(broken.ruleName) as RuleReport;
      report.errors++;
      if (report.firstError === null) {
        const where = line !== undefined ? `line ${line}` : String(record.Id ?? 'a record');
        report.firstError = `${where}: ${broken.reason}`;
      }
    }
    if (this.setup.objectName === 'Opportunity' && this.kpiMissing.length === 0) {
      this.collectDeal(record, score, guidance.prompts.length, currency);
    }
  }

  /** The UTC date of a date-time, each distinct text converted once. */
  private utcDateOf(dateTime: string): string {
    let date = this.utcDates.get(dateTime);
    if (date === undefined) {
      date = this.interner.of(isoDate(utcDayOf(dateTime)));
      if (this.utcDates.size >= 200_000) this.utcDates.clear();
      this.utcDates.set(dateTime, date);
    }
    return date;
  }

  private flag(
    ruleName: string,
    record: Record<string, unknown>,
    line: number | undefined,
    dataQuality: boolean
  ): void {
    const report = this.tallies.get(ruleName) as RuleReport;
    report.flagged++;
    if (dataQuality) report.applicable = (report.applicable ?? 0) + 1;
    if (report.examples.length < EXAMPLES_PER_RULE) {
      const text = (value: unknown) => (typeof value === 'string' ? value : null);
      report.examples.push({ line, id: text(record.Id), name: text(record.Name) });
    }
  }

  private collectDeal(
    record: Record<string, unknown>,
    score: number,
    prompts: number,
    currency: string | undefined
  ): void {
    const closeDate = record.CloseDate;
    if (typeof closeDate !== 'string') {
      this.dealsWithoutCloseDate++;
      return;
    }
    if (closeDate < this.periodStart || closeDate > this.periodEnd) return;
    const stage = typeof record.StageName === 'string' ? record.StageName : '';
    const flags =
      this.has('IsClosed') && this.has('IsWon')
        ? { IsClosed: record.IsClosed === true, IsWon: record.IsWon === true }
        : closedFlagsOf(stage);
    const probability = numberOrNull(record.Probability);
    if (probability !== null) {
      this.stageProbability.set(
        stage,
        Math.max(this.stageProbability.get(stage) ?? 0, probability)
      );
    }
    const created = record.CreatedDate;
    const category = record.ForecastCategoryName;
    const interner = this.interner;
    let amount = numberOrNull(record.Amount);
    const rates = this.setup.currencies;
    if (rates && currency !== undefined) {
      amount = this.convert(currency, closeDate, amount, flags, rates);
    }
    this.deals.push({
      Id: '',
      OwnerId: interner.of(typeof record.OwnerId === 'string' ? record.OwnerId : ''),
      StageName: interner.of(stage),
      Amount: amount,
      Probability: probability,
      CloseDate: interner.of(closeDate),
      // Only the UTC day of CreatedDate counts (cycle length); without it the cycle is unknown.
      CreatedDate: typeof created === 'string' ? this.utcDateOf(created) : closeDate,
      IsClosed: flags.IsClosed,
      IsWon: flags.IsWon,
      ForecastCategoryName: (typeof category === 'string'
        ? interner.of(category)
        : 'Omitted') as ForecastCategoryName,
      Stage_Entered_On__c:
        typeof record.Stage_Entered_On__c === 'string'
          ? interner.of(record.Stage_Entered_On__c)
          : null,
      Data_Quality_Score__c: score,
      Coaching_Flag_Count__c: prompts
    });
    if (this.deals.length >= DEAL_BATCH) this.foldDeals();
  }

  /** The deal's amount in the corporate currency, tallied in the per-currency breakdown. */
  private convert(
    currency: string,
    closeDate: string,
    amount: number | null,
    flags: { IsClosed: boolean; IsWon: boolean },
    rates: CurrencyRates
  ): number | null {
    // The feed lets only known currencies through (an unknown one is a malformed row).
    const applied = rates.rateFor(currency, closeDate) as AppliedRate;
    const converted = amount === null ? null : toCorporate(amount, applied.rate);
    let tally = this.byCurrency.get(currency);
    if (!tally) {
      tally = { deals: 0, amount: 0, open: 0, won: 0, lost: 0, rates: new Map() };
      this.byCurrency.set(currency, tally);
    }
    tally.deals++;
    tally.amount += amount ?? 0;
    const corporate = converted ?? 0;
    if (!flags.IsClosed) tally.open += corporate;
    else if (flags.IsWon) tally.won += corporate;
    else tally.lost += corporate;
    const key = `${applied.startDate ?? ''}:${applied.rate}`;
    const used = tally.rates.get(key);
    if (used) used.deals++;
    else tally.rates.set(key, { ...applied, deals: 1 });
    return converted;
  }

  /** The per-currency breakdown of the deals in the period, cents summed without float drift. */
  private currencyReport(rates: CurrencyRates): CurrencyReport {
    const cents = (value: number) => Math.round(value * 100) / 100;
    const breakdown = [...this.byCurrency.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([currency, tally]) => ({
        currency,
        deals: tally.deals,
        amount: cents(tally.amount),
        corporateAmount: cents(tally.open + tally.won + tally.lost),
        corporateOpenAmount: cents(tally.open),
        corporateWonAmount: cents(tally.won),
        corporateLostAmount: cents(tally.lost),
        rates: [...tally.rates.values()].sort((a, b) =>
          (a.startDate ?? '').localeCompare(b.startDate ?? '')
        )
      }));
    return { corporate: rates.corporate, ratesFiles: [...rates.files], breakdown };
  }

  /**
   * Folds the batch of deals into sums, through the KPI functions themselves: every figure they
   * give is a sum, a count, or a mean whose sum comes back exactly (whole days, whole scores).
   */
  private foldDeals(): void {
    const deals = this.deals;
    this.deals = [];
    if (deals.length === 0) return;
    addBatch(this.totals, deals);
    const bySeller = new Map<string, Deal[]>();
    for (const deal of deals) {
      const list = bySeller.get(deal.OwnerId);
      if (list) list.push(deal);
      else bySeller.set(deal.OwnerId, [deal]);
    }
    for (const [sellerId, sellerDeals] of bySeller) {
      let sums = this.sellerSums.get(sellerId);
      if (!sums) this.sellerSums.set(sellerId, (sums = emptyKpiSums()));
      addBatch(sums, sellerDeals);
    }
    const rollup = forecastRollup(deals);
    for (const key of Object.keys(rollup) as (keyof ForecastRollup)[]) {
      this.rollup[key] += rollup[key];
    }
    for (const row of computeStageAgeing(deals, this.setup.today)) {
      const aged = row.count - row.unknownAgeCount;
      const into = this.ageing.get(row.stageName) ?? { count: 0, amount: 0, ageSum: 0, aged: 0 };
      into.count += row.count;
      into.amount += row.amount;
      into.ageSum += Math.round((row.averageAgeDays ?? 0) * aged);
      into.aged += aged;
      this.ageing.set(row.stageName, into);
    }
  }

  /** The report, once every record has been added. */
  finish(): AuditReport {
    const flaggedByRule = (kind: SalesRuleDefinition['kind']) =>
      Object.fromEntries(
        this.ruleReports
          .filter((report) => report.kind === kind && report.status === 'evaluated')
          .map((report) => [report.name, report.flagged])
      );
    const pipeline = this.setup.objectName === 'Opportunity' ? this.pipeline() : null;
    const rates = this.setup.currencies;
    return {
      reportVersion: REPORT_VERSION,
      object: this.setup.objectName,
      source: this.setup.source,
      today: this.setup.today,
      period: this.setup.objectName === 'Opportunity' ? this.setup.period : null,
      records: {
        read: this.read,
        evaluated: this.evaluated,
        malformed: this.malformedCount
      },
      malformedRows: this.malformedRows,
      suspicious: this.suspicious,
      columns: this.columns,
      rules: this.ruleReports,
      dataQuality: {
        averageScore: this.evaluated > 0 ? this.scoreSum / this.evaluated : null,
        scoreDistribution: this.histogram.map((count, band) => ({
          from: band * 10,
          to: band === 10 ? 100 : band * 10 + 9,
          count
        })),
        flaggedByRule: flaggedByRule('Data Quality'),
        recordsFlagged: this.dataQualityFlaggedRecords
      },
      coaching: {
        flaggedByRule: flaggedByRule('Coaching Prompt'),
        recordsFlagged: this.coachingFlaggedRecords
      },
      pipeline,
      ...(rates ? { currency: this.currencyReport(rates) } : {})
    };
  }

  private pipeline(): PipelineReport {
    this.foldDeals();
    const period = this.setup.period;
    const unavailable: string[] = [];
    if (!this.has('CreatedDate')) unavailable.push('averageCycleDays', 'velocity');
    if (!this.has('Probability')) unavailable.push('weightedAmount');
    if (!this.has('ForecastCategoryName')) unavailable.push('forecastRollup');
    const targets = this.setup.targets ?? [];
    const kpisOf = (sums: KpiSums, target: number | null) =>
      pipelineKpisFromSums(sums.sums, ratio(sums.cycleDays, sums.sums.wonCount), target);
    const kpis = kpisOf(this.totals, period ? targetFor(targets, period) : null);
    const rollup = this.has('ForecastCategoryName') ? { ...this.rollup } : null;
    const stageOrder = [...this.stageProbability.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .map(([stage]) => stage);
    const rank = (stage: string): number => {
      const index = stageOrder.indexOf(stage);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    const ageing = [...this.ageing.entries()]
      .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
      .map(([stageName, row]) => ({
        stageName,
        count: row.count,
        amount: row.amount,
        averageAgeDays: ratio(row.ageSum, row.aged)
      }));
    const names = this.setup.ownerNames ?? new Map<string, string>();
    const targetsBySeller = new Map<string, SalesTarget[]>();
    for (const target of targets) {
      const list = targetsBySeller.get(target.Seller__c) ?? [];
      list.push(target);
      targetsBySeller.set(target.Seller__c, list);
    }
    const sellers = period
      ? [...this.sellerSums.entries()].map(([sellerId, sums]) => {
          const sellerKpis = kpisOf(sums, targetFor(targetsBySeller.get(sellerId) ?? [], period));
          return {
            sellerId,
            openPipeline: sellerKpis.openPipeline,
            closedWon: sellerKpis.closedWon,
            target: sellerKpis.target,
            attainment: sellerKpis.attainment,
            winRateByCount: sellerKpis.winRateByCount,
            dataQuality: ratio(sums.scoreSum, sums.scored),
            coachingFlags: sums.coachingFlags
          };
        })
      : [];
    const noCycle = !this.has('CreatedDate');
    return {
      status: this.kpiMissing.length === 0 ? 'evaluated' : 'not evaluated',
      missingColumns: this.kpiMissing,
      unavailable,
      dealsWithoutCloseDate: this.dealsWithoutCloseDate,
      dealCount: kpis.dealCount,
      openCount: kpis.openCount,
      wonCount: kpis.wonCount,
      lostCount: kpis.lostCount,
      openAmount: kpis.openPipeline,
      weightedAmount: this.has('Probability') ? kpis.weightedPipeline : null,
      wonAmount: kpis.closedWon,
      lostAmount: kpis.closedLost,
      winRateByCount: kpis.winRateByCount,
      winRateByValue: kpis.winRateByValue,
      averageDealSize: kpis.averageDealSize,
      averageCycleDays: noCycle ? null : kpis.averageCycleLength,
      velocity: noCycle ? null : kpis.velocity,
      target: kpis.target,
      attainment: kpis.attainment,
      coverage: kpis.coverage,
      openDealAverageScore: ratio(this.totals.scoreSum, this.totals.scored),
      forecastRollup: rollup,
      byForecastCategory: rollup
        ? [
            { category: 'Closed', amount: rollup.closed },
            { category: 'Commit', amount: rollup.commit - rollup.closed },
            { category: 'Best Case', amount: rollup.bestCase - rollup.commit },
            { category: 'Pipeline', amount: rollup.openPipeline - rollup.bestCase },
            { category: 'Omitted', amount: rollup.omitted }
          ]
        : [],
      byStage: ageing.map((row) => ({
        stage: row.stageName,
        openCount: row.count,
        openAmount: row.amount,
        averageAgeDays: row.averageAgeDays
      })),
      sellers: sellers
        .map((row) => ({
          sellerId: row.sellerId,
          name: names.get(row.sellerId) ?? (row.sellerId || '(no owner)'),
          openAmount: row.openPipeline,
          wonAmount: row.closedWon,
          target: row.target,
          attainment: row.attainment,
          winRateByCount: row.winRateByCount,
          averageScore: row.dataQuality,
          coachingFlags: row.coachingFlags
        }))
        .sort((a, b) => b.openAmount + b.wonAmount - (a.openAmount + a.wonAmount))
    };
  }
}
