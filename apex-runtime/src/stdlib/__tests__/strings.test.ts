import { ApexDecimal } from '../../values/decimal';
import { ApexDate } from '../../values/temporal';
import { ApexRuntimeError, NotSupportedOfflineError } from '../apexErrors';
import * as S from '../strings';

function apexError(run: () => unknown): ApexRuntimeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApexRuntimeError) return error;
    throw error;
  }
  throw new Error('expected an ApexRuntimeError');
}

// Apex Reference, "String Class". Examples quoted from the reference are marked so.
describe('String class', () => {
  describe('pieces', () => {
    it('takes substrings by start and end', () => {
      expect([S.substring('hamburger', 4, 8), S.substring('smiles', 1, 5)]).toEqual([
        'urge',
        'mile'
      ]);
      expect(S.substring('unhappy', 2)).toBe('happy');
    });

    it('raises System.StringException for a start past the end', () => {
      const error = apexError(() => S.substring('abc', 5));
      expect([error.apexType, error.message]).toEqual([
        'System.StringException',
        'Starting position out of bounds: 5'
      ]);
    });

    it('raises System.StringException for an end past the end', () => {
      expect(apexError(() => S.substring('abc', 1, 10)).message).toBe(
        'Ending position out of bounds: 10'
      );
    });

    it('takes left, right and mid safely', () => {
      expect([S.left('abcde', 3), S.left('ab', 5), S.left('ab', -1)]).toEqual(['abc', 'ab', '']);
      expect([S.right('abcde', 2), S.right('ab', 5)]).toEqual(['de', 'ab']);
      // String Class, mid: 'abc'.mid(-1, 2) is 'ab' (a negative start counts as 0).
      expect([S.mid('abcde', 1, 3), S.mid('abc', -1, 2), S.mid('abc', 4, 2)]).toEqual([
        'bcd',
        'ab',
        ''
      ]);
    });

    it('takes substrings before and after separators', () => {
      expect(S.substringBefore('key=value=x', '=')).toBe('key');
      expect(S.substringAfter('key=value=x', '=')).toBe('value=x');
      expect(S.substringBeforeLast('a.b.c', '.')).toBe('a.b');
      expect(S.substringAfterLast('a.b.c', '.')).toBe('c');
    });

    it('gives the whole string before a missing separator and nothing after it', () => {
      expect([S.substringBefore('abc', 'x'), S.substringAfter('abc', 'x')]).toEqual(['abc', '']);
    });

    it('takes the substring between tags', () => {
      expect(S.substringBetween('tagYellowtag', 'tag')).toBe('Yellow');
      expect(S.substringBetween('[a][b]', '[', ']')).toBe('a');
      expect(S.substringBetween('abc', '[', ']')).toBeNull();
    });

    // String Class, split: trailing empty strings are not included.
    it('splits on a regex and drops trailing empty strings', () => {
      expect(S.split('a,b,,', ',')).toEqual(['a', 'b']);
      expect(S.split('1.2.3', '\\.')).toEqual(['1', '2', '3']);
    });

    it('splits by character type', () => {
      expect(S.splitByCharacterType('ab de fg')).toEqual(['ab', ' ', 'de', ' ', 'fg']);
      expect(S.splitByCharacterType('foo200Bar')).toEqual(['foo', '200', 'B', 'ar']);
      expect(S.splitByCharacterTypeCamelCase('foo200Bar')).toEqual(['foo', '200', 'Bar']);
      expect(S.splitByCharacterTypeCamelCase('ASFRules')).toEqual(['ASF', 'Rules']);
    });
  });

  describe('searching', () => {
    it('finds substrings case-sensitively and ignoring case', () => {
      expect([S.contains('Hello', 'ell'), S.contains('Hello', 'ELL')]).toEqual([true, false]);
      expect(S.containsIgnoreCase('Hello', 'ELL')).toBe(true);
      expect([
        S.indexOf('abcabc', 'c'),
        S.indexOf('abcabc', 'c', 3),
        S.lastIndexOf('abcabc', 'c')
      ]).toEqual([2, 5, 5]);
      expect(S.indexOfIgnoreCase('Salesforce', 'FORCE')).toBe(5);
    });

    it('raises a NullPointerException for a null argument of a java.lang.String method', () => {
      expect(apexError(() => S.contains('abc', null)).apexType).toBe('System.NullPointerException');
    });

    it('counts non-overlapping matches', () => {
      expect([S.countMatches('aaaa', 'aa'), S.countMatches('abc', '')]).toEqual([2, 0]);
    });

    it('compares with Java s compareTo', () => {
      expect([
        S.compareTo('apple', 'banana'),
        S.compareTo('ab', 'abc'),
        S.compareTo('a', 'a')
      ]).toEqual([-1, -1, 0]);
      expect(S.compareTo('b', 'a')).toBe(1);
      expect(S.compareTo('A', 'a')).toBe(-32);
    });

    it('compares ignoring case', () => {
      expect([S.equalsIgnoreCase('Straße', 'STRASSE'), S.equalsIgnoreCase('abc', 'ABC')]).toEqual([
        false,
        true
      ]);
      expect(S.equals('abc', 'ABC')).toBe(false);
    });

    it('finds where two strings differ', () => {
      expect([S.indexOfDifference('abcde', 'abxyz'), S.difference('abcde', 'abxyz')]).toEqual([
        2,
        'xyz'
      ]);
      expect(S.getCommonPrefix(['interspecies', 'interstellar', 'interstate'])).toBe('inters');
    });

    it('measures the Levenshtein distance', () => {
      expect([
        S.getLevenshteinDistance('kitten', 'sitting'),
        S.getLevenshteinDistance('kitten', 'sitting', 2)
      ]).toEqual([3, -1]);
    });

    it('computes Java s hashCode', () => {
      expect([S.hashCode('hello'), S.hashCode('')]).toEqual([99162322, 0]);
    });
  });

  describe('predicates', () => {
    it('treats null, empty and whitespace as blank, but not a no-break space', () => {
      expect([S.isBlank(null), S.isBlank(''), S.isBlank(' \t\n'), S.isBlank('\u00a0')]).toEqual([
        true,
        true,
        true,
        false
      ]);
      expect([S.isEmpty(null), S.isEmpty(' '), S.isNotBlank('x')]).toEqual([true, false, true]);
    });

    it('checks letters and digits as StringUtils does', () => {
      expect([S.isAlpha('abcÆ'), S.isAlpha(''), S.isAlpha('ab1')]).toEqual([true, false, false]);
      expect([S.isNumeric('123'), S.isNumeric('-1'), S.isNumeric('1.5'), S.isNumeric('')]).toEqual([
        true,
        false,
        false,
        false
      ]);
      expect([S.isAlphanumeric('abc123'), S.isAlphaSpace('ab c'), S.isAlphaSpace('')]).toEqual([
        true,
        true,
        true
      ]);
      expect([S.isAllLowerCase('abc'), S.isAllUpperCase('ABc'), S.isAsciiPrintable('æ')]).toEqual([
        true,
        false,
        false
      ]);
    });

    it('matches a whole string against a Java regex', () => {
      expect([S.matches('12345', '\\d+'), S.matches('123a', '\\d+')]).toEqual([true, false]);
    });
  });

  describe('building', () => {
    // String Class, abbreviate: 'Hello World'.abbreviate(8) is 'Hello...'.
    it('abbreviates with an ellipsis', () => {
      expect(S.abbreviate('Hello World', 8)).toBe('Hello...');
      expect(S.abbreviate('Hello', 8)).toBe('Hello');
      expect(S.abbreviate('abcdefghijklmno', 10, 5)).toBe('...fghi...');
    });

    it('raises for an abbreviation narrower than four', () => {
      expect(apexError(() => S.abbreviate('Hello World', 3)).message).toBe(
        'Minimum abbreviation width is 4'
      );
    });

    it('pads on the left, the right and both sides', () => {
      expect([S.leftPad('7', 3, '0'), S.leftPad('abc', 2), S.leftPad('ab', 6, 'xy')]).toEqual([
        '007',
        'abc',
        'xyxyab'
      ]);
      expect(S.rightPad('ab', 5)).toBe('ab   ');
      expect([S.center('ab', 5), S.center('a', 4, 'yz')]).toEqual([' ab  ', 'yayz']);
    });

    it('repeats with and without a separator', () => {
      expect([S.repeat('ab', 3), S.repeat('ab', '-', 3), S.repeat('ab', 0)]).toEqual([
        'ababab',
        'ab-ab-ab',
        ''
      ]);
    });

    it('joins values as concatenation prints them', () => {
      expect(S.join([10, ApexDecimal.parse('1.50'), null, 'x'], '/')).toBe('10/1.50/null/x');
    });

    it('reverses by code point', () => {
      expect(S.reverse('ab😀')).toBe('😀ba');
    });
  });

  describe('changing', () => {
    it('replaces literal text everywhere', () => {
      expect(S.replace('a.b.c', '.', '$')).toBe('a$b$c');
      expect(S.replace('abc', '', '-')).toBe('-a-b-c-');
    });

    it('replaces by Java regex', () => {
      expect(S.replaceAll('a1b22', '\\d+', '#')).toBe('a#b#');
      expect(S.replaceFirst('a1b22', '\\d+', '#')).toBe('a#b22');
    });

    it('removes text at the start, the end, or everywhere', () => {
      expect([
        S.remove('banana', 'an'),
        S.removeStart('www.x.com', 'www.'),
        S.removeEnd('x.com', '.com')
      ]).toEqual(['ba', 'x.com', 'x']);
      expect(S.removeStartIgnoreCase('WWW.x', 'www.')).toBe('x');
    });

    // String Class, trim: removes leading and trailing white space (characters up to U+0020).
    it('trims characters up to U+0020 but keeps a no-break space', () => {
      expect(S.trim('\t a b \n')).toBe('a b');
      expect(S.trim('\u00a0a\u00a0')).toBe('\u00a0a\u00a0');
    });

    it('normalizes and deletes whitespace', () => {
      expect(S.normalizeSpace('  a \t\n b  ')).toBe('a b');
      // Commons Lang 3.4+: a no-break space becomes a space but is not collapsed.
      expect(S.normalizeSpace('a\u00a0\u00a0b')).toBe('a  b');
      expect(S.deleteWhitespace(' a b\tc ')).toBe('abc');
    });

    it('capitalizes and uncapitalizes the first letter only', () => {
      expect([S.capitalize('hello world'), S.uncapitalize('Hello World')]).toEqual([
        'Hello world',
        'hello World'
      ]);
      expect(S.swapCase('Hello')).toBe('hELLO');
    });

    it('changes case with a locale s rules', () => {
      expect([S.toUpperCase('istanbul'), S.toUpperCase('istanbul', 'tr_TR')]).toEqual([
        'ISTANBUL',
        'İSTANBUL'
      ]);
    });

    it('strips simple HTML tags and fails loudly on scripts', () => {
      // String Class, stripHtmlTags: '<b>hello world</b>' gives 'hello world'.
      expect(S.stripHtmlTags('<b>hello world</b>')).toBe('hello world');
      expect(() => S.stripHtmlTags('<script>x</script>')).toThrow(NotSupportedOfflineError);
    });
  });

  describe('escaping', () => {
    // String Class, escapeSingleQuotes: a backslash before every single quote.
    it('escapes single quotes for dynamic SOQL', () => {
      expect(S.escapeSingleQuotes("O'Brien")).toBe("O\\'Brien");
    });

    it('escapes and unescapes HTML 4 entities', () => {
      expect(S.escapeHtml4('"bread" & "butter" < €5 æ')).toBe(
        '&quot;bread&quot; &amp; &quot;butter&quot; &lt; &euro;5 &aelig;'
      );
      expect(S.unescapeHtml4('&lt;p&gt; &eacute;&#233;&#xE9; &bogus;')).toBe('<p> ééé &bogus;');
    });

    it('escapes HTML 3 without the HTML 4 additions', () => {
      expect(S.escapeHtml3('€ æ')).toBe('€ &aelig;');
    });

    it('escapes XML with the five entities only', () => {
      expect(S.escapeXml(`<a href="x">'&'</a> æ`)).toBe(
        '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt; æ'
      );
    });

    it('escapes and unescapes CSV', () => {
      expect([S.escapeCsv('plain'), S.escapeCsv('a,"b"')]).toEqual(['plain', '"a,""b"""']);
      expect(S.unescapeCsv('"a,""b"""')).toBe('a,"b"');
    });

    it('escapes Java and ECMAScript strings', () => {
      expect(S.escapeJava('He said "hi"\n\u00e6')).toBe('He said \\"hi\\"\\n\\u00E6');
      expect(S.escapeEcmaScript("it's a/b")).toBe("it\\'s a\\/b");
      expect(S.unescapeJava('\\"hi\\"\\n\\u00E6')).toBe('"hi"\n\u00e6');
    });

    it('escapes characters outside ASCII as Unicode escapes', () => {
      expect(S.escapeUnicode('Ærø')).toBe('\\u00C6r\\u00F8');
    });
  });

  describe('characters and conversions', () => {
    it('reads characters and code points', () => {
      expect([S.charAt('abc', 1), S.codePointAt('a😀', 1), S.codePointCount('a😀', 0, 3)]).toEqual([
        98, 128512, 2
      ]);
      expect(S.fromCharArray([72, 105])).toBe('Hi');
      expect(S.getChars('Hi')).toEqual([72, 105]);
    });

    it('raises System.StringException for a character index out of range', () => {
      expect(apexError(() => S.charAt('abc', 3)).apexType).toBe('System.StringException');
    });

    it('writes String.valueOf of a Date as yyyy-MM-dd', () => {
      expect(S.valueOf(ApexDate.of(2026, 12, 3), 'Europe/Copenhagen')).toBe('2026-12-03');
    });

    it('formats with MessageFormat', () => {
      expect(S.format('{0} owes {1}', ['Ann', ApexDecimal.parse('1234.5')], 'en_US')).toBe(
        'Ann owes 1,234.5'
      );
    });
  });
});
