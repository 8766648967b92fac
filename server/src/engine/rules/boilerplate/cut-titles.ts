/**
 * boilerplate/cut-titles — a list of headlines cut to one fixed length (`紧身连衣裙时尚动人，轻盈美观大方，轻松舒`,
 * `你有多久没读完一本七百页以上的书了？老`, …: every line exactly 20 characters, cut mid-word).
 *
 * Why: recommendation boxes truncate other pages' titles to a fixed width without an ellipsis. Text a person
 * wrote does not come as 4+ lines of exactly the same length, each stopping mid-sentence.
 * How: 4+ consecutive non-blank lines of 15–40 visible characters whose lengths differ by at most one, 3+ of
 * them exactly the longest length, none ending with sentence punctuation (verse, whose lines end in `，`/`。`,
 * and short menus are left alone), none numbered (`一、…`, `第二章 …`: a table of contents), and no two ending
 * in the same three characters (`…证券营业部`: records of one kind, not cut titles).
 * Options: none.
 * Example: `某地开展春季植树活动，市民积极参与共建绿⏎…` (four lines of 20 characters, cut) → all four removed.
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape, norm } from './common';
import { inkLength } from '../../text';
import { memoByText } from '../../memo';
import { nonBlankLines } from '../../segment';

/** Visible characters as printed (lineShape drops a `?` it takes for a lost character). */
const width = (t: string) => inkLength(norm(t));

const MIN_RUN = 4;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十百\d]+[章节条部篇]|\d{1,2}[、.．)）])/;

/** Exactly cut: 3+ lines of the longest length, and no shared endings. */
function cut(texts: string[], hi: number): boolean {
  const full = texts.filter((t) => width(t) === hi).length;
  const ends = new Set(texts.map((t) => lineShape(t).text.slice(-3)));
  return full >= 3 && ends.size === texts.length;
}

/** A line that may be a headline of the list (by its text alone, memoized: asked of every line on every analysis). */
const titleLike = memoByText((text: string): boolean => {
  if (text.length < 15 || text.length > 120) return false;
  const s = lineShape(text);
  const w = width(text);
  return w >= 15 && w <= 40 && !/[。！？!?，,；;：:…」』”"）)]$/.test(s.text) && s.han >= 0.5 * s.ink && !NUMBERED.test(s.text);
});

/** titleLike of the current analysis's non-blank lines, reused (no array per analysis). */
let okScratch = new Uint8Array(256);

export const cutTitles: Rule = {
  id: 'boilerplate/cut-titles',
  category: 'boilerplate',
  scope: 'block',
  check(ctx): Finding[] {
    const lines = nonBlankLines(ctx.lines);
    if (okScratch.length < lines.length) okScratch = new Uint8Array(lines.length);
    const ok = okScratch;
    for (let k = 0; k < lines.length; k++) ok[k] = titleLike(lines[k].text) ? 1 : 0;
    const out: Finding[] = [];
    let k = 0;
    while (k < lines.length) {
      if (!ok[k]) {
        k++;
        continue;
      }
      let lo = width(lines[k].text);
      let hi = lo;
      let j = k + 1;
      while (j < lines.length && ok[j]) {
        const ink = width(lines[j].text);
        if (Math.max(hi, ink) - Math.min(lo, ink) > 1) break;
        lo = Math.min(lo, ink);
        hi = Math.max(hi, ink);
        j++;
      }
      if (j - k >= MIN_RUN && cut(lines.slice(k, j).map((l) => l.text), hi)) {
        for (let i = k; i < j; i++) {
          out.push(lineFinding(lines[i], ctx.lines, { rule: this.id, category: 'boilerplate', score: 0.75, message: `Headline cut to ${hi} characters (a list of other pages).`, messageZh: `截断为 ${hi} 字的标题(其他页面列表)。`, evidence: [`${j - k} lines of ${lo}–${hi} characters in a row, none ending a sentence`] }));
        }
        k = j;
      } else k++;
    }
    return out;
  },
};
