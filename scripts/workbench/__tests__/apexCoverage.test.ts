import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auraEnabledMethod } from '../../../apex-runtime/src/aura/auraInvoke';
import { sampleOrg } from '../../../apex-runtime/src/platform/orgs';
import { loadProgram } from '../../../apex-runtime/src/testing/loadProgram';
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

describe('the Apex the components call', () => {
  it('is an @AuraEnabled static method of the package for every import', () => {
    const program = loadProgram(sampleOrg().project);
    const imported = importedApexMethods();
    expect(imported.length).toBeGreaterThan(10);
    const missing = imported.filter((name) => {
      const [className, methodName] = name.split('.');
      return !auraEnabledMethod(program, { className, methodName, params: {} });
    });
    expect(missing).toEqual([]);
  });
});
