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
import { NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, piiRule, validator } from './redact';

const ID = 'pii/mobile';
const CANDIDATE = new RegExp(NOT_DIGIT_BEFORE + '(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:\\d{8}|[ -]\\d{4}[ -]\\d{4})' + NOT_DIGIT_AFTER, 'g');

export const mobile = piiRule({
  id: ID,
  quick: /1[3-9]\d/,
  candidate: CANDIDATE,
  accept: (s) => {
    const local = s.replace(/[ -]/g, '').replace(/^(?:\+|00)?86(?=1[3-9]\d{9}$)/, '');
    return validator.isMobilePhone(local, 'zh-CN') ? s : null;
  },
  what: 'mobile number',
  whatZh: '手机号码',
  token: '[PHONE]',
  score: 0.9,
});
