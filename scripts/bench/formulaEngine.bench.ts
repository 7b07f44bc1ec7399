/**
 * Evaluations per second of realistic Sales rule formulas over 100,000 generated Opportunity
 * records: the formula engine (compiled once), formulon (re-parses per call, as its API requires)
 * and a hand-written JavaScript function per formula (the practical limit).
 *
 *   npx tsx scripts/bench/formulaEngine.bench.ts [records]
 *
 * formulon is slow enough that it runs on a sample of the records (FORMULON_SAMPLE) and its rate
 * is reported per second like the others; every other row runs over all records.
 */
import { FormulonLiteral, parse as formulonParse } from 'formulon';
import { compileFormula, ObjectSchema } from '../../formula-engine/src/formulaEngine';

type Row = Record<string, string | number | boolean | null>;

const RECORDS = Number(process.argv[2] ?? 100000);
const FORMULON_SAMPLE = Math.min(RECORDS, 2000);
const PASSES = 7;
const TODAY = '2026-11-16';
const TODAY_MS = Date.parse(TODAY);
const DAY = 86400000;

const SCHEMA: ObjectSchema = {
  name: 'Opportunity',
  fields: {
    Amount: { type: 'Currency' },
    Probability: { type: 'Percent' },
    CloseDate: { type: 'Date' },
    Stage_Entered_On__c: { type: 'Date' },
    StageName: { type: 'Picklist' },
    IsClosed: { type: 'Checkbox' },
    NextStep: { type: 'Text' },
    Decision_Maker_Identified__c: { type: 'Checkbox' },
    Contact_Role_Count__c: { type: 'Number' },
    Close_Date_Push_Count__c: { type: 'Number' }
  }
};

const FORMULON_TYPES: Record<string, string> = {
  Amount: 'number',
  Probability: 'number',
  CloseDate: 'date',
  Stage_Entered_On__c: 'date',
  StageName: 'picklist',
  IsClosed: 'checkbox',
  NextStep: 'text',
  Decision_Maker_Identified__c: 'checkbox',
  Contact_Role_Count__c: 'number',
  Close_Date_Push_Count__c: 'number'
};

interface Rule {
  name: string;
  formula: string;
  handWritten: (r: Row) => boolean | null;
}

const ALL_RULES: Rule[] = [
  {
    name: 'close date in the past',
    formula: 'AND(NOT(IsClosed), CloseDate < TODAY())',
    handWritten: (r) =>
      !r.IsClosed && r.CloseDate !== null && Date.parse(r.CloseDate as string) < TODAY_MS
  },
  {
    name: 'negotiation without decision maker',
    formula: 'AND(ISPICKVAL(StageName, "Negotiation/Review"), NOT(Decision_Maker_Identified__c))',
    handWritten: (r) => r.StageName === 'Negotiation/Review' && !r.Decision_Maker_Identified__c
  },
  {
    name: 'big deal, few contacts',
    formula: 'AND(NOT(IsClosed), Amount > 100000, Contact_Role_Count__c < 2)',
    handWritten: (r) =>
      !r.IsClosed && (r.Amount as number) > 100000 && (r.Contact_Role_Count__c as number) < 2
  },
  {
    name: 'stalled in stage',
    formula: 'AND(NOT(IsClosed), TODAY() - Stage_Entered_On__c > 30)',
    handWritten: (r) =>
      !r.IsClosed &&
      r.Stage_Entered_On__c !== null &&
      (TODAY_MS - Date.parse(r.Stage_Entered_On__c as string)) / DAY > 30
  },
  {
    name: 'vague next step',
    formula: 'OR(ISBLANK(NextStep), LEN(NextStep) < 10)',
    handWritten: (r) => !r.NextStep || (r.NextStep as string).length < 10
  },
  {
    name: 'weighted amount over target',
    formula: 'Amount * Probability >= 50000',
    handWritten: (r) => (r.Amount as number) * ((r.Probability as number) / 100) >= 50000
  },
  {
    name: 'pushed too often',
    formula: 'CASE(StageName, "Prospecting", 5, "Qualification", 4, 2) <= Close_Date_Push_Count__c',
    handWritten: (r) => {
      const limit = r.StageName === 'Prospecting' ? 5 : r.StageName === 'Qualification' ? 4 : 2;
      return limit <= (r.Close_Date_Push_Count__c as number);
    }
  }
];

const RULES = process.env.RULE
  ? ALL_RULES.filter((rule) => rule.name.includes(process.env.RULE ?? ''))
  : ALL_RULES;

