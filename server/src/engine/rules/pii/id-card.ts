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
import { Finding, Rule } from '../../types';
import { NOT_DIGIT_AFTER, NOT_DIGIT_BEFORE, piiFinding, validator } from './redact';

const ID = 'pii/id-card';
const CANDIDATE = new RegExp(NOT_DIGIT_BEFORE + '[1-9]\\d{16}[\\dXx]' + NOT_DIGIT_AFTER, 'g');

export const idCard: Rule = {
  id: ID,
  category: 'pii',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    for (const line of ctx.lines) {
      if (!/\d{17}/.test(line.text)) continue;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(line.text))) {
        if (!validator.isIdentityCard(m[0].toUpperCase(), 'zh-CN')) continue;
        const start = line.start + m.index;
        out.push(piiFinding(ID, start, start + 18, 'ID-card number', '身份证号码', '[ID]', 0.95, m[0]));
      }
    }
    return out;
  },
};
