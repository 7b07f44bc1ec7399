import { problemWith } from './fieldChecks';

describe('problemWith', () => {
  it('accepts text within the length and rejects longer text', () => {
    expect(problemWith('abc', { type: 'Text', length: 3 })).toBeUndefined();
    expect(problemWith('abcd', { type: 'Text', length: 3 })).toMatch(/exceed/);
  });

  it('rejects a number with more decimals or integer digits than the field allows', () => {
    expect(problemWith(12.5, { type: 'Number', precision: 3, scale: 1 })).toBeUndefined();
    expect(problemWith(1.25, { type: 'Number', precision: 3, scale: 1 })).toMatch(/decimals/);
    expect(problemWith(123, { type: 'Number', precision: 3, scale: 1 })).toMatch(/integer/);
  });

  it('rejects a value outside the picklist', () => {
    const spec = { type: 'Picklist', picklistValues: ['Draft', 'Active'] };
    expect(problemWith('Active', spec)).toBeUndefined();
    expect(problemWith('Closed', spec)).toMatch(/not a value/);
  });

  it('rejects impossible dates and date-times without milliseconds and zone', () => {
    expect(problemWith('2026-02-30', { type: 'Date' })).toMatch(/not a date/);
    expect(problemWith('2026-11-16T10:00:00', { type: 'DateTime' })).toMatch(/date-time/);
    expect(problemWith('2026-11-16T10:00:00.000Z', { type: 'DateTime' })).toBeUndefined();
  });

  it('rejects any value for formula, roll-up and auto-number fields', () => {
    expect(problemWith(3, { type: 'Number', writable: false })).toMatch(/not writable/);
  });

  it('expects lookups as @references', () => {
    expect(problemWith('001000000000001', { type: 'Lookup' })).toMatch(/@reference/);
  });
});
