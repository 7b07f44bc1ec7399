/**
 * Builds the workbench bundle: the package's own components, compiled by the open-source LWC
 * compiler after their types are stripped (the same Babel step as `npm run build`), the
 * workbench shell, and lightning-base-components. Compiling the base components takes ~15 s, so
 * rollup's module cache is kept in `.workbench/` and a warm build only re-compiles what changed.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync
} from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { rollup, type Plugin, type RollupCache } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import { emitJavaScript } from '../build/lwcEmitter';
import { BUNDLE_NAME, cacheKey, isUpToDate, writeManifest } from './buildManifest';
import { loadCustomLabels } from './labels';
import { listUiComponents, resolvePlatformModule, VIRTUAL_PREFIX } from './moduleResolution';
import {
  BUILD_CACHE_FILE,
  BUILD_DIR,
  LABEL_TRANSLATIONS_DIR,
  LABELS_FILE,
  REPO_ROOT,
  WORKBENCH_DIR
} from './paths';

export const ENTRY = join(WORKBENCH_DIR, 'ui', 'main.ts');

/** The label translation files: a changed translation must rebuild the bundle. */
function labelTranslationFiles(): string[] {
  if (!existsSync(LABEL_TRANSLATIONS_DIR)) return [];
  return readdirSync(LABEL_TRANSLATIONS_DIR)
    .filter((file) => file.endsWith('.translation-meta.xml'))
    .map((file) => join(LABEL_TRANSLATIONS_DIR, file));
}

/** Resolves platform and component modules (moduleResolution.ts) ahead of the LWC resolver. */
function workbenchModules(): Plugin {
  const labels = loadCustomLabels();
  const uiComponents = listUiComponents();
  return {
    name: 'ssm-workbench-modules',
    resolveId(source) {
      const resolution = resolvePlatformModule(source, labels, uiComponents);
      if (!resolution) return null;
      if (resolution.kind === 'virtual') return resolution.id;
      if (!existsSync(resolution.path)) {
        this.error(`${source}: ${resolution.path} does not exist`);
      }
      return resolution.specifier
        ? `${resolution.path}?specifier=${encodeURIComponent(resolution.specifier)}`
        : resolution.path;
    },
    load(id) {
      // Resolved ids may come from rollup's cache, so the code is derived from the id again.
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const resolution = resolvePlatformModule(
        id.slice(VIRTUAL_PREFIX.length),
        labels,
        uiComponents
      );
      return resolution?.kind === 'virtual' ? resolution.code : null;
    }
  };
}

/** Strips TypeScript (keeping decorators for the LWC compiler) and browser-irrelevant guards. */
function stripTypes(): Plugin {
  return {
    name: 'ssm-strip-types',
    async transform(code, id) {
      const filename = id.split('?')[0];
      if (id.startsWith('\0') || !filename.endsWith('.ts')) return null;
      return { code: await emitJavaScript(code, filename), map: null };
    }
  };
}

function replaceGlobals(): Plugin {
  return {
    name: 'ssm-replace-globals',
    transform(code, id) {
      if (!code.includes('import.meta.env.SSR') && !code.includes('process.env.NODE_ENV')) {
        return null;
      }
      void id;
      return {
        code: code
          .replaceAll('import.meta.env.SSR', 'false')
          .replaceAll('process.env.NODE_ENV', '"production"'),
        map: null
      };
    }
  };
}

interface CacheFile {
  key: string;
  cache: RollupCache;
}

function readCache(key: string): RollupCache | undefined {
  if (!existsSync(BUILD_CACHE_FILE)) return undefined;
  try {
    const file = JSON.parse(readFileSync(BUILD_CACHE_FILE, 'utf8')) as Partial<CacheFile>;
    return file.key === key ? file.cache : undefined;
  } catch {
    return undefined;
  }
}

export interface BuildResult {
  file: string;
  milliseconds: number;
  /** True when the build started from the cached modules of an earlier one. */
  warm: boolean;
  /** True when no input changed since the last build, so its bundle was kept as it is. */
  upToDate: boolean;
}

/** Builds the bundle into .workbench/build/app.js and refreshes the module cache. */
export async function buildWorkbench(options: { useCache?: boolean } = {}): Promise<BuildResult> {
  const started = Date.now();
  const file = join(BUILD_DIR, BUNDLE_NAME);
  if (options.useCache !== false && isUpToDate()) {
    return { file, milliseconds: Date.now() - started, warm: true, upToDate: true };
  }
  const key = cacheKey();
  const cache = options.useCache === false ? undefined : readCache(key);
  const bundle = await rollup({
    input: ENTRY,
    cache,
    plugins: [
      workbenchModules(),
      stripTypes(),
      replaceGlobals(),
      lwc({
        rootDir: REPO_ROOT,
        modules: [{ npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
        sourcemap: false
      })
    ],
    onwarn(warning, warn) {
      // The base components' own template warnings are Salesforce's to fix, not ours.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      if (warning.id?.includes(`${sep}lightning-base-components${sep}`)) return;
      if (warning.message.includes('lightning-base-components')) return;
      warn(warning);
    }
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  // Written aside and renamed, so a server already serving the previous bundle never reads half.
  writeFileSync(`${file}.tmp`, output[0].code);
  renameSync(`${file}.tmp`, file);
  // Component ids carry a `?specifier=` query; the file is what may change. Rollup leaves
  // modules with such ids out of watchFiles, so the bundle's own module list is read too.
  const inputs = [
    ...new Set(
      [...bundle.watchFiles, ...output[0].moduleIds, LABELS_FILE, ...labelTranslationFiles()]
        .filter((input) => !input.startsWith('\0'))
        .map((input) => input.split('?')[0])
    )
  ];
  await bundle.close();
  if (bundle.cache) {
    mkdirSync(dirname(BUILD_CACHE_FILE), { recursive: true });
    const content: CacheFile = { key, cache: bundle.cache };
    // Syntax trees are three quarters of the cache and rollup re-parses a module whose cached
    // `ast` is missing faster than JSON reads it back, so they are left out.
    writeFileSync(
      BUILD_CACHE_FILE,
      JSON.stringify(content, (name, value: unknown) => (name === 'ast' ? undefined : value))
    );
  }
  writeManifest(key, inputs);
  return { file, milliseconds: Date.now() - started, warm: cache !== undefined, upToDate: false };
}
