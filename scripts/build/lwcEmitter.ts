/**
 * Emits the JavaScript the platform needs from TypeScript LWC sources.
 *
 * Types are stripped and nothing else changes: decorators (`@api`, `@wire`, `@track`) must reach
 * the LWC compiler on the platform untouched, so tsc's decorator lowering is not an option.
 */
import { transformAsync } from '@babel/core';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Returns the JavaScript for one TypeScript LWC module. */
export async function emitJavaScript(source: string, filename: string): Promise<string> {
  const result = await transformAsync(source, {
    filename,
    babelrc: false,
    configFile: false,
    retainLines: true,
    presets: [['@babel/preset-typescript', { onlyRemoveTypeImports: false }]],
    plugins: [['@babel/plugin-syntax-decorators', { version: '2023-11' }]]
  });
  if (!result?.code) {
    throw new Error(`${filename}: Babel produced no output`);
  }
  return `${result.code}\n`;
}

/** Every TypeScript module of every component under `lwcDir`, tests and declarations excluded. */
export function listLwcSources(lwcDir: string): string[] {
  const sources: string[] = [];
  for (const component of readdirSync(lwcDir).sort()) {
    const componentDir = join(lwcDir, component);
    if (!statSync(componentDir).isDirectory()) {
      continue;
    }
    for (const file of readdirSync(componentDir).sort()) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
        sources.push(join(componentDir, file));
      }
    }
  }
  return sources;
}

/** Writes `<name>.js` beside every `<name>.ts` component module; returns the files written. */
export async function emitLwcDirectory(lwcDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const source of listLwcSources(lwcDir)) {
    const target = source.replace(/\.ts$/, '.js');
    writeFileSync(target, await emitJavaScript(readFileSync(source, 'utf8'), source));
    written.push(target);
  }
  return written;
}
