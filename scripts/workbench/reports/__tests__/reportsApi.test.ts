/** The Reports and Dashboards tabs' API, through the workbench's API handler. */
import { join } from 'node:path';
import { handleApi } from '../../server/api';
import { openWorkbenchOrg, type WorkbenchOrg } from '../../server/workbenchOrg';
import { loadReportCatalog } from '../reportCatalog';
import { handleReportsApi } from '../reportsApi';

const fixtures = loadReportCatalog(join(__dirname, '..', '__fixtures__', 'force-app'));

let workbench: WorkbenchOrg;
beforeAll(() => {
  workbench = openWorkbenchOrg({});
});

function acting(key: string) {
  const found = workbench.users.find((user) => user.key === key);
  if (!found) throw new Error(`no sample user ${key}`);
  return found;
}

describe('reports api', () => {
  it('it_should_list_report_folders_with_their_labels_and_the_files_that_cannot_run', () => {
    const response = handleReportsApi(workbench, acting('seller1'), ['reports'], fixtures);
    const body = response.body as {
      folders: { name: string; label: string; items: { fullName: string }[] }[];
      problems: { message: string }[];
    };
    expect(body.folders.map((folder) => [folder.name, folder.label])).toEqual([
      ['Fixture_Reports', 'Fixture Reports']
    ]);
    expect(body.folders[0].items.map((item) => item.fullName)).toContain(
      'Fixture_Reports/Top_Open_Deals'
    );
    expect(body.problems).toHaveLength(2);
  });

  it('it_should_run_a_report_as_the_acting_user', () => {
    const response = handleReportsApi(
      workbench,
      acting('seller1'),
      ['reports', 'Fixture_Reports', 'Pipeline_By_Forecast_Category'],
      fixtures
    );
    expect(response.status).toBe(200);
    expect((response.body as { runningUser: { name: string } }).runningUser.name).toBe(
      'Jonas Holm'
    );
  });

  it('it_should_answer_422_with_the_reason_for_metadata_that_cannot_run', () => {
    const response = handleReportsApi(
      workbench,
      acting('director'),
      ['reports', 'Fixture_Reports', 'Wrong_Column'],
      fixtures
    );
    expect(response).toEqual({
      status: 422,
      body: { message: expect.stringMatching(/Wrong_Column.report-meta.xml: <columns>/) }
    });
  });

  it('it_should_answer_404_for_a_report_or_dashboard_the_package_lacks', () => {
    expect(
      handleReportsApi(workbench, acting('director'), ['dashboards', 'Nope', 'Nothing'], fixtures)
        .status
    ).toBe(404);
  });

  it('it_should_serve_the_package_dashboards_through_the_workbench_api', () => {
    const response = handleApi(workbench, acting('director'), {
      method: 'GET',
      path: '/api/dashboards',
      query: new URLSearchParams(),
      body: null
    });
    expect(response.status).toBe(200);
  });
});
