/**
 * boilerplate/lead-excerpt — an unlabelled excerpt of the body above it: a line that is the start of a
 * longer line a little further down (`我觉得我是…曾经在...` above `我觉得我是…曾经在用户体验上犯了…`).
 *
 * Why: list and article templates print the first sentences of the text as a summary or teaser, then the
 * text itself; the copy adds nothing. Summaries with a cue word (`摘要:`) are boilerplate/template-summary;
 * this rule catches the ones without a label, which only repeat the body's opening.
 * How: a line of running text (30+ characters with a comma or a full stop), whose text with spaces and a
 * trailing `...` / `…` removed is a strict prefix of one of the next 8 non-blank lines. A headline (no
 * punctuation) repeated at the start of a line is left alone.
 * Options: none.
 * Example: `会议指出,今年汛期降雨偏多,各地要提前转移...⏎会议指出,今年汛期降雨偏多,各地要提前转移危险区域群众。`
 * → the first line is removed.
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape, squashed } from './common';

const ID = 'boilerplate/lead-excerpt';
const WINDOW = 8;


export const leadExcerpt: Rule = {
  id: ID,
  category: 'boilerplate',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    const lines = ctx.lines.filter((l) => !l.blank);
    const flat = lines.map((l) => squashed(l.text));
    lines.forEach((line, k) => {
      const shape = lineShape(line.text);
      if (shape.ink < 30 || !/[，,。]/.test(shape.text)) return;
      const head = flat[k].replace(/(?:\.{2,}|…+)$/, '');
      if (head.length < 30) return;
      for (let q = k + 1; q < lines.length && q <= k + WINDOW; q++) {
        if (flat[q].length > head.length && flat[q].startsWith(head)) {
          out.push(lineFinding(line, ctx.lines, {
            rule: ID, category: 'boilerplate', score: 0.8,
            message: `Excerpt repeating the start of line ${lines[q].index + 1}.`,
            messageZh: `重复正文开头的摘录（第 ${lines[q].index + 1} 行）。`,
            evidence: [`prefix of line ${lines[q].index + 1}`, `${head.length} characters`],
          }));
          return;
        }
      }
    });
    return out;
  },
};
