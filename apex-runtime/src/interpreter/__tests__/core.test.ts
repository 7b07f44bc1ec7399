import { runApex } from './harness';

describe('the interpreter core', () => {
  it('runs arithmetic and prints with System.debug', () => {
    expect(runApex('Integer x = 1 + 2 * 3; System.debug(x);').debug).toEqual(['7']);
  });

  it('wraps Integer overflow at 32 bits', () => {
    expect(runApex('Integer x = 2147483647; x++; System.debug(x);').debug).toEqual(['-2147483648']);
  });

  it('calls static and instance methods of a class', () => {
    const result = runApex("System.debug(new Greeter('Ada').greet());", {
      Greeter: `public class Greeter {
        private String name;
        public Greeter(String name) { this.name = name; }
        public String greet() { return prefix() + name; }
        private static String prefix() { return 'Hello, '; }
      }`
    });
    expect(result.debug).toEqual(['Hello, Ada']);
  });

  it('throws a NullPointerException with its line', () => {
    const result = runApex('String s;\nInteger n = s.length();');
    expect(result.error).toBe('System.NullPointerException: Attempt to de-reference a null object');
    expect(result.line).toBe(2);
  });

  it('catches a custom exception', () => {
    const result = runApex(
      "try { throw new Oops.BadThingException('no'); } catch (Oops.BadThingException e) { System.debug(e.getMessage() + ' ' + e.getTypeName()); }",
      { Oops: 'public class Oops { public class BadThingException extends Exception {} }' }
    );
    expect(result.debug).toEqual(['no Oops.BadThingException']);
  });

  it('iterates lists, sets and maps', () => {
    const result = runApex(`
      List<Integer> xs = new List<Integer>{ 3, 1, 2 };
      xs.sort();
      Set<String> seen = new Set<String>();
      Map<String, Integer> counts = new Map<String, Integer>();
      for (Integer x : xs) { seen.add('n' + x); counts.put('n' + x, x * 10); }
      System.debug(xs);
      System.debug(seen.contains('n2'));
      System.debug(counts.get('n3'));
    `);
    expect(result.debug).toEqual(['(1, 2, 3)', 'true', '30']);
  });

  it('dispatches virtual methods and super calls', () => {
    const result = runApex('Base b = new Child(); System.debug(b.name());', {
      Base: "public virtual class Base { public virtual String name() { return 'base'; } }",
      Child:
        "public class Child extends Base { public override String name() { return 'child of ' + super.name(); } }"
    });
    expect(result.debug).toEqual(['child of base']);
  });
});
