/**
 * `npm run package:version -- [-v <dev hub>] [-w <minutes>] [--tag <tag>]`: builds the LWC
 * JavaScript, then creates a package version with code coverage. See packageCommands.ts.
 */
import { planVersion } from './packageCommands';
import { readProjectDefinition } from './projectDefinition';
import { PROJECT_ROOT, runBuild, runSf } from './runSf';

function main(argv: readonly string[]): number {
  const plan = planVersion(argv, readProjectDefinition(PROJECT_ROOT));
  if (!plan.ok) {
    console.error(plan.message);
    return 1;
  }
  const built = runBuild();
  return built !== 0 ? built : runSf(plan.value);
}

process.exitCode = main(process.argv.slice(2));
