/**
 * The package's custom labels by name, for `@salesforce/label/c.*`: each label's own text and its
 * translations by language, read by the Apex runtime's readers (one home for labels offline).
 */
import { readCustomLabels } from '../../apex-runtime/src/metadata/customLabels';
import { readTranslations } from '../../apex-runtime/src/metadata/translations';
import { LABELS_FILE, SOURCE_DIR } from './paths';

export interface LabelTexts {
  /** The label's own text (its language is the org's default, en_US). */
  value: string;
  /** The label's text by LanguageLocaleKey (`da`), where a translation exists. */
  translations: Readonly<Record<string, string>>;
}

export function loadCustomLabels(
  path: string = LABELS_FILE,
  sourceDir: string = SOURCE_DIR
): Map<string, LabelTexts> {
  const translations = readTranslations(sourceDir);
  const labels = readCustomLabels(path, translations);
  return new Map(
    labels.all().map((label) => [
      label.name,
      {
        value: label.value,
        translations: Object.fromEntries(
          translations
            .languages()
            .filter((language) => labels.translationExists(label.name, language))
            .map((language) => [language, labels.value(label.name, language) as string])
        )
      }
    ])
  );
}
