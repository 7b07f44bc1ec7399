/**
 * `tsx scripts/package/status.ts`: prints whether the package's 0Ho id is in sfdx-project.json
 * (`filled`, `placeholder`, `missing`, `malformed`, or `none` without a package). CI reads it to
 * choose between installing a package version and deploying the source.
 */
import { mainPackage, packageIdState, readProjectDefinition } from './projectDefinition';
import { PROJECT_ROOT } from './runSf';

const project = readProjectDefinition(PROJECT_ROOT);
const name = mainPackage(project)?.package;
console.log(name ? packageIdState(project, name).kind : 'none');
