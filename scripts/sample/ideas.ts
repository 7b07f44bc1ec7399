import { SAMPLE_COUNTS } from './constants';
import { RecordSequence, refTo, type SampleRecord, type SampleUser } from './model';
import type { SeededRandom } from './random';
import { salesTeamOf } from './users';

export interface IdeaBuild {
  readonly ideas: SampleRecord[];
  readonly votes: SampleRecord[];
}

interface IdeaDraft {
  readonly title: string;
  readonly area: string;
  readonly status: string;
  readonly hours: number;
  readonly author: string;
  readonly description: string;
  readonly decision?: string;
}

const IDEAS: readonly IdeaDraft[] = [
  {
    title: 'Log calls from the phone app in one tap',
    area: 'Tools',
    status: 'Under Review',
    hours: 3,
    author: 'seller1',
    description: 'Logging a call takes five clicks on mobile; most calls are never logged.'
  },
  {
    title: 'Pre-filled account plan from last year',
    area: 'Process',
    status: 'Accepted',
    hours: 2.5,
    author: 'seller4',
    description: 'Start the new plan from the previous one instead of an empty form.',
    decision: 'Accepted for the January release; services will review the template.'
  },
  {
    title: 'One pipeline review format for both teams',
    area: 'Process',
    status: 'Implemented',
    hours: 1.5,
    author: 'manager2',
    description: 'Both teams prepare the review differently; one format saves preparation.',
    decision: 'Implemented with the Pipeline Review page in September.'
  },
  {
    title: 'Remove the duplicate contact fields',
    area: 'Data',
    status: 'New',
    hours: 0.5,
    author: 'seller7',
    description: 'Contacts have two phone and two title fields; nobody knows which one counts.'
  },
  {
    title: 'Negotiation training with real deals',
    area: 'Training',
    status: 'Accepted',
    hours: 0,
    author: 'seller3',
    description: 'Use our own lost deals as cases in the negotiation training.',
    decision: 'Accepted: next Negotiation Essentials session uses three of our deals.'
  },
  {
    title: 'Automatic reminders for overdue close dates',
    area: 'Tools',
    status: 'Implemented',
    hours: 2,
    author: 'seller2',
    description: 'A weekly reminder of open deals whose close date has passed.',
    decision: 'The data-quality nudges on the opportunity now cover this.'
  },
  {
    title: 'Shared library of customer references',
    area: 'Data',
    status: 'Under Review',
    hours: 1.5,
    author: 'seller5',
    description: 'Finding a reference customer takes days; a searchable list would help.'
  },
  {
    title: 'Fewer internal status meetings',
    area: 'Process',
    status: 'New',
    hours: 4,
    author: 'seller8',
    description: 'Replace the weekly status meeting with the pipeline review page.'
  },
  {
    title: 'Quote tool integrated in the CRM',
    area: 'Tools',
    status: 'Declined',
    hours: 3,
    author: 'seller6',
    description: 'Quotes are built in spreadsheets and copied into the opportunity.',
    decision: 'Declined for now: the CPQ project starts in 2027 and will replace the spreadsheets.'
  },
  {
    title: 'Mentoring between senior and new sellers',
    area: 'Other',
    status: 'New',
    hours: 1,
    author: 'manager1',
    description: 'Pair each new seller with a senior colleague for the first six months.'
  }
];

/** Votes per idea, most popular first (42 in all). */
const VOTES_PER_IDEA = [7, 6, 6, 5, 5, 4, 3, 3, 2, 1];

export function buildIdeas(rng: SeededRandom, users: readonly SampleUser[]): IdeaBuild {
  const ideaSequence = new RecordSequence('Improvement_Idea__c');
  const voteSequence = new RecordSequence('Idea_Vote__c');
  const voters = salesTeamOf(users).map((user) => user.key);
  const ideas: SampleRecord[] = [];
  const votes: SampleRecord[] = [];
  IDEAS.forEach((draft, index) => {
    const idea = ideaSequence.next(
      {
        Name: draft.title,
        Area__c: draft.area,
        Description__c: draft.description,
        Status__c: draft.status,
        Expected_Hours_Saved__c: draft.hours,
        Decision_Note__c: draft.decision
      },
      draft.author
    );
    ideas.push(idea);
    const others = voters.filter((voter) => voter !== draft.author);
    for (const voter of rng.sample(others, VOTES_PER_IDEA[index])) {
      votes.push(
        voteSequence.next({ Improvement_Idea__c: refTo(idea) }, undefined, { Voter__c: voter })
      );
    }
  });
  if (votes.length !== SAMPLE_COUNTS.ideaVotes) {
    throw new Error(`expected ${SAMPLE_COUNTS.ideaVotes} votes, made ${votes.length}`);
  }
  return { ideas, votes };
}
