/**
 * The Publish quick action of a strategy version (headless): publishes the version through
 * Apex StrategyPublishService (only a complete version in review; supersedes the previous one;
 * notifies the sellers and managers), then refreshes the page. A headless action cannot render,
 * so the outcome, and any refusal with every reason Apex gives, is shown as a toast.
 */
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import publish from '@salesforce/apex/StrategyController.publish';
import { reduceErrors } from 'c/ldsUtils';
import successLabel from '@salesforce/label/c.SSM_Strategy_Publish_Success';
import failedLabel from '@salesforce/label/c.SSM_Strategy_Publish_Failed';

export default class StrategyPublishAction extends LightningElement {
  @api recordId: string | undefined;

  @api async invoke(): Promise<void> {
    if (!this.recordId) {
      return;
    }
    try {
      const version = await publish({ versionId: this.recordId });
      this.dispatchEvent(
        new ShowToastEvent({
          title: successLabel.replace('{0}', String(version?.Name ?? '')),
          variant: 'success'
        })
      );
      await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    } catch (error) {
      this.dispatchEvent(
        new ShowToastEvent({
          title: failedLabel,
          message: reduceErrors(error as Parameters<typeof reduceErrors>[0]).join('\n'),
          variant: 'error',
          mode: 'sticky'
        })
      );
    }
  }
}
