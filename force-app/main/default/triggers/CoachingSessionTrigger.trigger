trigger CoachingSessionTrigger on Coaching_Session__c(after insert, after update) {
  new CoachingSessionSharing().run();
}
