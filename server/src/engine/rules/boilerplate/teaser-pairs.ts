/**
 * boilerplate/teaser-pairs — a list of other pages as title / cut-off excerpt pairs, excerpts of any length
 * (`菲尔特VS RB莱比锡⏎德甲联赛第26轮将在…菲尔特主场迎战RB莱比......⏎杜兰特入选NBA本周最佳球员⏎达拉斯小牛队后卫…......`).
 *
 * Why: "more news" boxes under an article print each item as a title line and the first characters of the
 * item cut off with `......`; boilerplate/teaser-list finds such excerpts when they are cut at one length,
 * this rule when the pairing is what gives them away.
 * How: a title line (4–40 visible characters, no sentence end) directly followed by an excerpt (20+ visible
 * characters ending in `...`/`…`); 2+ such pairs with at most two lines between consecutive pairs. The pairs,
 * the lines between them and, after the last pair, further excerpts and title lines up to the first line that
 * is neither are flagged.
 * Options: none.
 * Example: `标题甲⏎摘要甲，内容被截断......⏎标题乙⏎摘要乙，内容被截断......` → all four lines removed.
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape, norm } from './common';
import { memoByText } from '../../memo';
import { nonBlankLines } from '../../segment';

const CUT = /(?:\.{3,}|…+)\s*$/;

/** (isExcerpt and isTitle are asked of every line on every analysis: memoized by text) */
const isExcerpt = memoByText(excerpt);
const isTitle = memoByText(title);

function excerpt(text: string): boolean {
  if (!/(?:\.{3,}|…+|\.\s?\.\s?\.)\s*$/.test(text.trimEnd()) && !/[．。]{3}\s*$/.test(text)) return false;
  return CUT.test(norm(text).trim()) && lineShape(text).ink >= 20;
}

function title(text: string): boolean {
  const s = lineShape(text);
  return s.ink >= 4 && s.ink <= 40 && !CUT.test(s.text) && !/[。！？!?；;：:]$/.test(s.text) && s.commas <= 1;
}

export const teaserPairs: Rule = {
  id: 'boilerplate/teaser-pairs',
  category: 'boilerplate',
  scope: 'block',
  check(ctx): Finding[] {
    const lines = nonBlankLines(ctx.lines);
    const pairs: number[] = [];
    for (let k = 0; k + 1 < lines.length; k++) if (isExcerpt(lines[k + 1].text) && isTitle(lines[k].text)) pairs.push(k);
    const out: Finding[] = [];
    let g = 0;
    while (g < pairs.length) {
      let h = g;
      while (h + 1 < pairs.length && pairs[h + 1] - (pairs[h] + 1) <= 3) h++;
      if (h > g) {
        const first = pairs[g];
        let last = pairs[h] + 1;
        while (last + 1 < lines.length && (isExcerpt(lines[last + 1].text) || isTitle(lines[last + 1].text))) last++;
        for (let i = first; i <= last; i++) {
          out.push(lineFinding(lines[i], ctx.lines, { rule: this.id, category: 'boilerplate', score: 0.75, message: 'Teaser of another page (title / cut-off excerpt list).', messageZh: '其他页面的标题与截断摘要列表。', evidence: [`${h - g + 1} title / excerpt pairs`] }));
        }
        g = h + 1;
        while (g < pairs.length && pairs[g] <= last) g++;
      } else g++;
    }
    return out;
  },
};
