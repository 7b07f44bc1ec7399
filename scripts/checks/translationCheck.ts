/**
 * `npm run check:translations [projectRoot] [--language da]`: every custom label, object, custom
 * field (label, help text, picklist values), validation rule, global value set value, application,
 * non-object tab and quick action of the source has a translation in the language (default `da`),
 * with the English label's `{n}` placeholders; every Sales_Rule__mdt text names an existing custom
 * label (`$Label.<Name>`) instead of being plain text; and no translation names something the
 * source no longer has. One line per problem, naming the translation file and the component; exit 1 when
 * there is any.
 *
 * The translatable items come from `defaultProducers` (translationItems.ts); a further source of
 * required texts is one more producer passed to `runTranslationCheck`.
 */
import { join, resolve } from 'node:path';
import { reportFindings } from './findings';
import { compareTranslations, type TranslationReport } from './translationCompare';
import { readTranslationFiles } from './translationFiles';
import {
  defaultProducers,
  readSourceProject,
  translatableItems,
  type TranslatableItemProducer
} from './translationItems';

export const DEFAULT_LANGUAGE = 'da';

export interface TranslationCheckOptions {
  /** Salesforce language code of the translation files, e.g. `da`, `de`, `en_GB`. */
  language?: string;
  producers?: readonly TranslatableItemProducer[];
}

/** Runs the whole check over a project. */
export function runTranslationCheck(
  projectRoot: string,
  options: TranslationCheckOptions = {}
): TranslationReport {
  const language = options.language ?? DEFAULT_LANGUAGE;
  const source = readSourceProject(projectRoot);
  const items = translatableItems({ source, language }, options.producers ?? defaultProducers);
  return compareTranslations(items, readTranslationFiles(source, language), {
    projectRoot,
    language,
    existingFiles: new Set(source.files)
  });
}

/** `[projectRoot] [--language <code> | --language=<code>]`. */
export function parseArguments(argv: readonly string[]): {
  projectRoot: string;
  language: string;
} {
  let language = DEFAULT_LANGUAGE;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--language' || argument === '--lang') {
      language = argv[++i] ?? language;
    } else if (argument.startsWith('--language=')) {
      language = argument.slice('--language='.length);
    } else {
      positional.push(argument);
    }
  }
  return { projectRoot: resolve(positional[0] ?? join(__dirname, '..', '..')), language };
}

export function coverageLine(language: string, report: TranslationReport): string {
  const percent = report.required === 0 ? 100 : (100 * report.translated) / report.required;
  return (
    `check:translations: '${language}' translates ${report.translated} of ${report.required} ` +
    `required items (${percent === 100 ? '100' : percent.toFixed(1)} %)`
  );
}

if (require.main === module) {
  const { projectRoot, language } = parseArguments(process.argv.slice(2));
  const report = runTranslationCheck(projectRoot, { language });
  console.log(coverageLine(language, report));
  reportFindings('check:translations', report.findings);
}
