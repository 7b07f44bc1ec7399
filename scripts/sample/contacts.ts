import type { SampleAccount } from './accounts';
import { RecordSequence, refTo, type SampleRecord } from './model';
import type { SeededRandom } from './random';
import type { SegmentKey } from './segments';

export interface SampleContact {
  readonly record: SampleRecord;
  readonly account: SampleAccount;
  readonly fullName: string;
  readonly title: string;
}

const FIRST_NAMES = [
  'Anders',
  'Birgitte',
  'Camilla',
  'David',
  'Elin',
  'Frederik',
  'Greta',
  'Henrik',
  'Ingrid',
  'Johan',
  'Katrine',
  'Lars',
  'Maja',
  'Niklas',
  'Oskar',
  'Pernille',
  'Rasmus',
  'Sara',
  'Tobias',
  'Ulla',
  'Viktor',
  'Wilma',
  'Alexander',
  'Hannah',
  'Jakob',
  'Laura',
  'Martin',
  'Nora',
  'Peter',
  'Sophie',
  'Thomas',
  'Julia',
  'Daniel',
  'Emily',
  'James',
  'Olivia',
  'Lena',
  'Markus',
  'Eva'
];

const LAST_NAMES = [
  'Andersen',
  'Petersen',
  'Sorensen',
  'Rasmussen',
  'Christensen',
  'Johansson',
  'Lindqvist',
  'Eriksson',
  'Solberg',
  'Haugen',
  'Bakker',
  'de Vries',
  'Visser',
  'Muller',
  'Fischer',
  'Weber',
  'Wagner',
  'Becker',
  'Virtanen',
  'Korhonen',
  'Smith',
  'Taylor',
  'Brown',
  'Wilson',
  'Clarke',
  'Walker',
  'Moore',
  'Lindberg',
  'Nyberg',
  'Berglund',
  'Kruse',
  'Thomsen',
  'Olsen',
  'Kristiansen'
];

/** Buying-centre titles; the first ones are typical decision makers. */
const TITLES = [
  'Chief Executive Officer',
  'Chief Financial Officer',
  'Chief Operating Officer',
  'Chief Information Officer',
  'VP Operations',
  'Head of Procurement',
  'IT Director',
  'Head of Digital',
  'Operations Manager',
  'Finance Manager',
  'Project Manager',
  'Procurement Specialist',
  'Solution Architect',
  'Business Analyst'
];

const CONTACTS_PER_ACCOUNT: Record<SegmentKey, readonly [number, number]> = {
  strategic: [6, 8],
  keyGrowth: [4, 6],
  newLogo: [3, 4],
  core: [3, 4]
};

export function buildContacts(
  rng: SeededRandom,
  accounts: readonly SampleAccount[]
): SampleContact[] {
  const sequence = new RecordSequence('Contact');
  const contacts: SampleContact[] = [];
  for (const account of accounts) {
    const [min, max] = CONTACTS_PER_ACCOUNT[account.segment];
    const count = rng.int(min, max);
    const titles = rng.sample(TITLES, count);
    const usedNames = new Set<string>();
    for (const title of titles) {
      let firstName = '';
      let lastName = '';
      do {
        firstName = rng.pick(FIRST_NAMES);
        lastName = rng.pick(LAST_NAMES);
      } while (usedNames.has(`${firstName} ${lastName}`));
      usedNames.add(`${firstName} ${lastName}`);
      const localPart = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
      const record = sequence.next(
        {
          FirstName: firstName,
          LastName: lastName,
          Title: title,
          Email: `${localPart}@${account.domain}`,
          AccountId: refTo(account.record)
        },
        account.owner
      );
      contacts.push({ record, account, fullName: `${firstName} ${lastName}`, title });
    }
  }
  return contacts;
}
