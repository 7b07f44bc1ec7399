/**
 * The Admin page: the Apex jobs the org runs on schedules (run on request here), the shipped
 * rules (Sales_Rule__mdt) with their formulas, and a formula tester
 * that evaluates a typed formula against a chosen record with the formula engine on the server,
 * showing the result or the FormulaError with the span it points at. The tester counts the
 * formula against FormulaEval's 3,900-character limit and, when pasted text brought invisible
 * characters (which the engine refuses, as they silently change names and text literals),
 * offers to remove them.
 */
import { LightningElement } from 'lwc';
// The two modules, not the engine: the browser bundle needs neither the compiler nor RE2.
import { MAX_FORMULA_LENGTH } from '../../../../../../formula-engine/src/formulaLength';
import {
  findInvisibleCharacters,
  removeInvisibleCharacters
} from '../../../../../../formula-engine/src/invisibleCharacters';
import { formatLabel } from 'c/labelFormat';
import titleLabel from '@salesforce/label/c.SSM_Formula_Tester_Title';
import objectLabel from '@salesforce/label/c.SSM_Formula_Tester_Object';
import recordLabel from '@salesforce/label/c.SSM_Formula_Tester_Record';
import formulaLabel from '@salesforce/label/c.SSM_Formula_Tester_Formula';
import evaluateLabel from '@salesforce/label/c.SSM_Formula_Tester_Evaluate';
import lengthLabel from '@salesforce/label/c.SSM_Formula_Tester_Length';
import resultLabel from '@salesforce/label/c.SSM_Formula_Tester_Result';
import errorLabel from '@salesforce/label/c.SSM_Formula_Tester_Error';
import errorAtLabel from '@salesforce/label/c.SSM_Formula_Tester_Error_At';
import errorAtEndLabel from '@salesforce/label/c.SSM_Formula_Tester_Error_At_End';
import invisibleFoundLabel from '@salesforce/label/c.SSM_Formula_Tester_Invisible_Found';
import removeInvisibleLabel from '@salesforce/label/c.SSM_Formula_Tester_Remove_Invisible';
import { integer } from 'c/userFormat';
import { CHROME_TEXT, type ChromeText } from '../chromeText/chromeText';
import { callApi } from '../../../../platform/http';

interface Rule {
  developerName: string;
  label: string;
  kind: string;
  objectApiName: string;
  appliesWhen: string | null;
  flagWhen: string | null;
  severity: string | null;
  weight: number | null;
  active: boolean;
}

interface TestResult {
  ok: boolean;
  result?: unknown;
  returnType?: string;
  message?: string;
  start?: number;
  end?: number;
}

const TESTABLE_OBJECTS = ['Opportunity', 'Account', 'Account_Plan__c'];

/** The jobs the server runs (server/adminJobs.ts), named in the user's language. */
const JOBS = Object.entries(CHROME_TEXT.jobs).map(([name, label]) => ({ name, label }));

export default class AdminPage extends LightningElement {
  rules: (Rule & { status: string })[] = [];
  error: unknown = null;
  objectApiName = 'Opportunity';
  records: { label: string; value: string }[] = [];
  recordId = '';
  formula = 'AND(ISPICKVAL(StageName, "Prospecting"), ISBLANK(NextStep))';
  result: TestResult | null = null;
  readonly jobs = JOBS;
  running = false;
  jobMessage = '';
  readonly labels = {
    title: titleLabel,
    object: objectLabel,
    record: recordLabel,
    formula: formulaLabel,
    evaluate: evaluateLabel,
    errorAt: errorAtLabel,
    removeInvisible: removeInvisibleLabel
  };

  /** Object labels by API name: the page names objects as users know them, never by API name. */
  objectLabels: Record<string, string> = {};

