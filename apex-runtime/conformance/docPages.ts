/**
 * The Salesforce documentation pages the conformance cases cite: the Apex Developer Guide, the
 * Apex Reference Guide and the SOQL and SOSL Reference, by page title and URL (each found with the
 * docs search of the project's tooling).
 */
export interface DocPage {
  title: string;
  url: string;
}

function developerGuide(title: string, page: string): DocPage {
  return {
    title: `Apex Developer Guide: ${title}`,
    url: `https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/${page}.htm`
  };
}

function referenceGuide(title: string, page: string): DocPage {
  return {
    title: `Apex Reference Guide: ${title}`,
    url: `https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/${page}.htm`
  };
}

function soqlReference(title: string, page: string): DocPage {
  return {
    title: `SOQL and SOSL Reference: ${title}`,
    url: `https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/${page}.htm`
  };
}

function objectReference(title: string, page: string): DocPage {
  return {
    title: `Object Reference for the Salesforce Platform: ${title}`,
    url: `https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/${page}.htm`
  };
}

function apiReference(title: string, page: string): DocPage {
  return {
    title: `SOAP API Developer Guide: ${title}`,
    url: `https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/${page}.htm`
  };
}

export const DOCS = {
  primitiveTypes: developerGuide('Primitive Data Types', 'langCon_apex_primitives'),
  expressionOperators: developerGuide(
    'Expression Operators',
    'langCon_apex_expressions_operators_understanding'
  ),
  operatorPrecedence: developerGuide(
    'Operator Precedence',
    'langCon_apex_expressions_operators_precedence'
  ),
  safeNavigation: developerGuide('Safe Navigation Operator', 'langCon_apex_SafeNavigationOperator'),
  nullCoalescing: developerGuide('Null Coalescing Operator', 'langCon_apex_NullCoalescingOperator'),
  rulesOfConversion: developerGuide('Rules of Conversion', 'langCon_apex_rules_of_conversion'),
  lists: developerGuide('Lists', 'langCon_apex_collections_lists'),
  sortingLists: developerGuide('List Sorting', 'langCon_apex_collections_lists_sorting'),
  sortingSObjects: developerGuide('Sorting Lists of sObjects', 'apex_list_sorting_sobject'),
  sets: developerGuide('Sets', 'langCon_apex_collections_sets'),
  maps: developerGuide('Maps', 'langCon_apex_collections_maps'),
  customMapKeys: developerGuide(
    'Using Custom Types in Map Keys and Sets',
    'langCon_apex_collections_maps_keys_userdefined'
  ),
  collectionCasting: developerGuide('Collection Casting', 'apex_classes_casting_collections'),
  loops: developerGuide('Loops', 'langCon_apex_loops'),
  switchStatements: developerGuide('Switch Statements', 'langCon_apex_switch'),
  enums: developerGuide('Enums', 'langCon_apex_enums'),
  extendingClasses: developerGuide('Extending a Class', 'apex_classes_extending'),
  constructors: developerGuide('Using Constructors', 'apex_classes_constructors'),
  staticAndInstance: developerGuide(
    'Static and Instance Methods, Variables, and Initialization Code',
    'apex_classes_static'
  ),
  properties: developerGuide('Apex Properties', 'apex_classes_properties'),
  interfaces: developerGuide('Interfaces', 'apex_classes_interfaces'),
  superKeyword: developerGuide('Using the super Keyword', 'apex_classes_keywords_super'),
  thisKeyword: developerGuide('Using the this Keyword', 'apex_classes_keywords_this'),
  instanceofKeyword: developerGuide(
    'Using the instanceof Keyword',
    'apex_classes_keywords_instanceof'
  ),
  casting: developerGuide('Classes and Casting', 'apex_classes_casting'),
  classDefinition: developerGuide('Class Definition', 'apex_classes_defining'),
  exceptionStatements: developerGuide('Exception Statements', 'apex_exception_statements'),
  builtInExceptions: developerGuide(
    'Built-In Exceptions and Common Methods',
    'apex_exception_builtin'
  ),
  customExceptions: developerGuide('Create Custom Exceptions', 'apex_exception_custom'),
  governorLimits: developerGuide('Execution Governors and Limits', 'apex_gov_limits'),
  labelClass: referenceGuide('Label Class', 'apex_class_System_Label'),
  describeFieldResult: referenceGuide(
    'DescribeFieldResult Class',
    'apex_methods_system_fields_describe'
  ),
  decimalClass: referenceGuide('Decimal Class', 'apex_methods_system_decimal'),
  integerClass: referenceGuide('Integer Class', 'apex_methods_system_integer'),
  longClass: referenceGuide('Long Class', 'apex_methods_system_long'),
  doubleClass: referenceGuide('Double Class', 'apex_methods_system_double'),
  mathClass: referenceGuide('Math Class', 'apex_methods_system_math'),
  stringClass: referenceGuide('String Class', 'apex_methods_system_string'),
  listClass: referenceGuide('List Class', 'apex_methods_system_list'),
  setClass: referenceGuide('Set Class', 'apex_methods_system_set'),
  mapClass: referenceGuide('Map Class', 'apex_methods_system_map'),
  comparableInterface: referenceGuide('Comparable Interface', 'apex_comparable'),
  comparatorInterface: referenceGuide('Comparator Interface', 'apex_interface_System_Comparator'),
  dateClass: referenceGuide('Date Class', 'apex_methods_system_date'),
  datetimeClass: referenceGuide('Datetime Class', 'apex_methods_system_datetime'),
  timeClass: referenceGuide('Time Class', 'apex_methods_system_time'),
  exceptionClass: referenceGuide(
    'Exception Class and Built-In Exceptions',
    'apex_classes_exception_methods'
  ),
  enumMethods: referenceGuide('Enum Methods', 'apex_methods_system_enum'),
  jsonClass: referenceGuide('JSON Class', 'apex_class_System_Json'),
  systemClass: referenceGuide('System Class', 'apex_methods_system_system'),
  assertClass: referenceGuide('Assert Class', 'apex_class_System_Assert'),
  typeClass: referenceGuide('Type Class', 'apex_methods_system_type'),
  blobClass: referenceGuide('Blob Class', 'apex_methods_system_blob'),
  encodingUtilClass: referenceGuide('EncodingUtil Class', 'apex_classes_restful_encodingUtil'),
  cryptoClass: referenceGuide('Crypto Class', 'apex_classes_restful_crypto'),
  limitsClass: referenceGuide('Limits Class', 'apex_methods_system_limits'),
  // The platform: SOQL, DML, triggers, sharing and user mode, limits, asynchronous Apex.
  soqlComparisonOperators: soqlReference(
    'Comparison Operators',
    'sforce_api_calls_soql_select_comparisonoperators'
  ),
  soqlConditionExpression: soqlReference(
    'Condition Expression Syntax (WHERE Clause)',
    'sforce_api_calls_soql_select_conditionexpression'
  ),
  soqlDateLiterals: soqlReference(
    'Date Formats and Date Literals in WHERE',
    'sforce_api_calls_soql_select_dateformats'
  ),
  soqlDateFunctions: soqlReference('Date Functions', 'sforce_api_calls_soql_select_date_functions'),
  soqlOrderBy: soqlReference('ORDER BY', 'sforce_api_calls_soql_select_orderby'),
  soqlLimit: soqlReference('LIMIT', 'sforce_api_calls_soql_select_limit'),
  soqlOffset: soqlReference('OFFSET', 'sforce_api_calls_soql_select_offset'),
  soqlAggregateFunctions: soqlReference(
    'Aggregate Functions',
    'sforce_api_calls_soql_select_agg_functions'
  ),
  soqlCount: soqlReference('COUNT() and COUNT(fieldName)', 'sforce_api_calls_soql_select_count'),
  soqlGroupBy: soqlReference('GROUP BY', 'sforce_api_calls_soql_select_groupby'),
  soqlHaving: soqlReference('HAVING', 'sforce_api_calls_soql_select_having'),
  soqlRelationships: soqlReference('Relationship Queries', 'sforce_api_calls_soql_relationships'),
  soqlInApex: developerGuide('SOQL and SOSL Queries', 'langCon_apex_SOQL'),
  soqlVariables: developerGuide(
    'Using Apex Variables in SOQL and SOSL Queries',
    'langCon_apex_SOQL_variables'
  ),
  soqlAggregatesInApex: developerGuide(
    'Working with SOQL Aggregate Functions',
    'langCon_apex_SOQL_agg_fns'
  ),
  soqlAllRows: developerGuide(
    'Querying All Records with a SOQL Statement',
    'langCon_apex_SOQL_query_all_rows'
  ),
  soqlForLoops: developerGuide('SOQL For Loops', 'langCon_apex_loops_for_SOQL'),
  dynamicSoql: developerGuide('Dynamic SOQL', 'apex_dynamic_soql'),
  dmlExceptionHandling: developerGuide(
    'Exception Handling (DML)',
    'langCon_apex_dml_exception_handling'
  ),
  databaseErrors: developerGuide('Returned Database Errors', 'langCon_apex_dml_database_error'),
  bulkDmlExceptions: developerGuide('Bulk DML Exception Handling', 'apex_dml_bulk_exceptions'),
  dmlVersusDatabase: developerGuide(
    'DML Statements vs. Database Class Methods',
    'langCon_apex_dml_database'
  ),
  upsertingRecords: developerGuide('Upserting Records', 'langCon_apex_dml_examples_upsert'),
  deletingRecords: developerGuide('Deleting Records', 'langCon_apex_dml_examples_delete'),
  transactionControl: developerGuide('Transaction Control', 'langCon_apex_transaction_control'),
  triggers: developerGuide('Triggers', 'apex_triggers'),
  triggersOrderOfExecution: developerGuide(
    'Triggers and Order of Execution',
    'apex_triggers_order_of_execution'
  ),
  triggerContextVariables: developerGuide(
    'Trigger Context Variables',
    'apex_triggers_context_variables'
  ),
  triggerContextConsiderations: developerGuide(
    'Context Variable Considerations',
    'apex_triggers_context_variables_considerations'
  ),
  triggerExceptions: developerGuide('Trigger Exceptions', 'apex_triggers_exceptions'),
  sharingKeywords: developerGuide(
    'Use the with sharing, without sharing, and inherited sharing Keywords',
    'apex_classes_keywords_sharing'
  ),
  userMode: developerGuide(
    'Enforce User Mode for Database Operations',
    'apex_classes_enforce_usermode'
  ),
  securityEnforced: developerGuide(
    'Filter SOQL Queries Using WITH SECURITY_ENFORCED',
    'apex_classes_with_security_enforced'
  ),
  stripInaccessible: developerGuide(
    'Enforce Security with the stripInaccessible Method',
    'apex_classes_with_security_stripInaccessible'
  ),
  anonymousBlocks: developerGuide('Anonymous Blocks', 'apex_anonymous_block'),
  managedSharing: developerGuide(
    'Creating User Managed Sharing Using Apex',
    'apex_bulk_sharing_creating'
  ),
  batchApex: developerGuide('Using Batch Apex', 'apex_batch_interface'),
  queueableApex: developerGuide('Queueable Apex', 'apex_queueing_jobs'),
  futureMethods: developerGuide('Future Methods', 'apex_invoking_future_methods'),
  apexScheduler: developerGuide('Apex Scheduler', 'apex_scheduler'),
  databaseClass: referenceGuide('Database Class', 'apex_methods_system_database'),
  saveResultClass: referenceGuide('SaveResult Class', 'apex_methods_system_database_saveresult'),
  databaseErrorClass: referenceGuide(
    'Error Class (Database)',
    'apex_methods_system_database_error'
  ),
  triggerOperationEnum: referenceGuide(
    'TriggerOperation Enum',
    'apex_enum_System_TriggerOperation'
  ),
  // Multiple currencies.
  userInfoClass: referenceGuide('UserInfo Class', 'apex_methods_system_userinfo'),
  soqlConvertCurrency: soqlReference(
    'convertCurrency()',
    'sforce_api_calls_soql_querying_currency_fields'
  ),
  currencyTypeObject: objectReference('CurrencyType', 'sforce_api_objects_currencytype'),
  datedConversionRateObject: objectReference(
    'DatedConversionRate',
    'sforce_api_objects_datedconversionrate'
  ),
  getUserInfoResult: apiReference(
    'GetUserInfoResult',
    'sforce_api_calls_getuserinfo_getuserinforesult'
  ),
  testDataIsolation: developerGuide(
    'Isolation of Test Data from Organization Data in Unit Tests',
    'apex_testing_data_access'
  ),
  // Fiscal years.
  periodObject: objectReference('Period', 'sforce_api_objects_period'),
  outboundEmail: developerGuide('Outbound Email', 'apex_forcecom_email_outbound'),
  messagingClass: referenceGuide('Messaging Class', 'apex_classes_email_outbound_messaging'),
  singleEmailMessage: referenceGuide(
    'SingleEmailMessage Class',
    'apex_classes_email_outbound_single'
  ),
  emailBaseClass: referenceGuide(
    'Email Class (Base Email Methods)',
    'apex_classes_email_outbound_base'
  ),
  sendEmailResult: referenceGuide(
    'SendEmailResult Class',
    'apex_classes_email_outbound_sendemailresult'
  ),
  emailTemplateObject: objectReference('EmailTemplate', 'sforce_api_objects_emailtemplate'),
  renderEmailTemplateCall: apiReference(
    'renderEmailTemplate()',
    'sforce_api_calls_renderemailtemplate'
  ),
  fiscalYearSettingsObject: objectReference(
    'FiscalYearSettings',
    'sforce_api_objects_fiscalyearsettings'
  )
} as const;
