/**
 * Reads the shipped Sales_Rule__mdt records (customMetadata/Sales_Rule.*.md-meta.xml) into the
 * rule definitions the offline rule engine (scripts/rules/guidanceEngine) evaluates, so offline tools run exactly the rules an admin
 * deploys and edits.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { RuleKind, SalesRuleDefinition } from './guidanceEngine/guidanceEngine';

export const DEFAULT_CUSTOM_METADATA_DIR = join(
  __dirname,
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'customMetadata'
);

const RULE_FILE = /^Sales_Rule\.(.+)\.md-meta\.xml$/;
const KINDS: readonly RuleKind[] = ['Data Quality', 'Coaching Prompt'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'values'
});

interface ValueEntry {
  field: string;
  value?: string | { '#text'?: string; '@xsi:nil'?: string };
}

function valuesOf(path: string): Map<string, string | null> {
  const document = parser.parse(readFileSync(path, 'utf8')) as {
    CustomMetadata?: { label?: string; values?: ValueEntry[] };
  };
  if (!document.CustomMetadata) {
    throw new Error(`${path}: not a CustomMetadata record`);
  }
  const values = new Map<string, string | null>();
  values.set('MasterLabel', String(document.CustomMetadata.label ?? '').trim());
  for (const entry of document.CustomMetadata.values ?? []) {
    const raw = entry.value;
    const text = typeof raw === 'string' ? raw : (raw?.['#text'] ?? null);
    values.set(String(entry.field).trim(), text === null || text === '' ? null : text);
  }
  return values;
}

function numberOf(value: string | null | undefined, path: string, field: string): number | null {
  if (value === null || value === undefined) return null;
  const parsed = Number(value);
  if (Number.isNaN(parsed)) throw new Error(`${path}: ${field} "${value}" is not a number`);
  return parsed;
}

/** Reads one rule record; names the file and field of anything it cannot read. */
export function readSalesRule(path: string, developerName: string): SalesRuleDefinition {
  const values = valuesOf(path);
  const kind = values.get('Kind__c');
  if (!KINDS.includes(kind as RuleKind)) {
    throw new Error(`${path}: Kind__c "${kind}" is not one of ${KINDS.join(', ')}`);
  }
  const objectApiName = values.get('Object__c');
  if (!objectApiName) throw new Error(`${path}: Object__c is blank`);
  return {
    developerName,
    label: values.get('MasterLabel') || developerName,
    kind: kind as RuleKind,
    objectApiName,
    appliesWhen: values.get('Applies_When__c') ?? null,
    flagWhen: values.get('Flag_When__c') ?? null,
    weight: numberOf(values.get('Weight__c'), path, 'Weight__c'),
    severity: values.get('Severity__c') ?? null,
    category: values.get('Category__c') ?? null,
    message: values.get('Message__c') ?? null,
    whyItMatters: values.get('Why_It_Matters__c') ?? null,
    coachingQuestion: values.get('Coaching_Question__c') ?? null,
    fixFields: (values.get('Fix_Fields__c') ?? '')
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean),
    fixRelatedList: values.get('Fix_Related_List__c')?.trim() || null,
    active: values.get('Active__c') === 'true',
    sortOrder: numberOf(values.get('Sort_Order__c'), path, 'Sort_Order__c')
  };
}

/** Every Sales_Rule__mdt record in `dir`, in file-name order. */
export function loadSalesRules(dir: string = DEFAULT_CUSTOM_METADATA_DIR): SalesRuleDefinition[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const match = RULE_FILE.exec(file);
      return match ? [readSalesRule(join(dir, file), match[1])] : [];
    });
}
