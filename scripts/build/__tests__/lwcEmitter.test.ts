import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitJavaScript, emitLwcDirectory } from '../lwcEmitter';

const component = `
import { LightningElement, api, wire } from 'lwc';
import type { ErrorInput } from 'c/ldsUtils';
import getGuidance from '@salesforce/apex/RecordGuidanceController.getGuidance';

interface Guidance { score: number }

export default class Sample extends LightningElement {
  @api recordId: string | undefined;
  @wire(getGuidance, { recordId: '$recordId' }) guidance?: { data?: Guidance; error?: ErrorInput };
  private count: number = 0;
  get score(): number { return this.guidance?.data?.score ?? this.count; }
}
`;

describe('emitJavaScript', () => {
  it('strips types and type-only imports but keeps LWC decorators as written', async () => {
    const js = await emitJavaScript(component, 'sample.ts');
    expect(js).toContain('@api');
    expect(js).toContain('@wire(getGuidance, {');
    expect(js).toContain(
      "import getGuidance from '@salesforce/apex/RecordGuidanceController.getGuidance'"
    );
    expect(js).not.toMatch(/interface Guidance|: number|ErrorInput|private /);
  });

  it('names the file when the source does not parse', async () => {
    await expect(emitJavaScript('export const = ;', 'broken.ts')).rejects.toThrow('broken.ts');
  });
});

describe('emitLwcDirectory', () => {
  it('writes a .js beside each component module and skips tests and declarations', async () => {
    const lwcDir = mkdtempSync(join(tmpdir(), 'lwc-emit-'));
    mkdirSync(join(lwcDir, 'sample', '__tests__'), { recursive: true });
    writeFileSync(join(lwcDir, 'sample', 'sample.ts'), component);
    writeFileSync(
      join(lwcDir, 'sample', 'format.ts'),
      'export const pct = (n: number): string => `${n} %`;'
    );
    writeFileSync(join(lwcDir, 'sample', 'types.d.ts'), 'export type X = string;');
    writeFileSync(join(lwcDir, 'sample', '__tests__', 'sample.test.ts'), 'it("x", () => {});');

    const written = await emitLwcDirectory(lwcDir);

    expect(written.map((file) => file.slice(lwcDir.length))).toEqual([
      '/sample/format.js',
      '/sample/sample.js'
    ]);
    expect(readFileSync(join(lwcDir, 'sample', 'format.js'), 'utf8')).toContain(
      'export const pct = (n) =>'
    );
    expect(existsSync(join(lwcDir, 'sample', 'types.js'))).toBe(false);
  });
});
