trigger IdeaVoteTrigger on Idea_Vote__c(before insert, before update) {
  new OnePerUserTriggerHandler(
      Idea_Vote__c.Improvement_Idea__c,
      Idea_Vote__c.Voter__c,
      Idea_Vote__c.Unique_Key__c,
      System.Label.SSM_Already_Voted
    )
    .run();
}
