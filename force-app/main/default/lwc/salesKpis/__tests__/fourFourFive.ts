/**
 * Test data: an org with custom fiscal years of 4-4-5 weeks, each starting on the Sunday nearest
 * 1 January. FY2026 has 53 weeks, so its Q4 runs 14 weeks (98 days) against 13 (91 days) for the
 * other quarters. Rows as `PipelineFacts.fiscalQuarters` returns them (`Period`, Type 'Quarter').
 */
import type { FiscalCalendar, FiscalQuarterRow } from 'c/salesKpis';

const QUARTERS: [string, number, string, string][] = [
  ['2025', 1, '2024-12-29', '2025-03-29'],
  ['2025', 2, '2025-03-30', '2025-06-28'],
  ['2025', 3, '2025-06-29', '2025-09-27'],
  ['2025', 4, '2025-09-28', '2025-12-27'],
  ['2026', 1, '2025-12-28', '2026-03-28'],
  ['2026', 2, '2026-03-29', '2026-06-27'],
  ['2026', 3, '2026-06-28', '2026-09-26'],
  ['2026', 4, '2026-09-27', '2027-01-02'],
  ['2027', 1, '2027-01-03', '2027-04-03'],
  ['2027', 2, '2027-04-04', '2027-07-03'],
  ['2027', 3, '2027-07-04', '2027-10-02'],
  ['2027', 4, '2027-10-03', '2028-01-01']
];

/** The rows as the KPIs read them. */
export const FOUR_FOUR_FIVE_ROWS: FiscalQuarterRow[] = QUARTERS.map(
  ([year, quarter, start, end]) => ({
    StartDate: start,
    EndDate: end,
    Number: quarter,
    FiscalYearSettings: { Name: year }
  })
);

/** The rows as Apex serialises the `Period` records, with the fields the KPIs do not read. */
export const FOUR_FOUR_FIVE_APEX_ROWS = FOUR_FOUR_FIVE_ROWS.map((row, index) => ({
  Id: `026000000000${String(index).padStart(3, '0')}`,
  Type: 'Quarter',
  FiscalYearSettingsId: `022000000000${row.FiscalYearSettings.Name}`,
  ...row
}));

/** A January start month (what Organization says) plus the custom quarters. */
export const FOUR_FOUR_FIVE: FiscalCalendar = {
  FiscalYearStartMonth: 1,
  UsesStartDateAsFiscalYearName: false,
  Quarters: FOUR_FOUR_FIVE_ROWS
};
