import { ApexRuntimeError, NotSupportedOfflineError } from '../apexErrors';
import {
  compileJavaRegex,
  javaReplaceAll,
  javaReplaceFirst,
  javaSplit,
  JavaMatcher,
  matchesWhole,
  quote
} from '../javaRegex';

// java.util.regex.Pattern and String.split, which Apex's split, replaceAll and Pattern use
// (Apex Reference, "Pattern Class": "Apex uses Java's regular expression engine").
describe('Java regular expressions', () => {
  describe('split', () => {
    it('drops trailing empty strings with limit 0', () => {
      expect(javaSplit('a,b,,', ',')).toEqual(['a', 'b']);
    });

    it('keeps leading and inner empty strings', () => {
      expect(javaSplit(',a,,b', ',')).toEqual(['', 'a', '', 'b']);
    });

    it('keeps trailing empty strings with a negative limit', () => {
      expect(javaSplit('a,b,,', ',', -1)).toEqual(['a', 'b', '', '']);
    });

    it('stops at limit - 1 splits', () => {
      expect(javaSplit('a,b,c,d', ',', 2)).toEqual(['a', 'b,c,d']);
    });

    it('returns the input when nothing matches, even an empty one', () => {
      expect(javaSplit('abc', ';')).toEqual(['abc']);
      expect(javaSplit('', ',')).toEqual(['']);
    });

    it('treats the separator as a regex: a dot matches every character', () => {
      expect(javaSplit('a.b', '.')).toEqual([]);
      expect(javaSplit('a.b', '\\.')).toEqual(['a', 'b']);
    });

    it('splits into characters without a leading empty string (Java 8 and later)', () => {
      expect(javaSplit('abc', '')).toEqual(['a', 'b', 'c']);
    });

    it('splits on Java whitespace, which is ASCII only', () => {
      expect(javaSplit('a b\u00a0c', '\\s')).toEqual(['a', 'b\u00a0c']);
    });
  });

  describe('replace', () => {
    it('replaces every match with group references', () => {
      expect(javaReplaceAll('2026-12-03', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1')).toBe('03/12/2026');
    });

    it('reads named groups as ${name}', () => {
      expect(
        javaReplaceAll('John Smith', '(?<first>\\w+) (?<last>\\w+)', '${last}, ${first}')
      ).toBe('Smith, John');
    });

    it('quotes with a backslash in the replacement', () => {
      expect(javaReplaceAll('price', 'price', '\\$5')).toBe('$5');
    });

    it('raises System.StringException for a group that does not exist', () => {
      expect(() => javaReplaceAll('abc', 'b', '$2')).toThrow(ApexRuntimeError);
      expect(() => javaReplaceAll('abc', 'b', '$2')).toThrow('No group 2');
    });

    it('replaces empty matches between every character', () => {
      expect(javaReplaceAll('abc', 'x*', '-')).toBe('-a-b-c-');
    });

    it('replaces only the first match with replaceFirst', () => {
      expect(javaReplaceFirst('a1b2', '\\d', '#')).toBe('a#b2');
    });
  });

  describe('matches', () => {
    it('requires the whole input to match, trying every alternative', () => {
      expect(matchesWhole('a|ab', 'ab')).toBe(true);
      expect(matchesWhole('\\d+', '12a')).toBe(false);
    });

    it('lets a leading (?i) ignore case', () => {
      expect(matchesWhole('(?i)hello', 'HeLLo')).toBe(true);
    });

    it('reads POSIX classes', () => {
      expect(matchesWhole('\\p{Upper}\\p{Lower}+', 'Hello')).toBe(true);
    });

    it('reads Unicode categories', () => {
      expect(matchesWhole('\\p{L}+', 'Ærø')).toBe(true);
    });

    it('keeps . from matching a line terminator, U+0085 included', () => {
      expect(matchesWhole('a.b', 'a\u0085b')).toBe(false);
      expect(matchesWhole('(?s)a.b', 'a\nb')).toBe(true);
    });

    it('lets $ match before a final line terminator, as Java does', () => {
      const matcher = new JavaMatcher(compileJavaRegex('end$'), 'the end\n');
      expect(matcher.find()).toBe(true);
    });

    it('reads a dash next to a set inside a class as a literal, as Java does', () => {
      expect(matchesWhole('[\\w-.]+', 'a-b.c')).toBe(true);
      expect(matchesWhole('[\\s-x]+', ' -x')).toBe(true);
      expect(matchesWhole('[\\s-x]+', 'm')).toBe(false);
    });

    // A pattern of the kind Apex code validates email addresses with: $ and ^ inside a class.
    it('compiles a typical Apex email pattern', () => {
      const email = '^[a-zA-Z0-9._|\\\\%#~`=?&/$^*!}{+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,4}$';
      expect(matchesWhole(email, 'jane.doe@example.com')).toBe(true);
      expect(matchesWhole(email, 'not an email')).toBe(false);
    });

    it('reads \\Q...\\E as literal text', () => {
      expect(matchesWhole(quote('1+1=2'), '1+1=2')).toBe(true);
    });
  });

  describe('unsupported and invalid patterns', () => {
    it.each([
      ['a++', 'possessive quantifier'],
      ['(?>a)', 'atomic group'],
      ['[a-z&&[^e]]', 'character class intersection'],
      ['[a[b]]', 'character class union'],
      ['\\p{javaLowerCase}', '\\p{javaLowerCase}'],
      ['a(?i)b', 'embedded flag group'],
      ['\\Ga', '\\G']
    ])('fails loudly for %s', (pattern, what) => {
      expect(() => compileJavaRegex(pattern)).toThrow(NotSupportedOfflineError);
      expect(() => compileJavaRegex(pattern)).toThrow(what);
    });

    it('raises System.StringException: Invalid regex for a pattern Java refuses', () => {
      let error: unknown;
      try {
        compileJavaRegex('(a');
      } catch (caught) {
        error = caught;
      }
      expect((error as ApexRuntimeError).apexType).toBe('System.StringException');
      expect((error as ApexRuntimeError).message).toBe('Invalid regex: (a');
    });
  });

  // Apex Reference, "Matcher Class".
  describe('Matcher', () => {
    it('finds successive matches with their groups and positions', () => {
      const matcher = new JavaMatcher(compileJavaRegex('(\\w)(\\d)'), 'a1 b2');
      expect(matcher.find()).toBe(true);
      expect([matcher.group(), matcher.group(2), matcher.start(), matcher.end()]).toEqual([
        'a1',
        '1',
        0,
        2
      ]);
      expect(matcher.find()).toBe(true);
      expect(matcher.start(1)).toBe(3);
      expect(matcher.find()).toBe(false);
    });

    it('gives null for a group that did not take part', () => {
      const matcher = new JavaMatcher(compileJavaRegex('(a)|(b)'), 'b');
      matcher.find();
      expect([matcher.group(1), matcher.start(1)]).toEqual([null, -1]);
    });

    it('reads named groups', () => {
      const matcher = new JavaMatcher(compileJavaRegex('(?<year>\\d{4})'), 'in 2026');
      expect(matcher.find()).toBe(true);
      expect([matcher.group('year'), matcher.start('year')]).toEqual(['2026', 3]);
    });

    it('raises System.StringException: No match found before a match', () => {
      const matcher = new JavaMatcher(compileJavaRegex('x'), 'abc');
      expect(() => matcher.group()).toThrow('No match found');
    });

    it('matches the whole input or its beginning', () => {
      const matcher = new JavaMatcher(compileJavaRegex('\\d+'), '123abc');
      expect(matcher.matches()).toBe(false);
      expect(matcher.lookingAt()).toBe(true);
      expect(matcher.end()).toBe(3);
    });

    it('counts the groups', () => {
      expect(new JavaMatcher(compileJavaRegex('(a)(?:b)(?<c>c)'), '').groupCount()).toBe(2);
    });
  });
});
