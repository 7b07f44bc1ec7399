/**
 * Progress bars go to stderr only when it is a terminal, so logs and pipes stay clean.
 */
import { Writable } from 'node:stream';
import { createProgress } from '../progress';

function stream(isTTY: boolean): { target: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const target = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      written.push(chunk.toString());
      callback();
    }
  }) as unknown as NodeJS.WriteStream;
  target.isTTY = isTTY;
  return { target, written };
}

describe('createProgress', () => {
  it('draws the share done on a terminal and clears the line at the end', () => {
    const { target, written } = stream(true);
    const bar = createProgress('seed', 200, { stream: target });
    bar.update(200);
    bar.done();

    expect(written[0]).toContain('seed [############################] 100% 200 / 200');
    expect(written[written.length - 1]).toBe('\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { target, written } = stream(false);
    const bar = createProgress('audit', 10, { stream: target });
    bar.update(5);
    bar.done();

    expect(written).toEqual([]);
  });
});
