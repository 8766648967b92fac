/**
 * pii/email — e-mail addresses (`zhangsan@example.com`), checked with validator's isEmail.
 *
 * Why: personal data a corpus builder may have to redact. Flag only; the single fix replaces the
 * address with `[EMAIL]` (clean() does not apply it).
 * Options: none.
 *
 *   联系邮箱:zhangsan@example.com → 联系邮箱:[EMAIL]   (on request)
 */
import { Finding, Rule } from '../../types';
import { piiFinding, validator } from './redact';

const ID = 'pii/email';
const CANDIDATE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

export const email: Rule = {
  id: ID,
  category: 'pii',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.text.includes('@')) return out;
    for (const line of ctx.lines) {
      if (!line.text.includes('@')) continue;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(line.text))) {
        if (!validator.isEmail(m[0])) continue;
        const start = line.start + m.index;
        out.push(piiFinding(ID, start, start + m[0].length, 'e-mail address', '电子邮箱', '[EMAIL]', 0.95, m[0]));
      }
    }
    return out;
  },
};
