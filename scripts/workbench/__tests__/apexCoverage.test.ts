import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APEX_METHODS } from '../server/apex/apexMethods';
import { REPO_ROOT } from '../paths';

const LWC_DIR = join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc');

/** Every `@salesforce/apex/Class.method` a component's own code imports. */
function importedApexMethods(): string[] {
  const methods = new Set<string>();
  for (const file of readdirSync(LWC_DIR, { recursive: true }).map(String)) {
    if (!file.endsWith('.ts') || file.includes('__tests__')) continue;
    const source = readFileSync(join(LWC_DIR, file), 'utf8');
    for (const match of source.matchAll(/from '@salesforce\/apex\/(\w+\.\w+)'/g)) {
      methods.add(match[1]);
    }
  }
  return [...methods].sort();
}

describe('the workbench’s Apex', () => {
  it('implements every Apex method the package’s components call', () => {
    const imported = importedApexMethods();
    expect(imported.length).toBeGreaterThan(10);
    expect(imported.filter((method) => !(method in APEX_METHODS))).toEqual([]);
  });
});
