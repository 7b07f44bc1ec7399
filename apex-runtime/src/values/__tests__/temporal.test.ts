import { ApexDate, ApexDatetime, ApexTime, instantOfWallTime, zoneOffsetAt } from '../temporal';

const HOUR = 3_600_000;
const wall = (text: string): number => Date.parse(`${text}Z`);

describe('temporal values', () => {
  describe('wall clock to instant, as java.util.GregorianCalendar resolves it', () => {
    it('reads an ordinary wall time with the zone s offset', () => {
      expect(instantOfWallTime('Europe/Copenhagen', wall('2026-06-15T12:00:00'))).toBe(
        wall('2026-06-15T10:00:00')
      );
    });

    it('moves a wall time in the spring-forward gap an hour later: 02:30 becomes 03:30', () => {
      const instant = instantOfWallTime('America/Chicago', wall('2026-03-08T02:30:00'));
      expect(instant).toBe(wall('2026-03-08T08:30:00'));
      expect(zoneOffsetAt('America/Chicago', instant)).toBe(-5 * HOUR);
    });

    it('gives a wall time in the autumn overlap the later, standard-time instant', () => {
      expect(instantOfWallTime('America/Chicago', wall('2026-11-01T01:30:00'))).toBe(
        wall('2026-11-01T07:30:00')
      );
    });

    it('reads the hours just before an autumn change with summer time', () => {
      expect(instantOfWallTime('America/Chicago', wall('2026-10-31T23:00:00'))).toBe(
        wall('2026-11-01T04:00:00')
      );
    });
  });

  describe('ApexDate', () => {
    it('counts months between ignoring days', () => {
      expect(ApexDate.of(2026, 1, 31).monthsBetween(ApexDate.of(2026, 3, 1))).toBe(2);
    });

    it('finds the start of the week for a given first day', () => {
      const thursday = ApexDate.of(2026, 12, 3);
      expect(thursday.toStartOfWeek(0).toIsoString()).toBe('2026-11-29');
      expect(thursday.toStartOfWeek(1).toIsoString()).toBe('2026-11-30');
    });
  });

  describe('ApexTime', () => {
    it('wraps backwards past midnight', () => {
      expect(ApexTime.of(0, 0, 0, 0).addSeconds(-1).toString()).toBe('23:59:59.000Z');
    });
  });

  describe('ApexDatetime', () => {
    it('adds months on the GMT calendar keeping the time of day', () => {
      const start = new ApexDatetime(wall('2024-01-31T08:15:00'));
      expect(start.addMonthsGmt(1).toIsoString()).toBe('2024-02-29T08:15:00.000Z');
    });
  });
});
