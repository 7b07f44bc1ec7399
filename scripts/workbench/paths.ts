/**
 * Where the workbench reads the package from and writes its build, vendor cache and local store.
 * Everything it writes lives under `.workbench/` (git-ignored): a build of
 * lightning-base-components must never be committed (its licence is Salesforce's terms).
 */
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const SOURCE_DIR = join(REPO_ROOT, 'force-app', 'main', 'default');
export const LWC_DIR = join(SOURCE_DIR, 'lwc');
export const LABELS_FILE = join(SOURCE_DIR, 'labels', 'CustomLabels.labels-meta.xml');
/** The label translations (`translations/<language>.translation-meta.xml`). */
export const LABEL_TRANSLATIONS_DIR = join(SOURCE_DIR, 'translations');
export const WORKBENCH_DIR = __dirname;
export const PLATFORM_DIR = join(__dirname, 'platform');
export const UI_DIR = join(__dirname, 'ui');
export const SLDS_ASSETS_DIR = join(
  REPO_ROOT,
  'node_modules',
  '@salesforce-ux',
  'design-system',
  'assets'
);

/** The git-ignored folder for everything the workbench writes. */
export const STATE_DIR = join(REPO_ROOT, '.workbench');
/** Where the browser suites save their screenshots. */
export const SCREENSHOTS_DIR = join(REPO_ROOT, '.artifacts', 'workbench');
export const BUILD_DIR = join(STATE_DIR, 'build');
export const BUILD_CACHE_FILE = join(STATE_DIR, 'rollup-cache.json');
export const BUILD_MANIFEST_FILE = join(STATE_DIR, 'build-manifest.json');
export const STORE_FILE = join(STATE_DIR, 'store.json');

/** The documented default port of `npm start`. */
export const DEFAULT_PORT = 4173;