/** Deterministic PRNG (mulberry32) so every run sees the same records. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(offset: number): string {
  return new Date(TODAY_MS + offset * DAY).toISOString().slice(0, 10);
}

const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Negotiation/Review',
  'Closed Won'
];

function generate(count: number): Row[] {
  const next = random(42);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const stage = STAGES[Math.floor(next() * STAGES.length)];
    rows.push({
      Amount: Math.round(next() * 300000),
      Probability: Math.round(next() * 100),
      CloseDate: isoDay(Math.floor(next() * 120) - 60),
      Stage_Entered_On__c: isoDay(-Math.floor(next() * 90)),
      StageName: stage,
      IsClosed: stage === 'Closed Won',
      NextStep: next() < 0.3 ? '' : next() < 0.5 ? 'Call' : 'Send the revised proposal',
      Decision_Maker_Identified__c: next() < 0.5,
      Contact_Role_Count__c: Math.floor(next() * 5),
      Close_Date_Push_Count__c: Math.floor(next() * 6)
    });
  }
  return rows;
}

function formulonInputs(row: Row): Record<string, FormulonLiteral> {
  const inputs: Record<string, FormulonLiteral> = {};
  for (const [name, dataType] of Object.entries(FORMULON_TYPES)) {
    let value: unknown = row[name];
    if (dataType === 'date' && typeof value === 'string') value = new Date(`${value}T00:00:00Z`);
    if (name === 'Probability') value = (value as number) / 100;
    const options =
      dataType === 'number' ? { length: 18, scale: 6 } : dataType === 'text' ? { length: 255 } : {};
    inputs[name] = { type: 'literal', dataType, value, options };
  }
  return inputs;
}

function seconds(run: () => number): [number, number] {
  const started = process.hrtime.bigint();
  const flagged = run();
  return [Number(process.hrtime.bigint() - started) / 1e9, flagged];
}

/**
 * Times `contenders` in alternating passes (so a busy moment on the shared machine hits all of
 * them alike) and keeps each one's best pass: evaluations per second and the flagged count.
 */
function race(
  passes: number,
  rows: number,
  contenders: (() => number)[]
): { perSecond: number; flagged: number }[] {
  const best = contenders.map(() => Infinity);
  const flagged = contenders.map((run) => run());
  for (let pass = 0; pass < passes; pass++) {
    contenders.forEach((run, index) => {
      const [elapsed, count] = seconds(run);
      best[index] = Math.min(best[index], elapsed);
      flagged[index] = count;
    });
  }
  return best.map((elapsed, index) => ({ perSecond: rows / elapsed, flagged: flagged[index] }));
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US').padStart(13);
}

function main(): void {
  const rows = generate(RECORDS);
  const sample = rows.slice(0, FORMULON_SAMPLE);
  const formulonSample = sample.map(formulonInputs);
  const env = { today: TODAY };
  console.log(
    `the formula engine bench: ${RECORDS.toLocaleString('en-US')} records (formulon: first ${FORMULON_SAMPLE.toLocaleString('en-US')})\n`
  );
  console.log(
    `${'rule'.padEnd(36)}${'ours/s'.padStart(13)}${'formulon/s'.padStart(13)}${'hand/s'.padStart(13)}${'vs formulon'.padStart(13)}${'vs hand'.padStart(10)}`
  );
  let minFormulonRatio = Infinity;
  let maxHandRatio = 0;
  for (const rule of RULES) {
    const compiled = compileFormula(rule.formula, { schema: SCHEMA, returnType: 'boolean' });
    const [ours, hand] = race(PASSES, rows.length, [
      () => {
        let flagged = 0;
        for (const row of rows) if (compiled.evaluate(row, env) === true) flagged++;
        return flagged;
      },
      () => {
        let flagged = 0;
        for (const row of rows) if (rule.handWritten(row) === true) flagged++;
        return flagged;
      }
    ]);
    const [formulon] = race(1, sample.length, [
      () => {
        let flagged = 0;
        for (const inputs of formulonSample) {
          const result = formulonParse(rule.formula, inputs);
          if (result.type === 'literal' && result.value === true) flagged++;
        }
        return flagged;
      }
    ]);
    if (ours.flagged !== hand.flagged) {
      throw new Error(`${rule.name}: engine flagged ${ours.flagged}, hand-written ${hand.flagged}`);
    }
    const formulonRatio = ours.perSecond / formulon.perSecond;
    const handRatio = hand.perSecond / ours.perSecond;
    minFormulonRatio = Math.min(minFormulonRatio, formulonRatio);
    maxHandRatio = Math.max(maxHandRatio, handRatio);
    console.log(
      `${rule.name.padEnd(36)}${format(ours.perSecond)}${format(formulon.perSecond)}${format(hand.perSecond)}${`${formulonRatio.toFixed(0)}x`.padStart(13)}${`${handRatio.toFixed(2)}x`.padStart(10)}`
    );
  }
  console.log(
    `\nworst case: ${minFormulonRatio.toFixed(0)}x formulon (target >= 100x), hand-written ${maxHandRatio.toFixed(2)}x faster (target <= 3x)`
  );
}

main();
