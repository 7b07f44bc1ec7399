import { CONFORMANCE_AREAS } from '../allCases';
import { DOCS } from '../docPages';

const allCases = Object.values(CONFORMANCE_AREAS).flat();

describe('the conformance catalogue', () => {
  it('has at least 200 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(200);
  });

  it('names each case once within its area', () => {
    for (const cases of Object.values(CONFORMANCE_AREAS)) {
      const names = cases.map((testCase) => testCase.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('cites a page of the Apex Developer Guide or Apex Reference Guide for every case', () => {
    const pages = new Set(Object.values(DOCS));
    for (const testCase of allCases) {
      expect(pages.has(testCase.source)).toBe(true);
      expect(testCase.source.url).toMatch(
        /^https:\/\/developer\.salesforce\.com\/docs\/atlas\.en-us\.apex(code|ref)\.meta\/apex(code|ref)\/\w+\.htm$/
      );
    }
  });

  it('gives every case an outcome: debug lines, an exception, or both', () => {
    for (const testCase of allCases) {
      expect(testCase.debug !== undefined || testCase.error !== undefined).toBe(true);
    }
  });
});
