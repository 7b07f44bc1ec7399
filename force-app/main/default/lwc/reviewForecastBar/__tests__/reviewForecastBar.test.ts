import { createElement } from 'lwc';
import ReviewForecastBar from 'c/reviewForecastBar';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(target: number | null): HTMLElement {
  const element = createElement('c-review-forecast-bar', { is: ReviewForecastBar });
  Object.assign(element, {
    rollup: { closed: 6000, commit: 16000, bestCase: 16000, openPipeline: 20000, omitted: 0 },
    target
  });
  document.body.appendChild(element);
  return element;
}

describe('c-review-forecast-bar', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('stacks each category’s own amount and marks the target', async () => {
    const element = render(30000);
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    const widths = [...root.querySelectorAll('[data-segment] rect')].map((rect) =>
      Number(rect.getAttribute('width'))
    );
    // 720 units for the target of 30,000: closed 6,000, commit 10,000, best case 0, pipeline 4,000.
    expect(widths).toEqual([144, 240, 0, 96]);
    expect(root.querySelector('line.target')?.getAttribute('x1')).toBe('720');
    await expect(element).toBeAccessible();
  });

  it('lists the categories, cumulative, and the target in a table on request', async () => {
    const element = render(null);
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('line.target')).toBeNull();
    (root.querySelector('button[data-id="toggle-table"]') as HTMLButtonElement).click();
    await flush();
    const rows = [...root.querySelectorAll('tr[data-category]')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim())
    );
    expect(rows).toEqual([
      ['$6K', '$6K'],
      ['$10K', '$16K'],
      ['$0', '$16K'],
      ['$4K', '$20K']
    ]);
    await expect(element).toBeAccessible();
  });
});
