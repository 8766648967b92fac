/**
 * User-supplied patterns (the `corpusLint.customPatterns` setting), compiled with RE2: a regular
 * expression engine whose running time is linear in the input, so a hostile pattern such as `(a+)+$`
 * cannot hang the server (no catastrophic backtracking). Backreferences and lookaround are not
 * supported by RE2 and are reported as errors. If the native `re2` module cannot be loaded, user
 * patterns are off: there is never a fallback to JavaScript's RegExp.
 */
import { Category, Finding, Rule } from './types';
import { spanFinding } from './rules/helpers';

export interface PatternSpec {
  pattern: string;
  category?: 'boilerplate' | 'spam' | 'pii';
  message?: string;
  flags?: string;
}

export const USER_PATTERN_RULE = 'user/pattern';
export const MAX_PATTERN_LENGTH = 500;
export const MAX_PATTERNS = 50;
export const MAX_MATCHES_PER_PATTERN = 1000;

const CATEGORIES = new Set(['boilerplate', 'spam', 'pii']);

interface RE2Like {
  lastIndex: number;
  exec(s: string): { index: number; 0: string } | null;
}
type RE2Ctor = new (pattern: string, flags?: string) => RE2Like;

let re2: RE2Ctor | null | undefined;
let re2Error = '';
function loadRE2(): RE2Ctor | null {
  if (re2 === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      re2 = require('re2') as RE2Ctor;
    } catch (err) {
      re2 = null;
      re2Error = err instanceof Error ? err.message : String(err);
    }
  }
  return re2;
}

interface Compiled {
  re: RE2Like;
  category: Category;
  message: string;
}

/** Compiles user patterns into one rule (`user/pattern`); invalid or over-limit patterns go to `errors`, never thrown. */
export function compileUserPatterns(specs: readonly PatternSpec[] | unknown): { rule: Rule | undefined; errors: string[] } {
  const errors: string[] = [];
  if (!Array.isArray(specs) || specs.length === 0) {
    if (specs !== undefined && specs !== null && !Array.isArray(specs)) errors.push('customPatterns must be an array; user patterns ignored');
    return { rule: undefined, errors };
  }
  const RE2 = loadRE2();
  if (!RE2) return { rule: undefined, errors: [`user patterns are off: the re2 module could not be loaded (${re2Error})`] };
  if (specs.length > MAX_PATTERNS) errors.push(`${specs.length} patterns given, only the first ${MAX_PATTERNS} are used`);
  const compiled: Compiled[] = [];
  specs.slice(0, MAX_PATTERNS).forEach((spec: unknown, i: number) => {
    const s = spec as Partial<PatternSpec> | null;
    const where = `pattern ${i + 1}`;
    if (!s || typeof s !== 'object' || typeof s.pattern !== 'string') return void errors.push(`${where}: not an object with a string "pattern"`);
    if (s.pattern.length === 0) return void errors.push(`${where}: empty pattern`);
    if (s.pattern.length > MAX_PATTERN_LENGTH) return void errors.push(`${where}: longer than ${MAX_PATTERN_LENGTH} characters`);
    const flags = s.flags ?? '';
    if (typeof flags !== 'string' || !/^[iu]*$/.test(flags) || new Set(flags).size !== flags.length) return void errors.push(`${where}: flags may only be "i" and "u"`);
    const category = s.category ?? 'boilerplate';
    if (!CATEGORIES.has(category)) return void errors.push(`${where}: category must be boilerplate, spam or pii`);
    let re: RE2Like;
    try {
      re = new RE2(s.pattern, flags + 'g');
    } catch (err) {
      return void errors.push(`${where} (${JSON.stringify(s.pattern.slice(0, 80))}): ${err instanceof Error ? err.message : String(err)}`);
    }
    const message = typeof s.message === 'string' && s.message ? s.message : `Matches user pattern ${JSON.stringify(s.pattern.slice(0, 80))}`;
    compiled.push({ re, category, message });
  });
  if (compiled.length === 0) return { rule: undefined, errors };
  const rule: Rule = {
    id: USER_PATTERN_RULE,
    category: 'boilerplate',
    scope: 'document',
    check(ctx) {
      const out: Finding[] = [];
      const enabled = ctx.options.categories ? new Set(ctx.options.categories) : undefined;
      for (const c of compiled) {
        if (enabled && !enabled.has(c.category)) continue;
        c.re.lastIndex = 0;
        let n = 0;
        // empty matches yield no finding but still count against a (larger) cap on exec calls
        for (let calls = 0; calls < 10 * MAX_MATCHES_PER_PATTERN; calls++) {
          const m = c.re.exec(ctx.text);
          if (!m) break;
          if (m[0].length === 0) {
            c.re.lastIndex = m.index + 1;
            if (c.re.lastIndex > ctx.text.length) break;
            continue;
          }
          out.push(spanFinding(m.index, m.index + m[0].length, { rule: USER_PATTERN_RULE, category: c.category, message: c.message, fixTitle: 'Remove match' }));
          if (++n >= MAX_MATCHES_PER_PATTERN) break;
        }
      }
      return out;
    },
  };
  return { rule, errors };
}
