/**
 * boilerplate/repeated-line — a line that already appeared earlier in the document (the repeated headline,
 * a menu item listed twice, a related-article title shown in two widgets).
 *
 * Why: the article never needs the same short line twice; templates repeat the headline under the title
 * and again in lists. The first copy is left to the other rules; the later copies are flagged.
 * How: lines are compared after normalization (white space removed, Simplified, half-width); lines of
 * 3–80 visible characters that do not read like a sentence (a quoted forum reply is left alone).
 * Options: none.
 * Example: `我区召开疫情防控工作专题汇报会议` (second copy, under the metadata line) → (line removed)
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape, norm } from './common';

export function lineKey(text: string): string {
  return norm(text).replace(/[\s\u3000]/g, '');
}

export const repeatedLine: Rule = {
  id: 'boilerplate/repeated-line',
  category: 'boilerplate',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    for (const line of ctx.lines) {
      if (line.blank) continue;
      const key = lineKey(line.text);
      const shape = lineShape(line.text);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, line.index);
        continue;
      }
      if (shape.ink < 3 || /^[\d\s\p{P}]+$/u.test(key)) continue;
      const headlineLike = shape.ink <= 80 && !shape.sentence && shape.commas <= 1 && !/[。！？!?]\S/.test(key);
      if (!headlineLike) continue;
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
