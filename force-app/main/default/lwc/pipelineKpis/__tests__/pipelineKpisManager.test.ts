/** Home for a manager: the running user (a module-level mock) manages the fixture's team. */
import { createElement } from 'lwc';
import PipelineKpis from 'c/pipelineKpis';
import getPipelineFacts from '@salesforce/apex/PipelineReviewController.getPipelineFacts';
import facts from '../../pipelineReview/__tests__/data/pipelineFacts.json';

jest.mock(
  '@salesforce/apex/PipelineReviewController.getPipelineFacts',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/user/Id', () => ({ default: '005M' }), { virtual: true });

interface TestWireAdapter {
  emit(value: unknown): void;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function tile(element: HTMLElement, key: string): string {
  const tiles = element.shadowRoot?.querySelector('c-kpi-tiles');
  return (
    tiles?.shadowRoot?.querySelector(`[data-tile="${key}"] [data-id="tile-value"]`)?.textContent ??
    ''
  ).trim();
}

describe('c-pipeline-kpis on a manager’s Home', () => {
  it('shows the team’s numbers, not the manager’s own zeros', async () => {
    const element = createElement('c-pipeline-kpis', { is: PipelineKpis });
    document.body.appendChild(element);
    (getPipelineFacts as unknown as TestWireAdapter).emit(facts);
    await flush();
    // Maja (005M) owns no deal; her sellers Anna and Bo won 6,000 of a 30,000 target, and the
    // totals give them 10,000 + 12,000 open: coverage 22,000 / 24,000.
    expect(element.shadowRoot?.textContent).toContain('c.SSM_Kpis_Team_Title');
    expect(tile(element, 'closedWon')).toBe('$6,000');
    expect(tile(element, 'openPipeline')).toBe('$22,000');
    expect(tile(element, 'coverage')).toBe('0.9x');
    await expect(element).toBeAccessible();
  });
});
