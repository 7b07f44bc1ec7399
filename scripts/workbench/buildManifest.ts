/**
 * When the workbench bundle can be kept: the build records every file it read with its size and
 * modification time, under a key of the resolver, the compiler and the base components. Apart
 * from build.ts so that the check runs without loading the compiler.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listUiComponents } from './moduleResolution';
import { BUILD_DIR, BUILD_MANIFEST_FILE, REPO_ROOT } from './paths';

export const BUNDLE_NAME = 'app.js';

/**
 * Rollup reuses cached resolutions of unchanged modules, so the cache is only valid for the
 * resolver and compiler that filled it: its key covers the build's own sources and the versions
 * of the compiler and the base components.
 */
export function cacheKey(): string {
  const hash = createHash('sha256');
  for (const file of ['build.ts', 'buildManifest.ts', 'moduleResolution.ts']) {
    hash.update(readFileSync(join(__dirname, file)));
  }
  for (const name of ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', 'rollup']) {
    const manifest = join(REPO_ROOT, 'node_modules', name, 'package.json');
    hash.update(existsSync(manifest) ? readFileSync(manifest) : name);
  }
  return hash.digest('hex');
}

/** Every file the last build read, with its size and modification time, under the cache key. */
interface BuildManifest {
  key: string;
  files: Record<string, string>;
}

/** Size and modification time to the millisecond (what a file's time can be set back to). */
function stampOf(file: string): string {
  if (!existsSync(file)) return 'missing';
  const stat = statSync(file);
  return `${stat.size}:${Math.floor(stat.mtimeMs)}`;
}

/** The key also covers what the build reads outside rollup's module graph. */
function manifestKey(key: string): string {
  return `${key}:${listUiComponents().join(',')}`;
}

/** Records the files a build read, as they are now. */
export function writeManifest(
  key: string,
  inputs: readonly string[],
  manifestFile: string = BUILD_MANIFEST_FILE
): void {
  const manifest: BuildManifest = {
    key: manifestKey(key),
    files: Object.fromEntries(inputs.map((input) => [input, stampOf(input)]))
  };
  writeFileSync(manifestFile, JSON.stringify(manifest));
}

/** The files the last build read, or none when there is no readable manifest. */
export function manifestInputs(manifestFile: string = BUILD_MANIFEST_FILE): string[] {
  try {
    return Object.keys((JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildManifest).files);
  } catch {
    return [];
  }
}

/** True when the bundle exists and none of the files it was built from changed. */
export function isUpToDate(manifestFile: string = BUILD_MANIFEST_FILE): boolean {
  const bundleFile = join(BUILD_DIR, BUNDLE_NAME);
  if (!existsSync(manifestFile) || !existsSync(bundleFile)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildManifest;
    return (
      manifest.key === manifestKey(cacheKey()) &&
      Object.entries(manifest.files).every(([file, stamp]) => stampOf(file) === stamp)
    );
  } catch {
    return false;
  }
}
