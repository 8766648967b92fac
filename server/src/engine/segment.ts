/**
 * Splits a document into lines and blocks. A block is a maximal run of non-blank lines:
 * a paragraph, a hard-wrapped paragraph, or a run of short lines (a menu, a footer).
 */
import { Block, Line } from './types';
import { LineIndex } from './lineIndex';
import { LineSlots, newLineSlots, registerLine } from './memo';

const BLANK = /^[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060]*$/;

export function isBlank(s: string): boolean {
  return BLANK.test(s);
}

/**
 * A copy of a slice that does not keep the whole document alive: V8 represents a slice of 13+
 * characters as a view into its parent, so a line remembered by a memo (norm, lineShape…) would hold
 * every version of an edited document in memory. Concatenation + slice makes a flat copy.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Lines' texts interned across analyses: a line that did not change since an earlier analysis (an edit in
 * the editor) gets the very string object it had then, so every memo keyed by line text (norm, lineShape,
 * engine/memo.ts, the AnalysisCache) finds it by pointer, with its hash already computed, instead of
 * hashing and comparing a fresh copy once per memo. Bounded like TextMemo: two generations of at most
 * MAX_INTERNED / 2 texts and MAX_INTERNED_CHARS characters each; texts longer than MAX_INTERNED_LENGTH are
 * not kept.
 */
const MAX_INTERNED = 100000;
const MAX_INTERNED_LENGTH = 20000;
/** characters of the texts of one generation */
const MAX_INTERNED_CHARS = 2000000;
interface Interned {
  text: string;
  /** the memos' answers about this text (memo.ts) */
  slots: LineSlots;
}
let internCur = new Map<string, Interned>();
let internPrev = new Map<string, Interned>();
let internChars = 0;

/** The canonical flat copy of a line's text (see above), with its memo slots. */
function internEntry(slice: string): Interned | undefined {
  const hit = internCur.get(slice);
  if (hit !== undefined) return hit;
  if (slice.length > MAX_INTERNED_LENGTH) return undefined;
  const e = internPrev.get(slice) ?? { text: own(slice), slots: newLineSlots() };
  if (internCur.size >= MAX_INTERNED / 2 || internChars + e.text.length > MAX_INTERNED_CHARS) {
    internPrev = internCur;
    internCur = new Map();
    internChars = 0;
  }
  internCur.set(e.text, e);
  internChars += e.text.length;
  return e;
}

/** The canonical flat copy of a line's text (see above). */
export function internLine(slice: string): string {
  return internEntry(slice)?.text ?? own(slice);
}

export function splitLines(text: string, index = new LineIndex(text)): Line[] {
  const lines: Line[] = [];
  const starts = index.lineStarts;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = index.lineEnd(i);
    const next = i + 1 < starts.length ? starts[i + 1] : text.length;
    const slice = text.slice(start, end);
    const e = internEntry(slice);
    let t: string;
    if (e) {
      t = e.text;
      registerLine(t, e.slots);
    } else t = own(slice);
    lines.push({ index: i, start, end, next, text: t, blank: isBlank(t) });
  }
  return lines;
}

const nonBlankOf = new WeakMap<readonly Line[], readonly Line[]>();

/**
 * The non-blank lines of an analysis's lines, listed once per analysis and shared by the document-level
 * rules that walk them (callers must not mutate it): each made its own filtered copy, a closure call per
 * line, on every edit.
 */
export function nonBlankLines(lines: readonly Line[]): readonly Line[] {
  let nb = nonBlankOf.get(lines);
  if (nb === undefined) {
    const a: Line[] = [];
    for (let i = 0; i < lines.length; i++) if (!lines[i].blank) a.push(lines[i]);
    nonBlankOf.set(lines, (nb = a));
  }
  return nb;
}

export function splitBlocks(lines: readonly Line[]): { blocks: Block[]; blockOfLine: number[] } {
  const blocks: Block[] = [];
  const blockOfLine: number[] = new Array(lines.length).fill(-1);
  let cur: Block | undefined;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l.blank) {
      cur = undefined;
      continue;
    }
    if (!cur) {
      cur = { index: blocks.length, first: l.index, last: l.index, start: l.start, end: l.end };
      blocks.push(cur);
    } else {
      cur.last = l.index;
      cur.end = l.end;
    }
    blockOfLine[l.index] = cur.index;
  }
  return { blocks, blockOfLine };
}

/** Index of the first line that ends after `offset` (lines in offset order); `lines.length` when none does. */
export function firstLineEndingAfter(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last line that starts at or before `offset` (lines in offset order); 0 when none does. */
export function lineAtOffset(lines: readonly Line[], offset: number): number {
  return lastAtOrBefore(lines.length, (i) => lines[i].start, offset);
}

/** The last index in [0, n) whose key is ≤ x, keys ascending by index; 0 when none is (or n = 0). */
export function lastAtOrBefore(n: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
