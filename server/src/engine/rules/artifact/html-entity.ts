/**
 * artifact/html-entity — HTML character references left in the text by a careless extractor:
 * `&nbsp;`, `&amp;`, `&middot;`, `&#12345;`, `&#x4E2D;`, and double-escaped ones (`&amp;nbsp;`).
 *
 * Why: the gold clean text has no entities. Known ones are decoded in place (`卢卡&middot;东契奇`
 * → `卢卡·东契奇`; spaces such as `&nbsp;` become a plain space), so no character of the article is
 * lost; references to control or invisible characters are removed. Unknown names (`&foo;`) are left
 * alone. Lines made only of HTML tags are the spam rules' business and are skipped.
 * Options: none.
 *
 *   记者&nbsp;张三 → 记者 张三        A&amp;B → A&B        &#20013;国 → 中国
 */
import { Finding, Rule } from '../../types';
import { spanFinding } from '../helpers';
import { isMarkupOnly } from './chars';

const ID = 'artifact/html-entity';

const NAMED: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  middot: '·', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', times: '×', divide: '÷', deg: '°',
  plusmn: '±', yen: '¥', euro: '€', pound: '£', cent: '¢', sect: '§', para: '¶', bull: '•',
  rarr: '→', larr: '←', uarr: '↑', darr: '↓', permil: '‰', prime: '′', Prime: '″', micro: 'µ',
  shy: '', zwj: '', zwnj: '', lrm: '', rlm: '', ideographicspace: '\u3000',
};

const ENTITY = /&(?:amp;)?(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));|&nbsp(?![;a-zA-Z0-9])/g;

export function decodeEntity(m: RegExpExecArray): string | undefined {
  if (m[0].startsWith('&nbsp') && !m[0].endsWith(';')) return ' ';
  let cp: number | undefined;
  if (m[1] !== undefined) cp = parseInt(m[1], 10);
  else if (m[2] !== undefined) cp = parseInt(m[2], 16);
  if (cp !== undefined) {
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '';
    const ch = String.fromCodePoint(cp);
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff]/.test(ch)) return '';
    return ch;
  }
  return Object.prototype.hasOwnProperty.call(NAMED, m[3]!) ? NAMED[m[3]!] : undefined;
}

export const htmlEntity: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out: Finding[] = [];
    // (indexed: the line cache hands the rule every line, those it serves blank, on every edit)
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank || !line.text.includes('&')) continue;
      if (isMarkupOnly(line.text)) continue;
      ENTITY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = ENTITY.exec(line.text))) {
        const decoded = decodeEntity(m);
        if (decoded === undefined) continue;
        const start = line.start + m.index;
        const shown = decoded === '' ? 'nothing' : decoded.trim() === '' ? 'a space' : `“${decoded}”`;
        out.push(
          spanFinding(start, start + m[0].length, {
            rule: ID,
            category: 'artifact',
            message: `HTML entity ${m[0]} (stands for ${shown})`,
            messageZh: `HTML 实体 ${m[0]}（${decoded === '' ? '应删除' : decoded.trim() === '' ? '空格' : `即“${decoded}”`}）`,
            score: 0.95,
            evidence: [m[0]],
            replacement: decoded,
            fixTitle: decoded === '' ? `Remove ${m[0]}` : `Decode ${m[0]} to ${shown}`,
          }),
        );
      }
    }
    return out;
  },
};
