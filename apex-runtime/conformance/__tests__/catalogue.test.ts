import { CONFORMANCE_AREAS } from '../allCases';
import { DOCS } from '../docPages';

const allCases = Object.values(CONFORMANCE_AREAS).flat();

describe('the conformance catalogue', () => {
  it('has at least 450 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(450);
  });

  it('has at least 100 platform cases, run on a test org', () => {
    expect(allCases.filter((testCase) => testCase.org).length).toBeGreaterThanOrEqual(100);
  });

  it('gives triggers, setup and a user only to cases that run on a test org', () => {
    for (const testCase of allCases) {
      if (testCase.org) continue;
      expect([testCase.triggers, testCase.setup, testCase.asUser]).toEqual([
        undefined,
        undefined,
        undefined
      ]);
    }
  });

  it('names each case once within its area', () => {
    for (const cases of Object.values(CONFORMANCE_AREAS)) {
      const names = cases.map((testCase) => testCase.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('cites a page of the Apex Developer Guide, Apex Reference Guide, SOQL and SOSL Reference, Object Reference or SOAP API Developer Guide for every case', () => {
    const pages = new Set(Object.values(DOCS));
    for (const testCase of allCases) {
      expect(pages.has(testCase.source)).toBe(true);
      expect(testCase.source.url).toMatch(
        /^https:\/\/developer\.salesforce\.com\/docs\/atlas\.en-us\.(apexcode\.meta\/apexcode|apexref\.meta\/apexref|soql_sosl\.meta\/soql_sosl|object_reference\.meta\/object_reference|api\.meta\/api)\/\w+\.htm$/
      );
    }
  });

  it('gives every case an outcome: debug lines, an exception, or both', () => {
    for (const testCase of allCases) {
      expect(testCase.debug !== undefined || testCase.error !== undefined).toBe(true);
    }
  });
});
