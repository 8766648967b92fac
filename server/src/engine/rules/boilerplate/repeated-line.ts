/**
 * boilerplate/repeated-line — a line that already appeared earlier in the document (the repeated headline,
 * a menu item listed twice).
 *
 * Why: the article never needs the same short line twice; templates repeat the headline under the title
 * and again in lists. The first copy is left to the other rules; the later copies are flagged.
 * How: lines are compared after normalization (white space removed, Simplified, half-width); lines of
 * 3–80 visible characters that do not read like a sentence (a quoted forum reply is left alone), within 12
 * lines of the original (farther repeats are left to boilerplate/context: a wiki links the same term many
 * times); structured list items (`成人票原价:60元`, `1、…`) are never flagged. A paragraph shown twice within
 * three lines, as the first running text of the page, is the description box above the article: there the
 * first copy is flagged. So is a summary among the first four lines (30+ characters of running text, a trailing
 * `…`/`...` cut off) whose text reappears inside a longer later paragraph: the page's description, cut from
 * the body (`葡萄酒在很早时期就开始有了…` above `…以上向大家介绍了葡萄酒的起源，葡萄酒在很早时期就开始有了…`).
 * Options: none.
 * Example: `我区召开疫情防控工作专题汇报会议` (second copy, under the metadata line) → (line removed)
 */
import { AnalysisContext, Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape, squashed } from './common';
import { nonBlankLines } from '../../segment';

/** A copy counts when it follows its original within this many lines (the headline under the title). */
const NEAR = 12;

export function lineKey(text: string): string {
  return squashed(text);
}

/** Index of the first line that reads like a sentence (the description box comes before the body). */
function firstSentence(ctx: AnalysisContext): number {
  for (const l of ctx.lines) if (!l.blank && lineShape(l.text).sentence) return l.index;
  return -1;
}

const CUT_END = /(?:\.{2,}|…+|。。。)$/;

/** Lines among the first four whose text (ellipsis cut off) reappears inside a longer later line. */
export function descriptionBoxes(ctx: AnalysisContext): { line: number; in: number }[] {
  const lines = nonBlankLines(ctx.lines);
  const out: { line: number; in: number }[] = [];
  // (the later lines' keys only for a line that passes: a key of every line on every edit cost more)
  for (let k = 0; k < Math.min(4, lines.length); k++) {
    const shape = lineShape(lines[k].text);
    const full = lineKey(lines[k].text);
    const key = full.replace(CUT_END, '');
    if (shape.ink < 30 || key.length < 25 || !(shape.sentence || CUT_END.test(full))) continue;
    for (let j = k + 1; j < lines.length; j++) {
      const kj = lineKey(lines[j].text);
      if (kj.length >= key.length + 10 && kj.includes(key)) {
        out.push({ line: lines[k].index, in: lines[j].index });
        break;
      }
    }
  }
  return out;
}

export const repeatedLine: Rule = {
  id: 'boilerplate/repeated-line',
  category: 'boilerplate',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    const boxes = descriptionBoxes(ctx);
    for (let dI = 0; dI < boxes.length; dI++) {
      const d = boxes[dI];
      out.push(lineFinding(ctx.lines[d.line], ctx.lines, {
        rule: 'boilerplate/repeated-line', category: 'boilerplate', score: 0.6,
        message: `Repeated inside line ${d.in + 1}: the page's description box.`,
        messageZh: `在第 ${d.in + 1} 行中重复出现:页面摘要框。`,
        evidence: [`contained in line ${d.in + 1}`, 'summary cut from the body'],
      }));
    }
    const boxed = new Set(out.map((f) => f.start));
    const seen = new Map<string, number>();
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const key = lineKey(line.text);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, line.index);
        continue;
      }
      const shape = lineShape(line.text);
      if (shape.ink < 3 || /^[\d\s\p{P}]+$/u.test(key)) continue;
      if (shape.sentence && shape.ink >= 30 && line.index - first <= 3 && firstSentence(ctx) === first) {
        // a paragraph shown twice in a row: the first copy is the page's description box
        const orig = ctx.lines[first];
        if (boxed.has(orig.start + orig.text.length - orig.text.trimStart().length)) continue;
        out.push(lineFinding(orig, ctx.lines, {
          rule: 'boilerplate/repeated-line', category: 'boilerplate', score: 0.6,
          message: `Repeated right below (line ${line.index + 1}): a description box.`,
          messageZh: `下方(第 ${line.index + 1} 行)重复出现:页面摘要框。`,
          evidence: [`same as line ${line.index + 1}`, 'paragraph shown twice'],
        }));
        continue;
      }
      const headlineLike = shape.ink <= 80 && !shape.sentence && shape.commas <= 1 && !/[。！？!?]\S/.test(key);
      if (!headlineLike || line.index - first > NEAR) continue;
      // structured items of a list inside an article (`成人票原价:60元`, `1、docker脚本`, `[注]`) repeat legitimately
      if (/[:：]\s*[\d¥￥$]|^\d{1,2}\s*[、.．]|^[\[【(（].*[\]】)）]$/.test(key)) continue;
      out.push(lineFinding(line, ctx.lines, {
        rule: 'boilerplate/repeated-line', category: 'boilerplate', score: headlineLike ? 0.85 : 0.7,
        message: `Repeats line ${first + 1}.`,
        messageZh: `与第 ${first + 1} 行重复。`,
        evidence: [`same as line ${first + 1}`],
      }));
    }
    return out;
  },
};
