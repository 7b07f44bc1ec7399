import { SALES_SKILLS, SAMPLE_COUNTS } from './constants';
import { addDays } from './dates';
import { RecordSequence, refTo, type SampleRecord, type SampleUser } from './model';
import type { SeededRandom } from './random';
import { managerOf } from './users';

export interface SkillBuild {
  readonly assessments: SampleRecord[];
  readonly programs: SampleRecord[];
  readonly enrollments: SampleRecord[];
}

/** The two assessment rounds of 2026 (semi-annual, as the strategy asks). */
export const ASSESSMENT_DAYS = ['2026-03-16', '2026-09-14'] as const;

/** Target score per skill; the customer-facing skills are expected at 4. */
const TARGET_SCORE: Record<(typeof SALES_SKILLS)[number], number> = {
  Discovery: 4,
  'Business Acumen': 3,
  'Value Selling': 4,
  Negotiation: 4,
  'Account Planning': 3,
  'Forecasting Discipline': 3,
  Prospecting: 3,
  'Presentation Skills': 3
};

const PROGRAMS: ReadonlyArray<
  readonly [string, (typeof SALES_SKILLS)[number], string, number, boolean]
> = [
  ['Discovery Conversations', 'Discovery', 'Classroom', 14, true],
  ['Reading the Annual Report', 'Business Acumen', 'E-learning', 4, true],
  ['Value Selling Bootcamp', 'Value Selling', 'Classroom', 16, true],
  ['Value Case Mentoring', 'Value Selling', 'Mentoring', 6, true],
  ['Negotiation Essentials', 'Negotiation', 'Classroom', 12, true],
  ['Negotiation Basics Online', 'Negotiation', 'E-learning', 3.5, false],
  ['Account Planning Workshop', 'Account Planning', 'On the Job', 8, true],
  ['Forecasting with Confidence', 'Forecasting Discipline', 'Coaching', 5, true],
  ['Social Prospecting', 'Prospecting', 'E-learning', 2.5, true],
  ['Executive Presentations', 'Presentation Skills', 'Classroom', 7.5, true]
];

/**
 * Skill assessments (every seller, every skill, two rounds), the development programmes, and
 * enrolments for gaps found in the latest round.
 */
export function buildSkills(rng: SeededRandom, users: readonly SampleUser[]): SkillBuild {
  const sellers = users.filter((user) => user.role === 'seller');
  const assessmentSequence = new RecordSequence('Skill_Assessment__c');
  const assessments: SampleRecord[] = [];
  const gaps: Array<{ seller: SampleUser; skill: (typeof SALES_SKILLS)[number] }> = [];
  const clamp = (score: number): number => Math.min(5, Math.max(1, score));
  for (const seller of sellers) {
    const level = rng.int(2, 4);
    const assessor = managerOf(users, seller.key);
    for (const skill of SALES_SKILLS) {
      const first = clamp(level + rng.int(-1, 1));
      const latest = clamp(first + (rng.chance(0.35) ? 1 : 0));
      [first, latest].forEach((score, round) => {
        assessments.push(
          assessmentSequence.next(
            {
              Assessment_Date__c: ASSESSMENT_DAYS[round],
              Skill__c: skill,
              Score__c: score,
              Target_Score__c: TARGET_SCORE[skill]
            },
            assessor,
            { Seller__c: seller.key, Assessor__c: assessor }
          )
        );
      });
      if (latest < TARGET_SCORE[skill]) {
        gaps.push({ seller, skill });
      }
    }
  }

  const programSequence = new RecordSequence('Development_Program__c');
  const programs = PROGRAMS.map(([name, skill, format, hours, active]) =>
    programSequence.next(
      {
        Name: name,
        Skill__c: skill,
        Format__c: format,
        Hours__c: hours,
        Active__c: active,
        Description__c: `${format} programme for ${skill.toLowerCase()}, ${hours} hours.`
      },
      'director'
    )
  );

  const enrollmentSequence = new RecordSequence('Program_Enrollment__c');
  const enrollments = rng
    .sample(gaps, SAMPLE_COUNTS.programEnrollments)
    .map(({ seller, skill }) => {
      const options = programs.filter(
        (program) => program.fields.Skill__c === skill && program.fields.Active__c === true
      );
      const program = rng.pick(options);
      const enrolledOn = addDays(ASSESSMENT_DAYS[1], rng.int(5, 45));
      const status = rng.weighted(['Enrolled', 'In Progress', 'Completed', 'Withdrawn'], (s) =>
        s === 'Withdrawn' ? 1 : 4
      );
      return enrollmentSequence.next(
        {
          Development_Program__c: refTo(program),
          Status__c: status,
          Enrolled_On__c: enrolledOn,
          Completed_On__c: status === 'Completed' ? addDays(enrolledOn, rng.int(7, 30)) : undefined
        },
        undefined,
        { Seller__c: seller.key }
      );
    });
  return { assessments, programs, enrollments };
}
