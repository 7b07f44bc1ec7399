/** Governor limits the language itself meets: CPU time, call depth, and the Limits class. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const RECURSION = {
  Recursion: `public class Recursion {
    public static Integer calls = 0;
    public static Integer down(Integer n) { calls++; return down(n + 1); }
    public Integer viaInstance(Integer n) { return viaInstance(n + 1); }
  }`
};

export const limitCases: readonly ConformanceCase[] = [
  {
    name: 'an endless loop stops at the CPU time limit, which no catch or finally block sees',
    source: DOCS.governorLimits,
    apex: "Integer i = 0;\ntry {\n  while (true) { i++; }\n} catch (Exception e) {\n  System.debug('caught');\n} finally {\n  System.debug('finally');\n}",
    error: 'System.LimitException: Apex CPU time limit exceeded',
    note: 'The page sets the synchronous CPU limit at 10,000 ms and says a limit exception cannot be handled; the message is the one orgs print.',
    timeoutMs: 60_000
  },
  {
    name: 'recursion without end stops at the maximum stack depth',
    source: DOCS.governorLimits,
    apex: 'Recursion.down(0);',
    classes: RECURSION,
    error: 'System.LimitException: Maximum stack depth reached: 1001',
    note: 'The docs do not list the call depth; orgs stop the 1,001st nested call with this message (the anonymous block is the first frame).'
  },
  {
    name: 'recursion through instance methods stops the same way',
    source: DOCS.governorLimits,
    apex: 'new Recursion().viaInstance(0);',
    classes: RECURSION,
    error: 'System.LimitException: Maximum stack depth reached: 1001',
    note: 'As above.'
  },
  {
    name: 'the stack depth limit cannot be caught',
    source: DOCS.exceptionStatements,
    apex: "try { Recursion.down(0); } catch (Exception e) { System.debug('caught'); }\nSystem.debug('not reached');",
    classes: RECURSION,
    error: /^System\.LimitException: Maximum stack depth reached/
  },
  {
    name: 'Limits reports the synchronous limits of the transaction',
    source: DOCS.limitsClass,
    apex: 'System.debug(Limits.getLimitQueries()); System.debug(Limits.getLimitDmlStatements()); System.debug(Limits.getLimitCpuTime()); System.debug(Limits.getLimitQueryRows()); System.debug(Limits.getLimitDmlRows());',
    debug: ['100', '150', '10000', '50000', '10000'],
    note: 'The values are the per-transaction synchronous limits of "Execution Governors and Limits".'
  },
  {
    name: 'Limits counts nothing before any query or DML',
    source: DOCS.limitsClass,
    apex: 'System.debug(Limits.getQueries()); System.debug(Limits.getDmlStatements());',
    debug: ['0', '0']
  }
];
