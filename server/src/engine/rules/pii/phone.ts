/**
 * pii/phone — fixed-line numbers with an area code: `010-12345678`, `0433—8157607`, `(021)5555-1234`,
 * `（0755）8888 6666`, and service numbers `400-123-4567` / `800-…`. The area code starts with 0
 * (so dates such as `2021-10-04` never match) and the number is not inside a longer run of digits.
 *
 * Why: personal or business contact data. Flag only; the fix redacts it as `[PHONE]` (clean() does
 * not apply it).
 * Options: none.
 *
 *   电话:0433—8157607 → 电话:[PHONE]   (on request)
 */
import { Finding, Rule } from '../../types';
import { NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, piiFinding } from './redact';

const ID = 'pii/phone';
const DASH = '[-—–－‐ ]';
const AREA = '0[1-9]\\d{1,2}';
const LOCAL = '\\d{3,4}' + DASH + '?\\d{4}';
const CANDIDATE = new RegExp(
  NOT_DIGIT_BEFORE +
    '(?:(?:\\+86[ -]?)?(?:[(（]' + AREA + '[)）]' + DASH + '?|' + AREA + DASH + '{1,2})' + LOCAL +
    '|[48]00' + DASH + '?\\d{3}' + DASH + '?\\d{4})' +
    '(?:' + DASH + '?(?:转|ext\\.?|x)\\d{1,5})?' +
    NOT_DIGIT_AFTER,
  'g',
);

export const phone: Rule = {
  id: ID,
  category: 'pii',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    for (const line of ctx.lines) {
      if (!/\d{3}/.test(line.text)) continue;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(line.text))) {
        const digits = m[0].replace(/\D/g, '');
        if (digits.length < 10 || digits.length > 17) continue;
        const start = line.start + m.index;
        out.push(piiFinding(ID, start, start + m[0].length, 'phone number', '电话号码', '[PHONE]', 0.85, m[0]));
      }
    }
    return out;
  },
};
