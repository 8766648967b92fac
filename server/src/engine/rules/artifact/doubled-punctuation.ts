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
import { spanFinding } from '../helpers';
import { HAN_SRC } from './chars';

const ID = 'artifact/doubled-punctuation';
const RUN = /[,，]+(?=[,，、。；;])/g;
/** Chinese text just before the run (an annotation such as `(dòng)` may sit in between). */
const HAN_NEAR = new RegExp(HAN_SRC);

export const doubledPunctuation: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  check(ctx) {
    const hits: { start: number; end: number; mark: string }[] = [];
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(line.text))) {
        const prev = line.text[m.index - 1];
        if (prev === undefined || /[A-Za-z0-9]/.test(prev)) continue;
        if (!HAN_NEAR.test(line.text.slice(Math.max(0, m.index - 12), m.index))) continue;
        const next = line.text[m.index + m[0].length];
        hits.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, mark: m[0] + next });
      }
    }
    const score = hits.length >= 3 ? 0.95 : 0.7;
    return hits.map(
      (h): Finding =>
        spanFinding(h.start, h.end, {
          rule: ID,
          category: 'artifact',
          message: `Doubled punctuation “${h.mark}” (obfuscation); keep the last mark`,
          messageZh: `重复标点“${h.mark}”（干扰字符），保留最后一个`,
          score,
          evidence: [h.mark, `${hits.length} in document`],
          fixTitle: `Collapse “${h.mark}” to “${h.mark.slice(-1)}”`,
        }),
    );
  },
};
