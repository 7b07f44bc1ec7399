import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const usage = join(__dirname, '..', '__fixtures__', 'apexTypes', 'controller', 'usage');

/** Lines (1-based) of `file` that carry an `// error:` marker. */
function markedLines(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => (line.includes('// error:') ? [index + 1] : []));
}

describe('generated @salesforce/apex declarations in TypeScript', () => {
  it('type-check @wire and imperative use, and reject each misuse', () => {
    const configFile = join(usage, 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(
      configFile,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        }
      }
    );
    if (!config) {
      throw new Error(`cannot read ${configFile}`);
    }
    const program = ts.createProgram(config.fileNames, config.options);
    const errorLines = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const file = diagnostic.file?.fileName ?? '';
      const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? {
        line: -1
      };
      return `${file.slice(usage.length + 1)}:${line + 1}`;
    });
    const expected = markedLines(join(usage, 'misuse.ts')).map((line) => `misuse.ts:${line}`);
    expect(errorLines).toEqual(expected);
  }, 60000);
});
