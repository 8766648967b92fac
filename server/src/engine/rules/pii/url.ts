/**
 * pii/url — web addresses: with a scheme (`https://…`) or starting `www.`, checked with validator's
 * isURL. Trailing punctuation and anything from the first CJK character on are not part of the URL.
 *
 * Why: links can identify people (profile pages, personal blogs) and are noise in a text corpus.
 * Flag only; the single fix replaces the URL with `[URL]` (clean() does not apply it).
 * Options: none.
 *
 *   详见https://example.com/a?id=1。 → 详见[URL]。   (on request)
 */
import { Finding, Rule } from '../../types';
import { piiFinding, validator } from './redact';

const ID = 'pii/url';
const CANDIDATE = /(?:\b(?:https?|ftp):\/\/|(?<![A-Za-z0-9.\/@-])www\.)[!-~]+/gi;
const TRAILING = /[.,;:!?'")\]}>]+$/;

export const url: Rule = {
  id: ID,
  category: 'pii',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    for (const line of ctx.lines) {
      if (!/https?:|ftp:|www\./i.test(line.text)) continue;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(line.text))) {
        let s = m[0];
        // a closing bracket belongs to the URL only when it opens inside it
        while (TRAILING.test(s)) {
          const last = s[s.length - 1];
          const open = { ')': '(', ']': '[', '}': '{' }[last as ')' | ']' | '}'];
          if (open && s.split(open).length > s.split(last).length - 1) break;
          s = s.slice(0, -1);
        }
        if (s.length < 8) continue;
        const withScheme = /^[a-z]+:\/\//i.test(s) ? s : 'http://' + s;
        if (!validator.isURL(withScheme, { require_tld: true, allow_underscores: true })) continue;
        const start = line.start + m.index;
        out.push(piiFinding(ID, start, start + s.length, 'URL', '网址', '[URL]', 0.9, s));
      }
    }
    return out;
  },
};
