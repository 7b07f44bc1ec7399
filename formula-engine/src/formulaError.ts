/**
 * The one error type the engine throws. `start` and `end` are offsets into the formula source
 * (end exclusive) so an editor can underline the exact span; `phase` tells a caller whether the
 * formula is broken (compile) or only failed on this record (runtime, e.g. division by zero).
 */
export class FormulaError extends Error {
  readonly start: number;
  readonly end: number;
  readonly phase: 'compile' | 'runtime';

  constructor(
    message: string,
    start: number,
    end: number,
    phase: 'compile' | 'runtime' = 'compile'
  ) {
    super(message);
    this.name = 'FormulaError';
    this.start = start;
    this.end = end;
    this.phase = phase;
  }
}
