/** Character classes shared by the artifact rules (not a rule). */

/** One Han character: BMP blocks, compatibility ideographs, or an astral (Ext. B+) surrogate pair. */
export const HAN_SRC = '(?:[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]|[\\ud840-\\ud87f][\\udc00-\\udfff])';
const HAN_ONE = new RegExp('^' + HAN_SRC + '$');

export function isHan(ch: string | undefined): boolean {
  return !!ch && HAN_ONE.test(ch);
}

/** The code point (as a string) that ends just before `pos`, or undefined. */
export function charBefore(text: string, pos: number): string | undefined {
  if (pos <= 0) return undefined;
  const lo = text.charCodeAt(pos - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && pos >= 2) {
    const hi = text.charCodeAt(pos - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(pos - 2, pos);
  }
  return text[pos - 1];
}

/** The code point (as a string) that starts at `pos`, or undefined. */
export function charAt(text: string, pos: number): string | undefined {
  if (pos >= text.length) return undefined;
  const cp = text.codePointAt(pos)!;
  return String.fromCodePoint(cp);
}

/** CJK (full-width) punctuation and brackets. */
export function isCjkPunct(ch: string | undefined): boolean {
  return !!ch && /^[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014]$/.test(ch);
}

const TAG_NAMES = new Set(
  ('a abbr address article aside audio b big blockquote body br button center cite code col colgroup dd del div dl dt em embed ' +
    'figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main ' +
    'mark meta meter nav nobr noscript object ol optgroup option p param picture pre q rp rt ruby s samp script section select small ' +
    'source span strike strong style sub sup svg table tbody td textarea tfoot th thead time title tr tt u ul var video wbr').split(' '),
);

/** HTML tags and comments, with the element name as group 1 (undefined for comments). */
export const TAG_RE = /<!--[\s\S]{0,500}?-->|<\/?([a-zA-Z][a-zA-Z0-9]{0,10})(?:\s[^<>]{0,400})?\s*\/?>/g;

export function isHtmlTagMatch(m: RegExpExecArray): boolean {
  return m[1] === undefined || TAG_NAMES.has(m[1].toLowerCase());
}

/** The spans of HTML tags and comments in `s`. */
export function htmlTags(s: string): { start: number; end: number; name: string | undefined }[] {
  const out: { start: number; end: number; name: string | undefined }[] = [];
  TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_RE.exec(s))) if (isHtmlTagMatch(m)) out.push({ start: m.index, end: m.index + m[0].length, name: m[1] });
  return out;
}

/** true when a line is made only of HTML tags (and white space, entities): injected markup, the spam rules' business. */
export function isMarkupOnly(s: string): boolean {
  const tags = htmlTags(s);
  if (!tags.length) return false;
  let rest = '';
  let pos = 0;
  for (const t of tags) {
    rest += s.slice(pos, t.start);
    pos = t.end;
  }
  rest += s.slice(pos);
  return rest.replace(/&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, '').trim() === '';
}
