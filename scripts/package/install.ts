/**
 * `npm run package:install -- -o <org> [-p <version alias or 04t id>]`: installs the newest
 * recorded package version (or the given one) for admins only. See packageCommands.ts.
 */
import { planInstall } from './packageCommands';
import { readProjectDefinition } from './projectDefinition';
import { PROJECT_ROOT, runSf } from './runSf';

function main(argv: readonly string[]): number {
  const plan = planInstall(argv, readProjectDefinition(PROJECT_ROOT));
  if (!plan.ok) {
    console.error(plan.message);
    return 1;
  }
  console.log(`Installing ${plan.value.version}`);
  return runSf(plan.value.args);
}

process.exitCode = main(process.argv.slice(2));
