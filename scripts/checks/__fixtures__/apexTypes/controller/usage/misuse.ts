// Each marked line misuses the generated declarations; the test expects an error on exactly those.
import { LightningElement, wire } from 'lwc';
import getPlan from '@salesforce/apex/AccountPlanController.getPlan';
import archive from '@salesforce/apex/AccountPlanController.archive';
import savePlans from '@salesforce/apex/AccountPlanController.savePlans';

export default class Misuse extends LightningElement {
  recordId = '';

  @wire(getPlan, { planId: '$recordId' }) // error: unknown config key
  wrongKey?: ApexGenerated.WireResult<ApexGenerated.AccountPlanController_PlanView>;

  @wire(archive, { planId: '$recordId' }) // error: not cacheable, so not a wire adapter
  notWireable?: ApexGenerated.WireResult<void>;

  async call(): Promise<void> {
    await getPlan({ recordId: 42 }); // error: recordId is an Id (string)
    const plan = await getPlan({ recordId: this.recordId });
    plan.walletSize?.toUpperCase(); // error: walletSize is a Decimal (number)
    const [saved] = await savePlans({ plans: [], allOrNone: false });
    saved?.Wallet_Size__c?.toUpperCase(); // error: a Currency field is a number
  }
}
