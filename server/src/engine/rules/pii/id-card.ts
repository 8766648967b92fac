/**
 * pii/id-card — Chinese resident ID-card numbers: 18 characters (17 digits and a digit or X) with a
 * valid region, birth date and ISO 7064 checksum (validator's isIdentityCard(s, 'zh-CN')), not part of
 * a longer run of digits or letters.
 *
 * Why: the most sensitive personal number in Chinese web text. Any other 18-digit number (order
 * numbers, bank references) fails the checksum and is left alone. Flag only; the fix redacts it as
 * `[ID]` (clean() does not apply it).
 * Options: none.
 *
 *   身份证号11010519491231002X → 身份证号[ID]   (on request)
 */
import { NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, piiRule, validator } from './redact';

const ID = 'pii/id-card';
const CANDIDATE = new RegExp(NOT_DIGIT_BEFORE + '[1-9]\\d{16}[\\dXx]' + NOT_DIGIT_AFTER, 'g');

export const idCard = piiRule({
  id: ID,
  quick: /\d{17}/,
  candidate: CANDIDATE,
  accept: (s) => (validator.isIdentityCard(s.toUpperCase(), 'zh-CN') ? s : null),
  what: 'ID-card number',
  whatZh: '身份证号码',
  token: '[ID]',
  score: 0.95,
});
