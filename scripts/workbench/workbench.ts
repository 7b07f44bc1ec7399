/**
 * Starts the workbench: builds the bundle (warm from the cache in .workbench/), opens the
 * sample org with the local store, and serves both. start.ts is the CLI; the browser tests call
 * this with port 0.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { buildWorkbench, type BuildResult } from './build';
import { BUNDLE_NAME } from './buildManifest';
import { BUILD_DIR, STORE_FILE } from './paths';
import { createWorkbenchServer, listen } from './server/httpServer';
import { warmUp } from './server/pageLoads';
import { openWorkbenchOrg, type WorkbenchOrg } from './server/workbenchOrg';
import { LocalStore } from './server/store';

export interface RunningWorkbench {
  url: string;
  server: Server;
  workbench: WorkbenchOrg;
  build: BuildResult;
  close(): Promise<void>;
}

export async function startWorkbench(options: {
  port: number;
  reset?: boolean;
  storeFile?: string;
  log?: (line: string) => void;
}): Promise<RunningWorkbench> {
  const log = options.log ?? (() => undefined);
  const store = new LocalStore(options.storeFile ?? STORE_FILE);
  if (options.reset) {
    const kept = store.reset();
    log(
      `Local store reset: the pristine sample org.${kept ? ` The old store is kept as ${store.backupFile}.` : ''}`
    );
  }
  const workbench = openWorkbenchOrg({ store });
  const bundleFile = join(BUILD_DIR, BUNDLE_NAME);
  const server = createWorkbenchServer({ workbench, bundleFile, port: options.port });
  // Listen first, so a taken port fails in a second rather than after the build.
  const url = await listen(server, options.port);
  log('Building the components (the first build compiles the base components, ~15 s or more)...');
  let build: BuildResult;
  try {
    build = await buildWorkbench();
  } catch (error) {
    server.close();
    throw error;
  }
  const kind = build.upToDate ? 'nothing changed' : build.warm ? 'warm' : 'cold';
  log(`Built in ${(build.milliseconds / 1000).toFixed(1)} s (${kind}).`);
  // Compile the Apex the pages run now, so that the first page a user opens is as quick as the rest.
  warmUp(workbench);
  return {
    url,
    server,
    workbench,
    build,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
