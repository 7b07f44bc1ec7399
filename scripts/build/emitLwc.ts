/** `npm run build`: emits the .js of every TypeScript LWC so `sf project deploy` can ship it. */
import { resolve } from 'node:path';
import { emitLwcDirectory } from './lwcEmitter';

const lwcDir = resolve(process.argv[2] ?? 'force-app/main/default/lwc');

emitLwcDirectory(lwcDir).then(
  (written) => console.log(`Emitted ${written.length} JavaScript module(s) under ${lwcDir}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
);
