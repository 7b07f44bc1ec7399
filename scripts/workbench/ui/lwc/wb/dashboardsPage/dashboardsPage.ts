/**
 * The Dashboards tab: the package's dashboards, and a dashboard (#/dashboards/<Folder%2FName>)
 * run as its running user, each component drawn with its title; a component's title opens its
 * report (the drill-down). A component that cannot run says why; the others still draw.
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import titleLabel from '@salesforce/label/c.SSM_Dashboards_Title';
import loadingLabel from '@salesforce/label/c.SSM_Dashboards_Loading';
import backLabel from '@salesforce/label/c.SSM_Dashboards_Back';
import problemsLabel from '@salesforce/label/c.SSM_Reports_Problems';
import errorLabel from '@salesforce/label/c.SSM_Reports_Error';
import runningUserLabel from '@salesforce/label/c.SSM_Reports_Running_User';
import notDrawnLabel from '@salesforce/label/c.SSM_Reports_Not_Drawn';
import openReportLabel from '@salesforce/label/c.SSM_Reports_Open_Report';
import { callApi } from '../../../../platform/http';
import type { DashboardResult } from '../../../../reports/dashboardRun';
import { hrefOf, type CatalogFolder, type CatalogListing } from '../reportsPage/reportsPage';

export default class DashboardsPage extends LightningElement {
  listing: CatalogListing | null = null;
  dashboard: DashboardResult | null = null;
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
    return '#/dashboards';
  }

  get folders(): CatalogFolder[] {
    return (this.listing?.folders ?? []).map((folder) => ({
      ...folder,
      items: folder.items.map((item) => ({ ...item, href: hrefOf('dashboards', item.fullName) }))
    }));
  }

  get hasProblems(): boolean {
    return (this.listing?.problems.length ?? 0) > 0;
  }

  get runningUser(): string {
    return formatLabel(runningUserLabel, this.dashboard?.runningUser.name ?? '');
  }

  get components() {
    return (this.dashboard?.components ?? []).map((component) => ({
      ...component,
      href: hrefOf('reports', component.report),
      openLabel: formatLabel(openReportLabel, component.reportLabel ?? component.report),
      // The error panel's heading says which component; its details give the file's reason.
      errorText: component.error ? formatLabel(notDrawnLabel, component.title) : '',
      errorBody: component.error ? { body: { message: component.error } } : null
    }));
  }

  private load(): void {
    this.error = null;
    this.loading = true;
    const name = this.current;
    const failed = (error: unknown) => {
      if (name !== this.current) return;
      this.error = error;
      this.loading = false;
    };
    if (name) {
      this.dashboard = null;
      callApi<DashboardResult>(
        `/api/dashboards/${name.split('/').map(encodeURIComponent).join('/')}`
      ).then((dashboard) => {
        if (name !== this.current) return;
        this.dashboard = dashboard;
        this.loading = false;
      }, failed);
    } else {
      callApi<CatalogListing>('/api/dashboards').then((listing) => {
        this.listing = listing;
        this.loading = false;
      }, failed);
    }
  }
}
