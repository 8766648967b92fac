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
import { Finding, Line, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape } from './common';
import { memoByText } from '../../memo';

const CUT = /(?:\.{3,}|…+|。。。)\s*$/;

/**
 * Does the line end in a cut (CUT), by its text (memoized: the rule asks it of every line on every analysis,
 * and the unanchored regex tries every position of the line).
 */
const isCut = memoByText((t: string) => CUT.test(t));

/** The non-blank line before line `i`, or -1 (what a `prevOf` map of the non-blank lines held). */
function prevNonBlank(lines: readonly Line[], i: number): number {
  for (let p = i - 1; p >= 0; p--) if (!lines[p].blank) return p;
  return -1;
}

/** A title line above an excerpt: not cut itself and at most 40 visible characters. */
function titleLike(lines: readonly Line[], p: number): boolean {
  return p >= 0 && !isCut(lines[p].text) && lineShape(lines[p].text).ink <= 40;
}

/** The cut lines of the current analysis (line index, ink), reused: no arrays or maps per analysis. */
let cutLine = new Int32Array(64);
let cutInk = new Int32Array(64);

export const teaserList: Rule = {
  id: 'boilerplate/teaser-list',
  category: 'boilerplate',
  scope: 'document',
  check(ctx) {
    const lines = ctx.lines;
    // one indexed pass over memoized facts (the filters, maps and closures over every line cost ~0.3-0.5 ms
    // per edit in the interpreter on the bench's 100 KB page, which has 22 cut lines)
    let n = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.blank || !isCut(l.text)) continue;
      const ink = lineShape(l.text).ink;
      if (ink < 20) continue;
      if (n === cutLine.length) {
        const a = new Int32Array(n * 2);
        a.set(cutLine);
        cutLine = a;
        const b = new Int32Array(n * 2);
        b.set(cutInk);
        cutInk = b;
      }
      cutLine[n] = i;
      cutInk[n] = ink;
      n++;
    }
    if (n < 3) return [];
    const out: Finding[] = [];
    let done: Set<number> | undefined;
    for (let cI = 0; cI < n; cI++) {
      const ink = cutInk[cI];
      // the group: the cut lines of about the same length (in line order), counted before it is built
      let size = 0;
      let titled = 0;
      for (let dI = 0; dI < n; dI++) {
        if (Math.abs(cutInk[dI] - ink) > 3) continue;
        size++;
        if (titleLike(lines, prevNonBlank(lines, cutLine[dI]))) titled++;
      }
      if (size < 3) continue;
      if (titled * 2 < size) continue;
      done ??= new Set<number>();
      for (let dI = 0; dI < n; dI++) {
        if (Math.abs(cutInk[dI] - ink) > 3) continue;
        const i = cutLine[dI];
        if (done.has(i)) continue;
        done.add(i);
        const ev = [`${size} excerpts cut off at about ${ink} characters`];
        out.push(lineFinding(lines[i], lines, { rule: this.id, category: 'boilerplate', score: 0.8, message: 'Teaser of another page (truncated excerpt in a list).', messageZh: '列表中其他页面的摘要(被截断)。', evidence: ev }));
        const p = prevNonBlank(lines, i);
        if (p >= 0 && !done.has(p) && titleLike(lines, p) && !lineShape(lines[p].text).ends) {
          done.add(p);
          out.push(lineFinding(lines[p], lines, { rule: this.id, category: 'boilerplate', score: 0.7, message: 'Title of a teaser in a list of other pages.', messageZh: '其他页面列表中的标题。', evidence: [...ev, 'title line above an excerpt'] }));
        }
      }
    }
    return out;
  },
};
