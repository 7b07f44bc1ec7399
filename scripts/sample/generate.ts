/**
 * Writes the sample org into data/ (or the directory given as the first argument):
 * `npx tsx scripts/sample/generate.ts [outDir] [--seed N]`.
 */
import { resolve } from 'node:path';
import { SAMPLE_SEED } from './constants';
import { generateSampleOrg } from './sampleOrg';
import { writeSampleOrg } from './writer';

async function main(args: readonly string[]): Promise<void> {
  const seedFlag = args.indexOf('--seed');
  const seed = seedFlag >= 0 ? Number(args[seedFlag + 1]) : SAMPLE_SEED;
  if (!Number.isInteger(seed)) {
    throw new Error('--seed needs an integer');
  }
  const positional = args.filter(
    (arg, index) => !arg.startsWith('--') && args[index - 1] !== '--seed'
  );
  const outDir = resolve(positional[0] ?? resolve(__dirname, '..', '..', 'data'));
  const written = await writeSampleOrg(generateSampleOrg(seed), outDir);
  console.log(`Wrote ${written.length} files to ${outDir} (seed ${seed}).`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
