import { createElement } from 'lwc';
import KpiTiles from 'c/kpiTiles';

const TILES = [
  {
    key: 'winRate',
    label: 'Win rate',
    value: '34%',
    detail: 'Target: 30%',
    status: 'On target',
    statusClass: 'slds-text-color_success',
    iconName: 'utility:success'
  },
  {
    key: 'pushes',
    label: 'Close-date pushes',
    value: '2',
    detail: '',
    status: '',
    statusClass: '',
    iconName: ''
  }
];

function render(perRow?: number): HTMLElement {
  const element = createElement('c-kpi-tiles', { is: KpiTiles });
  Object.assign(element, { tiles: TILES, ...(perRow ? { perRow } : {}) });
  document.body.appendChild(element);
  return element;
}

describe('c-kpi-tiles', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('states each KPI’s status in words next to its icon, and none for KPIs without a target', async () => {
    const element = render();
    const root = element.shadowRoot as ShadowRoot;
    const status = root.querySelectorAll('[data-id="tile-status"]');
    expect(status).toHaveLength(1);
    expect(status[0].textContent?.trim()).toBe('On target');
    expect(root.querySelector('[data-tile="pushes"] [data-id="tile-value"]')?.textContent).toBe(
      '2'
    );
    await expect(element).toBeAccessible();
  });

  it('puts four tiles on a row on wider screens when asked', () => {
    const element = render(4);
    const item = (element.shadowRoot as ShadowRoot).querySelector('li');
    expect(item?.className).toContain('slds-medium-size_1-of-4');
  });
});
