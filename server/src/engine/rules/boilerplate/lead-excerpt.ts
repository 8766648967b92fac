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
import { memoByText } from '../../memo';

const ID = 'boilerplate/lead-excerpt';
const WINDOW = 8;

/**
 * A line's head when it may be an excerpt (running text of 30+ characters with a comma or a full stop; its
 * squashed text without a trailing `...` / `…`, 30+ units long), else null: by its text alone, memoized —
 * after an edit the rule reads the facts of unchanged lines instead of a squashed copy of every line and a
 * closure per line (~0.4-0.7 ms per edit in the interpreter on the bench's 100 KB page).
 */
const headOf = memoByText((text: string): string | null => {
  const shape = lineShape(text);
  if (shape.ink < 30 || !/[，,。]/.test(shape.text)) return null;
  const head = squashed(text).replace(/(?:\.{2,}|…+)$/, '');
  return head.length < 30 ? null : head;
});

export const leadExcerpt: Rule = {
  id: ID,
  category: 'boilerplate',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    const lines = ctx.lines;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      if (line.blank) continue;
      const head = headOf(line.text);
      if (head === null) continue;
      // the next WINDOW non-blank lines
      let seen = 0;
      for (let q = k + 1; q < lines.length && seen < WINDOW; q++) {
        const next = lines[q];
        if (next.blank) continue;
        seen++;
        const flat = squashed(next.text);
        if (flat.length > head.length && flat.startsWith(head)) {
          out.push(lineFinding(line, lines, {
            rule: ID, category: 'boilerplate', score: 0.8,
            message: `Excerpt repeating the start of line ${next.index + 1}.`,
            messageZh: `重复正文开头的摘录（第 ${next.index + 1} 行）。`,
            evidence: [`prefix of line ${next.index + 1}`, `${head.length} characters`],
          }));
          break;
        }
      }
    }
    return out;
  },
};
