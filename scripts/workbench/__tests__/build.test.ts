/**
 * `npm start` keeps the last bundle when nothing it was built from changed: an edit to any
 * component's class (whose module id carries a `?specifier=` query, which rollup leaves out of
 * its watch list) must count as a change. The build runs in a child process (the LWC compiler's
 * rollup plugin is an ES module Jest does not load).
 */
import { execFileSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { isUpToDate, manifestInputs } from '../buildManifest';
import { LWC_DIR, REPO_ROOT, UI_DIR } from '../paths';

const COMPONENT_CLASSES = [
  join(UI_DIR, 'lwc', 'wb', 'recordPage', 'recordPage.ts'),
  join(UI_DIR, 'lwc', 'wb', 'notificationBell', 'notificationBell.ts'),
  join(LWC_DIR, 'pipelineReview', 'pipelineReview.ts'),
  join(LWC_DIR, 'recordGuidance', 'recordGuidance.ts')
];

describe('the workbench build', () => {
  beforeAll(() => {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', '-e', "require('./scripts/workbench/build').buildWorkbench()"],
      { cwd: REPO_ROOT, stdio: 'pipe', timeout: 170_000 }
    );
  }, 180_000);

  it('records every component class it compiled among its inputs', () => {
    const inputs = new Set(manifestInputs());
    expect(COMPONENT_CLASSES.filter((file) => !inputs.has(file))).toEqual([]);
  });

  it.each(COMPONENT_CLASSES)('is stale once %s changes', (file) => {
    expect(isUpToDate()).toBe(true);
    // Times in seconds with the fraction: a Stats Date is rounded to the millisecond, and
    // setting it back could move the file's time past the stamp the build recorded.
    const { atimeMs, mtimeMs } = statSync(file);
    try {
      utimesSync(file, atimeMs / 1000, mtimeMs / 1000 + 1);
      expect(isUpToDate()).toBe(false);
    } finally {
      utimesSync(file, atimeMs / 1000, mtimeMs / 1000);
    }
  });
});
