trigger StrategyVersionTrigger on Strategy_Version__c(after insert, after update) {
  new StrategyVersionTriggerHandler().run();
}
