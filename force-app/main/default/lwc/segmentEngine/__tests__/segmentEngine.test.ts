import vectors from '../../../staticresources/SegmentTestVectors.json';
import { compileSegments, segmentFieldChanges } from 'c/segmentEngine';
import type { ObjectSchema } from 'c/formulaEngine';
import type { SegmentFacts } from 'c/salesKpis';

const account: ObjectSchema = {
  name: 'Account',
  fields: {
    AnnualRevenue: { type: 'Currency' },
    Industry: { type: 'Picklist' },
    Type: { type: 'Picklist' },
    Market_Potential__c: { type: 'Currency' },
    Customer_Segment__c: { type: 'Lookup', referenceTo: 'Customer_Segment__c' }
  }
};

interface VectorSegment {
  key: string;
  name: string;
  priority: number | null;
  active: boolean;
  criteria: string | null;
}

function segmentsOf(specs: readonly VectorSegment[]): SegmentFacts[] {
  return specs.map((spec) => ({
    Id: `a01${spec.key}`,
    Name: spec.name,
    Priority__c: spec.priority,
    Active__c: spec.active,
    Criteria_Formula__c: spec.criteria
  }));
}

describe('the shared segment vectors (also run by Apex SegmentAssignmentTest)', () => {
  it.each(vectors.cases.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const assigner = compileSegments(segmentsOf(vector.segments), account);
    const record = {
      ...vector.account,
      Customer_Segment__c: vector.current ? `a01${vector.current}` : null
    };
    const changes = segmentFieldChanges(record, assigner.decide(record), '2026-11-16');
    const after = changes ? changes.Customer_Segment__c : record.Customer_Segment__c;
    const expected =
      vector.expected === 'unchanged'
        ? record.Customer_Segment__c
        : vector.expected === null
          ? null
          : `a01${vector.expected}`;
    expect(after).toBe(expected);
    // An undecided account is left exactly as it was: no field is stamped.
    expect(changes === null).toBe(
      vector.expected === 'unchanged' || after === record.Customer_Segment__c
    );
  });
});

describe('compileSegments', () => {
  const segments = segmentsOf([
    { key: 'b', name: 'Broken', priority: 2, active: true, criteria: 'AND(' },
    { key: 'l', name: 'Large', priority: 1, active: true, criteria: 'AnnualRevenue > 100' },
    { key: 'x', name: 'Off', priority: 0, active: false, criteria: 'TRUE' }
  ]);
  const assigner = compileSegments(segments, account);

  it('ranks the active segments and lists the fields their criteria read', () => {
    expect(assigner.ranked.map((segment) => segment.Id)).toEqual(['a01l', 'a01b']);
    expect(assigner.referencedFields).toEqual(['AnnualRevenue']);
  });

  it('reports broken criteria with the segment and the reason', () => {
    expect(assigner.brokenCriteria).toHaveLength(1);
    expect(assigner.brokenCriteria[0].ruleName).toBe('a01b');
    expect(assigner.brokenCriteria[0].reason).not.toBe('');
  });

  it('names the broken segment when it leaves an account undecided', () => {
    const decision = assigner.decide({ AnnualRevenue: 5 });
    expect(decision.kind).toBe('undecided');
    expect(decision.kind === 'undecided' && decision.brokenSegmentId).toBe('a01b');
  });
});

describe('segmentFieldChanges', () => {
  it('stamps the segment and the day when it changes', () => {
    expect(
      segmentFieldChanges(
        { Customer_Segment__c: 'a01old' },
        { kind: 'assigned', segmentId: 'a01new' },
        '2026-11-16'
      )
    ).toEqual({ Customer_Segment__c: 'a01new', Segment_Assigned_On__c: '2026-11-16' });
  });

  it('clears both fields when the account becomes unsegmented', () => {
    expect(
      segmentFieldChanges({ Customer_Segment__c: 'a01old' }, { kind: 'unsegmented' }, '2026-11-16')
    ).toEqual({ Customer_Segment__c: null, Segment_Assigned_On__c: null });
  });

  it('changes nothing when the segment stays or cannot be decided', () => {
    expect(
      segmentFieldChanges(
        { Customer_Segment__c: 'a01s' },
        { kind: 'assigned', segmentId: 'a01s' },
        '2026-11-16'
      )
    ).toBeNull();
    expect(segmentFieldChanges({}, { kind: 'unsegmented' }, '2026-11-16')).toBeNull();
    expect(
      segmentFieldChanges(
        { Customer_Segment__c: 'a01s' },
        { kind: 'undecided', brokenSegmentId: 'a01b', reason: 'bad' },
        '2026-11-16'
      )
    ).toBeNull();
  });
});
