/**
 * The texts of a sales rule (Message__c, Why_It_Matters__c, Coaching_Question__c) in one language,
 * as Apex `RuleTextResolver` reads them for the running user. The Translation Workbench cannot
 * translate Custom Metadata field values, so a text may name a custom label instead: the whole
 * value, trimmed, is `$Label.<LabelName>`. A reference reads the label in the language when it is
 * translated into it, else in the label's own language; any other text is shown as written. A
 * reference to a label that does not exist reads as blank, never as the raw `$Label...`, and is
 * reported: the rule engine lists it as a broken rule and still evaluates the rule.
 */
import { loadProject } from '../../apex-runtime/src/metadata/loadProject';
import { labelNameOf } from './labelReference';

export { labelNameOf };

/** The language offline tools read rule texts in when none is given (LanguageLocaleKey). */
export const DEFAULT_RULE_TEXT_LANGUAGE = 'en_US';

/** The label reason given for a text that names a missing label; `{0}` is the name. */
export const MISSING_LABEL_REASON_LABEL = 'SSM_Rule_Text_Label_Missing';

/**
 * Reads custom labels: the runtime's `CustomLabels` (`loadProject().labels`) or a stand-in in a
 * test. `value` gives the label in `language` when it is translated into it, else its own text;
 * undefined when there is no such label.
 */
export interface LabelReader {
  value(name: string, language?: string): string | undefined;
  /**
   * A picklist value's label in `language`, as describe gives it (the translation, else the
   * value's own label); absent in a stand-in, where the value stands in.
   */
  picklistLabel?(objectName: string, fieldName: string, value: string, language: string): string;
}

/** Where rule texts are read and in which language. */
export interface RuleTextOptions {
  labels: LabelReader;
  /** A LanguageLocaleKey: `en_US`, `da`. */
  language: string;
}

/** The texts one rule shows, resolved, and the labels its texts name that do not exist. */
export interface ResolvedRuleTexts {
  message: string | null;
  whyItMatters: string | null;
  coachingQuestion: string | null;
  /** The severity as the user reads it, as Apex `SalesRule.severityLabel`. */
  severityLabel: string | null;
  missingLabels: string[];
}

let projectLabelReader: LabelReader | undefined;
let project: ReturnType<typeof loadProject> | undefined;

/**
 * The package's own labels and translations, read on first use: loading the project takes a
 * moment, and rule sets whose texts name no label never need it.
 */
export function projectLabels(): LabelReader {
  return {
    value(name, language) {
      projectLabelReader ??= loadProject().labels;
      return projectLabelReader.value(name, language);
    },
    picklistLabel(objectName, fieldName, value, language) {
      project ??= loadProject();
      const own =
        project.schema
          .field(objectName, fieldName)
          ?.picklistValues.find((entry) => entry.value === value)?.label ?? value;
      return (
        project.translations
          .object(language, objectName)
          ?.fields.get(fieldName)
          ?.picklistValues.get(own) ?? own
      );
    }
  };
}

/** The package's labels in `language` (default en_US). */
export function ruleTextsIn(language: string = DEFAULT_RULE_TEXT_LANGUAGE): RuleTextOptions {
  return { labels: projectLabels(), language };
}

/** One text in the language: a reference resolved (null when its label does not exist), else as written. */
function resolveText(
  text: string | null,
  options: RuleTextOptions,
  missingLabels: string[]
): string | null {
  const name = labelNameOf(text);
  if (name === null) return text;
  const value = name === '' ? undefined : options.labels.value(name, options.language);
  if (value === undefined) {
    missingLabels.push(name);
    return null;
  }
  return value;
}

/** A rule's three texts in the language, in the order Apex `SalesRule` reads them. */
export function resolveRuleTexts(
  rule: {
    message: string | null;
    whyItMatters: string | null;
    coachingQuestion: string | null;
    severity: string | null;
  },
  options: RuleTextOptions
): ResolvedRuleTexts {
  const missingLabels: string[] = [];
  return {
    message: resolveText(rule.message, options, missingLabels),
    whyItMatters: resolveText(rule.whyItMatters, options, missingLabels),
    coachingQuestion: resolveText(rule.coachingQuestion, options, missingLabels),
    severityLabel:
      rule.severity === null
        ? null
        : (options.labels.picklistLabel?.(
            'Sales_Rule__mdt',
            'Severity__c',
            rule.severity,
            options.language
          ) ?? rule.severity),
    missingLabels
  };
}

/**
 * Why a rule is reported when its texts name labels that do not exist: label
 * SSM_Rule_Text_Label_Missing in the language, with the names (comma-separated) for `{0}`.
 */
export function missingLabelReason(
  missingLabels: readonly string[],
  options: RuleTextOptions
): string {
  const template =
    options.labels.value(MISSING_LABEL_REASON_LABEL, options.language) ??
    'A text of this rule names the custom label {0}, which does not exist.';
  return template.split('{0}').join(missingLabels.join(', '));
}
