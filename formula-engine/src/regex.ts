import { RE2JS } from 're2js';

/**
 * REGEX runs on RE2 (the npm package `re2js`, a pure-JavaScript port), which matches in time
 * linear in the text: no pattern can backtrack catastrophically (`REGEX("aaaa...!", "(a+)+b")`
 * blocked the process for seconds with JavaScript's RegExp). Salesforce's REGEX uses Java's
 * syntax (Salesforce Help, "REGEX"); RE2 reads the same syntax except the constructs that need
 * backtracking, which fail with a message naming them: backreferences (`\1`, `\k<name>`),
 * lookahead and lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`), atomic groups (`(?>`), possessive
 * quantifiers (`a*+`) and character class intersection (`[a-z&&[^b]]`), plus what RE2 itself
 * refuses (e.g. a repeat count over 1,000). The whole text must match, as Java's
 * Matcher.matches().
 */
export type RegexMatcher = (text: string) => boolean;

const cache = new Map<string, RegexMatcher | string>();

/**
 * A whole-text matcher for `pattern`, or `fail(message)` (which throws) when the pattern is not
 * valid or uses a construct RE2 cannot run.
 */
export function compileRegex(pattern: string, fail: (message: string) => never): RegexMatcher {
  let entry = cache.get(pattern);
  if (entry === undefined) {
    entry = build(pattern);
    if (cache.size > 500) cache.clear();
    cache.set(pattern, entry);
  }
  return typeof entry === 'string' ? fail(entry) : entry;
}

function build(pattern: string): RegexMatcher | string {
  const unsupported = findUnsupported(pattern);
  if (unsupported !== null) {
    return `${unsupported} is not supported: the engine matches in linear time (RE2), which has no backtracking`;
  }
  try {
    const compiled = RE2JS.compile(pattern);
    return (text) => compiled.matches(text);
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : '';
    return `the regular expression is not valid${detail === '' ? '' : ` (${detail})`}`;
  }
}

/** Names the first Java-only construct in `pattern`, or null; escapes and classes are skipped. */
export function findUnsupported(pattern: string): string | null {
  let classDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        if (end < 0) return null;
        i = end + 1;
        continue;
      }
      if (classDepth === 0 && next >= '1' && next <= '9') return `The backreference \\${next}`;
      if (classDepth === 0 && next === 'k' && pattern[i + 2] === '<') {
        return 'The named backreference \\k<...>';
      }
      i++;
      continue;
    }
    if (classDepth > 0) {
      if (c === '[') classDepth++;
      else if (c === ']') classDepth--;
      else if (c === '&' && pattern[i + 1] === '&') return 'Character class intersection (&&)';
      continue;
    }
    if (c === '[') {
      classDepth = 1;
      // A ']' right after '[' or '[^' is a literal.
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith('=')) return 'Lookahead (?=...)';
      if (rest.startsWith('!')) return 'Negative lookahead (?!...)';
      if (rest === '<=') return 'Lookbehind (?<=...)';
      if (rest === '<!') return 'Negative lookbehind (?<!...)';
      if (rest.startsWith('>')) return 'The atomic group (?>...)';
      continue;
    }
    if ((c === '*' || c === '+' || c === '?' || c === '}') && pattern[i + 1] === '+') {
      return `The possessive quantifier ${c}+`;
    }
  }
  return null;
}
