import {
  isPackageId,
  isPackageIdPlaceholder,
  isSubscriberPackageVersionId,
  mainPackage,
  newestVersionAlias,
  PACKAGE_ID_PLACEHOLDER,
  packageIdState,
  parseVersionAlias,
  versionAliases,
  type ProjectDefinition
} from '../projectDefinition';

describe('projectDefinition', () => {
  it('tells package ids, version ids and the placeholder apart', () => {
    expect(isPackageId('0Ho5I000000k9f5SAA')).toBe(true);
    expect(isPackageId('0Ho5I000000k9f5')).toBe(true);
    expect(isPackageId('0Ho5I000000k9f5SA')).toBe(false);
    expect(isPackageId('04t5I000001eewrQAA')).toBe(false);
    expect(isSubscriberPackageVersionId('04t5I000001eewrQAA')).toBe(true);
    expect(isPackageId(PACKAGE_ID_PLACEHOLDER)).toBe(false);
    expect(isPackageIdPlaceholder(PACKAGE_ID_PLACEHOLDER)).toBe(true);
    expect(isPackageIdPlaceholder('0Ho_replace_me')).toBe(true);
    expect(isPackageIdPlaceholder('0Ho5I000000k9f5SAA')).toBe(false);
    // Neither 15 nor 18 characters: the CLI refuses it before calling a Dev Hub.
    expect([15, 18]).not.toContain(PACKAGE_ID_PLACEHOLDER.length);
  });

  it('reads the state of the package id', () => {
    const project = (aliases?: Record<string, string>): ProjectDefinition => ({
      packageDirectories: [{ path: 'force-app', package: 'P', versionNumber: '1.0.0.NEXT' }],
      packageAliases: aliases
    });
    expect(packageIdState(project(), 'P')).toEqual({ kind: 'missing' });
    expect(packageIdState(project({ P: PACKAGE_ID_PLACEHOLDER }), 'P')).toEqual({
      kind: 'placeholder',
      value: PACKAGE_ID_PLACEHOLDER
    });
    expect(packageIdState(project({ P: '0Ho5I000000k9f5SAA' }), 'P')).toEqual({
      kind: 'filled',
      id: '0Ho5I000000k9f5SAA'
    });
    expect(packageIdState(project({ P: 'abc' }), 'P')).toEqual({ kind: 'malformed', value: 'abc' });
  });

  it('parses the version aliases the CLI records, escaping the package name', () => {
    expect(parseVersionAlias('A.B (x)@1.2.3-4', '04t', 'A.B (x)')).toEqual({
      alias: 'A.B (x)@1.2.3-4',
      id: '04t',
      major: 1,
      minor: 2,
      patch: 3,
      build: 4
    });
    expect(parseVersionAlias('AxB@1.2.3-4', '04t', 'A.B')).toBeUndefined();
    expect(parseVersionAlias('A@1.2.3-4-branch', '04t', 'A')).toBeUndefined();
    expect(parseVersionAlias('A@1.2.3.4', '04t', 'A')).toBeUndefined();
  });

  it('orders versions numerically: 1.10.0 after 1.9.0, build 10 after build 9', () => {
    const project: ProjectDefinition = {
      packageDirectories: [{ path: 'force-app', package: 'A' }],
      packageAliases: {
        A: '0Ho5I000000k9f5SAA',
        'A@1.9.0-3': '04t000000000001AAA',
        'A@1.10.0-1': '04t000000000002AAA',
        'A@1.9.0-10': '04t000000000003AAA',
        'B@9.0.0-1': '04t000000000004AAA'
      }
    };
    expect(versionAliases(project, 'A').map((version) => version.alias)).toEqual([
      'A@1.9.0-3',
      'A@1.9.0-10',
      'A@1.10.0-1'
    ]);
    expect(newestVersionAlias(project, 'A')?.id).toBe('04t000000000002AAA');
    expect(newestVersionAlias(project, 'C')).toBeUndefined();
  });

  it('takes the default packaging directory, else the only one', () => {
    const a = { path: 'a', package: 'A' };
    const b = { path: 'b', package: 'B', default: true };
    expect(mainPackage({ packageDirectories: [a, b] })).toBe(b);
    expect(mainPackage({ packageDirectories: [{ path: 'x', default: true }, a] })).toBe(a);
    expect(mainPackage({ packageDirectories: [a, { ...b, default: false }] })).toBeUndefined();
    expect(mainPackage({ packageDirectories: [{ path: 'x' }] })).toBeUndefined();
  });
});
