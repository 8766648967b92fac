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

function buildPageView(ctx: AnalysisContext): PageView {
  const n = ctx.text.length;
  // characters inside any boilerplate/spam finding: +1 at each start, -1 at each end, then running sums
  // (linear in findings + text, however much the findings overlap)
  const junk = new Int32Array(n + 1);
  const spam = new Int32Array(n + 1);
  for (const f of ctx.prior) {
    if (f.category !== 'boilerplate' && f.category !== 'spam') continue;
    const a = Math.max(0, f.start);
    const b = Math.min(n, f.end);
    if (b <= a) continue;
    junk[a]++;
    junk[b]--;
    if (f.category === 'spam') {
      spam[a]++;
      spam[b]--;
    }
  }
  for (let i = 1; i <= n; i++) {
    junk[i] += junk[i - 1];
    spam[i] += spam[i - 1];
  }
  const lines: LineInfo[] = [];
  let ink = 0;
  let junkInk = 0;
  let spamInk = 0;
  for (const line of ctx.lines) {
    if (line.blank) continue;
    let li = 0;
    let lj = 0;
    let ls = 0;
    for (let i = line.start; i < line.end; i++) {
      const c = ctx.text.charCodeAt(i);
      if (c <= 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x200b && c <= 0x200d) || (c >= 0xdc00 && c <= 0xdfff)) continue;
      li++;
      if (junk[i] > 0) lj++;
      if (spam[i] > 0) ls++;
    }
    if (!li) continue;
    const text = line.text;
    ink += li;
    junkInk += lj;
    spamInk += ls;
    lines.push({ line, text, ink: li, han: countHan(text), covered: lj / li, spam: ls / li >= 0.5, full: isFullSentence(text) });
  }
  return { ctx, lines, ink, junkInk, spamInk, rest: lines.filter((l) => l.covered < 0.5) };
}

/** One line-removing finding per line that earlier findings do not already cover whole. */
export function wipe(view: PageView, init: { rule: string; category: Category; message: string; messageZh: string; evidence: string[]; score: number }): Finding[] {
  const out: Finding[] = [];
  for (const l of view.lines) {
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
