import { removeRendered, segmentRowCells } from './segmentRow';

// The running user, as Lightning's @salesforce/i18n modules give them: a US-English user in a DKK org.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'DKK' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'America/New_York' }), { virtual: true });
jest.mock(
  '@salesforce/apex/SegmentOverviewController.getOverview',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

describe('c-segment-overview for a US-English user in a DKK org', () => {
  afterEach(removeRendered);

  it('shows amounts in the org currency, written the US-English way', async () => {
    const row = await segmentRowCells(1_234_567);
    expect(row[3]).toBe('DKK\u00a03,000');
    expect(row[6]).toBe('DKK\u00a01,234,567');
    expect(row.slice(7, 9)).toEqual(['60%', '50%']);
  });
});
