/**
 * Shared machinery of the page-verdict rules (boilerplate/listing-page, spam/spam-page); not a rule itself.
 *
 * `pageView(ctx)` looks at the whole document after phases 0–1:
 * - which lines the earlier boilerplate/spam findings (`ctx.prior`) already cover (share of the line's ink),
 * - the share of the page's ink already judged junk, and how much of it is spam,
 * - which of the remaining lines are "full sentences" (running text a reader would keep: 15+ visible
 *   characters, 8+ Han, sentence punctuation, not cut off with `…`/`...`, not starting mid-sentence).
 * `wipe(view, init)` turns a page-level decision into one finding per line not yet covered, each removing
 * its line, so the scorer and `clean` drop the whole page.
 */
import { AnalysisContext, Category, Finding, Line } from '../../types';
import { inkLength, countHan } from '../../text';
import { lineFinding } from '../helpers';
import { norm } from './common';
import { memoByText } from '../../memo';

export const TRUNCATED = /(?:\.{2,}|…+|。。。|\.\s?\.\s?\.)\s*$/;
export const MID_START = /^[，。、；：”’」』）》,;:)]/;

export interface LineInfo {
  line: Line;
  text: string;
  ink: number;
  han: number;
  /** share of the line's ink inside earlier boilerplate/spam findings */
  covered: number;
  /** covered by an earlier spam finding (most of the line) */
  spam: boolean;
  full: boolean;
}

export interface PageView {
  ctx: AnalysisContext;
  lines: LineInfo[];
  ink: number;
  junkInk: number;
  spamInk: number;
  /** lines no earlier rule covered (≥ 50 %) */
  rest: LineInfo[];
}

/** Running text a reader would keep: long enough, punctuated like sentences, not cut off, not a fragment. */
export const isFullSentence = memoByText(fullSentence);

function fullSentence(text: string): boolean {
  const s = norm(text).trim();
  const ink = inkLength(s);
  if (ink < 15 || countHan(s) < 8) return false;
  if (TRUNCATED.test(s) || MID_START.test(s)) return false;
  const stops = (s.match(/[。！？!?]/g) || []).length;
  const commas = (s.match(/[，,、；;]/g) || []).length;
  return stops >= 1 || commas >= 2;
}

/** The view of each analysis context (one per phase: its `prior` does not change), built once for the rules that ask. */
const views = new WeakMap<AnalysisContext, PageView>();

export function pageView(ctx: AnalysisContext): PageView {
  let view = views.get(ctx);
  if (!view) views.set(ctx, (view = buildPageView(ctx)));
  return view;
}

/** A code unit that counts as ink for the page view (not white space, zero-width, BOM or a low surrogate). */
function isInk(c: number): boolean {
  return !(c <= 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x200b && c <= 0x200d) || (c >= 0xdc00 && c <= 0xdfff));
}

/**
 * A line's facts for the page view: how many ink units, where the first and last are, its Han count and
 * whether it is a full sentence; memoized by text (one look-up per line and analysis, not one per question).
 */
const inkOf = memoByText((t: string): { ink: number; first: number; last: number; han: number; full: boolean } => {
  let ink = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < t.length; i++) {
    if (!isInk(t.charCodeAt(i))) continue;
    ink++;
    if (first < 0) first = i;
    last = i;
  }
  return { ink, first, last, han: countHan(t), full: isFullSentence(t) };
});

/** The union of intervals [a, b) given as flat pairs, as sorted disjoint flat pairs. */
function union(flat: number[]): number[] {
  const k = flat.length >> 1;
  const order = new Array<number>(k);
  for (let i = 0; i < k; i++) order[i] = i;
  order.sort((x, y) => flat[2 * x] - flat[2 * y]);
  const out: number[] = [];
  for (let iI = 0; iI < k; iI++) {
    const i = order[iI];
    const a = flat[2 * i];
    const b = flat[2 * i + 1];
    if (out.length && a <= out[out.length - 1]) {
      if (b > out[out.length - 1]) out[out.length - 1] = b;
    } else out.push(a, b);
  }
  return out;
}

/** Ink units of line text `t` (starting at `at`) inside the sorted disjoint intervals `u`, from interval `k` on. */
function inkInside(t: string, at: number, info: { ink: number; first: number; last: number }, u: number[], k: number): number {
  const s = at + info.first;
  const e = at + info.last + 1;
  let n = 0;
  for (let j = k; j < u.length && u[j] < e; j += 2) {
    const a = Math.max(u[j], s);
    const b = Math.min(u[j + 1], e);
    if (b <= a) continue;
    if (a === s && b === e) return info.ink; // one interval over all of the line's ink
    for (let i = a; i < b; i++) if (isInk(t.charCodeAt(i - at))) n++;
  }
  return n;
}

function buildPageView(ctx: AnalysisContext): PageView {
  const n = ctx.text.length;
  // characters inside any boilerplate/spam finding: the union of their spans (however much they overlap)
  const junkSpans: number[] = [];
  const spamSpans: number[] = [];
  for (let fI = 0, priorArr = ctx.prior; fI < priorArr.length; fI++) {
    const f = priorArr[fI];
    if (f.category !== 'boilerplate' && f.category !== 'spam') continue;
    const a = Math.max(0, f.start);
    const b = Math.min(n, f.end);
    if (b <= a) continue;
    junkSpans.push(a, b);
    if (f.category === 'spam') spamSpans.push(a, b);
  }
  const junk = union(junkSpans);
  const spam = union(spamSpans);
  const lines: LineInfo[] = [];
  let ink = 0;
  let junkInk = 0;
  let spamInk = 0;
  let kj = 0;
  let ks = 0;
  for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
    const line = linesArr[lineI];
    if (line.blank) continue;
    const info = inkOf(line.text);
    const li = info.ink;
    if (!li) continue;
    // intervals ending before the line's first ink unit cannot touch this line or a later one
    const s = line.start + info.first;
    while (kj < junk.length && junk[kj + 1] <= s) kj += 2;
    while (ks < spam.length && spam[ks + 1] <= s) ks += 2;
    const lj = inkInside(line.text, line.start, info, junk, kj);
    const ls = inkInside(line.text, line.start, info, spam, ks);
    const text = line.text;
    ink += li;
    junkInk += lj;
    spamInk += ls;
    lines.push({ line, text, ink: li, han: info.han, covered: lj / li, spam: ls / li >= 0.5, full: info.full });
  }
  const rest: LineInfo[] = [];
  for (let k = 0; k < lines.length; k++) if (lines[k].covered < 0.5) rest.push(lines[k]);
  return { ctx, lines, ink, junkInk, spamInk, rest };
}

/** One line-removing finding per line that earlier findings do not already cover whole. */
export function wipe(view: PageView, init: { rule: string; category: Category; message: string; messageZh: string; evidence: string[]; score: number }): Finding[] {
  const out: Finding[] = [];
  for (let lI = 0, linesArr = view.lines; lI < linesArr.length; lI++) {
    const l = linesArr[lI];
    if (l.covered >= 0.95) continue;
    out.push(lineFinding(l.line, view.ctx.lines, { ...init, fixTitle: 'Remove this line (the whole page is junk)' }));
  }
  return out;
}

/** A line's shape for template matching: NFKC, digits → 0, Latin runs → a, white space collapsed. */
export const shapeOf = memoByText(computeShapeOf);

function computeShapeOf(text: string): string {
  return norm(text).trim().replace(/[0-9]+/g, '0').replace(/[A-Za-z]+/g, 'a').replace(/\s+/g, ' ');
}

export function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}
