import { removeRendered, segmentRowCells } from './segmentRow';

// The running user, as Lightning's @salesforce/i18n modules give them: a Danish seller in a DKK org.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'da-DK' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Copenhagen' }), { virtual: true });
jest.mock(
  '@salesforce/apex/SegmentOverviewController.getOverview',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

describe('c-segment-overview for a Danish seller in a DKK org', () => {
  afterEach(removeRendered);

  it('shows amounts in Danish kroner the Danish way, and shares with the Danish percent', async () => {
    const row = await segmentRowCells(1_234_567);
    // Intl writes a non-breaking space (U+00A0) where the locale puts a space.
    expect(row[3]).toBe('3.000\u00a0kr.');
    expect(row[6]).toBe('1.234.567\u00a0kr.');
    expect(row.slice(7, 9)).toEqual(['60\u00a0%', '50\u00a0%']);
  });
});
