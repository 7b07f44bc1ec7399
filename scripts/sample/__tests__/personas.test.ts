import {
  packagePermissionSetGroups,
  permissionSetsOf,
  strategyAudienceOf,
  type GroupDefinitions
} from '../personas';

const GROUPS: GroupDefinitions = new Map([
  ['Sellers', { permissionSets: ['SSM_Seller'] }],
  ['Managers', { permissionSets: ['SSM_Seller', 'SSM_Manager'] }],
  ['Leaders', { permissionSets: ['SSM_Leadership'] }]
]);

describe('the sample users’ personas', () => {
  it('grant the permission sets of the package’s groups, as deployed', () => {
    expect(
      Object.fromEntries(
        [...packagePermissionSetGroups()].map(([name, group]) => [name, group.permissionSets])
      )
    ).toEqual({
      Sales_Leadership: ['SSM_Leadership'],
      Sales_Manager: ['SSM_Seller', 'SSM_Manager'],
      Sales_Seller: ['SSM_Seller'],
      Sales_Strategy_Admin: ['SSM_Admin']
    });
  });

  it('give a user holding several groups each permission set once', () => {
    const user = { key: 'both', permissionSetGroups: ['Managers', 'Sellers', 'Leaders'] };
    expect(permissionSetsOf(user, GROUPS)).toEqual(['SSM_Seller', 'SSM_Manager', 'SSM_Leadership']);
  });

  it('refuse a group the package does not ship, naming the user and the group', () => {
    expect(() =>
      permissionSetsOf({ key: 'seller9', permissionSetGroups: ['Nope'] }, GROUPS)
    ).toThrow('Sample user seller9: no permission set group Nope');
  });

  it('put sellers and managers in the strategy audience, leadership alone not', () => {
    const users = [
      { key: 'seller', permissionSetGroups: ['Sellers'] },
      { key: 'leader', permissionSetGroups: ['Leaders'] },
      { key: 'director', permissionSetGroups: ['Managers', 'Leaders'] }
    ];
    expect(strategyAudienceOf(users, GROUPS).map((user) => user.key)).toEqual([
      'seller',
      'director'
    ]);
  });
});
