/**
 * `.forceignore` matching (gitignore syntax), so the Apex checks can refuse to pass when the file
 * silently hides Apex from apex-ls. Supports what `.forceignore` files use in practice: comments,
 * `!` negation (last match wins), `*`, `?`, `**`, patterns anchored by a slash, and directory
 * patterns (a pattern that matches a folder hides everything below it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ForceIgnorePattern {
  negated: boolean;
  regex: RegExp;
}

export function readForceIgnore(projectRoot: string): ForceIgnorePattern[] {
  const file = join(projectRoot, '.forceignore');
  return existsSync(file) ? parseForceIgnore(readFileSync(file, 'utf8')) : [];
}

export function parseForceIgnore(text: string): ForceIgnorePattern[] {
  const patterns: ForceIgnorePattern[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const negated = line.startsWith('!');
    if (negated) {
      line = line.slice(1);
    }
    line = line.replace(/\/+$/, '');
    const anchored = line.includes('/');
    line = line.replace(/^\/+/, '');
    const body = globToRegexSource(line);
    patterns.push({ negated, regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`, 'i') });
  }
  return patterns;
}

/** True when `relativePath` (slash-separated, relative to the project root) is ignored. */
export function isForceIgnored(relativePath: string, patterns: readonly ForceIgnorePattern[]) {
  const segments = relativePath.split('/');
  const candidates = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const pattern of patterns) {
    if (candidates.some((candidate) => pattern.regex.test(candidate))) {
      ignored = !pattern.negated;
    }
  }
  return ignored;
}

function globToRegexSource(glob: string): string {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (char === '*' && glob[index + 1] === '*') {
      const followedBySlash = glob[index + 2] === '/';
      source += followedBySlash ? '(?:.*/)?' : '.*';
      index += followedBySlash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return source;
}
