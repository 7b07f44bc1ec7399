trigger ImprovementIdeaTrigger on Improvement_Idea__c(after update) {
  new ImprovementIdeaTriggerHandler().run();
}
