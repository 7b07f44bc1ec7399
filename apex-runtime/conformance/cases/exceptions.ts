/** Exceptions: throw, try/catch/finally, custom exception classes, the methods every exception has. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const MY_EXCEPTION = { MyException: 'public class MyException extends Exception {}' };

const THROWER = `public class Thrower {
  public static void fail() {
    throw new MyException('failed here');
  }
  public static String withFinally() {
    try {
      return 'from try';
    } finally {
      System.debug('finally runs before the return completes');
    }
  }
  public static Integer depth(Integer n) {
    return n == 0 ? 1 / n : depth(n - 1);
  }
}`;

export const exceptionCases: readonly ConformanceCase[] = [
  {
    name: 'a custom exception is thrown and caught with its message',
    source: DOCS.customExceptions,
    apex: "try {\n  throw new MyException('Something went wrong');\n} catch (MyException e) {\n  System.debug(e.getMessage());\n}",
    classes: MY_EXCEPTION,
    debug: ['Something went wrong']
  },
  {
    name: 'an uncaught custom exception ends the transaction with its type and message',
    source: DOCS.customExceptions,
    apex: "System.debug('before');\nthrow new MyException('unhandled');",
    classes: MY_EXCEPTION,
    debug: ['before'],
    error: 'MyException: unhandled',
    line: 2
  },
  {
    name: 'getTypeName names a custom exception by its class and a built-in one with System.',
    source: DOCS.exceptionClass,
    apex: "try { throw new MyException('x'); } catch (Exception e) { System.debug(e.getTypeName()); }\ntry { Integer i = 1 / 0; } catch (Exception e) { System.debug(e.getTypeName()); }",
    classes: MY_EXCEPTION,
    debug: ['MyException', 'System.MathException']
  },
  {
    name: 'an inner exception class is named Outer.Inner',
    source: DOCS.customExceptions,
    apex: "try { throw new Outer.InnerException('x'); } catch (Outer.InnerException e) { System.debug(e.getTypeName()); }",
    classes: { Outer: 'public class Outer { public class InnerException extends Exception {} }' },
    debug: ['Outer.InnerException']
  },
  {
    name: 'a custom exception has the constructors (), (message), (cause) and (message, cause)',
    source: DOCS.customExceptions,
    apex: "MyException cause = new MyException('root');\nMyException a = new MyException();\nMyException b = new MyException('msg');\nMyException c = new MyException(cause);\nMyException d = new MyException('outer', cause);\nSystem.debug(a.getCause());\nSystem.debug(b.getMessage());\nSystem.debug(c.getCause().getMessage());\nSystem.debug(d.getMessage() + ' <- ' + d.getCause().getMessage());",
    classes: MY_EXCEPTION,
    debug: ['null', 'msg', 'root', 'outer <- root']
  },
  {
    name: 'the cause is kept when an exception is wrapped and rethrown',
    source: DOCS.exceptionClass,
    apex: "try {\n  try {\n    Integer i = 1 / 0;\n  } catch (MathException e) {\n    throw new MyException('wrapped', e);\n  }\n} catch (MyException e) {\n  System.debug(e.getMessage() + ': ' + e.getCause().getTypeName() + ': ' + e.getCause().getMessage());\n}",
    classes: MY_EXCEPTION,
    debug: ['wrapped: System.MathException: Divide by 0']
  },
  {
    name: 'setMessage replaces the message',
    source: DOCS.exceptionClass,
    apex: "MyException e = new MyException('first'); e.setMessage('second'); System.debug(e.getMessage());",
    classes: MY_EXCEPTION,
    debug: ['second']
  },
  {
    name: 'finally runs after try when nothing is thrown',
    source: DOCS.exceptionStatements,
    apex: "try { System.debug('try'); } catch (Exception e) { System.debug('catch'); } finally { System.debug('finally'); } System.debug('after');",
    debug: ['try', 'finally', 'after']
  },
  {
    name: 'finally runs after catch when an exception is caught',
    source: DOCS.exceptionStatements,
    apex: "try { System.debug('try'); Integer i = 1 / 0; System.debug('not reached'); } catch (MathException e) { System.debug('catch'); } finally { System.debug('finally'); } System.debug('after');",
    debug: ['try', 'catch', 'finally', 'after']
  },
  {
    name: 'finally runs when the exception is not caught, then the exception propagates',
    source: DOCS.exceptionStatements,
    apex: "try {\n  System.debug('try');\n  Integer i = 1 / 0;\n} catch (ListException e) {\n  System.debug('wrong catch');\n} finally {\n  System.debug('finally');\n}\nSystem.debug('not reached');",
    debug: ['try', 'finally'],
    error: 'System.MathException: Divide by 0',
    line: 3
  },
  {
    name: 'finally runs before a return in try completes',
    source: DOCS.exceptionStatements,
    apex: 'System.debug(Thrower.withFinally());',
    classes: { ...MY_EXCEPTION, Thrower: THROWER },
    debug: ['finally runs before the return completes', 'from try']
  },
  {
    name: 'only the first matching catch block runs',
    source: DOCS.exceptionStatements,
    apex: "try { List<Integer> l = new List<Integer>(); Integer i = l[3]; } catch (ListException e) { System.debug('list'); } catch (Exception e) { System.debug('generic'); }",
    debug: ['list']
  },
  {
    name: 'catch (Exception e) catches every catchable exception',
    source: DOCS.exceptionStatements,
    apex: 'try { String s; s.length(); } catch (Exception e) { System.debug(e.getTypeName()); }',
    debug: ['System.NullPointerException']
  },
  {
    name: 'a catch of a superclass of custom exceptions catches the subclass',
    source: DOCS.customExceptions,
    apex: "try { throw new SpecificException('specific'); } catch (BaseException e) { System.debug(e.getTypeName() + ' ' + e.getMessage()); }",
    classes: {
      BaseException: 'public virtual class BaseException extends Exception {}',
      SpecificException: 'public class SpecificException extends BaseException {}'
    },
    debug: ['SpecificException specific']
  },
  {
    name: 'an exception thrown in a catch block runs finally and propagates',
    source: DOCS.exceptionStatements,
    apex: "try {\n  Integer i = 1 / 0;\n} catch (MathException e) {\n  throw new MyException('from catch');\n} finally {\n  System.debug('finally');\n}",
    classes: MY_EXCEPTION,
    debug: ['finally'],
    error: 'MyException: from catch',
    line: 4
  },
  {
    name: 'exceptions propagate through method calls to the nearest matching catch',
    source: DOCS.exceptionStatements,
    apex: "try { Thrower.fail(); System.debug('not reached'); } catch (MyException e) { System.debug('caught: ' + e.getMessage()); }",
    classes: { ...MY_EXCEPTION, Thrower: THROWER },
    debug: ['caught: failed here']
  },
  {
    name: 'getLineNumber is the line of the throw',
    source: DOCS.exceptionClass,
    apex: 'try { Thrower.fail(); } catch (MyException e) { System.debug(e.getLineNumber()); }',
    classes: { ...MY_EXCEPTION, Thrower: THROWER },
    debug: ['3']
  },
  {
    name: 'getLineNumber of a platform exception is the line of the failing statement',
    source: DOCS.exceptionClass,
    apex: 'try {\n  Integer a = 1;\n  Integer b = a / 0;\n} catch (MathException e) {\n  System.debug(e.getLineNumber());\n}',
    debug: ['3']
  },
  {
    name: 'getStackTraceString lists the frames, innermost first',
    source: DOCS.exceptionClass,
    apex: "try {\n  Thrower.depth(2);\n} catch (MathException e) {\n  for (String frame : e.getStackTraceString().split('\\n')) System.debug(frame.substringBefore(', column'));\n}",
    classes: { ...MY_EXCEPTION, Thrower: THROWER },
    debug: [
      'Class.Thrower.depth: line 13',
      'Class.Thrower.depth: line 13',
      'Class.Thrower.depth: line 13',
      'AnonymousBlock: line 2'
    ],
    note: 'The page says the stack trace is returned as a String; its lines read "Class.<class>.<method>: line N, column M" as in debug logs (columns are not pinned).'
  },
  {
    name: 'an exception object prints as its type and message',
    source: DOCS.customExceptions,
    apex: "MyException e = new MyException('printed'); System.debug(e); System.debug('' + e);",
    classes: MY_EXCEPTION,
    debug: ['MyException: printed', 'MyException: printed'],
    note: 'The page\'s example logs a caught exception\'s cause as "System.DmlException: Insert failed..." by concatenation.'
  },
  {
    name: 'a LimitException cannot be caught and skips finally',
    source: DOCS.exceptionStatements,
    apex: "try {\n  Looper.forever();\n} catch (Exception e) {\n  System.debug('caught');\n} finally {\n  System.debug('finally');\n}",
    classes: {
      Looper: 'public class Looper { public static Integer forever() { return forever(); } }'
    },
    error: /^System\.LimitException: Maximum stack depth reached/,
    note: 'The page: exceptions that cannot be caught run neither catch nor finally blocks.'
  },
  {
    name: 'a failed assertion throws an AssertException that cannot be caught',
    source: DOCS.exceptionStatements,
    apex: "try {\n  System.assert(false, 'boom');\n} catch (Exception e) {\n  System.debug('caught');\n}",
    error: 'System.AssertException: Assertion Failed: boom',
    line: 2,
    note: 'The page lists assertion failures among the exceptions that cannot be caught.'
  },
  {
    name: 'System.assertEquals reports the expected and actual values',
    source: DOCS.systemClass,
    apex: "System.assertEquals(1, 2, 'numbers differ');",
    error: 'System.AssertException: Assertion Failed: numbers differ: Expected: 1, Actual: 2',
    note: 'The page says a failed assertEquals halts execution; the message format is the one orgs print.'
  },
  {
    name: 'Assert.areEqual compares Strings case-sensitively',
    source: DOCS.assertClass,
    apex: "Assert.areEqual('abc', 'ABC');",
    error: 'System.AssertException: Assertion Failed: Expected: abc, Actual: ABC',
    note: 'Assert.areEqual uses equals, not ==; the message format is the one orgs print.'
  },
  {
    name: 'Assert.fail throws an AssertException with the message',
    source: DOCS.assertClass,
    apex: "Assert.fail('should not get here');",
    error: 'System.AssertException: Assertion Failed: should not get here'
  },
  {
    name: 'a built-in exception can be thrown by the code',
    source: DOCS.exceptionClass,
    apex: "try { throw new IllegalArgumentException('bad input'); } catch (IllegalArgumentException e) { System.debug(e.getTypeName() + ': ' + e.getMessage()); }",
    debug: ['System.IllegalArgumentException: bad input']
  },
  {
    name: 'an exception is an instance of its superclasses',
    source: DOCS.customExceptions,
    apex: "Exception e = new MyException('x'); System.debug(e instanceof MyException); System.debug(e instanceof Exception); System.debug(e instanceof MathException);",
    classes: MY_EXCEPTION,
    debug: ['true', 'true', 'false']
  },
  {
    name: 'a custom exception can have its own fields and constructor',
    source: DOCS.customExceptions,
    apex: "try { throw new CodedException(42, 'coded'); } catch (CodedException e) { System.debug(e.code + ' ' + e.getMessage()); }",
    classes: {
      CodedException:
        'public class CodedException extends Exception { public Integer code; public CodedException(Integer code, String message) { this(message); this.code = code; } }'
    },
    debug: ['42 coded']
  }
];
