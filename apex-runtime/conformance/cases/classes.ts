/**
 * Classes: inheritance, virtual and abstract methods, interfaces, static and instance
 * initialisation, properties, constructors, inner classes, overloads, toString.
 */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const MARKERS = {
  Marker: `public virtual class Marker {
    public virtual void write() { System.debug('Marker.write'); }
    public virtual Double discount() { return 0.05; }
  }`,
  YellowMarker: `public class YellowMarker extends Marker {
    public override void write() { System.debug('Yellow marker writes in yellow'); }
  }`,
  RedMarker: `public class RedMarker extends Marker {
    public override void write() { System.debug('Red marker writes in red'); }
    public Double computePrice() { return 1.5; }
  }`
};

const SHAPES = {
  Shape: `public abstract class Shape {
    public abstract Decimal area();
    public String describe() { return name() + ' of area ' + area(); }
    protected virtual String name() { return 'shape'; }
  }`,
  Rectangle: `public class Rectangle extends Shape {
    Decimal w; Decimal h;
    public Rectangle(Decimal w, Decimal h) { this.w = w; this.h = h; }
    public override Decimal area() { return w * h; }
    protected override String name() { return 'rectangle'; }
  }`
};

const STATIC_COUNTER = `public class Counter {
  public static Integer instances = 0;
  public static Integer initialisations = 0;
  public static final String PREFIX;
  static {
    initialisations++;
    PREFIX = 'n';
  }
  public Integer id;
  public Counter() { instances++; id = instances; }
  public static String label(Integer n) { return PREFIX + n; }
}`;

const INIT_ORDER = `public class InitOrder {
  static Integer a = 1;
  static { a = a + 10; }
  static Integer b = a * 2;
  public static Integer b() { return b; }
  public String log = 'field';
  { log += ' block'; }
  public InitOrder() { log += ' constructor'; }
}`;

const CHAIN = {
  Base: `public virtual class Base {
    public String trail = '';
    public Base() { trail += 'Base() '; }
    public Base(String s) { trail += 'Base(' + s + ') '; }
  }`,
  Derived: `public class Derived extends Base {
    public Derived() { this('default'); trail += 'Derived() '; }
    public Derived(String s) { super(s); trail += 'Derived(' + s + ') '; }
    public Derived(Integer i) { trail += 'Derived(Integer) '; }
  }`
};

const TEST_OBJECT = `public class TestObject2 {
  private static final Integer DEFAULT_SIZE = 10;
  public Integer size;
  public TestObject2() { this(DEFAULT_SIZE); }
  public TestObject2(Integer objectSize) { size = objectSize; }
}`;

const PROPERTIES = `public class Props {
  public Integer auto { get; set; }
  public Integer readOnly { get; private set; }
  public Integer reads = 0;
  public String computed { get { reads++; return 'value ' + reads; } }
  public Integer positive {
    get;
    set { if (value < 0) value = 0; positive = value; }
  }
  public static String shared { get; set; }
  public Props() { readOnly = 7; }
}`;

const OVERLOADS = `public class Overloads {
  public static String kind(Integer i) { return 'Integer'; }
  public static String kind(String s) { return 'String'; }
  public static String kind(Decimal d) { return 'Decimal'; }
  public static String kind(Object o) { return 'Object'; }
  public static String kind(Boolean b) { return 'Boolean'; }
  public static String kind(Integer a, Integer b) { return 'two Integers'; }
}`;

const OUTER = `public class Outer {
  private static String secret = 'outer static';
  public class Inner {
    public String reveal() { return secret; }
  }
  public interface Greeter { String greet(String name); }
  public class Polite implements Greeter {
    public String greet(String name) { return 'Good day, ' + name; }
  }
  public static Greeter make() { return new Polite(); }
}`;

