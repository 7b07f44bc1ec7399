trigger SkillAssessmentTrigger on Skill_Assessment__c(after insert, after update) {
  new SkillAssessmentSharing().run();
}
