import type { FieldSpec } from './objectMetadata';

/**
 * The standard fields the sample org writes, with their types, lengths and the standard
 * picklist values of a new org (Salesforce Object Reference). Checked in because standard
 * fields have no metadata files in the project.
 */
const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Other',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities'
];

const ACTIVITY_TYPES = ['Call', 'Email', 'Meeting', 'Other'];
const WHAT = ['Account', 'Opportunity'];
const WHO = ['Contact', 'Lead'];

const text = (length: number, required = false): FieldSpec => ({ type: 'Text', length, required });
const picklist = (values: readonly string[], required = false): FieldSpec => ({
  type: 'Picklist',
  picklistValues: values,
  required
});
const lookup = (referenceTo: readonly string[], required = false): FieldSpec => ({
  type: 'Lookup',
  referenceTo,
  required
});
const number = (precision: number, scale: number): FieldSpec => ({
  type: 'Number',
  precision,
  scale
});

export const STANDARD_FIELDS: Record<string, Record<string, FieldSpec>> = {
  Account: {
    Name: text(255, true),
    Type: picklist([
      'Prospect',
      'Customer - Direct',
      'Customer - Channel',
      'Channel Partner / Reseller',
      'Installation Partner',
      'Technology Partner',
      'Other'
    ]),
    Industry: picklist(INDUSTRIES),
    BillingCity: text(40),
    BillingCountry: text(80),
    Website: { type: 'Url', length: 255 },
    AnnualRevenue: { type: 'Currency', precision: 18, scale: 0 },
    NumberOfEmployees: number(8, 0)
  },
  Contact: {
    FirstName: text(40),
    LastName: text(80, true),
    Title: text(128),
    Email: { type: 'Email', length: 80 },
    AccountId: lookup(['Account'])
  },
  Opportunity: {
    Name: text(120, true),
    AccountId: lookup(['Account']),
    Type: picklist([
      'Existing Customer - Upgrade',
      'Existing Customer - Replacement',
      'Existing Customer - Downgrade',
      'New Customer'
    ]),
    LeadSource: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
    StageName: picklist(
      [
        'Prospecting',
        'Qualification',
        'Needs Analysis',
        'Value Proposition',
        'Id. Decision Makers',
        'Perception Analysis',
        'Proposal/Price Quote',
        'Negotiation/Review',
        'Closed Won',
        'Closed Lost'
      ],
      true
    ),
    CloseDate: { type: 'Date', required: true },
    Amount: { type: 'Currency', precision: 16, scale: 2 },
    Probability: { type: 'Percent', precision: 3, scale: 0 },
    ForecastCategoryName: picklist(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']),
    NextStep: text(255)
  },
  OpportunityContactRole: {
    OpportunityId: lookup(['Opportunity'], true),
    ContactId: lookup(['Contact'], true),
    Role: picklist([
      'Business User',
      'Decision Maker',
      'Economic Buyer',
      'Economic Decision Maker',
      'Evaluator',
      'Executive Sponsor',
      'Influencer',
      'Technical Buyer',
      'Other'
    ]),
    IsPrimary: { type: 'Checkbox' }
  },
  Event: {
    Subject: text(255, true),
    Type: picklist(ACTIVITY_TYPES),
    StartDateTime: { type: 'DateTime', required: true },
    EndDateTime: { type: 'DateTime', required: true },
    DurationInMinutes: number(8, 0),
    WhatId: lookup(WHAT),
    WhoId: lookup(WHO)
  },
  Task: {
    Subject: text(255, true),
    Type: picklist(ACTIVITY_TYPES),
    TaskSubtype: picklist(['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn']),
    Status: picklist(
      ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
      true
    ),
    Priority: picklist(['High', 'Normal', 'Low'], true),
    ActivityDate: { type: 'Date' },
    CallDurationInSeconds: number(8, 0),
    WhatId: lookup(WHAT),
    WhoId: lookup(WHO)
  }
};
