/**
 * pii/mobile — mainland mobile numbers: 11 digits starting 13–19, optionally `+86`/`86`-prefixed and
 * grouped `138-1234-5678` / `138 1234 5678`, not inside a longer run of digits, checked with
 * validator's isMobilePhone(s, 'zh-CN').
 *
 * Why: personal data. Flag only; the fix redacts it as `[PHONE]` (clean() does not apply it).
 * Options: none.
 *
 *   手机:13812345678 → 手机:[PHONE]   (on request)
 */
import { Finding, Rule } from '../../types';
import { NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, piiFinding, validator } from './redact';

const ID = 'pii/mobile';
const CANDIDATE = new RegExp(NOT_DIGIT_BEFORE + '(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:\\d{8}|[ -]\\d{4}[ -]\\d{4})' + NOT_DIGIT_AFTER, 'g');

export const mobile: Rule = {
  id: ID,
  category: 'pii',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    for (const line of ctx.lines) {
      if (!/1[3-9]\d/.test(line.text)) continue;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(line.text))) {
        const digits = m[0].replace(/[ -]/g, '');
        const local = digits.replace(/^(?:\+|00)?86(?=1[3-9]\d{9}$)/, '');
        if (!validator.isMobilePhone(local, 'zh-CN')) continue;
        const start = line.start + m.index;
        out.push(piiFinding(ID, start, start + m[0].length, 'mobile number', '手机号码', '[PHONE]', 0.9, m[0]));
      }
    }
    return out;
  },
};
