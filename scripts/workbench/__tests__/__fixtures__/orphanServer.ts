/**
 * A server that stops when orphaned, as `npm start` does: prints "listening", and "stopped" when
 * it stops. Usage: tsx orphanServer.ts
 */
import { createServer } from 'node:http';
import { stopWhenOrphaned } from '../../orphanWatch';

const parent = process.ppid;
const server = createServer().listen(0, '127.0.0.1', () => process.stdout.write('listening\n'));
stopWhenOrphaned(
  parent,
  () => {
    process.stdout.write('stopped\n');
    server.close(() => process.exit(0));
  },
  100
);
