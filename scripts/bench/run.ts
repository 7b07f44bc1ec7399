/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` in its own process, one after another,
 * so that one benchmark's heap and JIT state cannot colour the next one's figures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = __dirname;
const only = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark matches ${only.join(', ') || '*.bench.ts'} in ${benchDir}`);
  process.exitCode = 1;
}

for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, bench)], {
    stdio: 'inherit'
  });
  if (result.status !== 0) {
    console.error(`${bench} failed with exit code ${result.status}`);
    process.exitCode = 1;
  }
}
