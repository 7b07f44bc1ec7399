import { addDays, dateTime } from './dates';
import { RecordSequence, refTo, type SampleRecord, type SampleUser } from './model';
import { strategyAudienceOf } from './personas';
import type { SeededRandom } from './random';
import { FIRST_VERSION_SECTIONS, SECOND_VERSION_SECTIONS } from './strategyContent';

export interface StrategyBuild {
  readonly superseded: SampleRecord;
  readonly published: SampleRecord;
  readonly versions: SampleRecord[];
  readonly acknowledgements: SampleRecord[];
}

/** Who published both versions; the publisher does not acknowledge their own version. */
const PUBLISHER = 'director';

/** Users who have not yet acknowledged the published version (M1: "who has not read it"). */
export const NOT_YET_ACKNOWLEDGED: readonly string[] = ['seller6', 'seller7'];

/**
 * Two strategy versions: 1.0 (first half of 2026, superseded) and 2.0 (second half, published),
 * each with the KPI targets the dashboards compare against.
 */
export function buildStrategy(rng: SeededRandom, users: readonly SampleUser[]): StrategyBuild {
  const sequence = new RecordSequence('Strategy_Version__c');
  const superseded = sequence.next(
    {
      Name: 'Sales Strategy 2026 H1',
      Version_Number__c: 1.0,
      Status__c: 'Superseded',
      Effective_From__c: '2026-01-01',
      Next_Review_Date__c: '2026-07-01',
      Published_At__c: '2025-12-15T10:00:00.000Z',
      ...FIRST_VERSION_SECTIONS,
      Target_Pipeline_Coverage__c: 3.0,
      Target_Win_Rate__c: 30,
      Target_Data_Quality_Score__c: 80,
      Target_Time_With_Customers__c: 35,
      Target_Coaching_Sessions__c: 1.0,
      Target_Forecast_Accuracy__c: 85,
      Target_Team_Variable_Share__c: 30,
      Target_Strategic_KPI_Share__c: 20
    },
    PUBLISHER,
    { Published_By__c: PUBLISHER }
  );
  const published = sequence.next(
    {
      Name: 'Sales Strategy 2026 H2',
      Version_Number__c: 2.0,
      Status__c: 'Published',
      Effective_From__c: '2026-07-01',
      Next_Review_Date__c: '2027-01-01',
      Published_At__c: '2026-06-24T09:30:00.000Z',
      Previous_Version__c: refTo(superseded),
      ...SECOND_VERSION_SECTIONS,
      Target_Pipeline_Coverage__c: 3.0,
      Target_Win_Rate__c: 32,
      Target_Data_Quality_Score__c: 85,
      Target_Time_With_Customers__c: 40,
      Target_Coaching_Sessions__c: 1.5,
      Target_Forecast_Accuracy__c: 90,
      Target_Team_Variable_Share__c: 40,
      Target_Strategic_KPI_Share__c: 25
    },
    PUBLISHER,
    { Published_By__c: PUBLISHER }
  );

  const ackSequence = new RecordSequence('Strategy_Acknowledgement__c');
  const acknowledgements: SampleRecord[] = [];
  // The strategy's audience (sellers and managers, through their groups) but the publisher.
  const readers = strategyAudienceOf(users).filter((user) => user.key !== PUBLISHER);
  const acknowledge = (version: SampleRecord, day: string, key: string): void => {
    acknowledgements.push(
      ackSequence.next(
        {
          Strategy_Version__c: refTo(version),
          Acknowledged_At__c: dateTime(day, rng.int(8 * 60, 17 * 60))
        },
        undefined,
        { User__c: key }
      )
    );
  };
  for (const user of readers) {
    acknowledge(superseded, addDays('2025-12-15', rng.int(1, 20)), user.key);
  }
  for (const user of readers.filter((reader) => !NOT_YET_ACKNOWLEDGED.includes(reader.key))) {
    acknowledge(published, addDays('2026-06-24', rng.int(1, 30)), user.key);
  }
  return { superseded, published, versions: [superseded, published], acknowledgements };
}
