/**
 * Replays `sf data import tree --plan data/sample-plan.json` offline: runs the Salesforce CLI's
 * own plan importer (@salesforce/plugin-data) against a stand-in connection that answers each
 * sObject Tree request with made-up Ids. It proves that the importer splits the files, resolves
 * every `@ref` before sending, and never sends more than 200 records per request. It cannot
 * prove that an org accepts the records (no org is reachable here).
 *
 * `npx tsx scripts/sample/dryRunImport.ts [planFile]` (about a minute: the importer's reference
 * replacement is quadratic).
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface TreeRequest {
  readonly url: string;
  readonly body: string;
}

interface TreeResponse {
  readonly hasErrors: boolean;
  readonly results: ReadonlyArray<{ referenceId: string; id: string }>;
}

interface PlanImporter {
  importFromPlan(
    conn: { request(request: TreeRequest): Promise<TreeResponse> },
    planPath: string
  ): Promise<{ results: unknown[]; warnings: string[] }>;
}

/** The importer is not in the package's exports map, so it is loaded by file URL. */
const IMPORTER = join('node_modules', '@salesforce', 'plugin-data', 'lib', 'api', 'data', 'tree');

async function main(planPath: string): Promise<void> {
  const importer = (await import(
    pathToFileURL(resolve(IMPORTER, 'importPlan.js')).href
  )) as PlanImporter;
  const problems: string[] = [];
  const requests: string[] = [];
  let nextId = 0;
  const conn = {
    request: async ({ url, body }: TreeRequest): Promise<TreeResponse> => {
      const { records } = JSON.parse(body) as {
        records: Array<{ attributes: { referenceId: string } } & Record<string, unknown>>;
      };
      const sObject = url.split('/').pop() ?? url;
      if (records.length > 200)
        problems.push(`${sObject}: ${records.length} records in one request`);
      for (const record of records) {
        for (const [field, value] of Object.entries(record)) {
          if (typeof value === 'string' && value.startsWith('@')) {
            problems.push(`${record.attributes.referenceId}.${field} sent unresolved: ${value}`);
          }
        }
      }
      requests.push(`${sObject} (${records.length})`);
      return {
        hasErrors: false,
        results: records.map((record) => ({
          referenceId: record.attributes.referenceId,
          id: `a00${String((nextId += 1)).padStart(12, '0')}`
        }))
      };
    }
  };
  const { results, warnings } = await importer.importFromPlan(conn, planPath);
  console.log(`${results.length} records in ${requests.length} requests: ${requests.join(', ')}`);
  warnings.forEach((warning) => console.log(`warning: ${warning}`));
  if (problems.length > 0) {
    problems.forEach((problem) => console.error(problem));
    process.exitCode = 1;
  }
}

main(process.argv[2] ?? join('data', 'sample-plan.json')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
