/**
 * `npm run test:apex`: runs the package's Apex tests in the offline runtime, like
 * `sf apex run test`: one line per test method, the failures with their message and Apex stack,
 * and the code coverage of every class and trigger. Exits 1 when a test fails, when total
 * coverage is under 75 %, or when a trigger has no coverage (the platform's deployment rules).
 */
import { loadProject } from '../metadata/loadProject';
import { runTests, type TestRunResult } from '../testing/testRunner';
import { ApexSyntaxError } from '../parse/astBuilder';
import { CompileError } from '../interpreter/program';
import { listFlag, parseFlags, usage, UsageError, type FlagSpec } from './arguments';

const FLAGS: FlagSpec[] = [
  { name: 'class-names', short: 'n', description: 'only these test classes (comma-separated)' },
  { name: 'tests', short: 't', description: 'only these methods, Class.method (comma-separated)' },
  {
    name: 'source-dir',
    short: 'd',
    description: 'the SFDX source folder (default force-app/main/default)'
  },
  {
    name: 'single-currency',
    switch: true,
    description: 'run with multiple currencies off, whatever the scratch org definition says'
  },
  {
    name: 'multi-currency',
    switch: true,
    description: 'run with multiple currencies on (needs config/currencies.json)'
  },
  {
    name: 'custom-fiscal-year',
    switch: true,
    description: 'run with the custom fiscal years of config/custom-fiscal-years.json'
  },
  { name: 'json', switch: true, description: 'print the results as JSON' },
  { name: 'help', short: 'h', switch: true, description: 'show this help' }
];

/** The platform's deployment threshold for total Apex coverage. */
export const MINIMUM_COVERAGE = 75;

export function verdict(result: TestRunResult): string[] {
  const problems: string[] = [];
  const failed = result.methods.filter((method) => method.outcome === 'Fail').length;
  if (failed > 0) problems.push(`${failed} test method(s) failed`);
  if (result.methods.length === 0) problems.push('no test method ran');
  const fullRun = result.methods.length > 0;
  if (fullRun && result.coverage.percent < MINIMUM_COVERAGE) {
    problems.push(`total coverage ${result.coverage.percent} % is under ${MINIMUM_COVERAGE} %`);
  }
  for (const entry of result.coverage.entries) {
    if (entry.isTrigger && entry.covered === 0)
      problems.push(`trigger ${entry.name} has no coverage`);
  }
  return problems;
}

export function formatResult(result: TestRunResult, filtered: boolean): string {
  const lines: string[] = ['=== Test Results'];
  const width = Math.max(
    20,
    ...result.methods.map((m) => m.className.length + m.methodName.length + 1)
  );
  for (const method of result.methods) {
    const name = `${method.className}.${method.methodName}`.padEnd(width);
    lines.push(
      `${name}  ${method.outcome === 'Pass' ? 'PASS' : 'FAIL'}  ${String(method.durationMs).padStart(5)} ms`
    );
    if (method.outcome === 'Fail') {
      lines.push(`    ${method.message ?? ''}`.replace(/\n/g, '\n    '));
      if (method.stack) lines.push(`    ${method.stack.replace(/\n/g, '\n    ')}`);
    }
  }
  const passed = result.methods.filter((method) => method.outcome === 'Pass').length;
  const noAssertions = result.methods.filter(
    (method) => method.outcome === 'Pass' && method.assertions === 0
  );
  lines.push('', '=== Test Summary');
  lines.push(
    `Tests ran: ${result.methods.length}, passed: ${passed}, failed: ${result.methods.length - passed}`
  );
  lines.push(`Run time: ${(result.durationMs / 1000).toFixed(1)} s`);
  for (const method of noAssertions) {
    lines.push(`Warning: ${method.className}.${method.methodName} makes no assertion`);
  }
  if (!filtered) {
    lines.push('', '=== Code Coverage');
    for (const entry of result.coverage.entries) {
      const kind = entry.isTrigger ? 'trigger' : 'class';
      lines.push(
        `${entry.name.padEnd(40)} ${kind.padEnd(7)} ${String(entry.percent).padStart(5)} %  (${entry.covered}/${entry.total})` +
          (entry.uncoveredLines.length > 0 ? `  uncovered: ${entry.uncoveredLines.join(', ')}` : '')
      );
    }
    lines.push(
      `Total coverage: ${result.coverage.percent} % (${result.coverage.covered}/${result.coverage.total} lines)`
    );
  }
  return lines.join('\n');
}

export function main(argv: readonly string[]): number {
  let flags: Map<string, string | true>;
  try {
    flags = parseFlags(argv, FLAGS);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `${error.message}\n\n${usage('npm run test:apex --', 'Runs the Apex tests offline.', FLAGS)}`
      );
      return 2;
    }
    throw error;
  }
  if (flags.has('help')) {
    process.stdout.write(usage('npm run test:apex --', 'Runs the Apex tests offline.', FLAGS));
    return 0;
  }
  const sourceDir = flags.get('source-dir');
  if (flags.has('single-currency') && flags.has('multi-currency')) {
    process.stderr.write('--single-currency and --multi-currency exclude each other\n');
    return 2;
  }
  const multiCurrency = flags.has('single-currency')
    ? false
    : flags.has('multi-currency')
      ? true
      : undefined;
  const project = loadProject(typeof sourceDir === 'string' ? sourceDir : undefined, {
    multiCurrency,
    customFiscalYears: flags.has('custom-fiscal-year')
  });
  const definition = project.orgDefinition;
  const fiscal = definition.customFiscalYears
    ? `custom fiscal years (${definition.customFiscalYears.map((year) => year.name).join(', ')})`
    : `standard fiscal years (starting in month ${definition.fiscalYearStartMonth})`;
  process.stderr.write(
    `Org: ${definition.multiCurrency ? `multiple currencies (${definition.currencies.map((currency) => currency.isoCode).join(', ')}; corporate ${definition.currencyIsoCode}${definition.advancedCurrencyManagement ? ', dated rates' : ''})` : `single currency (${definition.currencyIsoCode})`}; ${fiscal}\n`
  );
  const classNames = listFlag(flags.get('class-names'));
  const tests = listFlag(flags.get('tests'));
  let result: TestRunResult;
  try {
    result = runTests(project, { classNames, tests });
  } catch (error) {
    // A class that does not parse or link stops the run, as a failed compile stops a deployment.
    if (error instanceof ApexSyntaxError || error instanceof CompileError) {
      process.stderr.write(`Compile error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const filtered = classNames !== undefined || tests !== undefined;
  const problems = filtered
    ? verdict({ ...result, coverage: { ...result.coverage, entries: [], percent: 100 } })
    : verdict(result);
  if (flags.has('json')) {
    process.stdout.write(`${JSON.stringify({ ...result, problems }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatResult(result, filtered)}\n`);
    for (const problem of problems) process.stdout.write(`\nFAILED: ${problem}`);
    process.stdout.write(problems.length > 0 ? '\n' : '\nAll Apex tests passed.\n');
  }
  return problems.length > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
