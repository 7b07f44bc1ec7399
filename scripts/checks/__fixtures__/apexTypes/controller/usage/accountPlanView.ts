// Uses the generated declarations the way components do; must compile without errors.
import { LightningElement, api, wire } from 'lwc';
import getPlan from '@salesforce/apex/AccountPlanController.getPlan';
import listStatuses from '@salesforce/apex/AccountPlanController.listStatuses';
import savePlans from '@salesforce/apex/AccountPlanController.savePlans';
import archive from '@salesforce/apex/AccountPlanController.archive';

export default class AccountPlanView extends LightningElement {
  @api recordId = '';

  @wire(getPlan, { recordId: '$recordId' })
  plan?: ApexGenerated.WireResult<ApexGenerated.AccountPlanController_PlanView>;

  @wire(listStatuses)
  statuses?: ApexGenerated.WireResult<string[]>;

  get firstObjectiveTitle(): string | undefined {
    return this.plan?.data?.objectives?.[0]?.title ?? undefined;
  }

  async reload(): Promise<number | undefined> {
    const plan = await getPlan({ recordId: this.recordId });
    const statuses = await listStatuses();
    await archive({ planId: this.recordId });
    const saved = await savePlans({ plans: [{ Id: this.recordId }], allOrNone: true });
    const status: string | null | undefined = saved[0]?.Status__c;
    const accountPlans = plan.account?.Active_Plan_Count__c;
    return plan.walletSize ?? (status ? statuses.length : (accountPlans ?? saved.length));
  }
}
