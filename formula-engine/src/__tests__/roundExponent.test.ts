import { roundHalfAwayFromZero } from '../numbers';
import { run } from './testSchema';

/**
 * ROUND of numbers JavaScript writes with an exponent (below 1e-6 or from 1e21): those take a
 * separate branch (the decimal-text shift cannot read "9e-7"), which must still round half away
 * from zero, not truncate. 9e-7 x 1e6 is 0.8999999999999999: rounds to 1, truncates to 0.
 */
describe('ROUND of numbers written with an exponent', () => {
  it.each([
    // [value, digits, expected] worked by hand: 9e-7 to 6 places is 0.000001.
    [9e-7, 6, 1e-6],
    [-9e-7, 6, -1e-6],
    // 2.5e-7 to 7 places: a half, away from zero.
    [2.5e-7, 7, 3e-7],
    [-2.5e-7, 7, -3e-7],
    // 1.5e-7 to 7 places: 2e-7; truncating would give 1e-7.
    [1.5e-7, 7, 2e-7],
    // 4e-7 to 6 places: 0.4 rounds down to 0.
    [4e-7, 6, 0]
  ])('rounds %p to %p places as %p', (value, digits, expected) => {
    expect(roundHalfAwayFromZero(value, digits)).toBe(expected);
  });

  it('rounds through the formula function the same way', () => {
    expect(run('ROUND(0.0000009, 6)', {})).toBe(0.000001);
    expect(run('ROUND(-0.0000009, 6)', {})).toBe(-0.000001);
  });

  it('leaves a huge number (1.5e21, exponent form) whole', () => {
    expect(roundHalfAwayFromZero(1.5e21, 0)).toBe(1.5e21);
  });
});
