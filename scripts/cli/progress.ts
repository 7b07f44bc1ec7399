/**
 * A progress bar on stderr, drawn only when stderr is a terminal, so pipes, CI logs and the
 * JSON on stdout never see control characters. Redraws at most ten times a second.
 */
export interface Progress {
  /** Sets the amount done (and the total, when it becomes known). */
  update(done: number, total?: number): void;
  /** Clears the bar; call once the work is over. */
  done(): void;
}

const WIDTH = 28;
const REDRAW_MS = 100;

export const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

export function createProgress(
  label: string,
  total: number,
  options: { stream?: NodeJS.WriteStream; format?: (value: number) => string } = {}
): Progress {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) return NO_PROGRESS;
  const format = options.format ?? ((value: number) => Math.round(value).toLocaleString('en-US'));
  let last = 0;
  let currentTotal = total;
  let drawn = false;
  const draw = (done: number) => {
    const share = currentTotal > 0 ? Math.min(1, done / currentTotal) : 0;
    const filled = Math.round(share * WIDTH);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
    const totalText = currentTotal > 0 ? ` / ${format(currentTotal)}` : '';
    stream.write(
      `\r${label} [${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${format(done)}${totalText}\x1b[K`
    );
    drawn = true;
  };
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) currentTotal = newTotal;
      const now = Date.now();
      if (now - last < REDRAW_MS && done < currentTotal) return;
      last = now;
      draw(done);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    }
  };
}
