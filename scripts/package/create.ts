/**
 * `npm run package:create -- [-v <dev hub>]`: creates the unlocked package once in the Dev Hub and
 * writes its 0Ho id into sfdx-project.json in place of the placeholder. See packageCommands.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createdPackageId, planCreate, recordPackageId } from './packageCommands';
import { projectFile, readProjectDefinition } from './projectDefinition';
import { captureSf, PROJECT_ROOT } from './runSf';

function main(argv: readonly string[]): number {
  const plan = planCreate(argv, readProjectDefinition(PROJECT_ROOT));
  if (!plan.ok) {
    console.error(plan.message);
    return 1;
  }
  const { stdout } = captureSf(plan.value.args, plan.value.env);
  const id = createdPackageId(stdout);
  if (!id.ok) {
    console.error(id.message);
    return 1;
  }
  const file = projectFile(PROJECT_ROOT);
  writeFileSync(
    file,
    recordPackageId(readFileSync(file, 'utf8'), plan.value.packageName, id.value)
  );
  console.log(
    `Created "${plan.value.packageName}" (${id.value}) and recorded its id in sfdx-project.json.\n` +
      'Commit that change, then create a version with npm run package:version.'
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
