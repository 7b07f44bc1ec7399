import { createElement } from 'lwc';
import PipelineWaterfall from 'c/pipelineWaterfall';
import { waterfallBars, type WaterfallStep } from '../waterfallGeometry';

const STEPS: WaterfallStep[] = [
  { key: 'opening', label: 'Open pipeline on Oct 1', value: 480, total: true },
  { key: 'newDeals', label: 'New', value: 80, total: false },
  { key: 'won', label: 'Won', value: -100, total: false },
  { key: 'closing', label: 'Open pipeline today', value: 460, total: true }
];

function render(): HTMLElement {
  const element = createElement('c-pipeline-waterfall', { is: PipelineWaterfall });
  Object.assign(element, { heading: 'Bridge', summary: 'From 480 to 460', steps: STEPS });
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('c-pipeline-waterfall', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('stands totals on zero and starts each step where the running total stood', () => {
    const bars = waterfallBars(STEPS);
    expect(bars.map((bar) => bar.runningTotal)).toEqual([480, 560, 460, 460]);
    expect(bars.map((bar) => bar.kind)).toEqual(['total', 'up', 'down', 'total']);
    // The new deals' bar sits on top of the opening bar; the won bar hangs from the new top.
    expect(bars[1].y + bars[1].height).toBeCloseTo(bars[0].y, 5);
    expect(bars[2].y).toBeCloseTo(bars[1].y, 5);
    expect(bars[3].connector).toBeNull();
  });

  it('writes each bar’s signed value in text and names the chart for screen readers', async () => {
    const element = render();
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    const values = [...root.querySelectorAll('text.value')].map((node) => node.textContent?.trim());
    expect(values).toEqual(['$480', '+$80', '−$100', '$460']);
    expect(root.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(root.querySelector('desc')?.textContent).toBe('From 480 to 460');
    await expect(element).toBeAccessible();
  });

  it('shows the same figures as a table on request', async () => {
    const element = render();
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    const toggle = root.querySelector('button[data-id="toggle-table"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = [...root.querySelectorAll('tr[data-step]')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())
    );
    expect(rows).toEqual([
      ['Open pipeline on Oct 1', '$480', '$480'],
      ['New', '+$80', '$560'],
      ['Won', '−$100', '$460'],
      ['Open pipeline today', '$460', '$460']
    ]);
    await expect(element).toBeAccessible();
  });
});
