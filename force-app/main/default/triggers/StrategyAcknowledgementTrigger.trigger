trigger StrategyAcknowledgementTrigger on Strategy_Acknowledgement__c(
  before insert,
  before update
) {
  new OnePerUserTriggerHandler(
      Strategy_Acknowledgement__c.Strategy_Version__c,
      Strategy_Acknowledgement__c.User__c,
      Strategy_Acknowledgement__c.Unique_Key__c,
      System.Label.SSM_Already_Acknowledged
    )
    .run();
}
