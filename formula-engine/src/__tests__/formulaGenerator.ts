import type { FormulonLiteral } from 'formulon';
import type { ObjectSchema } from '../formulaEngine';

/**
 * Random well-typed formulas over the functions formulon and the formula engine both implement,
 * kept inside the domain where formulon follows Salesforce's documented semantics (see
 * differential.test.ts for the cases outside it). Numbers in records are multiples of 0.25 and
 * divisors powers of two, so results are exact in binary and in formulon's decimals alike.
 */
export type Random = () => number;

/** mulberry32: small, fast and seedable, so a failing case can be replayed. */
export function seededRandom(seed: number): Random {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DIFF_SCHEMA: ObjectSchema = {
  name: 'Diff__c',
  fields: {
    Num_A__c: { type: 'Number' },
    Num_B__c: { type: 'Currency' },
    Blank_Num__c: { type: 'Number' },
    Text_A__c: { type: 'Text' },
    Text_B__c: { type: 'Text' },
    Flag__c: { type: 'Checkbox' },
    Date_A__c: { type: 'Date' },
    Date_B__c: { type: 'Date' },
    Blank_Date__c: { type: 'Date' },
    Stage__c: { type: 'Picklist' },
    Tags__c: { type: 'MultiselectPicklist' }
  }
};

const WORDS = ['alpha', 'Beta', 'gamma ray', 'delta', '', "it's", 'x-y', 'Zeta zeta', 'e'];
const STAGES = ['Prospecting', 'Qualification', 'Closed Won', ''];
const TAGS = ['Red', 'Green', 'Blue'];
/** No backslashes: formulon does not read escape sequences in text literals. */
const PATTERNS = ['[a-z]+', '[A-Za-z ]*', '.*e.*', '[a-z]+ [a-z]+', 'x-.', '[^ ]{2,5}'];

type Kind = 'number' | 'exact' | 'text' | 'boolean' | 'date';

export class FormulaGenerator {
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  formula(): string {
    const kinds: Kind[] = ['number', 'text', 'boolean', 'date'];
    return this.expression(this.pick(kinds), 3);
  }

  record(): Record<string, unknown> {
    // Days 1-27: never a month's last day, where ADDMONTHS departs from formulon (pinned).
    const day = (): string =>
      `${2000 + this.int(30)}-${String(1 + this.int(12)).padStart(2, '0')}-${String(1 + this.int(27)).padStart(2, '0')}`;
    return {
      Num_A__c: this.quarter(),
      Num_B__c: this.quarter(),
      Blank_Num__c: this.random() < 0.5 ? null : this.quarter(),
      Text_A__c: this.pick(WORDS),
      Text_B__c: this.pick(WORDS),
      Flag__c: this.random() < 0.5,
      Date_A__c: day(),
      Date_B__c: day(),
      Blank_Date__c: this.random() < 0.5 ? null : day(),
      Stage__c: this.pick(STAGES),
      Tags__c: TAGS.filter(() => this.random() < 0.5).join(';')
    };
  }

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  /** formulon cannot parse a negative literal argument such as `f(x, -3)`, hence `(0 - 3)`. */
  private signed(limit: number): string {
    const value = this.int(2 * limit + 1) - limit;
    return value < 0 ? `(0 - ${-value})` : String(value);
  }

  private quarter(): number {
    return (this.int(400) - 200) / 4;
  }

  private literalNumber(): string {
    return this.random() < 0.5 ? String(this.int(20)) : String(this.int(80) / 4);
  }

  private text(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }

  private expression(kind: Kind, depth: number): string {
    if (depth <= 0 || this.random() < 0.2) return this.leaf(kind);
    const d = depth - 1;
    const e = (k: Kind): string => this.expression(k, d);
    switch (kind) {
      case 'exact':
      case 'number': {
        const exact = kind === 'exact';
        const options: (() => string)[] = [
          () => `(${e(kind)} + ${e(kind)})`,
          () => `(${e(kind)} - ${e(kind)})`,
          () => `(${e(kind)} * ${this.literalNumber()})`,
          () => `(${e(kind)} / ${this.pick(['2', '4', '8'])})`,
          () => `(${e(kind)}) ^ ${this.int(3)}`,
          () => `ABS(${e(kind)})`,
          () => `MAX(${e(kind)}, ${e(kind)})`,
          () => `MIN(${e(kind)}, ${e(kind)}, ${e(kind)})`,
          () => `FLOOR(${e(kind)})`,
          () => `CEILING(${e(kind)})`,
          () => `MCEILING(${e(kind)})`,
          () => `MFLOOR(${e(kind)})`,
          () => `MOD(${e(kind)}, ${1 + this.int(7)})`,
          () =>
            `ROUND(${this.pick(['Num_A__c', 'Num_B__c', this.literalNumber()])}, ${this.int(3)})`,
          () => `LEN(${e('text')})`,
          () => `FIND(${e('text')}, ${e('text')})`,
          () => `${this.pick(['YEAR', 'MONTH', 'DAY', 'WEEKDAY'])}(${e('date')})`,
          () => `(${e('date')} - ${e('date')})`,
          () => `IF(${e('boolean')}, ${e(kind)}, ${e(kind)})`,
          () => `CASE(MOD(${e(kind)}, 3), 0, ${e(kind)}, 1, ${e(kind)}, ${e(kind)})`,
          () => `VALUE(TEXT(${e('exact')}))`,
          () => `BLANKVALUE(Blank_Num__c, ${e(kind)})`,
          () => `NULLVALUE(Blank_Num__c, ${e(kind)})`
        ];
        if (!exact) {
          options.push(
            () => `SQRT(ABS(${e(kind)}))`,
            () => `LN(ABS(${e(kind)}) + 1)`,
            () => `LOG(ABS(${e(kind)}) + 1)`,
            () => `EXP(MOD(${e(kind)}, 5))`
          );
        }
        return this.pick(options)();
      }
      case 'text':
        return this.pick<() => string>([
          () => `(${e('text')} & ${e('text')})`,
          () => `(${e('text')} + ${e('text')})`,
          () => `LEFT(${e('text')}, ${this.int(6)})`,
          () => `MID(${e('text')}, ${1 + this.int(4)}, ${this.int(5)})`,
          () => `LOWER(${e('text')})`,
          () => `UPPER(${e('text')})`,
          () => `TRIM(${e('text')})`,
          () => `LPAD(${e('text')}, ${this.int(9)}, "x")`,
          () => `RPAD(${e('text')}, ${this.int(9)}, "-")`,
          () =>
            `SUBSTITUTE(${e('text')}, ${this.text(this.pick(['a', 'e', ' ', 'ta']))}, ${this.text(this.pick(['', '_', 'AA']))})`,
          () => `TEXT(${e('exact')})`,
          () => `TEXT(${e('date')})`,
          () => 'TEXT(Stage__c)',
          () => `IF(${e('boolean')}, ${e('text')}, ${e('text')})`,
          () =>
            `CASE(Stage__c, "Prospecting", ${e('text')}, "Closed Won", ${e('text')}, ${e('text')})`,
          () => `BLANKVALUE(Text_A__c, ${e('text')})`,
          // Always with a target: without one the engine writes target="_blank" (pinned).
          () =>
            `HYPERLINK(${e('text')}, ${e('text')}, ${this.text(this.pick(['_self', '_blank', '_top']))})`,
          () => `IMAGE(${e('text')}, ${e('text')})`,
          () => `IMAGE(${e('text')}, ${e('text')}, ${this.int(64)}, ${this.int(64)})`
        ])();
      case 'boolean':
        return this.pick<() => string>([
          () =>
            `(${e('number')} ${this.pick(['<', '<=', '>', '>=', '=', '<>', '!=', '=='])} ${e('number')})`,
          () => `(${e('text')} ${this.pick(['=', '<>'])} ${e('text')})`,
          () => `(${e('date')} ${this.pick(['<', '>=', '='])} ${e('date')})`,
          () => `AND(${e('boolean')}, ${e('boolean')})`,
          () => `OR(${e('boolean')}, ${e('boolean')}, ${e('boolean')})`,
          () => `NOT(${e('boolean')})`,
          () => `(${e('boolean')} && ${e('boolean')})`,
          () => `(${e('boolean')} || ${e('boolean')})`,
          () =>
            `ISBLANK(${this.pick(['Text_A__c', 'Blank_Num__c', 'Blank_Date__c', 'TEXT(Stage__c)'])})`,
          () => `ISNULL(${this.pick(['Blank_Num__c', 'Blank_Date__c'])})`,
          () => `ISPICKVAL(Stage__c, ${this.text(this.pick(STAGES))})`,
          () => `INCLUDES(Tags__c, ${this.text(this.pick(TAGS))})`,
          () => `BEGINS(${e('text')}, ${e('text')})`,
          () => `CONTAINS(${e('text')}, ${e('text')})`,
          () => `REGEX(${e('text')}, "${this.pick(PATTERNS)}")`,
          () => `IF(${e('boolean')}, ${e('boolean')}, ${e('boolean')})`
        ])();
      case 'date':
        return this.pick<() => string>([
          () => `(${e('date')} + ${this.int(400)})`,
          () => `(${e('date')} - ${this.int(400)})`,
          () =>
            `ADDMONTHS(${this.pick(['Date_A__c', 'Date_B__c', this.dateLiteral()])}, ${this.signed(14)})`,
          () => `IF(${e('boolean')}, ${e('date')}, ${e('date')})`,
          () => `BLANKVALUE(Blank_Date__c, ${e('date')})`,
          () => `DATEVALUE(TEXT(${e('date')}))`
        ])();
    }
  }

  private dateLiteral(): string {
    return `DATE(${2000 + this.int(30)}, ${1 + this.int(12)}, ${1 + this.int(27)})`;
  }

  private leaf(kind: Kind): string {
    switch (kind) {
      case 'exact':
      case 'number':
        return this.pick(['Num_A__c', 'Num_B__c', this.literalNumber()]);
      case 'text':
        return this.pick(['Text_A__c', 'Text_B__c', this.text(this.pick(WORDS))]);
      case 'boolean':
        return this.pick(['Flag__c', 'TRUE', 'FALSE']);
      case 'date':
        return this.pick(['Date_A__c', 'Date_B__c', this.dateLiteral()]);
    }
  }
}

/** The same record as formulon wants it: one typed literal per field. */
export function formulonInputs(record: Record<string, unknown>): Record<string, FormulonLiteral> {
  const inputs: Record<string, FormulonLiteral> = {};
  for (const [name, field] of Object.entries(DIFF_SCHEMA.fields)) {
    const value = record[name];
    switch (field.type) {
      case 'Number':
      case 'Currency':
        inputs[name] = {
          type: 'literal',
          dataType: 'number',
          value,
          options: { length: 16, scale: 2 }
        };
        break;
      case 'Date':
        inputs[name] = {
          type: 'literal',
          dataType: 'date',
          value: value === null ? null : new Date(`${String(value)}T00:00:00Z`),
          options: {}
        };
        break;
      case 'Checkbox':
        inputs[name] = { type: 'literal', dataType: 'checkbox', value, options: {} };
        break;
      case 'Picklist':
        inputs[name] = { type: 'literal', dataType: 'picklist', value, options: {} };
        break;
      case 'MultiselectPicklist':
        inputs[name] = {
          type: 'literal',
          dataType: 'multipicklist',
          value: String(value)
            .split(';')
            .filter((tag) => tag !== ''),
          options: {}
        };
        break;
      default:
        inputs[name] = { type: 'literal', dataType: 'text', value, options: { length: 1000 } };
    }
  }
  return inputs;
}
