import { ApexRuntimeError } from '../apexErrors';
import { booleanValueOf, doubleValueOf, integerValueOf, longValueOf } from '../numbers';

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApexRuntimeError) return `${error.apexType}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an ApexRuntimeError');
}

// Integer Class, Long Class, Double Class, Boolean Class: valueOf(String).
describe('number parsing', () => {
  it('reads an Integer with a sign', () => {
    expect([integerValueOf('42'), integerValueOf('-7'), integerValueOf('+3')]).toEqual([42, -7, 3]);
  });

  it('raises System.TypeException: Invalid integer for text that is not one', () => {
    expect(message(() => integerValueOf('abc'))).toBe('System.TypeException: Invalid integer: abc');
    expect(message(() => integerValueOf('1.5'))).toBe('System.TypeException: Invalid integer: 1.5');
  });

  it('refuses an Integer outside 32 bits', () => {
    expect(message(() => integerValueOf('2147483648'))).toBe(
      'System.TypeException: Invalid integer: 2147483648'
    );
  });

  it('reads a Long within 64 bits', () => {
    expect(longValueOf('9223372036854775807')).toBe(9223372036854775807n);
    expect(message(() => longValueOf('9223372036854775808'))).toBe(
      'System.TypeException: Invalid long: 9223372036854775808'
    );
  });

  it('reads a Double as Java does, trimming spaces and reading exponents', () => {
    expect([doubleValueOf(' 1.5e3 ').value, doubleValueOf('-.5').value]).toEqual([1500, -0.5]);
    expect(doubleValueOf('NaN').value).toBeNaN();
  });

  it('raises System.TypeException: Invalid double for other text', () => {
    expect(message(() => doubleValueOf('1,5'))).toBe('System.TypeException: Invalid double: 1,5');
  });

  // Boolean Class, valueOf(String): true when the string is "true", ignoring case.
  it('reads true ignoring case, and anything else as false', () => {
    expect([booleanValueOf('TRUE'), booleanValueOf('yes'), booleanValueOf(null)]).toEqual([
      true,
      false,
      false
    ]);
  });
});
