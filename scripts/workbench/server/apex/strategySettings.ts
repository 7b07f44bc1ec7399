/**
 * StrategySettings over the workbench: the shipped Strategy_Setting__mdt record Default, read as
 * the Apex reads it (blank reminder days mean no reminders, blank or non-positive working hours
 * mean 37, a blank checkbox is unchecked).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WORKING_HOURS_PER_WEEK } from '../../../../force-app/main/default/lwc/salesKpis/salesKpis';

export const STRATEGY_SETTING_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'customMetadata',
  'Strategy_Setting.Default.md-meta.xml'
);

export interface StrategySettingValues {
  reminderAfterDays: number;
  workingHoursPerWeek: number;
  countWeekendCustomerTime: boolean;
}

/** The text of one field's value in a Custom Metadata record file, or null when it has none. */
function fieldValue(xml: string, field: string): string | null {
  const match = new RegExp(`<field>${field}</field>\\s*<value[^>]*>([^<]*)</value>`).exec(xml);
  return match ? match[1].trim() : null;
}

export function strategySettings(file: string = STRATEGY_SETTING_FILE): StrategySettingValues {
  const xml = readFileSync(file, 'utf8');
  const days = Number(fieldValue(xml, 'Reminder_After_Days__c') ?? 0);
  const hours = Number(fieldValue(xml, 'Working_Hours_Per_Week__c') ?? NaN);
  return {
    reminderAfterDays: Number.isFinite(days) ? Math.trunc(days) : 0,
    workingHoursPerWeek:
      Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_WORKING_HOURS_PER_WEEK,
    countWeekendCustomerTime: fieldValue(xml, 'Count_Weekend_Customer_Time__c') === 'true'
  };
}
