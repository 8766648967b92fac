/**
 * Shared machinery of the boilerplate rules (not a rule itself).
 *
 * - `norm(line)`: the form cue words are matched against: pinyin annotations removed (`關(guān)於` → `關於`),
 *   Traditional → Simplified (opencc), full-width → half-width (NFKC). So one data file of Simplified cue
 *   words serves Simplified, Traditional and obfuscated pages. Only used for decisions; findings always
 *   cover the original line.
 * - `lineShape(text)`: ink length, Han ratio, sentence punctuation, "reads like a sentence".
 * - `cueRule(spec)`: builds a line rule from a lexicon of cue phrases (server/data/lexicons/boilerplate-*.txt)
 *   and a length limit: a short line that carries a strong cue (or is mostly cue words) is flagged.
 */
import { AnalysisContext, Finding, Line, Rule } from '../../types';
import { isPlain, lexicon, LexMatch } from '../../lexicon';
import { inkLength, countHan, isJsSpace, leadingSpace, nonSpaceUnits, trailingSpace } from '../../text';
import { memoByText } from '../../memo';
import { lineFinding } from '../helpers';
import { lineAtOffset } from '../../segment';

import { converter } from '../../convert';
let t2s: ((s: string) => string) | undefined;

const PINYIN = /\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7})\)/gi;
/**
 * Memoized by text (engine/memo.ts: bounded in count and characters; texts of 20,000+ characters, pages and
 * blocks, are not kept — each edit would leave a stale copy behind).
 */
export const norm = memoByText(computeNorm);

