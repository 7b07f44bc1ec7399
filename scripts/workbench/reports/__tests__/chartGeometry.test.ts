import { chartGeometry, niceMax } from '../chartGeometry';
import type { ChartResult } from '../reportRun';

const format = (value: number | null) => (value === null ? '—' : String(value));

function chart(overrides: Partial<ChartResult>): ChartResult {
  return {
    kind: 'line',
    title: 'Trend',
    categoryLabel: 'Week',
    categories: [],
    series: [],
    stacked: false,
    combo: false,
    total: null,
    ...overrides
  };
}

const WEEKS = Array.from({ length: 26 }, (_, index) => ({
  key: `w${index}`,
  label: `Week ${index + 1}`
}));

describe('chart geometry', () => {
  it('it_should_draw_one_marker_per_week_of_a_26_week_trend_and_a_dashed_second_series', () => {
    const geometry = chartGeometry(
      chart({
        categories: WEEKS,
        series: [
          { label: 'Coverage', format: 'number', values: WEEKS.map((_, index) => index / 10) },
          { label: 'Target', format: 'number', values: WEEKS.map(() => 3) }
        ]
      }),
      format
    );
    expect(geometry.lines.map((line) => line.markers.length)).toEqual([26, 26]);
    expect(geometry.lines[0].dash).toBe('');
    expect(geometry.lines[1].dash).not.toBe('');
    expect(geometry.table.rows).toHaveLength(26);
    expect(geometry.summaryParts).toEqual(['Coverage, Target', 'Week', '26', 'Week 1', 'Week 26']);
    // Many weeks: every 4th labelled, so the labels do not overlap.
    expect(geometry.texts.filter((text) => text.key.startsWith('category-'))).toHaveLength(7);
  });

  it('it_should_draw_a_combination_chart_as_columns_with_a_target_line', () => {
    const geometry = chartGeometry(
      chart({
        kind: 'column',
        combo: true,
        categories: WEEKS.slice(0, 3),
        series: [
          { label: 'Score', format: 'number', values: [1, 2, 3] },
          { label: 'Target', format: 'number', values: [2, 2, 2] }
        ]
      }),
      format
    );
    expect(geometry.bars).toHaveLength(3);
    expect(geometry.lines).toHaveLength(1);
    expect(geometry.lines[0].title).toBe('Target');
  });

  it('it_should_draw_a_donut_arc_per_share_labelled_with_its_percentage', () => {
    const geometry = chartGeometry(
      chart({
        kind: 'donut',
        categories: [
          { key: 'a', label: 'High' },
          { key: 'b', label: 'Low' },
          { key: 'c', label: 'None' }
        ],
        series: [{ label: 'Findings', format: 'number', values: [3, 1, 0] }]
      }),
      format
    );
    expect(geometry.arcs.map((arc) => arc.title)).toEqual(['High: 3 (75%)', 'Low: 1 (25%)']);
    expect(geometry.texts.map((text) => text.text)).toContain('High 75%');
  });

  it('it_should_stack_bars_and_scale_the_axis_to_a_round_maximum', () => {
    const geometry = chartGeometry(
      chart({
        kind: 'bar',
        stacked: true,
        categories: [{ key: 'x', label: 'Segment' }],
        series: [
          { label: 'Won', format: 'number', values: [30] },
          { label: 'Lost', format: 'number', values: [12] }
        ]
      }),
      format
    );
    const [won, lost] = geometry.bars;
    expect(lost.x).toBeCloseTo(won.x + won.width, 0);
    expect(niceMax(42)).toBe(50);
    expect(niceMax(0)).toBe(1);
  });

  it('it_should_draw_nothing_but_the_table_for_a_metric', () => {
    const geometry = chartGeometry(
      chart({
        kind: 'metric',
        total: 7,
        series: [{ label: 'Deals', format: 'number', values: [7] }]
      }),
      format
    );
    expect([geometry.bars, geometry.lines, geometry.arcs]).toEqual([[], [], []]);
    expect(geometry.table.rows[0].cells).toEqual([{ key: 'cell-0', text: '7' }]);
  });
});
