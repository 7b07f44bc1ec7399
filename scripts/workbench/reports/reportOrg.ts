/**
 * What the report engine asks of the org: rows fetched by SOQL in user mode, with sharing, as the
 * running user (the Apex runtime's own query path, so sharing and field-level security are the
 * org's, never re-implemented here), the schema, the calendar and the users.
 */
import { ExecutionContext } from '../../../apex-runtime/src/interpreter/executionContext';
import { Frame } from '../../../apex-runtime/src/interpreter/frame';
import { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter';
import { OrgSession } from '../../../apex-runtime/src/execution/orgSession';
import type { OrgSchema } from '../../../apex-runtime/src/metadata/schema';
import { QueryResultList } from '../../../apex-runtime/src/values/collections';
import type { SObjectValue } from '../../../apex-runtime/src/values/sobject';
import type { WorkbenchOrg } from '../server/workbenchOrg';
import type { CalendarContext } from './reportFilters';

export interface OrgUser {
  id: string;
  name: string;
  username: string;
  managerId: string | null;
}

export interface ReportOrg {
  schema: OrgSchema;
  calendar: CalendarContext;
  users: readonly OrgUser[];
  /** Runs SOQL as the user, WITH USER_MODE and with sharing; throws the runtime's QueryException. */
  query(userId: string, soql: string): SObjectValue[];
  fieldReadable(userId: string, objectName: string, fieldName: string): boolean;
}

/**
 * The org as the report engine reads it; group labels are written in the locale of the viewer
 * (LocaleSidKey, en_US as en-US).
 */
export function reportOrgOf(
  workbench: Pick<WorkbenchOrg, 'org' | 'program' | 'today'>,
  viewerId?: string
): ReportOrg {
  const { org, program } = workbench;
  const organization = [...org.database.rows('Organization')][0];
  const viewer = viewerId ? org.database.row(viewerId) : undefined;
  const users = [...org.database.rows('User')].map((row) => ({
    id: String(row.Id),
    name: String(row.Name ?? row.Id),
    username: String(row.Username ?? ''),
    managerId: typeof row.ManagerId === 'string' ? row.ManagerId : null
  }));
  return {
    schema: org.project.schema,
    calendar: {
      today: workbench.today,
      fiscalYearStartMonth:
        typeof organization?.FiscalYearStartMonth === 'number'
          ? organization.FiscalYearStartMonth
          : 1,
      firstDayOfWeek: 0,
      locale: String(viewer?.LocaleSidKey ?? 'en_US').replace(/_/g, '-')
    },
    users,
    query: (userId, soql) => {
      const interpreter = new Interpreter(program);
      const session = new OrgSession(interpreter, org, { inTest: false });
      const ctx = new ExecutionContext(interpreter, session, session.runningUser(userId));
      session.attach(ctx);
      // A `with sharing` frame: the report runs as the user, as a report in the org does.
      const frame = new Frame(ctx, null, null, null, true, 0, {
        where: 'Reports.run',
        file: 'Reports',
        line: 0,
        column: 0
      });
      const result = session.runDynamicQuery(frame, soql, () => undefined, 'USER_MODE');
      return result instanceof QueryResultList ? (result.items as SObjectValue[]) : [];
    },
    fieldReadable: (userId, objectName, fieldName) =>
      org.userAccess(userId).fieldReadable(objectName, fieldName)
  };
}

/** The user and everyone who reports to them, through User.ManagerId (bounded by the user count). */
export function teamOf(users: readonly OrgUser[], managerId: string): Set<string> {
  const team = new Set([managerId]);
  for (let round = 0; round < users.length; round += 1) {
    const before = team.size;
    for (const user of users) {
      if (user.managerId && team.has(user.managerId)) team.add(user.id);
    }
    if (team.size === before) break;
  }
  return team;
}
