import {
  labelNameOf,
  missingLabelReason,
  projectLabels,
  resolveRuleTexts,
  ruleTextsIn,
  type LabelReader
} from '../ruleTexts';

/** Two labels, one translated into Danish, as the runtime's CustomLabels answers. */
const labels: LabelReader = {
  value(name, language) {
    const texts: Record<string, Record<string, string>> = {
      ssm_greeting: { en_US: 'Add the next step.', da: 'Tilføj næste trin.' },
      ssm_english_only: { en_US: 'Only in English.' },
      ssm_rule_text_label_missing: {
        en_US: 'A text of this rule names the custom label {0}, which does not exist.'
      }
    };
    const label = texts[name.toLowerCase()];
    if (!label) return undefined;
    return (language !== undefined ? label[language] : undefined) ?? label.en_US;
  }
};

const texts = (message: string | null, whyItMatters: string | null = null) => ({
  message,
  whyItMatters,
  coachingQuestion: null
});
/** A rule's texts as the engine passes them: the texts and the severity value. */
const rule = (message: string | null, whyItMatters: string | null = null) => ({
  ...texts(message, whyItMatters),
  severity: null
});

describe('labelNameOf', () => {
  it('names the label of a whole, trimmed reference, whatever the case of $Label', () => {
    expect(labelNameOf('$Label.SSM_Greeting')).toBe('SSM_Greeting');
    expect(labelNameOf('  $label.SSM_Greeting\n')).toBe('SSM_Greeting');
  });

  it('takes any other text, and no text, for plain text', () => {
    expect(labelNameOf('See $Label.SSM_Greeting')).toBeNull();
    expect(labelNameOf('Add the next step.')).toBeNull();
    expect(labelNameOf(null)).toBeNull();
  });
});

describe('resolveRuleTexts', () => {
  it('reads a reference in the language when the label is translated into it', () => {
    expect(resolveRuleTexts(rule('$Label.SSM_Greeting'), { labels, language: 'da' })).toEqual({
      ...texts('Tilføj næste trin.'),
      severityLabel: null,
      missingLabels: []
    });
  });

  it('reads a reference in English for an English reader', () => {
    expect(
      resolveRuleTexts(rule('$Label.SSM_Greeting'), { labels, language: 'en_US' }).message
    ).toBe('Add the next step.');
  });

  it('reads an untranslated label in its own language', () => {
    expect(
      resolveRuleTexts(rule('$Label.SSM_English_Only'), { labels, language: 'da' }).message
    ).toBe('Only in English.');
  });

  it('shows plain text as written in every language', () => {
    expect(resolveRuleTexts(rule('Add the next step.'), { labels, language: 'da' })).toEqual({
      ...texts('Add the next step.'),
      severityLabel: null,
      missingLabels: []
    });
  });

  it('shows nothing for a label that does not exist, and lists it', () => {
    expect(
      resolveRuleTexts(rule('$Label.SSM_No_Such_Label', '$Label.'), { labels, language: 'da' })
    ).toEqual({ ...texts(null), severityLabel: null, missingLabels: ['SSM_No_Such_Label', ''] });
  });

  it('reads the severity’s label in the language, the value where no reader knows labels', () => {
    const withSeverity = { ...rule('Add the next step.'), severity: 'Medium' };
    const describing = {
      ...labels,
      picklistLabel: (_object: string, _field: string, value: string, language: string) =>
        language === 'da' && value === 'Medium' ? 'Middel' : value
    };
    expect(
      resolveRuleTexts(withSeverity, { labels: describing, language: 'da' }).severityLabel
    ).toBe('Middel');
    expect(resolveRuleTexts(withSeverity, { labels, language: 'da' }).severityLabel).toBe('Medium');
  });

  it('gives the shipped severities their Danish labels from the translations', () => {
    const danish = ruleTextsIn('da');
    const medium = { ...rule(null), severity: 'Medium' };
    expect(resolveRuleTexts(medium, danish).severityLabel).toBe('Middel');
    expect(resolveRuleTexts(medium, ruleTextsIn('en_US')).severityLabel).toBe('Medium');
  });
});

describe('missingLabelReason', () => {
  it('names the missing labels in label SSM_Rule_Text_Label_Missing', () => {
    expect(missingLabelReason(['SSM_A', 'SSM_B'], { labels, language: 'da' })).toBe(
      'A text of this rule names the custom label SSM_A, SSM_B, which does not exist.'
    );
  });
});

describe('projectLabels', () => {
  it("reads the package's labels and their Danish translations", () => {
    const project = projectLabels();
    expect(project.value('SSM_Rule_Opp_Next_Step_Message', 'en_US')).toBe(
      'Add the next step the customer has agreed to.'
    );
    expect(project.value('SSM_Rule_Opp_Next_Step_Message', 'da')).toBe(
      'Tilføj det næste trin, som kunden har sagt ja til.'
    );
    expect(project.value('SSM_No_Such_Label', 'da')).toBeUndefined();
  });
});
