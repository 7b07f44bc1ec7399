import { historyObjectName, projectKeyPrefixes, shareObjectName } from '../keyPrefixes';

describe('projectKeyPrefixes', () => {
  it('numbers custom objects in code-unit order from a00, as the sample org always did', () => {
    const prefixes = projectKeyPrefixes([
      'Account_Plan__c',
      'Account_Plan_Objective__c',
      'Idea__c'
    ]);
    // 'O' (0x4F) sorts before '_' (0x5F): the objective comes first.
    expect(prefixes.get('Account_Plan_Objective__c')).toBe('a00');
    expect(prefixes.get('Account_Plan__c')).toBe('a01');
    expect(prefixes.get('Idea__c')).toBe('a02');
  });

  it('counts in base 36 after a09', () => {
    const names = Array.from({ length: 11 }, (_, i) => `O${String(i).padStart(2, '0')}__c`);
    expect(projectKeyPrefixes(names).get('O10__c')).toBe('a0a');
  });

  it('gives share and history objects the prefix of their object with s and h', () => {
    const prefixes = projectKeyPrefixes(['Coaching_Session__c']);
    expect(prefixes.get(shareObjectName('Coaching_Session__c'))).toBe('s00');
    expect(prefixes.get(historyObjectName('Coaching_Session__c'))).toBe('h00');
  });

  it('numbers Custom Metadata types apart from m00', () => {
    const prefixes = projectKeyPrefixes(['Setting__mdt', 'Rule__mdt', 'Widget__c']);
    expect(prefixes.get('Rule__mdt')).toBe('m00');
    expect(prefixes.get('Setting__mdt')).toBe('m01');
    expect(prefixes.get('Widget__c')).toBe('a00');
  });

  it('ignores standard objects', () => {
    expect(projectKeyPrefixes(['Account']).size).toBe(0);
  });
});
