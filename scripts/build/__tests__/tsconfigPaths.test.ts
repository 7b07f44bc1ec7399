import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const lwcDir = join(root, 'force-app/main/default/lwc');

// tsc cannot map `c/<name>` to `lwc/<name>/<name>.ts` with one wildcard, so tsconfig.json lists
// each component; this keeps the list complete and correct as components are added.
describe('tsconfig.json paths', () => {
  const paths = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions
    .paths as Record<string, string[]>;
  // A CSS-only module (c/ssmStyles) has no TypeScript to map.
  const components = readdirSync(lwcDir).filter(
    (name) =>
      statSync(join(lwcDir, name)).isDirectory() && existsSync(join(lwcDir, name, `${name}.ts`))
  );

  it.each(components)('maps c/%s to its TypeScript module', (component) => {
    const target = `force-app/main/default/lwc/${component}/${component}.ts`;
    expect(paths[`c/${component}`]).toEqual([target]);
  });

  it('maps no component that does not exist', () => {
    for (const [alias, [target]] of Object.entries(paths)) {
      expect({ alias, exists: existsSync(join(root, target)) }).toEqual({ alias, exists: true });
    }
  });
});