function computeNorm(s: string): string {
  if (!t2s) t2s = converter('hk', 'cn'); // opencc-js Converter({ from: 'hk', to: 'cn' }), same output (convert.ts)
  const out = s.replace(PINYIN, '').normalize('NFKC');
  return t2s(out).replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

export interface Shape {
  /** the normalized line (see `norm`), trimmed, without lost-character `?` and pinyin residue */
  text: string;
  ink: number;
  han: number;
  /** sentence punctuation inside the line (，。！？；、), not counting colons. */
  punct: number;
  commas: number;
  /** ends with a sentence end (。！？…) */
  ends: boolean;
  /** reads like running text: long enough and punctuated like a sentence. */
  sentence: boolean;
}

/** The shape of a line (memoized like `norm`: every cue rule asks for the same lines; callers must not mutate it). */
export const lineShape = memoByText(computeShape);

function computeShape(text: string): Shape {
  // a `?` glued to the next character is a lost character, not a question mark; pinyin residue goes too
  const n = norm(text).trim().replace(/\?(?=\S)/g, '').replace(/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g, '');
  const ink = inkLength(n);
  const han = countHan(n);
  const commas = (n.match(/[,，、;；]/g) || []).length;
  const stops = (n.match(/[。!?！？]|\.\.\.|…/g) || []).length;
  const ends = /[。!?！？…」』”"）)]$/.test(n) && !/^[(（\[【]/.test(n);
  const punct = commas + stops;
  const sentence = (ink >= 20 && (stops >= 1 || commas >= 2) && han >= 8) || (ink >= 12 && /[。！？!?]$/.test(n) && commas >= 1);
  return { text: n, ink, han, punct, commas, ends, sentence };
}

/** A line normalized (see `norm`) without white space (`\s`, U+3000): the key lines are compared by (memoized by text). */
export const squashed = memoByText((text) => norm(text).replace(/[\s\u3000]/g, ''));

/**
 * The cue rules' lexicons (cueRule registers them as the rules are built), up to 31 of them as bits of one
 * table by code unit, frozen on first use: a line's mask tells which of them have a term starting somewhere
 * in its normalized text, so a rule skips the lexicon search (and its scan of the line) where none can
 * match. A lexicon registered after the freeze has no bit and is always searched.
 */
const cueLexNames: string[] = [];
let cueStarts: { table: Int32Array; bit: Map<string, number> } | undefined;

function cueStartTable(): { table: Int32Array; bit: Map<string, number> } {
  if (cueStarts) return cueStarts;
  const table = new Int32Array(0x10000);
  const bit = new Map<string, number>();
  for (const name of cueLexNames) {
    if (bit.size >= 31 || bit.has(name)) continue;
    const b = 1 << bit.size;
    bit.set(name, b);
    const starts = lexicon(name).startUnits;
    for (let c = 0; c < 0x10000; c++) if (starts[c]) table[c] |= b;
  }
  return (cueStarts = { table, bit });
}

/** Bits (cueStartTable) of the cue lexicons with a term starting in `n` (a line's `norm(text).trim()`). */
function maskOf(n: string): number {
  const { table } = cueStartTable();
  let m = 0;
  for (let i = 0; i < n.length; i++) m |= table[n.charCodeAt(i)];
  return m;
}

/** false when lexicon `name` has no match for sure in a line whose cue mask (maskOf) is `mask`. */
function mayCue(name: string, mask: number): boolean {
  const b = cueStartTable().bit.get(name);
  return b === undefined || (mask & b) !== 0;
}

/** What judgeCueLine reads of a line's text: `norm(text).trim()`, `lineShape(text)` and its cue mask. */
interface CueFacts {
  /** the line's text */
  t: string;
  n: string;
  shape: Shape;
  mask: number;
  /** isPlain(n) (lexicon.ts), asked once for every cue lexicon searched */
  plain: boolean;
  /**
   * The verdicts of the line-local cue rules on this text, filled in as they ask (bit `lineSlot` of `judged`:
   * the rule has judged it; `verdicts[lineSlot]`: its verdict when there is one). Each is a function of the
   * text alone (locality 'line'), so the facts read the same whoever asked first.
   */
  judged: number;
  verdicts: (Verdict | undefined)[] | undefined;
}

type Verdict = { score: number; evidence: string[] };

/** Line-local cue rules given a bit of CueFacts.judged so far (at most 31; the others judge every line). */
let lineSlots = 0;

/**
 * The facts of a line every cue rule reads, in one memo (engine/memo.ts): one look-up per line instead of
 * three per line and rule (14 cue rules; most lines of a crawl are new, so the look-ups were the cost). The
 * first cue rule of an analysis keeps them by line position (factsByPosition), the others read that array.
 */
const cueFacts = memoByText((text: string): CueFacts => {
  const n = norm(text).trim();
  const shape = lineShape(text);
  return { t: text, n, shape, mask: maskOf(n), plain: isPlain(n), judged: 0, verdicts: undefined };
});

export function cues(name: string, text: string): LexMatch[] {
  return lexicon(name).find(text);
}

/**
 * false when no cue of lexicon `name` starts in text[from, to) for sure: none of those code units starts a
 * term (a quick test before the search and the work around it).
 */
export function mayHaveCue(name: string, text: string, from = 0, to = text.length): boolean {
  const starts = lexicon(name).startUnits;
  for (let i = from; i < to; i++) if (starts[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Share of the visible characters of `n` covered by matches. */
export function coverage(n: string, ms: readonly LexMatch[]): number {
  const ink = inkLength(n);
  if (!ink) return 0;
  let c = 0;
  for (const m of ms) c += inkLength(n.slice(m.start, m.end));
  return Math.min(1, c / ink);
}

/** Index of the first visible character. */
export function firstInk(n: string): number {
  const m = n.match(/[^\s\u3000]/);
  return m && m.index !== undefined ? m.index : 0;
}

export interface CueRuleSpec {
  name: string;
  /** `line` when `extra` reads nothing but the line and there is no `extraGate` (see Rule.locality in types.ts). */
  locality?: 'line';
  /** lexicon file name without `.txt` (omit when `extra` decides alone) */
  lex?: string;
  message: string;
  messageZh: string;
  /** longest line (visible characters) the rule flags. */
  maxInk: number;
  /** a strong cue only counts within this many characters of the line start (default: anywhere). */
  startWithin?: number;
  /** lines longer than this need the cue at the start (default: maxInk). */
  anywhereMaxInk?: number;
  /** share of the line that cue words must cover for a weak-only line (default 0.5). */
  minCover?: number;
  /** lines that read like a sentence are left alone unless the cue is at the start (default true). */
  spareSentences?: boolean;
  /** position / context gate: the cue test runs only where this holds (default: everywhere). */
  extraGate?: (line: Line, ctx: AnalysisContext) => boolean;
  /** extra test on the normalized line; returns evidence or undefined. */
  extra?: (n: string, line: Line, ctx: AnalysisContext) => string | undefined;
}

/** A line rule driven by a cue lexicon (see the header of each rule file). */
export function cueRule(spec: CueRuleSpec): Rule {
  const id = `boilerplate/${spec.name}`;
  if (spec.lex) cueLexNames.push(spec.lex);
  // a gated rule (not line-local: it runs over every line after each edit) without `extra` judges a line that
  // passes the gate by its text alone: that verdict is memoized by text (engine/memo.ts)
  const byText = spec.extraGate && !spec.extra ? memoByText((text) => judgeCueText(spec, text) ?? null) : undefined;
  const judge = (line: Line, ctx: AnalysisContext) => (byText ? (spec.extraGate!(line, ctx) ? byText(line.text) ?? undefined : undefined) : judgeCueLine(spec, line, ctx));
  // a line-local rule's verdict is kept in the text's facts: template lines recur on every page of a site
  const lineSlot = spec.locality === 'line' && lineSlots < 31 ? lineSlots++ : -1;
  return {
    id,
    category: 'boilerplate',
    scope: 'line',
    ...(spec.locality ? { locality: spec.locality } : {}),
    check(ctx) {
      const out: Finding[] = [];
      const lines = ctx.lines;
      const known = byText ? undefined : factsByPosition(lines);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.blank) continue;
        let v;
        if (known) {
          let f = known[i];
          if (f === undefined || f.t !== line.text) known[i] = f = cueFacts(line.text);
          v = lineSlot >= 0 ? keptVerdict(spec, lineSlot, line, ctx, f) : judgeCueLine(spec, line, ctx, f);
        } else v = judge(line, ctx);
        if (v) out.push(lineFinding(line, ctx.lines, { rule: id, category: 'boilerplate', message: spec.message, messageZh: spec.messageZh, score: v.score, evidence: v.evidence }));
      }
      return out;
    },
  };
}

/** cueFacts of an analysis's lines by position, shared by the cue rules of that analysis (checked by text). */
const byPosition = new WeakMap<readonly Line[], (CueFacts | undefined)[]>();
function factsByPosition(lines: readonly Line[]): (CueFacts | undefined)[] {
  let a = byPosition.get(lines);
  if (!a) byPosition.set(lines, (a = new Array(lines.length)));
  return a;
}

/** judgeCueLine of a line-local rule (bit `slot` of CueFacts.judged), judged once per text. */
function keptVerdict(spec: CueRuleSpec, slot: number, line: Line, ctx: AnalysisContext, f: CueFacts): Verdict | undefined {
  const bit = 1 << slot;
  if (f.judged & bit) return f.verdicts === undefined ? undefined : f.verdicts[slot];
  const v = judgeCueLine(spec, line, ctx, f);
  f.judged |= bit;
  if (v) (f.verdicts ??= [])[slot] = v;
  return v;
}

export function judgeCueLine(spec: CueRuleSpec, line: Line, ctx: AnalysisContext, facts = cueFacts(line.text)): { score: number; evidence: string[] } | undefined {
  const shape = facts.shape;
  if (shape.ink === 0 || shape.ink > spec.maxInk) return undefined;
  const extra = spec.extra?.(facts.n, line, ctx);
  if (extra) return { score: 0.85, evidence: [extra] };
  if (!spec.lex) return undefined;
  if (spec.extraGate && !spec.extraGate(line, ctx)) return undefined;
  if (!mayCue(spec.lex, facts.mask)) return undefined;
  return judgeCues(spec, facts.n, shape, facts.plain);
}

/** judgeCueLine of a spec without `extra`, for a line that passed its gate: a function of the text alone. */
function judgeCueText(spec: CueRuleSpec, text: string): { score: number; evidence: string[] } | undefined {
  const f = cueFacts(text);
  if (f.shape.ink === 0 || f.shape.ink > spec.maxInk || !spec.lex || !mayCue(spec.lex, f.mask)) return undefined;
  return judgeCues(spec, f.n, f.shape, f.plain);
}

function judgeCues(spec: CueRuleSpec & { lex?: string }, n: string, shape: Shape, plain?: boolean): { score: number; evidence: string[] } | undefined {
  if (!spec.lex) return undefined;
  const ms = lexicon(spec.lex).find(n, plain);
  if (!ms.length) return undefined;
  // (counts in one pass; the evidence is written only for a verdict: most lines with a cue get none)
  const within = spec.startWithin ?? 4;
  let strong = 0;
  let atStart = 0;
  for (const m of ms) {
    if (m.weight >= 1) {
      strong++;
      if (m.start <= within) atStart++;
    }
  }
  const evidence = () => [`cue: ${[...new Set(ms.map((m) => m.term))].join(' ')}`, `line length ${shape.ink}`];
  if (atStart) return { score: 0.9, evidence: evidence() };
  const cover = coverage(n, ms);
  const spare = spec.spareSentences ?? true;
  const anywhereMax = spec.anywhereMaxInk ?? spec.maxInk;
  if (strong && (spec.startWithin === undefined) && shape.ink <= anywhereMax && !(spare && shape.sentence && cover < 0.3)) return { score: 0.8, evidence: evidence() };
  const sum = ms.reduce((a, m) => a + m.weight, 0);
  if (cover >= (spec.minCover ?? 0.5) && sum >= 0.6 && !(spare && shape.sentence)) return { score: 0.7, evidence: [...evidence(), `cue cover ${cover.toFixed(2)}`] };
  return undefined;
}

/** junkCover's share of a line covered from its first to its last visible unit (0 for a line without ink). */
const wholeCover = memoByText((t: string) => {
  const ink = inkLength(t);
  return ink ? nonSpaceUnits(t) / ink : 0;
});

/**
 * The share of each line's ink that prior findings of a junk category (boilerplate, spam) cover, by line index.
 * With `bitsOf`, in the same walk over `ctx.prior` (one binary search per finding, not one per question;
 * boilerplate/context asked three more in passes of their own): `bits[i]` gets `bitsOf(f)` of each
 * boilerplate finding f — its low 4 bits for the non-blank lines f touches (reaches or abuts: line end ≥
 * f.start, line start ≤ f.end), its high 4 bits for those f overlaps (line end > f.start, line start < f.end).
 * (Flat pairs and indexed loops, no tuples or closures per line: the language server runs this once per
 * edit, mostly unoptimized — see ARCHITECTURE "Adding a rule".)
 * It calls the shared leadingSpace, trailingSpace and lineAtOffset on every analysis on purpose: with the
 * first two answered from a memo, V8 optimized them one edit later and spam/spread (spamCoveredLines calls
 * them) took 1–5 ms instead of 0.4 on the first edit after the open; with a copy of lineAtOffset's search,
 * lastAtOrBefore (also cache.ts's) was no longer optimized during the open (measured, --trace-opt).
 */
export function junkCover(ctx: AnalysisContext, bitsOf?: (f: Finding) => number, bits?: Uint8Array): Float64Array {
  const lines = ctx.lines;
  const n = lines.length;
  const cov = new Float64Array(n);
  // (flat [a, b, a, b…] lists only for the lines a finding touches: most lines of a page have none)
  const spans: (number[] | undefined)[] = new Array(n);
  // (the lines with spans, in no order: the second loop visits only them, not every line)
  const touched: number[] = [];
  const prior = ctx.prior;
  for (let fI = 0; fI < prior.length; fI++) {
    const f = prior[fI];
    if (f.category !== 'boilerplate' && f.category !== 'spam') continue;
    const fs = f.start;
    const fe = f.end;
    const fb = bits && bitsOf && f.category === 'boilerplate' ? bitsOf(f) : 0;
    const touch = fb & 0x0f;
    const over = fb & 0xf0;
    // (from the line f starts in — or, when f starts in a line break, the line before it, which f does not
    // touch: its end is below f.start — up to the last line starting at or before f.end)
    for (let i = lineAtOffset(lines, fs); i < n && lines[i].start <= fe; i++) {
      const l = lines[i];
      const a = fs > l.start ? fs : l.start;
      const b = fe < l.end ? fe : l.end;
      if (b > a) {
        const sp = spans[i];
        if (sp === undefined) {
          spans[i] = [a, b];
          touched.push(i);
        } else sp.push(a, b);
      }
      if (fb && !l.blank) {
        if (l.end >= fs) bits![i] |= touch;
        if (over && l.start < fe && l.end > fs) bits![i] |= over;
      }
    }
  }
  for (let t = 0; t < touched.length; t++) {
    const i = touched[t];
    const sp = spans[i]!;
    const l = lines[i];
    // most often one finding covers the whole line (from its first to its last visible unit): then the
    // share is a fact of the text alone
    const lead = l.start + leadingSpace(l.text);
    const trail = l.end - trailingSpace(l.text);
    let whole = false;
    for (let j = 0; j < sp.length; j += 2) {
      if (sp[j] <= lead && sp[j + 1] >= trail) {
        whole = true;
        break;
      }
    }
    if (whole) {
      cov[i] = wholeCover(l.text);
      continue;
    }
    const ink = inkLength(l.text);
    if (!ink) continue;
    const mark = new Uint8Array(l.end - l.start);
    for (let j = 0; j < sp.length; j += 2) mark.fill(1, sp[j] - l.start, sp[j + 1] - l.start);
    let c = 0;
    for (let k = 0; k < l.text.length; k++) if (mark[k] && !isJsSpace(l.text.charCodeAt(k))) c++;
    cov[i] = c / ink;
  }
  return cov;
}
