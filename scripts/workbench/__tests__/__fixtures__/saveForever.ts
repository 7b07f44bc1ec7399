/**
 * Saves one deal's Next Step over and over through the workbench until killed, printing each
 * value after its save returned: the store test kills it mid-save and reopens the store.
 * Usage: tsx saveForever.ts <store file> <deal Id>
 */
import { openWorkbenchOrg } from '../../server/workbenchOrg';
import { LocalStore } from '../../server/store';

const [storeFile, dealId] = process.argv.slice(2);
const workbench = openWorkbenchOrg({ store: new LocalStore(storeFile) });
const seller = workbench.users.find((user) => user.key === 'seller1');
if (!seller) throw new Error('no seller1');
process.stdout.write('ready\n');
for (let round = 1; round < 1_000_000; round++) {
  workbench.saveRecord(seller.id, dealId, { NextStep: `Save ${round}` });
  process.stdout.write(`saved ${round}\n`);
}
