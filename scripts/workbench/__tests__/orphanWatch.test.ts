/**
 * A kill of `npm start` ends the shell npm started, which does not pass the signal on: the
 * server must stop by itself rather than keep listening.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const FIXTURE = join(__dirname, '__fixtures__', 'orphanServer.ts');

function waitFor(output: () => string, text: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (output().includes(text) || Date.now() - started > ms) {
        clearInterval(timer);
        resolve(output().includes(text));
      }
    }, 50);
  });
}

describe('stopWhenOrphaned', () => {
  it('stops the server once the shell that started it is killed', async () => {
    // The server's stdout goes to a file descriptor the shell passes on, and survives the shell.
    const shell = spawn('sh', ['-c', `"${process.execPath}" --import tsx "${FIXTURE}"; true`], {
      stdio: ['ignore', 'pipe', 'inherit']
    });
    let output = '';
    shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await waitFor(() => output, 'listening', 30_000)).toBe(true);
    shell.kill('SIGTERM');
    expect(await waitFor(() => output, 'stopped', 5_000)).toBe(true);
  }, 40_000);
});
