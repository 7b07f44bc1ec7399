import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFinding } from '../findings';
import { generateApexDeclarations, runApexTypes } from '../apexTypes';

const fixtures = join(__dirname, '..', '__fixtures__', 'apexTypes');

async function generatedFor(fixture: string): Promise<string> {
  const { text, problems } = await generateApexDeclarations(join(fixtures, fixture));
  expect(problems).toEqual([]);
  return text;
}

describe('apexTypes generation', () => {
  it('declares a cacheable method as a wire adapter taking the Apex parameter names', async () => {
    expect(await generatedFor('controller')).toContain(
      [
        "declare module '@salesforce/apex/AccountPlanController.getPlan' {",
        '  /** @AuraEnabled(cacheable=true) PlanView getPlan(Id recordId) */',
        '  const getPlan: ApexGenerated.CacheableMethod<',
        '    { recordId?: string | null },',
        '    ApexGenerated.AccountPlanController_PlanView',
        '  >;',
        '  export default getPlan;',
        '}'
      ].join('\n')
    );
  });

  it('declares a non-cacheable method as imperative only, mapping SObject lists and booleans', async () => {
    expect(await generatedFor('controller')).toContain(
      [
        "declare module '@salesforce/apex/AccountPlanController.savePlans' {",
        '  /** @AuraEnabled List<Account_Plan__c> savePlans(List<Account_Plan__c> plans, Boolean allOrNone) */',
        '  const savePlans: ApexGenerated.ImperativeMethod<',
        '    { plans?: ApexGenerated.Account_Plan__c[] | null; allOrNone?: boolean | null },',
        '    ApexGenerated.Account_Plan__c[]',
        '  >;'
      ].join('\n')
    );
  });

  it('emits an interface per inner DTO with only its @AuraEnabled members, types mapped', async () => {
    expect(await generatedFor('controller')).toContain(
      [
        '  interface AccountPlanController_PlanView {',
        '    planId?: string | null;',
        '    name?: string | null;',
        '    walletSize?: number | null;',
        '    isActive?: boolean | null;',
        '    nextReview?: string | null;',
        '    objectives?: ApexGenerated.AccountPlanController_Objective[] | null;',
        '    countsByStatus?: Record<string, number> | null;',
        '    account?: ApexGenerated.Account | null;',
        '  }'
      ].join('\n')
    );
  });

  it('describes each SObject a signature uses with the custom fields the project defines', async () => {
    expect(await generatedFor('controller')).toContain(
      [
        '  interface Account_Plan__c extends SObjectRecord {',
        '    Name?: string;',
        '    Account__c?: string | null;',
        '    Status__c?: string | null;',
        '    Wallet_Size__c?: number | null;',
        '  }'
      ].join('\n')
    );
  });

  it('maps arrays, sets and unknown types, and omits methods Lightning cannot call', async () => {
    const text = await generatedFor('controller');
    expect(text).toContain('{ counts?: number[] | null; total?: number | null },\n    unknown\n');
    expect(text).toContain('CacheableMethod<Record<string, never>, string[]>');
    expect(text).not.toMatch(/notAuraEnabled|hiddenFromLightning|notSerialised/);
  });

  it('matches the checked-in declarations of the fixture, so --check passes on it', async () => {
    expect(await runApexTypes(join(fixtures, 'controller'), false)).toEqual([]);
  });
});

describe('apexTypes --check', () => {
  it('reports the first line where the declarations differ from the Apex', async () => {
    const root = join(fixtures, 'stale');
    const findings = (await runApexTypes(root, false)).map((finding) =>
      formatFinding(finding, root)
    );
    expect(findings).toEqual([
      'types/apex.generated.d.ts:33 is stale: the Apex sources generate ' +
        '`/** @AuraEnabled(cacheable=true) List<String> getGuidance(Id recordId) */` here; ' +
        'run `npx tsx scripts/checks/apexTypes.ts` [apex-types-stale]'
    ]);
  });

  it('reports a missing declaration file', async () => {
    const root = join(fixtures, 'missing');
    const findings = (await runApexTypes(root, false)).map((finding) =>
      formatFinding(finding, root)
    );
    expect(findings).toEqual([
      'types/apex.generated.d.ts:0 missing; run `npx tsx scripts/checks/apexTypes.ts` to generate it [apex-types-stale]'
    ]);
  });

  it('rewrites a stale file so that the check passes afterwards', async () => {
    const root = mkdtempSync(join(tmpdir(), 'apex-types-'));
    try {
      cpSync(join(fixtures, 'stale'), root, { recursive: true });
      expect(await runApexTypes(root, true)).toEqual([]);
      expect(await runApexTypes(root, false)).toEqual([]);
      expect(readFileSync(join(root, 'types', 'apex.generated.d.ts'), 'utf8')).toContain(
        'CacheableMethod<{ recordId?: string | null }, string[]>'
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('exits non-zero from the command line when the file is stale', () => {
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        join(__dirname, '..', 'apexTypes.ts'),
        '--check',
        join(fixtures, 'stale')
      ],
      { encoding: 'utf8' }
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apex.generated.d.ts:33 is stale');
    expect(readFileSync(join(fixtures, 'stale', 'types', 'apex.generated.d.ts'), 'utf8')).toContain(
      'opportunityId'
    );
  }, 30000);
});
