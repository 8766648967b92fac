/** Shared by the pii rules (not a rule): one finding shape with a single "Redact" fix. */
import validator from 'validator';
import { Finding, Rule } from '../../types';
import { finding } from '../helpers';

export { validator };

export function piiFinding(rule: string, start: number, end: number, what: string, whatZh: string, token: string, score: number, evidence: string): Finding {
  return finding({
    rule,
    category: 'pii',
    message: `Personal data: ${what}`,
    messageZh: `个人信息：${whatZh}`,
    start,
    end,
    score,
    evidence: [evidence],
    // clean() never applies pii fixes (CLEAN_CATEGORIES), so redaction happens only on request.
    fixes: [{ title: `Redact ${what} as ${token}`, edits: [{ start, end, newText: token }] }],
  });
}

/** Characters that may not touch a number on either side for it to count as a whole number. */
export const NOT_DIGIT_BEFORE = '(?<![0-9A-Za-z０-９._/=&?#%+-])';
export const NOT_DIGIT_AFTER = '(?![0-9A-Za-z０-９])';

export interface PiiSpec {
  id: string;
  /** A cheap test a line must pass before the candidate pattern runs. */
  quick: RegExp;
  /** The candidate pattern (global). */
  candidate: RegExp;
  /** Accepts a candidate: the text to flag (a prefix of the match, e.g. without trailing punctuation), or null. */
  accept: (match: string) => string | null;
  what: string;
  whatZh: string;
  token: string;
  score: number;
}

/** A pii rule: scan each line that passes `quick` for `candidate` matches that `accept` keeps. */
export function piiRule(spec: PiiSpec): Rule {
  return {
    id: spec.id,
    category: 'pii',
    scope: 'span',
    locality: 'line', // findings depend on the line alone (engine/cache.ts)
    check(ctx) {
      const out: Finding[] = [];
      for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
        const line = linesArr[lineI];
        if (!spec.quick.test(line.text)) continue;
        spec.candidate.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = spec.candidate.exec(line.text))) {
          const hit = spec.accept(m[0]);
          if (hit === null) continue;
          const start = line.start + m.index;
          out.push(piiFinding(spec.id, start, start + hit.length, spec.what, spec.whatZh, spec.token, spec.score, hit));
        }
      }
      return out;
    },
  };
}
