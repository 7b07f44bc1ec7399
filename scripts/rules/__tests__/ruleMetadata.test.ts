import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSalesRules } from '../ruleMetadata';

function ruleXml(values: Record<string, string | null>, type = 'xsd:string'): string {
  const entries = Object.entries(values)
    .map(([field, value]) =>
      value === null
        ? `<values><field>${field}</field><value xsi:nil="true"/></values>`
        : `<values><field>${field}</field><value xsi:type="${type}">${value}</value></values>`
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <label>Next step</label>
  <protected>false</protected>
${entries}
</CustomMetadata>`;
}

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('loadSalesRules', () => {
  it('reads a rule record with its formulas unescaped and its fix fields split', () => {
    const dir = dirWith({
      'Sales_Rule.Opp_Next_Step.md-meta.xml': ruleXml({
        Active__c: 'true',
        Kind__c: 'Data Quality',
        Object__c: 'Opportunity',
        Applies_When__c: 'Probability &gt;= 20 &amp;&amp; NOT(IsClosed)',
        Flag_When__c: 'ISBLANK(NextStep)',
        Fix_Fields__c: 'NextStep, CloseDate',
        Weight__c: '3',
        Sort_Order__c: '10',
        Coaching_Question__c: null
      }),
      'Other_Type.Record.md-meta.xml': ruleXml({ Kind__c: 'x' })
    });

    expect(loadSalesRules(dir)).toEqual([
      expect.objectContaining({
        developerName: 'Opp_Next_Step',
        label: 'Next step',
        kind: 'Data Quality',
        appliesWhen: 'Probability >= 20 && NOT(IsClosed)',
        fixFields: ['NextStep', 'CloseDate'],
        fixRelatedList: null,
        weight: 3,
        sortOrder: 10,
        coachingQuestion: null,
        active: true
      })
    ]);
  });

  it('reads the related list that fixes a rule, trimmed', () => {
    const dir = dirWith({
      'Sales_Rule.Opp_Contact_Role.md-meta.xml': ruleXml({
        Kind__c: 'Data Quality',
        Object__c: 'Opportunity',
        Fix_Related_List__c: ' OpportunityContactRoles '
      })
    });
    expect(loadSalesRules(dir)[0].fixRelatedList).toBe('OpportunityContactRoles');
  });

  it('names the file of a record with an unknown kind', () => {
    const dir = dirWith({
      'Sales_Rule.Bad.md-meta.xml': ruleXml({ Kind__c: 'Nudge', Object__c: 'Opportunity' })
    });
    expect(() => loadSalesRules(dir)).toThrow(/Sales_Rule\.Bad\.md-meta\.xml: Kind__c "Nudge"/);
  });

  it('names the field of a weight that is not a number', () => {
    const dir = dirWith({
      'Sales_Rule.Bad.md-meta.xml': ruleXml({
        Kind__c: 'Data Quality',
        Object__c: 'Account',
        Weight__c: 'heavy'
      })
    });
    expect(() => loadSalesRules(dir)).toThrow(/Weight__c "heavy" is not a number/);
  });
});
