trigger CustomerSegmentTrigger on Customer_Segment__c(
  after insert,
  after update,
  after delete,
  after undelete
) {
  new CustomerSegmentTriggerHandler().run();
}
