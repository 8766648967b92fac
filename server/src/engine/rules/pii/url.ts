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
import { piiRule, validator } from './redact';

const ID = 'pii/url';
const CANDIDATE = /(?:\b(?:https?|ftp):\/\/|(?<![A-Za-z0-9.\/@-])www\.)[!-~]+/gi;
const TRAILING = /[.,;:!?'")\]}>]+$/;

export const url = piiRule({
  id: ID,
  quick: /https?:|ftp:|www\./i,
  candidate: CANDIDATE,
  accept: (match) => {
    let s = match;
    // a closing bracket belongs to the URL only when it opens inside it
    while (TRAILING.test(s)) {
      const last = s[s.length - 1];
      const open = { ')': '(', ']': '[', '}': '{' }[last as ')' | ']' | '}'];
      if (open && s.split(open).length > s.split(last).length - 1) break;
      s = s.slice(0, -1);
    }
    if (s.length < 8) return null;
    const withScheme = /^[a-z]+:\/\//i.test(s) ? s : 'http://' + s;
    return validator.isURL(withScheme, { require_tld: true, allow_underscores: true }) ? s : null;
  },
  what: 'URL',
  whatZh: '网址',
  token: '[URL]',
  score: 0.9,
});
