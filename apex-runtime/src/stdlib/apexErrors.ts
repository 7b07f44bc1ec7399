/**
 * An error the platform raises as a catchable Apex exception: `apexType` is the exception type
 * (`System.MathException`), `message` what `getMessage()` returns. Pure library code throws it;
 * the interpreter turns it into an Apex exception object at the line that caused it.
 */
export class ApexRuntimeError extends Error {
  constructor(
    readonly apexType: string,
    message: string
  ) {
    super(message);
  }
}

/**
 * A platform feature the offline runtime does not implement. It is not an Apex exception (Apex
 * code cannot catch it): the run stops and says what is missing, rather than computing a result
 * the org would not.
 */
export class NotSupportedOfflineError extends Error {
  constructor(readonly what: string) {
    super(`not supported offline: ${what}`);
  }
}

/** The platform's message for a method called on null or a null operand. */
export const NULL_DEREFERENCE_MESSAGE = 'Attempt to de-reference a null object';

export function nullPointerError(): ApexRuntimeError {
  return new ApexRuntimeError('System.NullPointerException', NULL_DEREFERENCE_MESSAGE);
}

export function mathError(message: string): ApexRuntimeError {
  return new ApexRuntimeError('System.MathException', message);
}

export function typeError(message: string): ApexRuntimeError {
  return new ApexRuntimeError('System.TypeException', message);
}

export function stringError(message: string): ApexRuntimeError {
  return new ApexRuntimeError('System.StringException', message);
}

/** Throws the NullPointerException Apex raises when `value` is null (or undefined). */
export function requireNonNull<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw nullPointerError();
  return value;
}
