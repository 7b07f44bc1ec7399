/**
 * The Reports tab: the package's report folders and reports, and a report (#/reports/<Folder%2FName>)
 * run as the acting user on the sample org. Files the engine cannot run are listed with why.
 */
import { LightningElement, api } from 'lwc';
import titleLabel from '@salesforce/label/c.SSM_Reports_Title';
import loadingLabel from '@salesforce/label/c.SSM_Reports_Loading';
import backLabel from '@salesforce/label/c.SSM_Reports_Back';
import problemsLabel from '@salesforce/label/c.SSM_Reports_Problems';
import errorLabel from '@salesforce/label/c.SSM_Reports_Error';
import { callApi } from '../../../../platform/http';
import type { ReportResult } from '../../../../reports/reportRun';

export interface CatalogFolder {
  name: string;
  label: string;
  items: { fullName: string; label: string; description: string | null; href?: string }[];
}

export interface CatalogListing {
  folders: CatalogFolder[];
  problems: { file: string; message: string }[];
}

/** The link of a report or dashboard page: its full name in one URL segment. */
export function hrefOf(kind: 'reports' | 'dashboards', fullName: string): string {
  return `#/${kind}/${encodeURIComponent(fullName)}`;
}

export default class ReportsPage extends LightningElement {
  listing: CatalogListing | null = null;
  report: ReportResult | null = null;
  error: unknown = null;
  loading = false;
  readonly labels = {
    title: titleLabel,
    loading: loadingLabel,
    back: backLabel,
    problems: problemsLabel,
    error: errorLabel
  };
  private current: string | null = null;
  private connected = false;

  @api
  get fullName(): string | null {
    return this.current;
  }
  set fullName(value: string | null) {
    this.current = value || null;
    if (this.connected) this.load();
  }

  override connectedCallback(): void {
    this.connected = true;
    this.load();
  }

  get backHref(): string {
    return '#/reports';
  }

  get folders(): CatalogFolder[] {
    return (this.listing?.folders ?? []).map((folder) => ({
      ...folder,
      items: folder.items.map((item) => ({ ...item, href: hrefOf('reports', item.fullName) }))
    }));
  }

  get hasProblems(): boolean {
    return (this.listing?.problems.length ?? 0) > 0;
  }

  private load(): void {
    this.error = null;
    this.loading = true;
    const name = this.current;
    const done = () => {
      if (name === this.current) this.loading = false;
    };
    const failed = (error: unknown) => {
      if (name !== this.current) return;
      this.error = error;
      done();
    };
    if (name) {
      this.report = null;
      callApi<ReportResult>(
        `/api/reports/${name.split('/').map(encodeURIComponent).join('/')}`
      ).then((report) => {
        if (name !== this.current) return;
        this.report = report;
        done();
      }, failed);
    } else {
      callApi<CatalogListing>('/api/reports').then((listing) => {
        this.listing = listing;
        done();
      }, failed);
    }
  }
}
