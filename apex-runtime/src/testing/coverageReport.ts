/**
 * Code coverage of a test run as the platform reports it: per class and trigger that is not a
 * test, the lines covered out of the executable lines, and the total over all of them.
 */
import type { Coverage } from '../interpreter/coverage';

export interface CoverageEntry {
  name: string;
  file: string;
  isTrigger: boolean;
  covered: number;
  total: number;
  /** 0-100, one decimal; 100 for a file without executable lines. */
  percent: number;
  uncoveredLines: number[];
}

export interface CoverageReport {
  entries: CoverageEntry[];
  covered: number;
  total: number;
  percent: number;
}

function percentOf(covered: number, total: number): number {
  return total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10;
}

export function coverageReport(coverage: Coverage): CoverageReport {
  const entries: CoverageEntry[] = [];
  for (const file of coverage.files.values()) {
    if (file.isTest) continue;
    const covered = file.coveredLines().length;
    const total = file.executable.size;
    entries.push({
      name: file.name,
      file: file.file,
      isTrigger: file.isTrigger,
      covered,
      total,
      percent: percentOf(covered, total),
      uncoveredLines: file.uncoveredLines()
    });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const covered = entries.reduce((sum, entry) => sum + entry.covered, 0);
  const total = entries.reduce((sum, entry) => sum + entry.total, 0);
  return { entries, covered, total, percent: percentOf(covered, total) };
}
