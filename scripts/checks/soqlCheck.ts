/**
 * `npm run check:soql [project-root]`: every custom object, custom field and custom relationship
 * named in a static SOQL query exists in the project's object metadata. apex-ls checks field
 * access in Apex but not the names inside SOQL select lists, and no org is reachable to compile
 * against, so this is the only thing that catches a misspelt field in `[SELECT ...]` before deploy.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readApexProject } from './apexProject';
import { type Finding, reportFindings } from './findings';
import { checkSoqlQuery } from './soqlFieldResolver';
import { loadObjectSchema } from './soqlObjectSchema';
import { findSoqlQueries } from './soqlQueries';

/** The project checked when no root is given: this repository. */
const REPOSITORY_ROOT = join(__dirname, '..', '..');

export interface SoqlCheckResult {
  findings: Finding[];
  apexFileCount: number;
  queryCount: number;
}

export function checkSoql(projectRoot: string): SoqlCheckResult {
  const { project, problems } = readApexProject(projectRoot);
  if (!project || problems.length > 0) {
    return { findings: problems, apexFileCount: 0, queryCount: 0 };
  }
  const schema = loadObjectSchema(project.packageDirectories);
  const findings: Finding[] = [];
  let queryCount = 0;
  for (const file of project.apexFiles) {
    const { queries, syntaxErrors } = findSoqlQueries(
      readFileSync(file, 'utf8'),
      file.toLowerCase().endsWith('.trigger')
    );
    for (const error of syntaxErrors) {
      findings.push({
        file,
        line: error.line,
        column: error.column,
        message: `Apex does not parse, so its SOQL cannot be checked: ${error.message}`,
        rule: 'soql-parse'
      });
    }
    queryCount += queries.length;
    for (const query of queries) {
      findings.push(...checkSoqlQuery(query, schema, file));
    }
  }
  return { findings, apexFileCount: project.apexFiles.length, queryCount };
}

export function main(argv: readonly string[]): number {
  const result = checkSoql(resolve(argv[0] ?? REPOSITORY_ROOT));
  console.log(
    `check:soql: ${result.queryCount} static SOQL quer${result.queryCount === 1 ? 'y' : 'ies'} ` +
      `in ${result.apexFileCount} Apex file(s)`
  );
  return reportFindings('check:soql', result.findings);
}

if (require.main === module) {
  main(process.argv.slice(2));
}
