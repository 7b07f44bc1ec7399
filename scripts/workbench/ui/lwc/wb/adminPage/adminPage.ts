/**
 * The Admin page: the shipped rules (Sales_Rule__mdt) with their formulas, and a formula tester
 * that evaluates a typed formula against a chosen record with c/formulaEngine on the server,
 * showing the result or the FormulaError with the span it points at.
 */
import { LightningElement } from 'lwc';
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

export default class AdminPage extends LightningElement {
  rules: (Rule & { status: string })[] = [];
  error: unknown = null;
  objectApiName = 'Opportunity';
  records: { label: string; value: string }[] = [];
  recordId = '';
  formula = 'AND(ISPICKVAL(StageName, "Prospecting"), ISBLANK(NextStep))';
  result: TestResult | null = null;

  override connectedCallback(): void {
    callApi<Rule[]>('/api/rules').then(
      (rules) => {
        this.rules = rules.map((rule) => ({
          ...rule,
          status: rule.active ? 'Active' : 'Inactive'
        }));
      },
      (error: unknown) => {
        this.error = error;
      }
    );
    void this.loadRecords();
  }

  get objectOptions(): { label: string; value: string }[] {
    return TESTABLE_OBJECTS.map((name) => ({ label: name, value: name }));
  }

  get resultText(): string {
    const result = this.result;
    if (!result?.ok) return '';
    return `${JSON.stringify(result.result ?? null)} (${result.returnType})`;
  }

  get errorText(): string {
    const result = this.result;
    if (!result || result.ok) return '';
    return `${result.message} (characters ${result.start}-${result.end})`;
  }

  get errorSpan(): string {
    const result = this.result;
    if (!result || result.ok || result.start === undefined) return '';
    const span = this.formula.slice(
      result.start,
      Math.max(result.end ?? result.start, result.start + 1)
    );
    return span.trim() ? span : '(the end of the formula)';
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

  async handleEvaluate(): Promise<void> {
    this.result = await callApi<TestResult>('/api/formula', {
      method: 'POST',
      body: { formula: this.formula, recordId: this.recordId }
    });
  }
}
