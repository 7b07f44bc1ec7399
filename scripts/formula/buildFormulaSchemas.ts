/**
 * CLI: prints (or writes) the formula schemas of every object in the project as JSON.
 *
 *   npx tsx scripts/formula/buildFormulaSchemas.ts [--out file.json] [--depth 2] [--objects dir]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemas } from './schemaBuilder';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const repoRoot = join(__dirname, '..', '..');
const schemas = buildSchemas({
  objectsDir: option('objects') ?? join(repoRoot, 'force-app', 'main', 'default', 'objects'),
  depth: Number(option('depth') ?? 2)
});
const json = `${JSON.stringify(schemas, null, 2)}\n`;
const out = option('out');
if (out === undefined) process.stdout.write(json);
else {
  writeFileSync(out, json);
  console.log(`Wrote ${Object.keys(schemas).length} schemas to ${out}`);
}
