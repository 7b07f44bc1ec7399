import { FormulaError } from './formulaError';
import { tokenize, Token } from './lexer';

interface Span {
  readonly start: number;
  readonly end: number;
}

export type AstNode =
  | (Span & { readonly kind: 'number'; readonly value: number })
  | (Span & { readonly kind: 'string'; readonly value: string })
  | (Span & { readonly kind: 'boolean'; readonly value: boolean })
  | (Span & { readonly kind: 'null' })
  | (Span & { readonly kind: 'field'; readonly name: string })
  | (Span & {
      readonly kind: 'call';
      readonly name: string;
      readonly nameEnd: number;
      readonly args: readonly AstNode[];
    })
  | (Span & { readonly kind: 'unary'; readonly op: string; readonly operand: AstNode })
  | (Span & {
      readonly kind: 'binary';
      readonly op: string;
      readonly opStart: number;
      readonly opEnd: number;
      readonly left: AstNode;
      readonly right: AstNode;
    });

/** Deep enough for any real formula, shallow enough that the JS stack never overflows. */
const MAX_DEPTH = 256;

/**
 * Operator precedence, loosest first. Salesforce documents: ^ binds tightest, then unary ! and -,
 * then * /, then + -, then &, then comparisons, then &&, then ||.
 */
const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['=', '==', '!=', '<>'],
  ['<', '<=', '>', '>='],
  ['&'],
  ['+', '-'],
  ['*', '/']
];

export function parse(source: string): AstNode {
  return new Parser(tokenize(source)).parseFormula();
}

class Parser {
  private readonly tokens: Token[];
  private position = 0;
  private depth = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parseFormula(): AstNode {
    if (this.peek().kind === 'eof') {
      throw new FormulaError('Syntax error. The formula is empty', 0, 0);
    }
    const node = this.parseLevel(0);
    const next = this.peek();
    if (next.kind !== 'eof') {
      throw new FormulaError(`Syntax error. Extra ${describe(next)}`, next.start, next.end);
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    return this.tokens[this.position++];
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_DEPTH) {
      throw new FormulaError('Formula is nested too deeply', token.start, token.end);
    }
  }

  private parseLevel(level: number): AstNode {
    if (level === BINARY_LEVELS.length) {
      return this.parseUnary();
    }
    const operators = BINARY_LEVELS[level];
    let left = this.parseLevel(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'op' || !operators.includes(token.text)) {
        return left;
      }
      this.next();
      const right = this.parseLevel(level + 1);
      left = {
        kind: 'binary',
        op: token.text,
        opStart: token.start,
        opEnd: token.end,
        left,
        right,
        start: left.start,
        end: right.end
      };
    }
  }

  private parseUnary(): AstNode {
    const token = this.peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '+' || token.text === '!')) {
      this.next();
      this.enter(token);
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', op: token.text, operand, start: token.start, end: operand.end };
    }
    return this.parsePower();
  }

  /** `^` is left-associative (2^3^2 = 64), like formulon and spreadsheet formulas. */
  private parsePower(): AstNode {
    let left = this.parsePrimary();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'op' || token.text !== '^') {
        return left;
      }
      this.next();
      const sign = this.peek();
      let right: AstNode;
      if (sign.kind === 'op' && (sign.text === '-' || sign.text === '+')) {
        this.next();
        const operand = this.parsePrimary();
        right = { kind: 'unary', op: sign.text, operand, start: sign.start, end: operand.end };
      } else {
        right = this.parsePrimary();
      }
      left = {
        kind: 'binary',
        op: '^',
        opStart: token.start,
        opEnd: token.end,
        left,
        right,
        start: left.start,
        end: right.end
      };
    }
  }

  private parsePrimary(): AstNode {
    const token = this.next();
    switch (token.kind) {
      case 'number': {
        const value = Number(token.text);
        // 400 digits read as Infinity in a double: refused, so no value is ever infinite.
        if (!Number.isFinite(value)) {
          throw new FormulaError('The number is too large', token.start, token.end);
        }
        return { kind: 'number', value, start: token.start, end: token.end };
      }
      case 'string':
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'lparen': {
        this.enter(token);
        const inner = this.parseLevel(0);
        this.depth--;
        this.expect('rparen', token);
        return inner;
      }
      case 'ident':
        return this.parseIdentifier(token);
      default:
        throw new FormulaError(
          token.kind === 'eof'
            ? 'Syntax error. The formula ends too early'
            : `Syntax error. Unexpected ${describe(token)}`,
          token.start,
          token.end
        );
    }
  }

  private parseIdentifier(token: Token): AstNode {
    if (this.peek().kind === 'lparen') {
      const open = this.next();
      this.enter(open);
      const args: AstNode[] = [];
      if (this.peek().kind !== 'rparen') {
        for (;;) {
          args.push(this.parseLevel(0));
          if (this.peek().kind !== 'comma') break;
          this.next();
        }
      }
      this.depth--;
      const close = this.expect('rparen', open);
      return {
        kind: 'call',
        name: token.text.toUpperCase(),
        nameEnd: token.end,
        args,
        start: token.start,
        end: close.end
      };
    }
    const upper = token.text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') {
      return { kind: 'boolean', value: upper === 'TRUE', start: token.start, end: token.end };
    }
    if (upper === 'NULL') {
      return { kind: 'null', start: token.start, end: token.end };
    }
    return { kind: 'field', name: token.text, start: token.start, end: token.end };
  }

  private expect(kind: 'rparen', opener: Token): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      throw new FormulaError(
        `Syntax error. Missing ')' for the '(' at position ${opener.start}; found ${describe(token)}`,
        token.start,
        token.end
      );
    }
    return this.next();
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of formula';
    case 'string':
      return 'text literal';
    case 'number':
      return `number ${token.text}`;
    case 'ident':
      return `name ${token.text}`;
    default:
      return `'${token.text}'`;
  }
}
