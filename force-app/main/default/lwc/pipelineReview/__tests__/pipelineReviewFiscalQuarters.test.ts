import { createElement } from 'lwc';
import PipelineReview from 'c/pipelineReview';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import facts from './data/pipelineFacts.json';
import { FOUR_FOUR_FIVE_APEX_ROWS } from '../../salesKpis/__tests__/fourFourFive';

jest.mock(
  '@salesforce/apex/PipelineReviewController.getPipelineFacts',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock('@salesforce/user/Id', () => ({ default: '005M' }), { virtual: true });

interface TestWireAdapter {
  emit(value: unknown): void;
}

interface Option {
  label: string;
  value: string;
}

const adapter = getPipelineFacts as unknown as TestWireAdapter;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function periodChoices(data: unknown): Promise<{ options: Option[]; value: string }> {
  const element = createElement('c-pipeline-review', { is: PipelineReview });
  document.body.appendChild(element);
  adapter.emit(data);
  await flush();
  const filters = element.shadowRoot?.querySelector('c-review-filters') as unknown as {
    periodOptions: Option[];
    periodValue: string;
  } | null;
  if (!filters) throw new Error('no c-review-filters');
  return { options: filters.periodOptions, value: filters.periodValue };
}

describe('c-pipeline-review period picker with custom fiscal years', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('offers the org’s quarters when the facts carry its Period rows', async () => {
    // Apex read this fiscal quarter (FY2026 Q4, 14 weeks) from the same rows.
    const { options, value } = await periodChoices({
      ...facts,
      periodStart: '2026-09-27',
      periodEnd: '2027-01-02',
      fiscalQuarters: FOUR_FOUR_FIVE_APEX_ROWS
    });
    expect(options.map((option) => option.value)).toEqual([
      '2026-09-27..2027-01-02',
      '2027-01-03..2027-04-03',
      '2026-06-28..2026-09-26',
      '2026-11-01..2026-11-30',
      '2026-12-01..2026-12-31'
    ]);
    expect(value).toBe('2026-09-27..2027-01-02');
  });

  it('keeps the start-month quarters when the facts carry none', async () => {
    const { options } = await periodChoices(facts);
    expect(options.slice(0, 3).map((option) => option.value)).toEqual([
      '2026-10-01..2026-12-31',
      '2027-01-01..2027-03-31',
      '2026-07-01..2026-09-30'
    ]);
  });
});
