import { addHours, addMilliseconds, addMinutes, hour, newInstance } from '../timeMethods';

// Apex Reference, "Time Class".
describe('Time class', () => {
  it('builds a time and prints it as Apex does', () => {
    expect(newInstance(18, 30, 2, 20).toString()).toBe('18:30:02.020Z');
  });

  it('wraps past midnight when adding', () => {
    expect(addHours(newInstance(23, 0, 0, 0), 2).toString()).toBe('01:00:00.000Z');
    expect(addMinutes(newInstance(0, 10, 0, 0), -20).toString()).toBe('23:50:00.000Z');
  });

  it('adds milliseconds', () => {
    expect(addMilliseconds(newInstance(0, 0, 0, 999), 2).toString()).toBe('00:00:01.001Z');
  });

  it('reads the hour', () => {
    expect(hour(newInstance(7, 5, 0, 0))).toBe(7);
  });
});
