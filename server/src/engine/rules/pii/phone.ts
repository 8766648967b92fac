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
import { NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, piiRule } from './redact';

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

export const phone = piiRule({
  id: ID,
  quick: /\d{3}/,
  candidate: CANDIDATE,
  accept: (s) => {
    const digits = s.replace(/\D/g, '').length;
    return digits >= 10 && digits <= 17 ? s : null;
  },
  what: 'phone number',
  whatZh: '电话号码',
  token: '[PHONE]',
  score: 0.85,
});