  override connectedCallback(): void {
    Promise.all(
      TESTABLE_OBJECTS.map((name) => callApi<{ label: string }>(`/api/ui/object-info/${name}`))
    ).then(
      (infos) => {
        this.objectLabels = Object.fromEntries(
          TESTABLE_OBJECTS.map((name, index) => [name, infos[index].label])
        );
      },
      () => undefined
    );
    callApi<Rule[]>('/api/rules').then(
      (rules) => {
        this.rules = rules.map((rule) => ({
          ...rule,
          status: rule.active ? CHROME_TEXT.active : CHROME_TEXT.inactive
        }));
      },
      (error: unknown) => {
        this.error = error;
      }
    );
    void this.loadRecords();
  }

  get objectOptions(): { label: string; value: string }[] {
    return TESTABLE_OBJECTS.map((name) => ({
      label: this.objectLabels[name] ?? name,
      value: name
    }));
  }

  get text(): ChromeText {
    return CHROME_TEXT;
  }

  get ruleRows(): (Rule & { status: string; objectLabel: string; apiNameText: string })[] {
    return this.rules.map((rule) => ({
      ...rule,
      objectLabel: this.objectLabels[rule.objectApiName] ?? rule.objectApiName,
      apiNameText: CHROME_TEXT.apiName(rule.developerName)
    }));
  }

  get resultText(): string {
    const result = this.result;
    if (!result?.ok) return '';
    return formatLabel(resultLabel, JSON.stringify(result.result ?? null), result.returnType);
  }

  get errorText(): string {
    const result = this.result;
    if (!result || result.ok) return '';
    return formatLabel(errorLabel, result.message, result.start, result.end);
  }

  get lengthText(): string {
    return formatLabel(lengthLabel, integer(this.formula.length), integer(MAX_FORMULA_LENGTH));
  }

  get lengthClass(): string {
    const base = 'slds-form-element__help slds-m-bottom_x-small';
    return this.formula.length > MAX_FORMULA_LENGTH ? `${base} slds-text-color_error` : base;
  }

  get invisibleText(): string {
    const count = findInvisibleCharacters(this.formula).length;
    return count === 0 ? '' : formatLabel(invisibleFoundLabel, count);
  }

  get errorSpan(): string {
    const result = this.result;
    if (!result || result.ok || result.start === undefined) return '';
    const span = this.formula.slice(
      result.start,
      Math.max(result.end ?? result.start, result.start + 1)
    );
    return span.trim() ? span : errorAtEndLabel;
  }

  private async loadRecords(): Promise<void> {
    const records = await callApi<{ id: string; name: string }[]>(
      `/api/records/${this.objectApiName}`
    );
    this.records = records.map((record) => ({ label: record.name, value: record.id }));
    this.recordId = this.records[0]?.value ?? '';
  }

  handleObject(event: CustomEvent<{ value: string }>): void {
    this.objectApiName = event.detail.value;
    this.result = null;
    void this.loadRecords();
  }

  handleRecord(event: CustomEvent<{ value: string }>): void {
    this.recordId = event.detail.value;
  }

  handleFormula(event: CustomEvent<{ value: string }>): void {
    this.formula = event.detail.value;
  }

  handleRemoveInvisible(): void {
    this.formula = removeInvisibleCharacters(this.formula);
    this.result = null;
  }

  async handleRunJob(event: Event): Promise<void> {
    const name = (event.currentTarget as HTMLElement).dataset.job ?? '';
    const label = JOBS.find((job) => job.name === name)?.label ?? name;
    this.running = true;
    this.jobMessage = CHROME_TEXT.jobRunning(label);
    try {
      await callApi(`/api/jobs/${encodeURIComponent(name)}`, { method: 'POST', body: {} });
      this.jobMessage = CHROME_TEXT.jobCompleted(label);
    } catch (error) {
      const message = (error as { body?: { message?: string } }).body?.message ?? String(error);
      this.jobMessage = CHROME_TEXT.jobFailed(label, message);
    } finally {
      this.running = false;
    }
  }

  async handleEvaluate(): Promise<void> {
    this.result = await callApi<TestResult>('/api/formula', {
      method: 'POST',
      body: { formula: this.formula, recordId: this.recordId }
    });
  }
}