export const classCases: readonly ConformanceCase[] = [
  {
    name: 'an override replaces the virtual method of the superclass',
    source: DOCS.extendingClasses,
    apex: 'Marker obj1, obj2;\nobj1 = new YellowMarker();\nobj1.write();\nobj2 = new RedMarker();\nobj2.write();\nSystem.debug(obj2.discount());',
    classes: MARKERS,
    debug: ['Yellow marker writes in yellow', 'Red marker writes in red', '0.05']
  },
  {
    name: 'a subclass adds methods to those it inherits',
    source: DOCS.extendingClasses,
    apex: 'RedMarker obj = new RedMarker(); System.debug(obj.computePrice()); System.debug(obj.discount());',
    classes: MARKERS,
    debug: ['1.5', '0.05']
  },
  {
    name: 'super.method() calls the superclass implementation',
    source: DOCS.superKeyword,
    apex: 'System.debug(new Child().greet());',
    classes: {
      Parent: "public virtual class Parent { public virtual String greet() { return 'parent'; } }",
      Child:
        "public class Child extends Parent { public override String greet() { return 'child then ' + super.greet(); } }"
    },
    debug: ['child then parent']
  },
  {
    name: 'an abstract method is implemented by the subclass and called from the abstract class',
    source: DOCS.extendingClasses,
    apex: 'Shape s = new Rectangle(2, 3.5); System.debug(s.describe());',
    classes: SHAPES,
    debug: ['rectangle of area 7.0']
  },
  {
    name: 'a class implementing an interface is used through the interface',
    source: DOCS.interfaces,
    apex: "List<Outer.Greeter> greeters = new List<Outer.Greeter>{ Outer.make() };\nfor (Outer.Greeter g : greeters) System.debug(g.greet('Ada'));",
    classes: { Outer: OUTER },
    debug: ['Good day, Ada']
  },
  {
    name: 'an interface can extend another interface',
    source: DOCS.interfaces,
    apex: "Named n = new Person(); System.debug(n instanceof Identified); System.debug(n.name() + ' ' + ((Identified) n).id());",
    classes: {
      Identified: 'public interface Identified { Integer id(); }',
      Named: 'public interface Named extends Identified { String name(); }',
      Person:
        "public class Person implements Named { public Integer id() { return 7; } public String name() { return 'Ada'; } }"
    },
    debug: ['true', 'Ada 7']
  },
  {
    name: 'a static initialiser runs once, before the class is first used',
    source: DOCS.staticAndInstance,
    apex: "System.debug(Counter.initialisations);\nnew Counter(); new Counter();\nSystem.debug(Counter.initialisations + ' ' + Counter.instances);\nSystem.debug(Counter.label(3));",
    classes: { Counter: STATIC_COUNTER },
    debug: ['1', '1 2', 'n3']
  },
  {
    name: 'a static variable is shared by every instance',
    source: DOCS.staticAndInstance,
    apex: "Counter a = new Counter(); Counter b = new Counter(); System.debug(a.id + ' ' + b.id + ' ' + Counter.instances);",
    classes: { Counter: STATIC_COUNTER },
    debug: ['1 2 2']
  },
  {
    name: 'static variables and static blocks initialise in the order they appear',
    source: DOCS.staticAndInstance,
    apex: 'System.debug(InitOrder.b());',
    classes: { InitOrder: INIT_ORDER },
    debug: ['22']
  },
  {
    name: 'instance initialisers run in order before the constructor body',
    source: DOCS.staticAndInstance,
    apex: 'System.debug(new InitOrder().log);',
    classes: { InitOrder: INIT_ORDER },
    debug: ['field block constructor']
  },
  {
    name: 'static variables start again in each transaction',
    source: DOCS.staticAndInstance,
    apex: 'new Counter(); new Counter(); new Counter(); System.debug(Counter.instances);',
    classes: { Counter: STATIC_COUNTER },
    debug: ['3'],
    note: 'Each case is a transaction of its own: the count starts from the initialiser, not from another case.'
  },
  {
    name: 'this(...) calls another constructor of the class',
    source: DOCS.constructors,
    apex: 'System.debug(new TestObject2().size); System.debug(new TestObject2(52).size);',
    classes: { TestObject2: TEST_OBJECT },
    debug: ['10', '52']
  },
  {
    name: 'constructors chain through this(...) and super(...) and run the superclass first',
    source: DOCS.constructors,
    apex: 'System.debug(new Derived().trail.trim()); System.debug(new Derived(1).trail.trim());',
    classes: CHAIN,
    debug: ['Base(default) Derived(default) Derived()', 'Base() Derived(Integer)'],
    note: 'A constructor without this(...) or super(...) calls the superclass constructor with no arguments first.'
  },
  {
    name: 'the constructor is chosen by the argument types',
    source: DOCS.constructors,
    apex: "System.debug(new Ctor(1).kind); System.debug(new Ctor('a').kind); System.debug(new Ctor().kind);",
    classes: {
      Ctor: "public class Ctor { public String kind; public Ctor() { kind = 'none'; } public Ctor(Integer i) { kind = 'Integer'; } public Ctor(String s) { kind = 'String'; } }"
    },
    debug: ['Integer', 'String', 'none']
  },
  {
    name: 'a class without a constructor has a public no-argument one',
    source: DOCS.constructors,
    apex: 'Plain p = new Plain(); System.debug(p.value);',
    classes: { Plain: "public class Plain { public String value = 'default'; }" },
    debug: ['default']
  },
  {
    name: 'this.field distinguishes a field from a parameter of the same name',
    source: DOCS.thisKeyword,
    apex: "System.debug(new Named('Ada').name);",
    classes: {
      Named:
        'public class Named { public String name; public Named(String name) { this.name = name; } }'
    },
    debug: ['Ada']
  },
  {
    name: 'an automatic property stores and returns its value',
    source: DOCS.properties,
    apex: 'Props p = new Props(); p.auto = 5; System.debug(p.auto); System.debug(p.readOnly);',
    classes: { Props: PROPERTIES },
    debug: ['5', '7']
  },
  {
    name: 'a get accessor runs on every read',
    source: DOCS.properties,
    apex: 'Props p = new Props(); System.debug(p.computed); System.debug(p.computed); System.debug(p.reads);',
    classes: { Props: PROPERTIES },
    debug: ['value 1', 'value 2', '2']
  },
  {
    name: 'a set accessor receives the assigned value as value',
    source: DOCS.properties,
    apex: 'Props p = new Props(); p.positive = -4; System.debug(p.positive); p.positive = 9; System.debug(p.positive);',
    classes: { Props: PROPERTIES },
    debug: ['0', '9']
  },
  {
    name: 'a static property is shared',
    source: DOCS.properties,
    apex: "Props.shared = 'one'; System.debug(Props.shared);",
    classes: { Props: PROPERTIES },
    debug: ['one']
  },
  {
    name: 'the overload is chosen by the argument types',
    source: DOCS.classDefinition,
    apex: "System.debug(Overloads.kind(1)); System.debug(Overloads.kind('s')); System.debug(Overloads.kind(1.5)); System.debug(Overloads.kind(Date.today())); System.debug(Overloads.kind(1, 2)); System.debug(Overloads.kind(1 == 1)); System.debug(Overloads.kind(2 > 1));",
    classes: { Overloads: OVERLOADS },
    debug: ['Integer', 'String', 'Decimal', 'Object', 'two Integers', 'Boolean', 'Boolean'],
    note: 'The page says overloads differ in their parameters; the most specific one is called, as in Java.'
  },
  {
    name: 'the overload is chosen among the methods of the declared type, then the override runs',
    source: DOCS.extendingClasses,
    apex: "Base4 b = new Derived4(); System.debug(b.process('text')); Derived4 d = new Derived4(); System.debug(d.process('text'));",
    classes: {
      Base4:
        "public virtual class Base4 { public virtual String process(Object o) { return 'base object'; } }",
      Derived4:
        "public class Derived4 extends Base4 { public override String process(Object o) { return 'derived object'; } public String process(String s) { return 'derived string'; } }"
    },
    debug: ['derived object', 'derived string'],
    note: 'The page describes overriding; which overload a call names is decided by the compiler from the declared type (Base4 has only process(Object)), as in Java.'
  },
  {
    name: 'an inner class reaches the static members of its outer class',
    source: DOCS.classDefinition,
    apex: 'Outer.Inner i = new Outer.Inner(); System.debug(i.reveal());',
    classes: { Outer: OUTER },
    debug: ['outer static']
  },
  {
    name: 'a class declared toString is used when an object is printed or concatenated',
    source: DOCS.classDefinition,
    apex: "Point p = new Point(); System.debug(p); System.debug('at ' + p);",
    classes: {
      Point: "public class Point { public override String toString() { return '(1, 2)'; } }"
    },
    debug: ['(1, 2)', 'at (1, 2)'],
    note: 'The docs do not describe it; System.debug and concatenation call a toString() the class declares.'
  },
  {
    name: 'anonymous Apex can declare its own methods',
    source: DOCS.classDefinition,
    apex: 'Integer twice(Integer n) { return n * 2; }\nSystem.debug(twice(21));',
    debug: ['42'],
    note: 'Anonymous Apex may declare methods, which it calls like static methods.'
  },
  {
    name: 'a recursive method',
    source: DOCS.classDefinition,
    apex: 'System.debug(MathUtil.factorial(10));',
    classes: {
      MathUtil:
        'public class MathUtil { public static Long factorial(Integer n) { return n <= 1 ? 1 : n * factorial(n - 1); } }'
    },
    debug: ['3628800']
  },
  {
    name: 'arguments are passed by value: reassigning a parameter does not change the caller',
    source: DOCS.classDefinition,
    apex: "List<String> l = new List<String>{'a'}; Params.reassign(l); System.debug(l); Params.append(l); System.debug(l);",
    classes: {
      Params:
        "public class Params { public static void reassign(List<String> l) { l = new List<String>{'other'}; } public static void append(List<String> l) { l.add('b'); } }"
    },
    debug: ['(a)', '(a, b)']
  },
  {
    name: 'a virtual class can be instantiated; an override calls the subclass from a superclass method',
    source: DOCS.extendingClasses,
    apex: 'System.debug(new Greeting().say()); System.debug(new LoudGreeting().say());',
    classes: {
      Greeting:
        "public virtual class Greeting { public String say() { return word() + '!'; } public virtual String word() { return 'hello'; } }",
      LoudGreeting:
        "public class LoudGreeting extends Greeting { public override String word() { return 'HELLO'; } }"
    },
    debug: ['hello!', 'HELLO!']
  },
  {
    name: 'a local variable hides a class of the same name',
    source: DOCS.staticAndInstance,
    apex: "String Counter = 'local'; System.debug(Counter.length());",
    classes: { Counter: STATIC_COUNTER },
    debug: ['5']
  },
  {
    name: 'identifiers are case-insensitive',
    source: DOCS.classDefinition,
    apex: 'INTEGER Count = 1; count++; SYSTEM.DEBUG(COUNT); System.debug(counter.INSTANCES);',
    classes: { Counter: STATIC_COUNTER },
    debug: ['2', '0'],
    note: 'Apex names are case-insensitive: variables, types, methods and classes.'
  }
];
