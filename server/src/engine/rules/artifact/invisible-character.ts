/**
 * artifact/invisible-character — zero-width, byte-order-mark, bidirectional and control characters
 * inside the text (U+200B, U+2060, U+FEFF, U+200E/F, U+202A–E, U+2066–9, C0/C1 controls but tab).
 *
 * Why: they are invisible, break tokenisation and de-duplication, and a clean corpus drops them.
 * Zero-width joiners/non-joiners are kept where they do work (emoji sequences, Indic/Arabic text):
 * they are removed only between Han, ASCII or CJK punctuation. Runs of control characters before
 * punctuation (`花蛤\x07\x07\x06、蛤蜊`) are an invisible anti-copy watermark and go too.
 * Options: none.
 *
 *   防\u200b控工作 → 防控工作        \ufeff标题 → 标题
 */
import { Finding, Rule } from '../../types';
import { spanFinding } from '../helpers';
import { charAt, charBefore, isCjkPunct, isHan } from './chars';

const ID = 'artifact/invisible-character';
const RUN = /[\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]+/g;

function plain(c: string | undefined): boolean {
  return c === undefined || isHan(c) || isCjkPunct(c) || /^[\x20-\x7e\s]$/.test(c);
}

function name(run: string): string {
  let n = names.get(run);
  if (n === undefined) {
    n = [...new Set([...run].map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')))].join(' ');
    if (run.length <= 64) {
      if (names.size >= 1000) names.clear();
      names.set(run, n);
    }
  }
  return n;
}

/**
 * name() of the runs met so far (a function of the run alone): a page has a few distinct runs, met again on
 * every edit, where the spread, Set and map per finding (three times) cost in the interpreter.
 */
const names = new Map<string, string>();

export const invisibleCharacter: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    const text = ctx.text;
    RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RUN.exec(text))) {
      // a working joiner (the neighbours are read only for a run of joiners: a string per neighbour otherwise)
      if (/^[\u200c\u200d]+$/.test(m[0]) && !(plain(charBefore(text, m.index)) && plain(charAt(text, m.index + m[0].length)))) continue;
      const nm = name(m[0]);
      out.push(
        spanFinding(m.index, m.index + m[0].length, {
          rule: ID,
          category: 'artifact',
          message: `Invisible character(s) ${nm}`,
          messageZh: `不可见字符 ${nm}`,
          score: 0.9,
          evidence: [nm],
          fixTitle: 'Remove the invisible character',
        }),
      );
    }
    return out;
  },
};
