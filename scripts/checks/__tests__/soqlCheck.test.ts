import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkSoql } from '../soqlCheck';
import { checkSoqlQuery } from '../soqlFieldResolver';
import { loadObjectSchema } from '../soqlObjectSchema';
import { findSoqlQueries } from '../soqlQueries';

const CHECKS = join(__dirname, '..');
const FIXTURES = join(CHECKS, '__fixtures__', 'soql');
const GOOD = join(FIXTURES, 'good');
const schema = loadObjectSchema([join(GOOD, 'force-app')]);

/** The messages the check reports for one class body, as `line: message`. */
function findingsFor(classBody: string): string[] {
  const source = `public with sharing class Probe {\n${classBody}\n}`;
  const { queries, syntaxErrors } = findSoqlQueries(source, false);
  expect(syntaxErrors).toEqual([]);
  return queries
    .flatMap((query) => checkSoqlQuery(query, schema, 'Probe.cls'))
    .map((finding) => `${finding.line}: ${finding.message}`);
}

describe('check:soql', () => {
  it('fails with file:line on an unknown field in a select list', () => {
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        join(CHECKS, 'soqlCheck.ts'),
        join(FIXTURES, 'unknown-select-field')
      ],
      { encoding: 'utf8' }
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "unknown-select-field/force-app/main/default/classes/SegmentSelector.cls:7:24 Unknown field 'Rank__c' on Customer_Segment__c"
    );
  });

  it('passes a class whose queries name only existing fields, relationships and children', () => {
    const result = checkSoql(GOOD);
    expect(result.findings).toEqual([]);
    expect(result.queryCount).toBe(3);
  });

  it('reads lookups, their target and their child relationship name from the field XML', () => {
    expect(schema.objects.get('account')?.fields.get('customer_segment__c')).toEqual({
      name: 'Customer_Segment__c',
      referenceTo: 'Customer_Segment__c',
      relationshipName: 'Accounts'
    });
  });

  it('checks WHERE, ORDER BY and GROUP BY as well as the select list', () => {
    expect(
      findingsFor(`List<AggregateResult> a = [SELECT Customer_Segment__c FROM Account
        WHERE Tier__c = 'A' GROUP BY Region__c ORDER BY Size__c];`)
    ).toEqual([
      expect.stringMatching(/^3: Unknown field 'Tier__c' on Account/),
      expect.stringMatching(/^3: Unknown field 'Region__c' on Account/),
      expect.stringMatching(/^3: Unknown field 'Size__c' on Account/)
    ]);
  });

  it('follows custom relationship paths through standard ones and checks the end field', () => {
    expect(
      findingsFor(`List<Opportunity> o = [SELECT Account.Customer_Segment__r.Rank__c,
        Account.Segment__r.Name, Owner.Name FROM Opportunity];`)
    ).toEqual([
      "2: Unknown field 'Rank__c' on Customer_Segment__c (expected objects/Customer_Segment__c/fields/Rank__c.field-meta.xml)",
      "3: Unknown relationship 'Segment__r' on Account: no lookup field 'Segment__c' (expected objects/Account/fields/Segment__c.field-meta.xml)"
    ]);
  });

  it('resolves child-relationship subqueries by relationshipName and checks their fields', () => {
    expect(
      findingsFor(`List<Customer_Segment__c> s = [SELECT Id, (SELECT Rating__c FROM Accounts),
        (SELECT Id FROM Plans__r) FROM Customer_Segment__c];`)
    ).toEqual([
      expect.stringMatching(/^2: Unknown field 'Rating__c' on Account/),
      expect.stringMatching(
        /^3: Unknown child relationship 'Plans__r' on Customer_Segment__c: no lookup or master-detail/
      )
    ]);
  });

  it('checks semi-join subqueries against the object they name', () => {
    expect(
      findingsFor(`List<Customer_Segment__c> s = [SELECT Id FROM Customer_Segment__c
        WHERE Id IN (SELECT Customer_Segment__c FROM Account WHERE Churned__c = true)];`)
    ).toEqual([expect.stringMatching(/^3: Unknown field 'Churned__c' on Account/)]);
  });

  it('reports a custom object without metadata once, not each of its fields', () => {
    expect(
      findingsFor(`List<SObject> s = [SELECT Name__c, Kind__c FROM Segment_Rule__c];`)
    ).toEqual([
      "2: Unknown object 'Segment_Rule__c': no objects/Segment_Rule__c folder in the project"
    ]);
  });

  it('is case-insensitive like SOQL and strips a FROM alias or the object-name prefix', () => {
    expect(
      findingsFor(`List<Customer_Segment__c> s = [SELECT s.PRIORITY__C, s.RANK__c
        FROM customer_segment__c s];`)
    ).toEqual([
      "2: Unknown field 'RANK__c' on Customer_Segment__c (expected objects/Customer_Segment__c/fields/RANK__c.field-meta.xml)"
    ]);
    expect(
      findingsFor(`List<Customer_Segment__c> s = [SELECT Customer_Segment__c.Priority__c,
        Customer_Segment__c.Tier__c FROM Customer_Segment__c];`)
    ).toEqual([expect.stringMatching(/^3: Unknown field 'Tier__c' on Customer_Segment__c/)]);
  });

  it('looks up the custom fields of Task and Event on Activity, where Salesforce defines them', () => {
    expect(findingsFor(`List<Task> t = [SELECT Id, Internal__c FROM Task];`)).toEqual([]);
    expect(findingsFor(`List<Event> e = [SELECT Id, Customer_Facing__c FROM Event];`)).toEqual([
      "2: Unknown field 'Customer_Facing__c' on Event (expected objects/Activity/fields/Customer_Facing__c.field-meta.xml)"
    ]);
  });

  it('reports Apex that does not parse instead of skipping its queries silently', () => {
    const { queries, syntaxErrors } = findSoqlQueries(
      'public class Broken {\n  List<Account> a = [SELECT Id FROM];\n}',
      false
    );
    expect(queries).toEqual([]);
    expect(syntaxErrors).toEqual([expect.objectContaining({ line: 2 })]);
  });

  it('leaves Apex bind expressions to apex-ls', () => {
    expect(
      findingsFor(`Account a; List<Account> s = [SELECT Id FROM Account WHERE Id = :a.Bogus__c];`)
    ).toEqual([]);
  });

  it('checks the fields of each TYPEOF branch against that branch object', () => {
    expect(
      findingsFor(`List<Task> t = [SELECT TYPEOF What WHEN Account THEN Customer_Segment__c, Tier__c
        END FROM Task];`)
    ).toEqual([expect.stringMatching(/^2: Unknown field 'Tier__c' on Account/)]);
  });
});
