/**
 * pii/email — e-mail addresses (`zhangsan@example.com`), checked with validator's isEmail.
 *
 * Why: personal data a corpus builder may have to redact. Flag only; the single fix replaces the
 * address with `[EMAIL]` (clean() does not apply it).
 * Options: none.
 *
 *   联系邮箱:zhangsan@example.com → 联系邮箱:[EMAIL]   (on request)
 */
import { piiRule, validator } from './redact';

const ID = 'pii/email';
const CANDIDATE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

export const email = piiRule({
  id: ID,
  quick: /@/,
  candidate: CANDIDATE,
  accept: (s) => (validator.isEmail(s) ? s : null),
  what: 'e-mail address',
  whatZh: '电子邮箱',
  token: '[EMAIL]',
  score: 0.95,
});
