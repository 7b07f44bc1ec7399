/**
 * The jobs an org runs on a schedule or after a change of rules, which the workbench's Admin
 * page runs on request: each is the anonymous Apex an admin would run in the Developer Console.
 */
export interface AdminJob {
  name: string;
  apex: string;
}

export const ADMIN_JOBS: readonly AdminJob[] = [
  {
    // The nightly schedule (GuidanceRecalculationBatch.scheduleNightly) runs this batch.
    name: 'guidance',
    apex: 'Database.executeBatch(new GuidanceRecalculationBatch(), 200);'
  },
  {
    // What a change to the segments' criteria starts (SegmentAssignmentBatch.enqueue).
    name: 'segments',
    apex: 'SegmentAssignmentBatch.enqueue();'
  },
  {
    // What Setup's Recalculate button on Coaching Session and Skill Assessment runs.
    name: 'sharing',
    apex: 'Database.executeBatch(new SellerSharingRecalculation(), 200);'
  },
  {
    // The daily schedule (StrategyReminderJob.scheduleDaily) runs this.
    name: 'strategyReminders',
    apex: 'new StrategyReminderJob().execute(null);'
  },
  {
    // The weekly schedule (KpiSnapshotJob.scheduleWeekly) runs this: the week before today.
    name: 'kpiSnapshots',
    apex: 'new KpiSnapshotJob().execute(null);'
  },
  {
    // The weekly schedule (WeeklyDigestJob.scheduleWeekly) runs this batch, in chunks of 50.
    name: 'weeklyDigest',
    apex: 'Database.executeBatch(new WeeklyDigestJob(), 50);'
  }
];
