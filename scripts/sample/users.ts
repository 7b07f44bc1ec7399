import type { SampleUser, UserKey } from './model';

/** How the Danish sales organisation reads the package: in Danish, with Danish formats. */
const DANISH = { language: 'da', locale: 'da_DK' } as const;
/** The one seller who works in English (a hire from abroad), to show the package in both. */
const ENGLISH = { language: 'en_US', locale: 'en_US' } as const;

/** The sample's English-speaking user. */
export const ENGLISH_SPEAKING_USER: UserKey = 'seller8';

/**
 * The sample sales organisation: a sales director, two managers with four sellers each, and a
 * CMO in the leadership group beside the director, all in Danish but one. Each holds personas
 * (the package's permission set groups): sellers Sales Seller, managers Sales Manager, the CMO
 * Sales Leadership, and the director, who manages the managers, sits in leadership and
 * administers the sample, Sales Manager, Sales Leadership and Sales Strategy Admin. Users cannot
 * be created through `sf data import tree`, so they are written to data/sample-users.json and
 * created (or matched) by the seeding step.
 *
 * The CMO comes last and takes part in nothing the generator draws at random (she owns no
 * deals, logs no activities, reads and votes on nothing): adding her left every record of the
 * sample as it was, and each user before her keeps their place, Id and audit stamps.
 */
export function buildUsers(): SampleUser[] {
  const seller = (
    index: number,
    firstName: string,
    lastName: string,
    managerKey: UserKey
  ): SampleUser => ({
    ...(`seller${index}` === ENGLISH_SPEAKING_USER ? ENGLISH : DANISH),
    key: `seller${index}`,
    firstName,
    lastName,
    alias: `${firstName.slice(0, 1)}${lastName.slice(0, 4)}`.toLowerCase(),
    emailLocalPart: `${firstName}.${lastName}`.toLowerCase(),
    title: 'Account Executive',
    role: 'seller',
    permissionSetGroups: ['Sales_Seller'],
    managerKey
  });
  return [
    {
      key: 'director',
      firstName: 'Karen',
      lastName: 'Lund',
      alias: 'klund',
      emailLocalPart: 'karen.lund',
      title: 'Sales Director',
      role: 'director',
      ...DANISH,
      permissionSetGroups: ['Sales_Manager', 'Sales_Leadership', 'Sales_Strategy_Admin']
    },
    {
      key: 'manager1',
      firstName: 'Mikkel',
      lastName: 'Dahl',
      alias: 'mdahl',
      emailLocalPart: 'mikkel.dahl',
      title: 'Sales Manager, Enterprise',
      role: 'manager',
      ...DANISH,
      permissionSetGroups: ['Sales_Manager'],
      managerKey: 'director'
    },
    {
      key: 'manager2',
      firstName: 'Sofia',
      lastName: 'Berg',
      alias: 'sberg',
      emailLocalPart: 'sofia.berg',
      title: 'Sales Manager, Commercial',
      role: 'manager',
      ...DANISH,
      permissionSetGroups: ['Sales_Manager'],
      managerKey: 'director'
    },
    seller(1, 'Jonas', 'Holm', 'manager1'),
    seller(2, 'Emma', 'Nielsen', 'manager1'),
    seller(3, 'Lukas', 'Hansen', 'manager1'),
    seller(4, 'Freja', 'Madsen', 'manager1'),
    seller(5, 'Oliver', 'Schmidt', 'manager2'),
    seller(6, 'Ida', 'Larsen', 'manager2'),
    seller(7, 'Noah', 'Jensen', 'manager2'),
    seller(8, 'Clara', 'Vogel', 'manager2'),
    {
      key: 'cmo',
      firstName: 'Anne',
      lastName: 'Krogh',
      alias: 'akrogh',
      emailLocalPart: 'anne.krogh',
      title: 'Chief Marketing Officer',
      role: 'leadership',
      ...DANISH,
      permissionSetGroups: ['Sales_Leadership']
    }
  ];
}

/**
 * Per-seller tendencies that make the KPIs differ between sellers: share of deals, how often a
 * seller leaves data gaps, and how much of their time goes to customers.
 */
export interface SellerProfile {
  readonly key: UserKey;
  readonly dealWeight: number;
  readonly gapProneness: number;
  readonly customerTimeWeight: number;
}

export const SELLER_PROFILES: readonly SellerProfile[] = [
  { key: 'seller1', dealWeight: 1.2, gapProneness: 0.6, customerTimeWeight: 1.25 },
  { key: 'seller2', dealWeight: 1.0, gapProneness: 0.8, customerTimeWeight: 1.05 },
  { key: 'seller3', dealWeight: 0.9, gapProneness: 1.2, customerTimeWeight: 0.9 },
  { key: 'seller4', dealWeight: 1.1, gapProneness: 0.7, customerTimeWeight: 1.1 },
  { key: 'seller5', dealWeight: 1.0, gapProneness: 1.0, customerTimeWeight: 0.85 },
  { key: 'seller6', dealWeight: 0.8, gapProneness: 1.4, customerTimeWeight: 0.95 },
  { key: 'seller7', dealWeight: 0.9, gapProneness: 2.2, customerTimeWeight: 0.6 },
  { key: 'seller8', dealWeight: 1.1, gapProneness: 0.9, customerTimeWeight: 1.2 }
];

/**
 * The managers and sellers, in the sample's order: the people who meet customers and each other,
 * and vote on ideas (the director and the CMO do neither in the sample).
 */
export function salesTeamOf(users: readonly SampleUser[]): SampleUser[] {
  return users.filter((user) => user.role === 'manager' || user.role === 'seller');
}

export function sellersOf(users: readonly SampleUser[]): SampleUser[] {
  return users.filter((user) => user.role === 'seller');
}

export function managerOf(users: readonly SampleUser[], key: UserKey): UserKey {
  const user = users.find((candidate) => candidate.key === key);
  if (!user?.managerKey) {
    throw new Error(`user ${key} has no manager`);
  }
  return user.managerKey;
}

export function profileOf(key: UserKey): SellerProfile {
  const profile = SELLER_PROFILES.find((candidate) => candidate.key === key);
  if (!profile) {
    throw new Error(`no seller profile for ${key}`);
  }
  return profile;
}

export function fullName(users: readonly SampleUser[], key: UserKey): string {
  const user = users.find((candidate) => candidate.key === key);
  if (!user) {
    throw new Error(`unknown user ${key}`);
  }
  return `${user.firstName} ${user.lastName}`;
}
