/** UserCalendarController over the workbench org: today is the sample day, as Apex's Date.today(). */
import type { ApexHandler } from './apexMethod';

export const CALENDAR_APEX: Readonly<Record<string, ApexHandler>> = {
  'UserCalendarController.getToday': (workbench) => ({ status: 200, body: workbench.org.today })
};
