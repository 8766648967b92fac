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

/** What the rule reads of a line, by its text alone (memoized: see below). */
interface LeadFacts {
  /** the line's head when it may be an excerpt, else null (see headOf) */
  head: string | null;
  /** squashed(text): the text a later line's head is compared with */
  flat: string;
  /** the first two code units of `flat` (a cheap test before startsWith), -1 when shorter */
  lead: number;
}

/**
 * A line's facts: its head when it may be an excerpt (running text of 30+ characters with a comma or a full
 * stop; its squashed text without a trailing `...` / `…`, 30+ units long), its squashed text and that text's
 * first two code units — by its text alone, memoized: after an edit the rule reads the facts of unchanged
 * lines instead of a squashed copy of every line and a closure per line, and compares a line with the next
 * 8 by two numbers before any string (~0.4-0.7 ms per edit in the interpreter on the bench's 100 KB page before).
 */
const factsOf = memoByText((text: string): LeadFacts => {
  const flat = squashed(text);
  const lead = flat.length >= 2 ? flat.charCodeAt(0) * 65536 + flat.charCodeAt(1) : -1;
  const shape = lineShape(text);
  let head: string | null = null;
  if (shape.ink >= 30 && /[，,。]/.test(shape.text)) {
    const h = flat.replace(/(?:\.{2,}|…+)$/, '');
    if (h.length >= 30) head = h;
  }
  return { head, flat, lead };
});

/** The current analysis's non-blank lines (indices), their facts' lead codes and flat lengths: reused scratch. */
let nbLine = new Int32Array(256);
let nbLead = new Int32Array(256);
let nbLen = new Int32Array(256);
let nbFacts: (LeadFacts | undefined)[] = [];

export const leadExcerpt: Rule = {
  id: ID,
  category: 'boilerplate',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    const lines = ctx.lines;
    if (nbLine.length < lines.length) {
      nbLine = new Int32Array(lines.length);
      nbLead = new Int32Array(lines.length);
      nbLen = new Int32Array(lines.length);
    }
    let m = 0;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].blank) continue;
      const f = factsOf(lines[i].text);
      nbLine[m] = i;
      nbLead[m] = f.lead;
      nbLen[m] = f.flat.length;
      nbFacts[m] = f;
      m++;
    }
    for (let k = 0; k < m; k++) {
      const head = nbFacts[k]!.head;
      if (head === null) continue;
      // (head is a prefix of this line's flat text, 30+ units: its first two units are this line's lead)
      const lead = nbLead[k];
      for (let q = k + 1; q < m && q <= k + WINDOW; q++) {
        if (nbLen[q] <= head.length || nbLead[q] !== lead || !nbFacts[q]!.flat.startsWith(head)) continue;
        const line = lines[nbLine[k]];
        const next = lines[nbLine[q]];
        out.push(lineFinding(line, lines, {
          rule: ID, category: 'boilerplate', score: 0.8,
          message: `Excerpt repeating the start of line ${next.index + 1}.`,
          messageZh: `重复正文开头的摘录（第 ${next.index + 1} 行）。`,
          evidence: [`prefix of line ${next.index + 1}`, `${head.length} characters`],
        }));
        break;
      }
    }
    // (the facts are not kept past the analysis)
    for (let k = 0; k < m; k++) nbFacts[k] = undefined;
    return out;
  },
};
