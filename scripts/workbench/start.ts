/**
 * `npm start`: the offline workbench. Serves the package's own Lightning Web Components on the
 * sample org at http://127.0.0.1:4173/ (PORT overrides the port). `npm start -- --reset`
 * discards the edits kept in .workbench/store.json first.
 */
import { stopWhenOrphaned } from './orphanWatch';
import { DEFAULT_PORT } from './paths';

/** Read before the workbench's modules load, which takes seconds (see stopWhenOrphaned). */
const PARENT = process.ppid;

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--reset');
  if (unknown.length)
    throw new Error(`Unknown option ${unknown.join(' ')}; the only one is --reset`);
  // Until the server runs there is nothing to close.
  let close = (): Promise<void> => Promise.resolve();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  stopWhenOrphaned(PARENT, stop);
  const { startWorkbench } = await import('./workbench');
  const running = await startWorkbench({
    port: portFrom(process.env.PORT),
    reset: args.includes('--reset'),
    log: (line) => console.log(line)
  });
  close = running.close;
  console.log('');
  console.log(`Sales Strategy workbench: ${running.url}`);
  console.log(
    'Press Ctrl+C to stop. Edits are kept in .workbench/store.json (npm start -- --reset).'
  );
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
