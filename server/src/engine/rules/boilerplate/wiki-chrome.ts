/**
 * boilerplate/wiki-chrome — the template of wiki pages (MediaWiki mirrors, Baidu-Baike-like sites): section
 * headings with their edit link (`历史沿革[编辑]`), reference-list entries (`^ 跳转到： 1.0 1.1 某某报道. 新华网.
 * 2017-04-01 [2017-04-07]. （原始内容存档于2017-04-07）.`), archive notes and navbox toggles (`[显示]`, `查⏎论⏎编`).
 *
 * Why: a wiki article's extracted text is its paragraphs; the edit links, the numbered citation list with
 * back-links and archive dates, and the collapsible navigation boxes are the wiki software's.
 * How: a line of at most 30 visible characters ending in `[编辑]` / `[编辑源代码]` / `[edit]`; a line starting with
 * `^` and a space (a citation back-link) that carries a wiki cue (server/data/lexicons/boilerplate-wiki.txt:
 * `跳转到`, `原始内容存档`…), a bracketed access date (`[2023-06-13]`) or `(PDF)`; any line of at most 200 characters
 * with a strong archive cue (`（原始内容存档于…）`, `（页面存档备份，存于互联网档案馆）`); a `[显示]`/`[隐藏]` toggle line;
 * the navbox's `查⏎论⏎编` (view / talk / edit) when the three stand on consecutive lines.
 * Options: none.
 * Example: `历史沿革[编辑]` → (line removed);  `^ 某某报道. 新华网. 2017-04-01 [2017-04-07].` → (line removed)
 */
import { Finding, Line, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { cues, lineShape, norm } from './common';
import { memoByText } from '../../memo';

const EDIT_LINK = /\[(?:编辑|編輯|编辑源代码|編輯原始碼|edit)\]$/i;
const TOGGLE = /^\[(?:显示|隐藏|顯示|隱藏|show|hide)\]$/i;

/** Cheap test on the raw line: every pattern below needs one of these characters. */
const MAYBE = /[\[\^存檔档失]/;

function why(line: Line): string | undefined {
  if (!MAYBE.test(line.text)) return undefined;
  return whyOf(line.text) ?? undefined;
}

/** why() of a line that passed MAYBE, by its text (memoized: 失, 存 and `[` pass it on many lines of every page). */
const whyOf = memoByText((text: string): string | null => {
  const n = norm(text).trim();
  const ink = lineShape(text).ink;
  if (ink <= 30 && EDIT_LINK.test(n)) return 'section heading with its edit link';
  if (TOGGLE.test(n)) return 'navbox toggle';
  const ms = cues('boilerplate-wiki', n);
  if (/^\^\s/.test(n) && (ms.length || /\[\d{4}-\d{1,2}-\d{1,2}\]|\(PDF\)/i.test(n))) return 'reference-list entry';
  if (n.length <= 200 && ms.some((m) => m.weight >= 1)) return `archive note: ${ms[0].term}`;
  return null;
});

/** 1, 2, 3 for a line that is only `查`, `论`, `编` (normalized), else 0: by its text, memoized. */
const navCode = memoByText((text: string): number => {
  const n = norm(text).trim();
  return n === '查' ? 1 : n === '论' ? 2 : n === '编' ? 3 : 0;
});

/** The non-blank lines of the current analysis (index) and their navbox marks, reused across analyses. */
let nonBlank = new Int32Array(256);
let mark = new Uint8Array(256);

export const wikiChrome: Rule = {
  id: 'boilerplate/wiki-chrome',
  category: 'boilerplate',
  scope: 'line',
  check(ctx): Finding[] {
    const out: Finding[] = [];
    const all = ctx.lines;
    // indexed passes over scratch arrays (a filtered copy of the lines, a Set, three normalized and trimmed
    // copies of every line and a closure per line cost ~0.2-0.3 ms per edit in the interpreter, bench page)
    if (nonBlank.length < all.length) {
      nonBlank = new Int32Array(all.length);
      mark = new Uint8Array(all.length);
    }
    let m = 0;
    for (let i = 0; i < all.length; i++) if (!all[i].blank) nonBlank[m++] = i;
    mark.fill(0, 0, m);
    for (let k = 0; k + 2 < m; k++) {
      if (navCode(all[nonBlank[k]].text) === 1 && navCode(all[nonBlank[k + 1]].text) === 2 && navCode(all[nonBlank[k + 2]].text) === 3) mark[k] = mark[k + 1] = mark[k + 2] = 1;
    }
    for (let k = 0; k < m; k++) {
      const l = all[nonBlank[k]];
      const reason = mark[k] ? 'navbox view / talk / edit links' : why(l);
      if (reason) out.push(lineFinding(l, all, { rule: this.id, category: 'boilerplate', score: 0.85, message: 'Wiki page chrome (edit link, reference list, navbox).', messageZh: '百科页面的模板(编辑链接、参考文献、导航框)。', evidence: [reason] }));
    }
    return out;
  },
};
