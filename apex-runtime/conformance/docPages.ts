/**
 * The Salesforce documentation pages the conformance cases cite: the Apex Developer Guide and the
 * Apex Reference Guide, by page title and URL (each found with the docs search of the project's
 * tooling).
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
  limitsClass: referenceGuide('Limits Class', 'apex_methods_system_limits')
} as const;
