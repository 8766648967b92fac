/**
 * boilerplate/teaser-list — lists of other pages' teasers: a title line followed by an excerpt cut off at a
 * fixed length with `...` / `…` (`肉桂茶应该怎么冲泡…⏎现在越来越多的人钟爱饮茶…下面小编为大.......`).
 *
 * Why: listing and tag pages show many truncated excerpts of other articles; an article's own paragraphs are
 * not cut off at the same length again and again.
 * How: lines of 20+ visible characters ending in an ellipsis; when three or more of them have nearly the same
 * length (±3) and most are preceded by a short title line, those excerpts and their titles are flagged.
 * Options: none.
 * Example: `标题甲⏎摘要甲…⏎标题乙⏎摘要乙…⏎标题丙⏎摘要丙…` (equal-length excerpts) → all six lines removed.
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape } from './common';

const CUT = /(?:\.{3,}|…+|。。。)\s*$/;

export const teaserList: Rule = {
  id: 'boilerplate/teaser-list',
  category: 'boilerplate',
  scope: 'document',
  check(ctx) {
    const nonBlank = ctx.lines.filter((l) => !l.blank);
    const prevOf = new Map<number, number>();
    nonBlank.forEach((l, k) => k > 0 && prevOf.set(l.index, nonBlank[k - 1].index));
    const cut = nonBlank.filter((l) => CUT.test(l.text) && lineShape(l.text).ink >= 20).map((l) => ({ l, ink: lineShape(l.text).ink }));
    if (cut.length < 3) return [];
    const out: Finding[] = [];
    const done = new Set<number>();
    for (let cI = 0, cutArr = cut; cI < cutArr.length; cI++) {
      const c = cutArr[cI];
      const group = cut.filter((d) => Math.abs(d.ink - c.ink) <= 3);
      if (group.length < 3) continue;
      const titled = group.filter((d) => {
        const p = prevOf.get(d.l.index);
        return p !== undefined && !CUT.test(ctx.lines[p].text) && lineShape(ctx.lines[p].text).ink <= 40;
      });
      if (titled.length * 2 < group.length) continue;
      for (let dI = 0, groupArr = group; dI < groupArr.length; dI++) {
        const d = groupArr[dI];
        if (done.has(d.l.index)) continue;
        done.add(d.l.index);
        const ev = [`${group.length} excerpts cut off at about ${c.ink} characters`];
        out.push(lineFinding(d.l, ctx.lines, { rule: this.id, category: 'boilerplate', score: 0.8, message: 'Teaser of another page (truncated excerpt in a list).', messageZh: '列表中其他页面的摘要(被截断)。', evidence: ev }));
        const p = prevOf.get(d.l.index);
        if (p !== undefined && !done.has(p) && !CUT.test(ctx.lines[p].text) && lineShape(ctx.lines[p].text).ink <= 40 && !lineShape(ctx.lines[p].text).ends) {
          done.add(p);
          out.push(lineFinding(ctx.lines[p], ctx.lines, { rule: this.id, category: 'boilerplate', score: 0.7, message: 'Title of a teaser in a list of other pages.', messageZh: '其他页面列表中的标题。', evidence: [...ev, 'title line above an excerpt'] }));
        }
      }
    }
    return out;
  },
};
