trigger AccountPlanTrigger on Account_Plan__c(before insert, before update) {
  new AccountPlanTriggerHandler().run();
}
