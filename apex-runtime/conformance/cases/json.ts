/** JSON: serialize, deserialize into a type, deserializeUntyped. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const PERSON = {
  Person: `public class Person {
    public String name;
    public Integer age;
    public Date born;
    public List<String> tags;
    public transient String secret;
    public Person() {}
    public Person(String name, Integer age) { this.name = name; this.age = age; }
  }`
};

const APPLIANCE_JSON = [
  "String jsonInput = '{\\n' +",
  '  \' "description" :"An appliance",\\n\' +',
  '  \' "accessories" : [ "powerCord", \' +',
  '  \'{ "right":"door handle1", \' +',
  '  \'"left":"door handle2" } ],\\n\' +',
  '  \' "dimensions" : \' +',
  '  \'{ "height" : 5.5 , \' +',
  '  \'"width" : 3.0 , \' +',
  '  \'"depth" : 2.2 },\\n\' +',
  '  \' "type" : null,\\n\' +',
  '  \' "inventory" : 2000,\\n\' +',
  '  \' "price" : 1023.45,\\n\' +',
  '  \' "isShipped" : true,\\n\' +',
  '  \' "modelNumber" : "123"\\n\' +',
  "  '}';",
  'Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped(jsonInput);'
].join('\n');

export const jsonCases: readonly ConformanceCase[] = [
  {
    name: 'serialize a List and a Map',
    source: DOCS.jsonClass,
    apex: "System.debug(JSON.serialize(new List<Integer>{1, 2})); System.debug(JSON.serialize(new Map<String, Object>{'a' => 1, 'b' => 'x'}));",
    debug: ['[1,2]', '{"a":1,"b":"x"}']
  },
  {
    name: 'serialize primitives and null',
    source: DOCS.jsonClass,
    apex: "System.debug(JSON.serialize('text')); System.debug(JSON.serialize(5)); System.debug(JSON.serialize(true)); System.debug(JSON.serialize(null));",
    debug: ['"text"', '5', 'true', 'null']
  },
  {
    name: 'serialize escapes quotes and control characters in Strings',
    source: DOCS.jsonClass,
    apex: 'System.debug(JSON.serialize(\'say "hi"\\n\'));',
    debug: ['"say \\"hi\\"\\n"']
  },
  {
    name: 'serialize an object writes its fields in declaration order, nulls included',
    source: DOCS.jsonClass,
    apex: "System.debug(JSON.serialize(new Person('Ada', 36)));",
    classes: PERSON,
    debug: ['{"name":"Ada","age":36,"born":null,"tags":null}'],
    note: 'The page does not list the order; fields appear in declaration order, and transient fields are left out.'
  },
  {
    name: 'serialize(object, true) suppresses null fields',
    source: DOCS.jsonClass,
    apex: "System.debug(JSON.serialize(new Person('Ada', null), true));",
    classes: PERSON,
    debug: ['{"name":"Ada"}']
  },
  {
    name: 'serialize writes Dates as yyyy-MM-dd and Datetimes in ISO 8601 GMT',
    source: DOCS.jsonClass,
    apex: 'System.debug(JSON.serialize(Date.newInstance(2026, 11, 16))); System.debug(JSON.serialize(Datetime.now()));',
    debug: ['"2026-11-16"', '"2026-11-16T09:30:00.000Z"']
  },
  {
    name: 'serialize keeps the scale of a Decimal',
    source: DOCS.jsonClass,
    apex: 'Decimal d = 1.50; System.debug(JSON.serialize(d));',
    debug: ['1.50']
  },
  {
    name: 'serialize writes an enum as its name',
    source: DOCS.jsonClass,
    apex: 'System.debug(JSON.serialize(new List<Object>{LoggingLevel.ERROR}));',
    debug: ['["ERROR"]']
  },
  {
    name: 'deserialize into a class sets its fields',
    source: DOCS.jsonClass,
    apex: 'Person p = (Person) JSON.deserialize(\'{"name":"Ada","age":36,"born":"1815-12-10","tags":["math"]}\', Person.class);\nSystem.debug(p.name + \' \' + p.age + \' \' + p.born.year() + \' \' + p.tags);',
    classes: PERSON,
    debug: ['Ada 36 1815 (math)']
  },
  {
    name: 'deserialize reads enum fields from their names',
    source: DOCS.jsonClass,
    apex: 'Levels l = (Levels) JSON.deserialize(\'{"own":"SPRING","platform":"WARN"}\', Levels.class); System.debug(l.own); System.debug(l.platform);',
    classes: {
      Levels:
        'public class Levels { public enum Season {WINTER, SPRING} public Season own; public LoggingLevel platform; }'
    },
    debug: ['SPRING', 'WARN']
  },
  {
    name: 'deserialize ignores attributes the class does not have',
    source: DOCS.jsonClass,
    apex: 'Person p = (Person) JSON.deserialize(\'{"name":"Ada","unknown":1}\', Person.class); System.debug(p.name);',
    classes: PERSON,
    debug: ['Ada']
  },
  {
    name: 'deserializeStrict refuses attributes the class does not have',
    source: DOCS.jsonClass,
    apex: 'try { JSON.deserializeStrict(\'{"name":"Ada","unknown":1}\', Person.class); } catch (JSONException e) { System.debug(\'refused\'); }',
    classes: PERSON,
    debug: ['refused'],
    note: 'The page says deserializeStrict fails when the JSON has attributes the type lacks; the message is not pinned.'
  },
  {
    name: 'deserialize into a List of objects',
    source: DOCS.jsonClass,
    apex: 'List<Person> people = (List<Person>) JSON.deserialize(\'[{"name":"a"},{"name":"b"}]\', List<Person>.class); System.debug(people.size() + \' \' + people[1].name);',
    classes: PERSON,
    debug: ['2 b']
  },
  {
    name: 'deserialize into a Map of primitives',
    source: DOCS.jsonClass,
    apex: 'Map<String, Integer> m = (Map<String, Integer>) JSON.deserialize(\'{"a":1,"b":2}\', Map<String, Integer>.class); System.debug(m.get(\'b\') + 1);',
    debug: ['3']
  },
  {
    name: 'deserialize a Decimal keeps its digits',
    source: DOCS.jsonClass,
    apex: "Decimal n = (Decimal) JSON.deserialize('100.1', Decimal.class); System.debug(n);",
    debug: ['100.1']
  },
  {
    name: 'deserializeUntyped gives Maps, Lists and primitives',
    source: DOCS.jsonClass,
    apex: [
      APPLIANCE_JSON,
      "System.debug(m.get('description'));",
      "List<Object> a = (List<Object>) m.get('accessories');",
      'System.debug(a[0]);',
      'Map<String, Object> a2 = (Map<String, Object>) a[1];',
      "System.debug(a2.get('right'));",
      "Map<String, Object> dim = (Map<String, Object>) m.get('dimensions');",
      "System.debug(dim.get('height'));",
      "System.debug(m.get('type'));",
      "System.debug(m.get('inventory'));",
      "System.debug(m.get('price'));",
      "System.debug(m.get('isShipped'));",
      "System.debug(m.get('modelNumber'));"
    ].join('\n'),
    debug: [
      'An appliance',
      'powerCord',
      'door handle1',
      '5.5',
      'null',
      '2000',
      '1023.45',
      'true',
      '123'
    ]
  },
  {
    name: 'deserializeUntyped makes whole numbers Integers and decimals Decimals',
    source: DOCS.jsonClass,
    apex: [
      APPLIANCE_JSON,
      "System.debug(m.get('inventory') instanceof Integer);",
      "System.debug(m.get('price') instanceof Decimal);",
      "System.debug(m.get('isShipped') instanceof Boolean);"
    ].join('\n'),
    debug: ['true', 'true', 'true'],
    note: "The page's example compares inventory with 2000 and price with 1023.45; their run-time types are Integer and Decimal."
  },
  {
    name: 'malformed JSON throws a JSONException',
    source: DOCS.jsonClass,
    apex: 'try { JSON.deserializeUntyped(\'{"a":\'); } catch (JSONException e) { System.debug(e.getTypeName()); }',
    debug: ['System.JSONException'],
    note: 'The exception class page: JSONException reports any problem with JSON serialization and deserialization.'
  },
  {
    name: 'a value survives a serialize and deserialize round trip',
    source: DOCS.jsonClass,
    apex: "Person p = new Person('Grace', 85); p.tags = new List<String>{'navy', 'cobol'};\nPerson q = (Person) JSON.deserialize(JSON.serialize(p), Person.class);\nSystem.debug(q.name + ' ' + q.age + ' ' + q.tags);",
    classes: PERSON,
    debug: ['Grace 85 (navy, cobol)']
  }
];
