/**
 * The thin edge of the package scripts: runs the project's own Salesforce CLI (the
 * `@salesforce/cli` devDependency, the one `npm run deploy` uses) and `npm run build`. Nothing here
 * decides anything; the argument lists come from `packageCommands.ts`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

function sfExecutable(): string {
  const local = join(
    PROJECT_ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'sf.cmd' : 'sf'
  );
  return existsSync(local) ? local : 'sf';
}

/** Shows the command as a shell would take it, so an admin can rerun it by hand. */
export function showCommand(args: readonly string[]): string {
  return ['sf', ...args]
    .map((arg) => (/^[\w@./:=-]+$/.test(arg) ? arg : JSON.stringify(arg)))
    .join(' ');
}

/** Runs `sf` with the terminal attached; returns its exit code. */
export function runSf(args: readonly string[], env: Record<string, string> = {}): number {
  console.log(`> ${showCommand(args)}`);
  const result = spawnSync(sfExecutable(), args, {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env }
  });
  return exitCode(result);
}

/** Runs `sf` and captures its standard output (for `--json`); errors still reach the terminal. */
export function captureSf(
  args: readonly string[],
  env: Record<string, string> = {}
): { code: number; stdout: string } {
  console.log(`> ${showCommand(args)}`);
  const result = spawnSync(sfExecutable(), args, {
    cwd: PROJECT_ROOT,
    stdio: ['inherit', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, ...env }
  });
  return { code: exitCode(result), stdout: result.stdout ?? '' };
}

/** `npm run build`: the package ships the emitted .js of the TypeScript LWCs, never the .ts. */
export function runBuild(): number {
  console.log('> npm run build');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit'
  });
  return exitCode(result);
}

function exitCode(result: SpawnSyncReturns<string | Buffer>): number {
  if (result.error) {
    console.error(result.error.message);
    return 1;
  }
  return result.status ?? 1;
}
