trigger StrategySignOffTrigger on Strategy_Sign_Off__c(
  before insert,
  before update,
  before delete
) {
  new StrategySignOffTriggerHandler().run();
}
