/**
 * The content sections of the two sample strategy versions, in English, following the method
 * in docs/PRODUCT.md. Rich-text fields hold simple HTML (p, ul, li, strong), which Salesforce's
 * rich text editor accepts as is.
 */
export interface StrategySections {
  readonly Governance_Model__c: string;
  readonly Segmentation__c: string;
  readonly Sales_Process__c: string;
  readonly Customer_Interaction_Model__c: string;
  readonly Compensation_Principles__c: string;
  readonly Coaching_Model__c: string;
  readonly Development_Programme__c: string;
  readonly What_Changed__c: string;
}

const list = (items: readonly string[]): string =>
  `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
const para = (text: string): string => `<p>${text}</p>`;

export const FIRST_VERSION_SECTIONS: StrategySections = {
  Governance_Model__c:
    para(
      'The strategic sales leadership group (sales director, CMO, COO, head of services and CEO) ' +
        'owns this strategy. It meets monthly to review the sales KPIs and twice a year to update ' +
        'the strategy.'
    ) +
    list([
      '<strong>Marketing</strong> generates and qualifies demand for the New Logos segment.',
      '<strong>Services</strong> joins every Strategic account plan and owns renewals.',
      '<strong>Partners</strong> serve Core Customers through the digital channel.',
      '<strong>Sales</strong> covers Strategic accounts in the field and Key Growth accounts in a ' +
        'hybrid model.'
    ]),
  Segmentation__c:
    para(
      'We segment by value: the lifetime value our existing customers bring and the potential ' +
        'left in the market. Segments are evaluated in priority order; the first match wins.'
    ) +
    list([
      'Strategic Accounts: revenue above 1 billion and lifetime value above 2 million.',
      'Key Growth: revenue above 100 million and market potential above 1.5 million.',
      'New Logos: prospects with market potential above 250,000.',
      'Core Customers: every other account.'
    ]),
  Sales_Process__c:
    para(
      'One sales process from lead to lifetime value: marketing-qualified lead, qualification, ' +
        'needs analysis, value proposition, decision makers identified, proposal, negotiation, ' +
        'close, onboarding and expansion.'
    ) +
    list([
      'Every open deal has a next step with a date.',
      'From the proposal stage the decision maker is known and recorded as a contact role.',
      'A close date is only moved with a reason in the next step.'
    ]),
  Customer_Interaction_Model__c: para(
    'Sellers meet customers to understand their business before they present solutions. Every ' +
      'customer meeting has a purpose, an agenda shared in advance and a follow-up within two ' +
      'working days.'
  ),
  Compensation_Principles__c:
    para('Variable pay rewards revenue and the behaviours that create it.') +
    list([
      'At least 30 % of variable pay depends on the team result.',
      'At least 20 % depends on strategic KPIs such as data quality and pipeline coverage.'
    ]),
  Coaching_Model__c: para(
    'Managers hold a coaching session with every seller at least once a month, focused on one ' +
      'deal or one skill, and agree concrete actions with a follow-up date.'
  ),
  Development_Programme__c: para(
    'Each seller is assessed on the eight sales skills twice a year. Gaps against the target ' +
      'score lead to an enrolment in a matching development programme.'
  ),
  What_Changed__c: para('First published version of the sales strategy.')
};

export const SECOND_VERSION_SECTIONS: StrategySections = {
  Governance_Model__c:
    para(
      'The strategic sales leadership group (sales director, CMO, COO, head of services and CEO) ' +
        'owns this strategy and publishes a new version every six months. Each version is ' +
        'acknowledged by every seller and manager; the sales director follows up on who has not ' +
        'read it.'
    ) +
    list([
      '<strong>Marketing</strong> generates and qualifies demand, and keeps the marketing ' +
        'material for each segment current.',
      '<strong>Services</strong> joins every Strategic and Key Growth account plan, owns ' +
        'onboarding and renewals, and reports expansion potential back to sales.',
      '<strong>Partners</strong> serve Core Customers and extend our reach in the Nordics and ' +
        'Germany.',
      '<strong>Hybrid sales</strong>: field sellers lead Strategic accounts, field and inside ' +
        'sales work as one team on Key Growth, inside sales converts New Logos, and Core ' +
        'Customers are served digitally.'
    ]),
  Segmentation__c:
    para(
      'We create value with existing customers first and pursue the potential in the market ' +
        'second. Segments are evaluated in priority order and assigned automatically from the ' +
        'account data; the criteria below are the formulas the system uses.'
    ) +
    list([
      'Strategic Accounts (Field, retain and expand, 40 % of revenue): revenue from 1 billion ' +
        'and lifetime value from 2 million.',
      'Key Growth (Hybrid, develop potential, 30 %): revenue from 100 million and market ' +
        'potential from 1.5 million.',
      'New Logos (Inside, acquire, 15 %): prospects with market potential from 250,000.',
      'Core Customers (Digital, serve efficiently, 15 %): every other account.'
    ]),
  Sales_Process__c:
    para(
      'One sales process from lead generation to the customer lifetime value. Each stage has ' +
        'exit criteria that the CRM checks and shows on the opportunity as guidance.'
    ) +
    list([
      'Qualification: budget, need and timing confirmed; a next step with a date.',
      'Value proposition: a business case in the customer language.',
      'Decision makers identified: the decision maker and the economic buyer are contact roles.',
      'Proposal and negotiation: the close date is realistic; a moved close date is explained.',
      'After the close: onboarding by services, an account plan for Strategic and Key Growth ' +
        'customers, and expansion tracked as lifetime value.'
    ]),
  Customer_Interaction_Model__c:
    para(
      'Our sales model starts from the customer business: goals, challenges and the buying ' +
        'process are written into the account plan before we propose anything.'
    ) +
    list([
      'Sellers spend at least 40 % of their working time with customers.',
      'Every meeting has a purpose, an agenda and a follow-up within two working days.',
      'Internal meetings are kept short and logged as internal.'
    ]),
  Compensation_Principles__c:
    para('The compensation system supports the strategy, motivates, and is team-focused.') +
    list([
      'At least 40 % of variable pay depends on team results.',
      'At least 25 % depends on strategic KPIs: pipeline coverage, data quality, forecast ' +
        'accuracy, time with customers and skills.',
      'No component rewards revenue outside the segment model.'
    ]),
  Coaching_Model__c:
    para(
      'We build a coaching culture from top to bottom. Managers coach each seller one and a half ' +
        'times a month on a deal or a skill, sellers rate how useful the session was, and agreed ' +
        'actions are followed up by the agreed date.'
    ) +
    list([
      'Pipeline reviews ask the coaching questions the CRM suggests per deal.',
      'Sellers prepare the session: they pick the deal and the question.'
    ]),
  Development_Programme__c: para(
    'Twice a year managers assess each seller on the eight sales skills against a target score. ' +
      'Every gap of one point or more leads to an enrolment in a classroom, e-learning, coaching, ' +
      'mentoring or on-the-job programme for that skill, completed within the half year.'
  ),
  What_Changed__c:
    para('Changes from version 1.0:') +
    list([
      'Hybrid sales model for Key Growth: field and inside sales as one team.',
      'Team share of variable pay raised from 30 % to 40 %.',
      'Target for time with customers raised from 35 % to 40 %.',
      'Coaching target raised to 1.5 sessions per seller per month, with seller ratings.',
      'Stage exit criteria added to the sales process.'
    ])
};
