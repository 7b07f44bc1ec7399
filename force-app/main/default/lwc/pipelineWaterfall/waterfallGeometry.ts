/**
 * The geometry of a waterfall chart: totals stand on zero, each step starts where the running
 * total stood and moves it by its signed value. Pure, in SVG user units of a fixed view box that
 * the browser scales to the card's width.
 */
export interface WaterfallStep {
  key: string;
  label: string;
  value: number;
  /** A total (opening, closing) stands on zero; a step moves the running total. */
  total: boolean;
}

export interface WaterfallBar {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 'total' | 'up' | 'down': the bar's class; the sign is also written in the value text. */
  kind: 'total' | 'up' | 'down';
  /** The running total after the bar. */
  runningTotal: number;
  labelX: number;
  valueY: number;
  /** Connector to the next bar at the running total, or null for the last bar. */
  connector: { x1: number; x2: number; y: number } | null;
  /** The step's label split into short lines under the bar. */
  lines: { key: string; text: string; dy: number }[];
}

export const VIEW_WIDTH = 720;
export const VIEW_HEIGHT = 260;
const TOP = 24;
const BASELINE_AREA = 196;
const LINE_CHARS = 14;

function splitLabel(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= LINE_CHARS) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.slice(0, 3);
}

/** The bars of the steps, scaled so that zero and every running total fit the plot. */
export function waterfallBars(steps: readonly WaterfallStep[]): WaterfallBar[] {
  const tops: number[] = [0];
  let running = 0;
  for (const step of steps) {
    running = step.total ? step.value : running + step.value;
    tops.push(running);
  }
  const max = Math.max(...tops);
  const min = Math.min(...tops);
  const span = max - min || 1;
  const y = (value: number) => TOP + ((max - value) / span) * (BASELINE_AREA - TOP);
  const slot = VIEW_WIDTH / Math.max(steps.length, 1);
  const width = slot * 0.6;
  running = 0;
  return steps.map((step, index) => {
    const from = step.total ? 0 : running;
    const to = step.total ? step.value : running + step.value;
    running = to;
    const x = index * slot + (slot - width) / 2;
    const top = Math.min(y(from), y(to));
    const height = Math.max(Math.abs(y(from) - y(to)), 1);
    const kind: WaterfallBar['kind'] = step.total ? 'total' : step.value < 0 ? 'down' : 'up';
    return {
      key: step.key,
      x,
      y: top,
      width,
      height,
      kind,
      runningTotal: to,
      labelX: x + width / 2,
      valueY: top - 6,
      connector: index < steps.length - 1 ? { x1: x + width, x2: x + slot, y: y(to) } : null,
      lines: splitLabel(step.label).map((text, line) => ({
        key: `${step.key}-${line}`,
        text,
        dy: line === 0 ? 0 : 13
      }))
    };
  });
}

/** Where the labels under the bars start. */
export const LABEL_Y = BASELINE_AREA + 18;
