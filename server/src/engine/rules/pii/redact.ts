/** Shared by the pii rules (not a rule): one finding shape with a single "Redact" fix. */
import validator from 'validator';
import { Finding } from '../../types';
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
