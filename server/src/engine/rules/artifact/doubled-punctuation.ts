/**
 * artifact/doubled-punctuation — a comma slipped in before another mark (`召開,。`, `陳永奇,,自治區`,
 * `站,、`), a trick some sites use to defeat copying and keyword matching.
 *
 * Why: the gold clean text collapses the run and keeps the last (strongest) mark. Only runs led by a
 * comma (ASCII `,` or full-width `，`) and ending in a comma, `、`, `。`, `；` or `;` are touched, and
 * only in Chinese text and not after an ASCII letter or digit, so `……`, `——`, `！！`, `？！`, `。。` and code such as `f(a,,b)` stay.
 * Options: none. Score is higher when the page does it several times.
 *
 *   會議召開,。區黨委 → 會議召開。區黨委        陳永奇,,自治區 → 陳永奇,自治區
 */
import { Finding, Rule } from '../../types';
import { PlacedFindings, placedFindings, spanFinding } from '../helpers';
import { HAN_SRC } from './chars';
import { memoByText } from '../../memo';

const ID = 'artifact/doubled-punctuation';
const RUN = /[,，]+(?=[,，、。；;])/g;
/** Chinese text just before the run (an annotation such as `(dòng)` may sit in between). */
const HAN_NEAR = new RegExp(HAN_SRC);

/** One run on a line: offsets inside the line, and the run with the mark after it. */
interface Hit {
  at: number;
  end: number;
  mark: string;
}
const NO_HITS: readonly Hit[] = Object.freeze([]);

/** The runs of one line, by its text alone (memoized: after an edit only the changed lines are searched). */
const hitsOfLine = memoByText((text: string): readonly Hit[] => {
  let hits: Hit[] | undefined;
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(text))) {
    const prev = text[m.index - 1];
    if (prev === undefined || /[A-Za-z0-9]/.test(prev)) continue;
    if (!HAN_NEAR.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const next = text[m.index + m[0].length];
    (hits ??= []).push({ at: m.index, end: m.index + m[0].length, mark: m[0] + next });
  }
  return hits ?? NO_HITS;
});

/**
 * The findings last made of a line's runs, per page count (helpers placedFindings): the bench's 100 KB page
 * has 55 runs, each a finding with three template strings made again on every edit.
 */
const placedOf: PlacedFindings<number> = new WeakMap();

/** The lines of the current analysis with runs (their indices), reused. */
let withHits = new Int32Array(64);

export const doubledPunctuation: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  check(ctx) {
    const lines = ctx.lines;
    let total = 0;
    let n = 0;
    for (let lineI = 0; lineI < lines.length; lineI++) {
      const line = lines[lineI];
      if (line.blank) continue;
      const hits = hitsOfLine(line.text);
      if (!hits.length) continue;
      total += hits.length;
      if (n === withHits.length) {
        const a = new Int32Array(n * 2);
        a.set(withHits);
        withHits = a;
      }
      withHits[n++] = lineI;
    }
    const out: Finding[] = [];
    if (!total) return out;
    const score = total >= 3 ? 0.95 : 0.7;
    for (let k = 0; k < n; k++) {
      const line = lines[withHits[k]];
      const hits = hitsOfLine(line.text);
      const fs = placedFindings(placedOf, hits, line.start, total, () => {
        const findings: Finding[] = [];
        for (let hI = 0; hI < hits.length; hI++) {
          const h = hits[hI];
          findings.push(
            spanFinding(line.start + h.at, line.start + h.end, {
              rule: ID,
              category: 'artifact',
              message: `Doubled punctuation “${h.mark}” (obfuscation); keep the last mark`,
              messageZh: `重复标点“${h.mark}”（干扰字符），保留最后一个`,
              score,
              evidence: [h.mark, `${total} in document`],
              fixTitle: `Collapse “${h.mark}” to “${h.mark.slice(-1)}”`,
            }),
          );
        }
        return findings;
      });
      for (let fI = 0; fI < fs.length; fI++) out.push(fs[fI]);
    }
    return out;
  },
};
