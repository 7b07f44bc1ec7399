trigger ProgramEnrollmentTrigger on Program_Enrollment__c(before insert, before update) {
  new OnePerUserTriggerHandler(
      Program_Enrollment__c.Development_Program__c,
      Program_Enrollment__c.Seller__c,
      Program_Enrollment__c.Unique_Key__c,
      System.Label.SSM_Already_Enrolled
    )
    .run();
}
