trigger OpportunityContactRoleTrigger on OpportunityContactRole(
  after insert,
  after update,
  after delete,
  after undelete
) {
  new OpportunityContactRoleTriggerHandler().run();
}
