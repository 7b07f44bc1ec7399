/**
 * `npx tsx scripts/checks/apexTypes.ts [projectRoot]` (re)writes types/apex.generated.d.ts from the
 * Apex classes; with `--check` (`npm run check:apex-types`) it only reports, at `file:line`, when
 * the file on disk differs from what the Apex sources generate, so a changed `@AuraEnabled`
 * signature cannot silently leave the components' TypeScript view behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'prettier/standalone';
import * as estreePlugin from 'prettier/plugins/estree';
import * as typescriptPlugin from 'prettier/plugins/typescript';
import { reportFindings, type Finding } from './findings';
import { parseApexClass, type ApexClassModel, type ApexEnumModel } from './apexTypesParse';
import { emitApexDeclarations } from './apexTypesEmit';
import { readSObjectShapes } from './apexTypesSObjects';

export const GENERATED_FILE = join('types', 'apex.generated.d.ts');
const CLASSES_DIRECTORY = join('force-app', 'main', 'default', 'classes');
const OBJECTS_DIRECTORY = join('force-app', 'main', 'default', 'objects');

/**
 * Only a class with `@AuraEnabled` members or an enum can appear in the declarations; skipping the
 * rest before parsing saves most of the run, because ANTLR's first parses are slow.
 */
const MAY_CONTRIBUTE = /@AuraEnabled|\benum\b/i;

function apexClassFiles(directory: string): string[] {
  if (!existsSync(directory)) {
    return [];
  }
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        return apexClassFiles(path);
      }
      return entry.isFile() && entry.name.endsWith('.cls') ? [path] : [];
    })
    .sort();
}

/**
 * The repository's Prettier options that matter for TypeScript. Read directly rather than through
 * Prettier's config resolution, which loads plugins via dynamic `import()` that Jest cannot run;
 * always this repository's file, so a fixture generates what `format:check` accepts here.
 */
function repositoryPrettierOptions(): {
  printWidth?: number;
  singleQuote?: boolean;
  trailingComma?: 'none' | 'es5' | 'all';
} {
  const config = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '.prettierrc.json'), 'utf8')
  ) as { printWidth?: number; singleQuote?: boolean; trailingComma?: 'none' | 'es5' | 'all' };
  return {
    printWidth: config.printWidth,
    singleQuote: config.singleQuote,
    trailingComma: config.trailingComma
  };
}

export interface GeneratedDeclarations {
  text: string;
  /** Syntax errors that kept a class out of the declarations. */
  problems: Finding[];
}

/** Generates the declaration text (Prettier-formatted, as `format:check` expects) for a project. */
export async function generateApexDeclarations(
  projectRoot: string
): Promise<GeneratedDeclarations> {
  const classes: ApexClassModel[] = [];
  const enums: ApexEnumModel[] = [];
  const problems: Finding[] = [];
  for (const file of apexClassFiles(join(projectRoot, CLASSES_DIRECTORY))) {
    const source = readFileSync(file, 'utf8');
    if (!MAY_CONTRIBUTE.test(source)) {
      continue;
    }
    const parsed = parseApexClass(source);
    problems.push(
      ...parsed.problems.map((problem) => ({
        file,
        line: problem.line,
        column: problem.column,
        rule: 'apex-types-syntax',
        message: `Apex syntax error, class left out of ${GENERATED_FILE}: ${problem.message}`
      }))
    );
    if (parsed.topLevelClass) {
      classes.push(parsed.topLevelClass);
    }
    if (parsed.topLevelEnum) {
      enums.push(parsed.topLevelEnum);
    }
  }
  const sobjects = readSObjectShapes(join(projectRoot, OBJECTS_DIRECTORY));
  const text = await format(emitApexDeclarations({ classes, enums, sobjects }), {
    ...repositoryPrettierOptions(),
    parser: 'typescript',
    plugins: [estreePlugin, typescriptPlugin]
  });
  return { text, problems };
}

/** Compares the generated text with the file on disk; one finding at the first differing line. */
export function findStaleness(projectRoot: string, expected: string): Finding[] {
  const file = join(projectRoot, GENERATED_FILE);
  if (!existsSync(file)) {
    return [
      {
        file,
        line: 0,
        rule: 'apex-types-stale',
        message: 'missing; run `npx tsx scripts/checks/apexTypes.ts` to generate it'
      }
    ];
  }
  const actualLines = readFileSync(file, 'utf8').split('\n');
  const expectedLines = expected.split('\n');
  const length = Math.max(actualLines.length, expectedLines.length);
  for (let index = 0; index < length; index++) {
    if (actualLines[index] !== expectedLines[index]) {
      const wanted = expectedLines[index];
      return [
        {
          file,
          line: index + 1,
          rule: 'apex-types-stale',
          message:
            'is stale: the Apex sources generate ' +
            (wanted === undefined ? 'fewer lines' : `\`${wanted.trim()}\` here`) +
            '; run `npx tsx scripts/checks/apexTypes.ts`'
        }
      ];
    }
  }
  return [];
}

/** Runs the generator in check mode (`write` false) or write mode; returns the findings. */
export async function runApexTypes(projectRoot: string, write: boolean): Promise<Finding[]> {
  const { text, problems } = await generateApexDeclarations(projectRoot);
  if (!write) {
    return [...problems, ...findStaleness(projectRoot, text)];
  }
  const file = join(projectRoot, GENERATED_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return problems;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const rootArgument = args.find((arg) => !arg.startsWith('--'));
  const projectRoot = resolve(rootArgument ?? join(__dirname, '..', '..'));
  runApexTypes(projectRoot, !check).then(
    (findings) => reportFindings(check ? 'check:apex-types' : 'apex-types', findings),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    }
  );
}
