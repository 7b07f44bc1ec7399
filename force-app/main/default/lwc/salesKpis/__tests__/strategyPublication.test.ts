import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, planPublication, PUBLISH_REQUIRED_FIELDS } from 'c/salesKpis';

const COMPLETE: Record<string, unknown> = Object.fromEntries(
  PUBLISH_REQUIRED_FIELDS.map((field) => [field, field.startsWith('Target_') ? 10 : 'Text'])
);

function version(overrides: Record<string, unknown> = {}) {
  return { Id: 'v2', Status__c: 'In Review', ...COMPLETE, ...overrides };
}

describe('publishing a strategy version', () => {
  it('publishes a complete version in review: stamps, next review in six months, supersedes', () => {
    expect(
      planPublication(version(), ['v1'], '005U', '2026-11-16T09:00:00.000Z', '2026-08-31')
    ).toEqual({
      ok: true,
      version: {
        Status__c: 'Published',
        Published_At__c: '2026-11-16T09:00:00.000Z',
        Published_By__c: '005U',
        Next_Review_Date__c: '2027-02-28',
        Previous_Version__c: 'v1'
      },
      superseded: ['v1']
    });
  });

  it('keeps a previous version already chosen, and has nothing to supersede the first time', () => {
    const plan = planPublication(
      version({ Previous_Version__c: 'v0' }),
      [],
      '005U',
      '2026-11-16T09:00:00.000Z',
      '2026-11-16'
    );
    expect(plan).toMatchObject({
      ok: true,
      superseded: [],
      version: { Previous_Version__c: 'v0', Next_Review_Date__c: '2027-05-16' }
    });
  });

  it('refuses a version that is not in review, naming its status', () => {
    expect(planPublication(version({ Status__c: 'Draft' }), [], 'u', 'now', '2026-11-16')).toEqual({
      ok: false,
      reason: 'notInReview',
      status: 'Draft'
    });
  });

  it('refuses an incomplete version, listing every blank required field in order', () => {
    const plan = planPublication(
      version({ Segmentation__c: '  ', Target_Win_Rate__c: null }),
      [],
      'u',
      'now',
      '2026-11-16'
    );
    expect(plan).toEqual({
      ok: false,
      reason: 'incomplete',
      missing: ['Segmentation__c', 'Target_Win_Rate__c']
    });
  });

  it('adds months as Apex does, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-08-31', 6)).toBe('2029-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-16', -11)).toBe('2025-12-16');
  });

  it('requires the same fields as Apex StrategyPublishService, in the same order', () => {
    const apex = readFileSync(
      join(__dirname, '../../../classes/strategy/StrategyPublishService.cls'),
      'utf8'
    );
    const block = /REQUIRED_FIELDS = new List<SObjectField>\{([^}]*)\}/.exec(apex)?.[1] ?? '';
    const fields = [...block.matchAll(/Strategy_Version__c\.(\w+)/g)].map((match) => match[1]);
    expect(fields).toEqual([...PUBLISH_REQUIRED_FIELDS]);
  });
});
