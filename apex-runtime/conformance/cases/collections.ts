/** Lists, Sets and Maps: methods, equality, sorting, iteration, key case-sensitivity, casting. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const COMPARABLE_EMPLOYEE = `public class Employee implements Comparable {
  public Long id;
  public String name;
  public Employee(Long i, String n) { id = i; name = n; }
  public Integer compareTo(Object compareTo) {
    Employee compareToEmp = (Employee) compareTo;
    if (id == compareToEmp.id) return 0;
    if (id > compareToEmp.id) return 1;
    return -1;
  }
}`;

const PAIR_NUMBERS = `public class PairNumbers {
  Integer x, y;
  public PairNumbers(Integer a, Integer b) { x = a; y = b; }
  public Boolean equals(Object obj) {
    if (obj instanceof PairNumbers) {
      PairNumbers p = (PairNumbers) obj;
      return (x == p.x) && (y == p.y);
    }
    return false;
  }
  public Integer hashCode() { return (31 * x) ^ y; }
}`;

const PURCHASE_ORDERS = {
  PurchaseOrder: 'public virtual class PurchaseOrder {}',
  CustomerPurchaseOrder: 'public class CustomerPurchaseOrder extends PurchaseOrder {}'
};

export const collectionCases: readonly ConformanceCase[] = [
  {
    name: 'a List keeps insertion order and allows duplicates',
    source: DOCS.lists,
    apex: 'List<Integer> l = new List<Integer>(); l.add(47); l.add(3); l.add(47); System.debug(l); System.debug(l.size());',
    debug: ['(47, 3, 47)', '3']
  },
  {
    name: 'reading past the end of a List throws a ListException',
    source: DOCS.builtInExceptions,
    apex: 'List<Integer> li = new List<Integer>();\nli.add(15);\nInteger i1 = li[0];\nInteger i2 = li[1];',
    error: 'System.ListException: List index out of bounds: 1',
    line: 4
  },
  {
    name: 'get with a negative index throws a ListException',
    source: DOCS.listClass,
    apex: "List<String> l = new List<String>{'a'}; String s = l.get(-1);",
    error: 'System.ListException: List index out of bounds: -1',
    note: 'Same exception and message as an index past the end.'
  },
  {
    name: 'array notation reads and writes List elements',
    source: DOCS.lists,
    apex: "String[] colors = new List<String>{'red', 'green'}; colors[0] = 'blue'; System.debug(colors[0] + ' ' + colors.get(1));",
    debug: ['blue green']
  },
  {
    name: 'a List created with a size holds that many nulls',
    source: DOCS.lists,
    apex: 'Integer[] a = new Integer[3]; System.debug(a.size()); System.debug(a);',
    debug: ['3', '(null, null, null)']
  },
  {
    name: 'add(index, element) inserts and set(index, element) replaces',
    source: DOCS.listClass,
    apex: "List<String> l = new List<String>{'a', 'c'}; l.add(1, 'b'); l.set(0, 'z'); System.debug(l);",
    debug: ['(z, b, c)']
  },
  {
    name: 'remove(index) returns the removed element',
    source: DOCS.listClass,
    apex: "List<String> l = new List<String>{'a', 'b', 'c'}; String removed = l.remove(1); System.debug(removed); System.debug(l);",
    debug: ['b', '(a, c)']
  },
  {
    name: 'contains and indexOf use equality',
    source: DOCS.listClass,
    apex: "List<String> l = new List<String>{'a', 'b'}; System.debug(l.contains('b')); System.debug(l.indexOf('b')); System.debug(l.indexOf('z'));",
    debug: ['true', '1', '-1']
  },
  {
    name: 'clone makes an independent copy of the List',
    source: DOCS.listClass,
    apex: "List<Integer> a = new List<Integer>{1, 2}; List<Integer> b = a.clone(); b.add(3); System.debug(a.size() + ' ' + b.size());",
    debug: ['2 3']
  },
  {
    name: 'addAll appends every element of another List',
    source: DOCS.listClass,
    apex: 'List<Integer> a = new List<Integer>{1}; a.addAll(new List<Integer>{2, 3}); System.debug(a);',
    debug: ['(1, 2, 3)']
  },
  {
    name: 'clear empties the List and isEmpty reports it',
    source: DOCS.listClass,
    apex: 'List<Integer> a = new List<Integer>{1}; System.debug(a.isEmpty()); a.clear(); System.debug(a.isEmpty());',
    debug: ['false', 'true']
  },
  {
    name: 'sort orders Strings ascending',
    source: DOCS.sortingLists,
    apex: "List<String> colors = new List<String>{'Yellow', 'Red', 'Green'}; colors.sort(); System.debug(colors);",
    debug: ['(Green, Red, Yellow)']
  },
  {
    name: 'sort orders numbers ascending',
    source: DOCS.listClass,
    apex: 'List<Integer> l = new List<Integer>{3, -1, 20, 5}; l.sort(); System.debug(l);',
    debug: ['(-1, 3, 5, 20)']
  },
  {
    name: 'sort orders sObjects by the label of their type first',
    source: DOCS.sortingSObjects,
    apex: "List<SObject> l = new List<SObject>{ new Contact(LastName = 'Z'), new Account(Name = 'b'), new Account(Name = 'a') };\nl.sort();\nfor (SObject o : l) System.debug(o);",
    debug: ['Account:{Name=a}', 'Account:{Name=b}', 'Contact:{LastName=Z}']
  },
  {
    name: 'sObjects of one type sort by Name, then by standard fields in alphabetical order',
    source: DOCS.sortingSObjects,
    apex: "Account[] acctList = new List<Account>();\nacctList.add(new Account(Name = 'sForce', Industry = 'Biotechnology', Site = 'Austin'));\nacctList.add(new Account(Name = 'sForce', Industry = 'Agriculture', Site = 'New York'));\nacctList.add(new Account(Name = 'Acme'));\nacctList.sort();\nfor (Account a : acctList) System.debug(a.Name + ' ' + a.Industry);",
    debug: ['Acme null', 'sForce Agriculture', 'sForce Biotechnology']
  },
  {
    name: 'sort(comparator) orders sObjects by a Comparator, nulls first',
    source: DOCS.sortingSObjects,
    apex: "List<Opportunity> oppyList = new List<Opportunity>();\nDate closeDate = Date.today().addDays(10);\noppyList.add(new Opportunity(Name = 'Edge Installation', CloseDate = closeDate, StageName = 'Prospecting', Amount = 50000));\noppyList.add(new Opportunity(Name = 'United Oil Installations', CloseDate = closeDate, StageName = 'Needs Analysis', Amount = 100000));\noppyList.add(new Opportunity(Name = 'Grand Hotels SLA', CloseDate = closeDate, StageName = 'Prospecting', Amount = 25000));\noppyList.add(null);\noppyList.sort(new OpportunityComparator());\nSystem.debug(oppyList[0]);\nfor (Integer i = 1; i < 4; i++) System.debug(oppyList[i].Name + ' ' + oppyList[i].Amount);",
    classes: {
      OpportunityComparator: `public class OpportunityComparator implements Comparator<Opportunity> {
        public Integer compare(Opportunity o1, Opportunity o2) {
          Integer returnValue = 0;
          if (o1 == null && o2 == null) { returnValue = 0; }
          else if (o1 == null) { returnValue = -1; }
          else if (o2 == null) { returnValue = 1; }
          else if ((o1.Amount == null) && (o2.Amount == null)) { returnValue = 0; }
          else if (o1.Amount == null) { returnValue = -1; }
          else if (o2.Amount == null) { returnValue = 1; }
          else if (o1.Amount < o2.Amount) { returnValue = -1; }
          else if (o1.Amount > o2.Amount) { returnValue = 1; }
          return returnValue;
        }
      }`
    },
    debug: [
      'null',
      'Grand Hotels SLA 25000',
      'Edge Installation 50000',
      'United Oil Installations 100000'
    ]
  },
  {
    name: 'sort uses compareTo of a class implementing Comparable',
    source: DOCS.comparableInterface,
    apex: "List<Employee> empList = new List<Employee>();\nempList.add(new Employee(101, 'Joe Smith'));\nempList.add(new Employee(20, 'Joe Schmoe'));\nempList.add(new Employee(25, 'Caragh Smith'));\nempList.sort();\nfor (Employee e : empList) System.debug(e.id + ' ' + e.name);",
    classes: { Employee: COMPARABLE_EMPLOYEE },
    debug: ['20 Joe Schmoe', '25 Caragh Smith', '101 Joe Smith']
  },
  {
    name: 'sort(comparator) orders by the compare method of a Comparator',
    source: DOCS.comparatorInterface,
    apex: 'List<Integer> l = new List<Integer>{3, 1, 2}; l.sort(new Descending()); System.debug(l);',
    classes: {
      Descending:
        'public class Descending implements Comparator<Integer> { public Integer compare(Integer a, Integer b) { return b - a; } }'
    },
    debug: ['(3, 2, 1)']
  },
  {
    name: 'Lists with equal elements are ==',
    source: DOCS.expressionOperators,
    apex: 'System.debug(new List<Integer>{1, 2} == new List<Integer>{1, 2}); System.debug(new List<Integer>{1, 2} == new List<Integer>{2, 1});',
    debug: ['true', 'false']
  },
  {
    name: '== on Lists compares String elements ignoring case',
    source: DOCS.expressionOperators,
    apex: "List<String> a = new List<String>{'A', 'b'}; List<String> b = new List<String>{'a', 'B'}; System.debug(a == b);",
    debug: ['true'],
    note: '== compares collections element by element with ==, which ignores the case of Strings.'
  },
  {
    name: 'List.equals compares the elements with ==',
    source: DOCS.listClass,
    apex: "List<String> a = new List<String>{'A'}; List<String> b = new List<String>{'a'}; System.debug(a.equals(b)); System.debug(a.equals(new List<String>{'B'}));",
    debug: ['true', 'false']
  },
  {
    name: 'contains and indexOf treat String elements case-sensitively',
    source: DOCS.listClass,
    apex: "List<String> l = new List<String>{'a', 'b', 'a'}; System.debug(l.contains('A')); System.debug(l.indexOf('B')); System.debug(l.indexOf('a'));",
    debug: ['false', '-1', '0']
  },
  {
    name: 'add(index, element) on a List created with a size shifts the nulls right',
    source: DOCS.listClass,
    apex: 'List<Integer> myList = new Integer[6]; myList.add(0, 47); myList.add(1, 52); System.debug(myList);',
    debug: ['(47, 52, null, null, null, null, null, null)']
  },
  {
    name: 'sort puts nulls first',
    source: DOCS.listClass,
    apex: 'List<Integer> q1 = new Integer[3]; q1[0] = 10; q1[1] = 5; q1.sort(); System.debug(q1);',
    debug: ['(null, 5, 10)']
  },
  {
    name: 'clone copies a List of sObjects shallowly, deepClone copies the records',
    source: DOCS.listClass,
    apex: "Account a = new Account(Name = 'Acme', BillingCity = 'New York');\nAccount[] q1 = new Account[]{a, new Account(Name = 'Salesforce')};\nAccount[] q2 = q1.clone();\nAccount[] q3 = q1.deepClone();\nq1[0].BillingCity = 'San Francisco';\nSystem.debug(q2[0].BillingCity);\nSystem.debug(q3[0].BillingCity);",
    debug: ['San Francisco', 'New York']
  },
  {
    name: 'a printed collection shows at most 10 items, then ...',
    source: DOCS.listClass,
    apex: 'List<Integer> l = new List<Integer>(); for (Integer i = 1; i <= 12; i++) l.add(i); System.debug(l); System.debug(new Set<Integer>(l).toString());',
    debug: ['(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...)', '{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...}'],
    note: 'The page: up to 10 items per collection are included in the output, followed by an ellipsis; orgs print three periods.'
  },
  {
    name: 'a record printed a second time in the same output shows as (already output)',
    source: DOCS.listClass,
    apex: "Account a = new Account(Name = 'x'); System.debug(new List<Account>{a, a});",
    debug: ['(Account:{Name=x}, (already output))']
  },
  {
    name: 'a for loop over a List visits the elements in order',
    source: DOCS.loops,
    apex: 'Integer sum = 0; for (Integer i : new List<Integer>{1, 2, 3}) { sum += i; } System.debug(sum);',
    debug: ['6']
  },
  {
    name: 'break and continue in a for loop',
    source: DOCS.loops,
    apex: "String out = ''; for (Integer i = 0; i < 10; i++) { if (i == 1) continue; if (i == 4) break; out += i; } System.debug(out);",
    debug: ['023']
  },
  {
    name: 'a do-while loop runs its body at least once',
    source: DOCS.loops,
    apex: 'Integer count = 10; do { count++; } while (count < 5); System.debug(count);',
    debug: ['11']
  },
  {
    name: 'iterating over a null List throws a NullPointerException',
    source: DOCS.loops,
    apex: 'List<Integer> l;\nfor (Integer i : l) { System.debug(i); }',
    error: 'System.NullPointerException: Attempt to de-reference a null object',
    note: 'The page does not mention null; a for loop dereferences its collection.'
  },
  {
    name: 'a Set holds no duplicates',
    source: DOCS.sets,
    apex: 'Set<Integer> s = new Set<Integer>{1, 2, 2, 3}; s.add(3); System.debug(s.size());',
    debug: ['3']
  },
  {
    name: 'Set<String> elements are case-sensitive',
    source: DOCS.setClass,
    apex: "Set<String> s = new Set<String>{'a', 'A'}; System.debug(s.size()); System.debug(s.contains('a')); System.debug(new Set<String>{'b'}.contains('B'));",
    debug: ['2', 'true', 'false']
  },
  {
    name: 'Set.add and Set.remove report whether the Set changed',
    source: DOCS.setClass,
    apex: 'Set<Integer> s = new Set<Integer>{1}; System.debug(s.add(1)); System.debug(s.add(2)); System.debug(s.remove(5)); System.debug(s.remove(1));',
    debug: ['false', 'true', 'false', 'true']
  },
  {
    name: 'retainAll keeps the intersection, removeAll the difference',
    source: DOCS.setClass,
    apex: "Set<Integer> a = new Set<Integer>{1, 2, 3}; a.retainAll(new Set<Integer>{2, 3, 4}); System.debug(a.contains(1) + ' ' + a.size()); a.removeAll(new List<Integer>{2}); System.debug(a.contains(3) + ' ' + a.size());",
    debug: ['false 2', 'true 1']
  },
  {
    name: 'containsAll tests a subset',
    source: DOCS.setClass,
    apex: 'Set<Integer> a = new Set<Integer>{1, 2, 3}; System.debug(a.containsAll(new List<Integer>{1, 3})); System.debug(a.containsAll(new Set<Integer>{4}));',
    debug: ['true', 'false']
  },
  {
    name: 'Sets with the same elements are equal',
    source: DOCS.setClass,
    apex: 'System.debug(new Set<Integer>{1, 2} == new Set<Integer>{2, 1}); System.debug(new Set<Integer>{1}.equals(new Set<Integer>{1, 2}));',
    debug: ['true', 'false']
  },
  {
    name: 'a Set built from a List drops the duplicates',
    source: DOCS.sets,
    apex: "List<String> l = new List<String>{'x', 'y', 'x'}; Set<String> s = new Set<String>(l); System.debug(s.size());",
    debug: ['2']
  },
  {
    name: 'Map.get returns the value for a key and null for a missing key',
    source: DOCS.mapClass,
    apex: "Map<String, Integer> m = new Map<String, Integer>{'a' => 1}; System.debug(m.get('a')); System.debug(m.get('z'));",
    debug: ['1', 'null']
  },
  {
    name: 'Map keys of type String are case-sensitive',
    source: DOCS.maps,
    apex: "Map<String, Integer> m = new Map<String, Integer>(); m.put('a', 1); m.put('A', 2); System.debug(m.size()); System.debug(m.get('a')); System.debug(m.containsKey('b'));",
    debug: ['2', '1', 'false']
  },
  {
    name: 'put returns the value it replaces',
    source: DOCS.mapClass,
    apex: "Map<String, Integer> m = new Map<String, Integer>(); System.debug(m.put('a', 1)); System.debug(m.put('a', 2)); System.debug(m.get('a'));",
    debug: ['null', '1', '2']
  },
  {
    name: 'remove returns the removed value',
    source: DOCS.mapClass,
    apex: "Map<String, Integer> m = new Map<String, Integer>{'a' => 1, 'b' => 2}; System.debug(m.remove('a')); System.debug(m.size()); System.debug(m.remove('zz'));",
    debug: ['1', '1', 'null']
  },
  {
    name: 'keySet and values return the keys and the values',
    source: DOCS.mapClass,
    apex: "Map<Integer, String> m = new Map<Integer, String>{1 => 'one'}; System.debug(m.keySet()); System.debug(m.values());",
    debug: ['{1}', '(one)']
  },
  {
    name: 'a Map prints as {key=value}',
    source: DOCS.maps,
    apex: "Map<String, Integer> m = new Map<String, Integer>{'a' => 1}; System.debug(m);",
    debug: ['{a=1}'],
    note: 'The docs do not show how a Map prints; System.debug prints {key=value, ...}.'
  },
  {
    name: 'Maps with the same entries are ==',
    source: DOCS.expressionOperators,
    apex: "Map<String, Integer> a = new Map<String, Integer>{'k' => 1}; Map<String, Integer> b = new Map<String, Integer>{'k' => 1}; System.debug(a == b); b.put('k', 2); System.debug(a == b);",
    debug: ['true', 'false']
  },
  {
    name: 'a Map value can be a List',
    source: DOCS.maps,
    apex: "Map<String, List<Integer>> m = new Map<String, List<Integer>>(); m.put('even', new List<Integer>()); m.get('even').add(2); m.get('even').add(4); System.debug(m.get('even'));",
    debug: ['(2, 4)']
  },
  {
    name: 'calling a method on a missing Map value throws a NullPointerException',
    source: DOCS.maps,
    apex: "Map<String, String> m = new Map<String, String>();\nInteger n = m.get('missing').length();",
    error: 'System.NullPointerException: Attempt to de-reference a null object',
    line: 2
  },
  {
    name: 'a class with equals and hashCode works as a Map key and in a Set',
    source: DOCS.customMapKeys,
    apex: "Map<PairNumbers, String> m = new Map<PairNumbers, String>();\nm.put(new PairNumbers(1, 2), 'first');\nm.put(new PairNumbers(2, 3), 'second');\nm.put(new PairNumbers(1, 2), 'third');\nSystem.debug(m.size());\nSystem.debug(m.get(new PairNumbers(1, 2)));\nSet<PairNumbers> s = new Set<PairNumbers>{new PairNumbers(1, 2), new PairNumbers(1, 2)};\nSystem.debug(s.size());",
    classes: { PairNumbers: PAIR_NUMBERS },
    debug: ['2', 'third', '1']
  },
  {
    name: 'a List of a subclass can be assigned to a List of its superclass and cast back',
    source: DOCS.collectionCasting,
    apex: 'List<CustomerPurchaseOrder> cpos = new List<CustomerPurchaseOrder>{new CustomerPurchaseOrder()};\nList<PurchaseOrder> pos = cpos;\nList<CustomerPurchaseOrder> restored = (List<CustomerPurchaseOrder>) pos;\nSystem.debug(restored.size());',
    classes: PURCHASE_ORDERS,
    debug: ['1']
  },
  {
    name: 'a List created as List<PurchaseOrder> cannot be cast to List<CustomerPurchaseOrder>',
    source: DOCS.collectionCasting,
    apex: 'List<PurchaseOrder> pos = new List<PurchaseOrder>{new CustomerPurchaseOrder()};\nList<CustomerPurchaseOrder> cpos = (List<CustomerPurchaseOrder>) pos;',
    classes: PURCHASE_ORDERS,
    error:
      'System.TypeException: Invalid conversion from runtime type List<PurchaseOrder> to List<CustomerPurchaseOrder>',
    line: 2,
    note: 'The page says the cast fails at run time; the message is the TypeException text of every failed cast.'
  },
  {
    name: 'a List of Lists',
    source: DOCS.lists,
    apex: 'List<List<Integer>> grid = new List<List<Integer>>{new List<Integer>{1, 2}, new List<Integer>{3}}; System.debug(grid[0][1] + grid[1][0]); System.debug(grid);',
    debug: ['5', '((1, 2), (3))']
  },
  {
    name: 'a Set prints as {element}',
    source: DOCS.sets,
    apex: "Set<String> s = new Set<String>{'only'}; System.debug(s);",
    debug: ['{only}'],
    note: 'The docs do not show how a Set prints; System.debug prints {a, b}.'
  }
];
