/** Types for the parts of formulon (dev dependency, no bundled types) the tests and bench use. */
declare module 'formulon' {
  export interface FormulonLiteral {
    type: 'literal';
    dataType: string;
    value: unknown;
    options?: Record<string, unknown>;
  }
  export interface FormulonError {
    type: 'error';
    errorType: string;
    message: string;
  }
  export function parse(
    formula: string,
    substitutions?: Record<string, FormulonLiteral>
  ): FormulonLiteral | FormulonError;
  export function extract(formula: string): string[];
}
