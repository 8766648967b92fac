/**
 * Big documents analysed in sections. A huge crawl file is in practice many pages concatenated, so
 * above SECTION_THRESHOLD code units a document is split at blank lines into sections of a few pages
 * each, and every section is analysed as its own document (analyze(sectionText): page-level rules —
 * main-text region, listing-page and spam-page verdicts, repeated lines — then judge one page, not
 * 10 MB of them). Findings are the sections' findings, offsets shifted, concatenated in order.
 *
 * Boundaries are content-defined, so that an edit moves at most the boundaries next to it: a section
 * ends before a non-blank line that follows a blank line when the section has reached SECTION_MIN and
 * a hash of that line's first characters hits (1 in 4), or when it has reached SECTION_MAX (a blank
 * line then suffices). A long run of lines without a blank one (a page of 57 K units with none, as
 * crawls have) is cut at a line start instead: from ¾ SECTION_MAX on, before a line whose hash hits
 * (a chance in proportion to the line's length: one hit every 2 K units) when the run has gone on for
 * SECTION_MIN, and from SECTION_MAX on before any line once the run has
 * gone on for SECTION_MIN / 2 — so no section is longer than SECTION_MAX + SECTION_MIN / 2 (36 K) plus
 * one line. A cut depends on the text from the section's start to the line it is made before, nothing
 * after it. After an edit the cut points resynchronise at the next hash hit, so the
 * other sections keep their text and their results (SectionCache: keyed by the section's text, offsets
 * relative to the section, shifted on reuse).
 *
 * Documents below the threshold are one section: analyzeDocument(text) is exactly analyze(text).
 * The CLI (check, clean, explain) and the language server both go through analyzeDocument, so the
 * editor and the command line agree on every file.
 *
 * Before → after (a 10 MB file of concatenated pages): one analysis of 10 MB per edit (seconds) →
 * ~300 sections of 8–32 K code units (a few pages each); an edit re-analyses the one or two sections it touched.
 */
import { AnalyzeOptions, analyzeSteps, CLEAN_CATEGORIES, summarize, Summary } from './analyze';
import { AnalysisCache } from './cache';
import { applyEdits, primaryEdits, shiftFinding } from './edits';
import { judgeInput } from './input';
import { inkLength } from './text';
import { lastAtOrBefore } from './segment';
import { Category, CATEGORIES, Finding } from './types';

/** Documents of this many UTF-16 code units or more are analysed in sections (≈ 375 KB of Chinese UTF-8). */
export const SECTION_THRESHOLD = 150_000;
/** A section is not cut before it has this many code units… */
export const SECTION_MIN = 8_000;
/** …and is cut at the first blank line after this many (in a long run of lines without one: at a line start, see above). */
export const SECTION_MAX = 32_000;

export interface SectionOptions {
  threshold?: number;
  min?: number;
  max?: number;
}

export interface Section {
  /** UTF-16 offset of the section's first character (a line start). */
  start: number;
  /** End offset (exclusive): the next section's start, or the text's length. */
  end: number;
  /** Zero-based line of `start` (line breaks \n, \r\n, \r as in LineIndex). */
  line: number;
}

const BLANK_CHAR = /[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060]/;

function blankBetween(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c < 128 && c !== 11 && c !== 12) return false;
    if (!BLANK_CHAR.test(text[i])) return false;
  }
  return true;
}

/** FNV-1a over the first 32 code units of the line at `s`, mixed. */
function lineHash(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  const n = Math.min(e, s + 32);
  for (let i = s; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

/** Does the hash pick the line at `s` (after a blank line) as a cut point? 1 in 4. */
function hits(text: string, s: number, e: number): boolean {
  return (lineHash(text, s, e) & 3) === 0;
}

/**
 * Does the hash pick the line [s, e) inside a run without blank lines as a cut point? With a chance of
 * its length / `every` (one cut every `every` code units on average, whatever the lines' lengths).
 */
function hitsInRun(text: string, s: number, e: number, every: number): boolean {
  return (lineHash(text, s, e) >>> 0) / 4294967296 < (e - s + 1) / every;
}

/**
 * The sections of `text`: contiguous, covering it, each starting at a line start. One section
 * [0, length) below the threshold. Deterministic: the same text gives the same sections.
 */
export function splitSections(text: string, opts: SectionOptions = {}): Section[] {
  if (text.length < (opts.threshold ?? SECTION_THRESHOLD)) return [{ start: 0, end: text.length, line: 0 }];
  return scan(text, opts, [], 0, 0);
}

/**
 * Cuts `text` from `from` (a line start where a section starts, at line `line`) to its end, appending to
 * `out`. A cut depends only on the text from the section's start on, so the scan can start at any
 * section start of a previous split whose text before it is unchanged. `resync(cut, line)` is asked at
 * each cut: when it returns sections (the rest, known from a previous split), they end the result.
 */
function scan(text: string, opts: SectionOptions, out: Section[], from: number, line: number, resync?: (cut: number, line: number) => Section[] | undefined): Section[] {
  const min = opts.min ?? SECTION_MIN;
  const max = opts.max ?? SECTION_MAX;
  const n = text.length;
  const cr = text.indexOf('\r', from) >= 0; // \r or \r\n line breaks: scan code by code (rare); else indexOf
  const soft = max - (max >> 2); // from here a long run of lines is cut at a hash hit (one every max / 16 units)…
  const run = min >> 1; // …and at max, at any line of a run this long
  let secStart = from;
  let secLine = line;
  let prevBlank = false; // the previous line is blank
  let runStart = from; // start of the current run of non-blank lines (or the section's start)
  let s = from; // start of the current line
  while (s < n) {
    let e: number;
    let next: number;
    if (cr) {
      e = s;
      while (e < n) {
        const c = text.charCodeAt(e);
        if (c === 10 || c === 13) break;
        e++;
      }
      next = e < n ? e + (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? 2 : 1) : n;
    } else {
      e = text.indexOf('\n', s);
      if (e < 0) e = next = n;
      else next = e + 1;
    }
    const size = s - secStart;
    const blank = blankBetween(text, s, e);
    if (!blank && prevBlank) runStart = s;
    if (size >= min && !blank) {
      const cut = prevBlank
        ? size >= max || hits(text, s, e) // after a blank line
        : size >= soft && ((s - runStart >= min && hitsInRun(text, s, e, max >> 4)) || (size >= max && s - runStart >= run)); // inside a run
      if (cut) {
        out.push({ start: secStart, end: s, line: secLine });
        secStart = s;
        secLine = line;
        runStart = s;
        const rest = resync?.(s, line);
        if (rest) {
          for (const r of rest) out.push(r);
          return out;
        }
      }
    }
    prevBlank = blank;
    s = next;
    line++;
  }
  out.push({ start: secStart, end: n, line: secLine });
  return out;
}

/**
 * splitSections(text), knowing the sections of a previous text (`prev`, each with its text): the
 * sections before the first changed one are kept, the scan starts one section before it and stops at
 * the first cut after the change that falls where a previous cut falls with the same text after it;
 * the previous sections from there on are kept, shifted. The same result as splitSections(text).
 */
export function resplitSections(text: string, prev: readonly { section: Section; text: string }[], opts: SectionOptions = {}): Section[] {
  return resplit(text, prev, opts).sections;
}

/** resplitSections, and for each section the index of the previous section with the same text (-1: none). */
function resplit(text: string, prev: readonly { section: Section; text: string }[], opts: SectionOptions): { sections: Section[]; from: number[] } {
  if (text.length < (opts.threshold ?? SECTION_THRESHOLD) || prev.length < 2) {
    const sections = splitSections(text, opts);
    return { sections, from: sections.map(() => -1) };
  }
  let k = 0; // first section whose text changed
  while (k < prev.length && text.startsWith(prev[k].text, prev[k].section.start)) k++;
  const last = prev[prev.length - 1].section;
  if (k === prev.length && last.end === text.length) return { sections: prev.map((p) => p.section), from: prev.map((_, i) => i) };
  const r = Math.max(0, k - 1);
  const out = prev.slice(0, r).map((p) => p.section);
  const delta = text.length - last.end;
  const byStart = new Map<number, number>();
  for (let j = r + 1; j < prev.length; j++) byStart.set(prev[j].section.start + delta, j);
  let rest = 0;
  const sections = scan(text, opts, out, prev[r].section.start, prev[r].section.line, (cut, line) => {
    const j = byStart.get(cut);
    if (j === undefined || j <= k - 1) return undefined;
    for (let m = j; m < prev.length; m++) if (!text.startsWith(prev[m].text, prev[m].section.start + delta)) return undefined;
    const dl = line - prev[j].section.line;
    rest = prev.length - j;
    return prev.slice(j).map((p) => ({ start: p.section.start + delta, end: p.section.end + delta, line: p.section.line + dl }));
  });
  const from: number[] = [];
  for (let i = 0; i < r; i++) from.push(i);
  // the rescanned sections: the same text as the previous section at the same place (before the change) or
  // at the same place shifted (after it) — e.g. the section before the changed one, rescanned to no avail
  const at = new Map<number, number[]>();
  for (let m = r; m < prev.length; m++) for (const st of [prev[m].section.start, prev[m].section.start + delta]) at.set(st, [...(at.get(st) ?? []), m]);
  for (let i = r; i < sections.length - rest; i++) {
    const sec = sections[i];
    const m = (at.get(sec.start) ?? []).find((c) => prev[c].text.length === sec.end - sec.start && text.startsWith(prev[c].text, sec.start));
    from.push(m ?? -1);
  }
  for (let m = prev.length - rest; m < prev.length; m++) from.push(m);
  return { sections, from };
}

/** What a section's analysis leaves: findings relative to the section, and the same at `at` (absolute). */
export interface SectionResult {
  /** Findings with offsets relative to the section start. */
  rel: readonly Finding[];
  /** The same findings shifted to `at`. */
  abs: readonly Finding[];
  at: number;
  /** summarize() of the section, once asked for. */
  summary?: Summary & { ink: number };
  /** Free for callers (the server keeps the section's diagnostics here)… */
  memo?: unknown;
  /** …and its outline here. */
  symbols?: unknown;
}

/** One analysed section of a document: where it is and its result. */
export interface SectionedPart {
  section: Section;
  result: SectionResult;
  /** Taken from the cache (not analysed this time). */
  reused: boolean;
  /** Index of the section's first finding among the document's findings (the findings of the sections before it). */
  base: number;
}

export interface SectionedAnalysis {
  /**
   * Every finding of the document, in section order (each section's findings in analyze() order),
   * offsets absolute. Made on first access: after an edit that changes the text's length every later
   * section's findings are shifted (new objects), which the language server's edit → diagnostics path
   * does not need (it converts the sections' relative findings, protocol/convert.ts).
   */
  readonly findings: Finding[];
  parts: SectionedPart[];
  /** Number of findings. */
  count: number;
}

/** The sectioned analysis of `parts` (findings made on first access). */
export function sectioned(parts: SectionedPart[]): SectionedAnalysis {
  let findings: Finding[] | undefined;
  const last = parts[parts.length - 1];
  return {
    parts,
    count: last ? last.base + last.result.rel.length : 0,
    get findings() {
      if (!findings) {
        findings = [];
        for (const p of parts) for (const f of place(p.result, p.section.start).abs) findings.push(f);
      }
      return findings;
    },
  };
}

/** Finding `i` of a sectioned analysis (absolute offsets), without shifting the others; undefined out of range. */
export function findingAt(parts: readonly SectionedPart[], i: number): Finding | undefined {
  const p = parts[lastAtOrBefore(parts.length, (k) => parts[k].base, i)];
  const f = p?.result.rel[i - p.base];
  return f && i >= 0 ? shiftFinding(f, p.section.start) : undefined;
}

/** The findings (absolute offsets) of the sections that contain `offset` (both, on a boundary). */
export function findingsAround(parts: readonly SectionedPart[], offset: number): Finding[] {
  const out: Finding[] = [];
  for (const p of parts) {
    if (p.section.start > offset) break;
    if (p.section.end < offset) continue;
    for (const f of p.result.rel) out.push(shiftFinding(f, p.section.start));
  }
  return out;
}

/** Every finding with offsets relative to its section, in order: for questions that do not need offsets (counts, rules). */
export function* relativeFindings(parts: readonly SectionedPart[]): Generator<Finding> {
  for (const p of parts) yield* p.result.rel;
}

/**
 * Results of the sections of one document (the server keeps one per open document): the sections of its
 * last analysis, each with its text and result. The next analysis takes the result of every section whose
 * text is unchanged — found by position (resplit: compares, no hashing of the text) — and analyses the
 * others. Each section position keeps a line cache (cache.ts) too, so an edited section re-runs only its
 * changed lines for line-local rules. Results depend on the analysis options: `reset(key)` when they change.
 */
export class SectionCache {
  private lineCaches: AnalysisCache[] = [];
  /** The sections of the last analysis: where, their text, their result. */
  private last: { section: Section; text: string; result: SectionResult }[] = [];
  private key: string | undefined;
  stats = { hits: 0, misses: 0 };

  /** Drops everything when `key` (the options the results were made with) differs from the last one. */
  reset(key: string): void {
    if (key === this.key) return;
    this.key = key;
    this.lineCaches = [];
    this.last = [];
  }

  /** The sections of `text` (splitSections(text), rescanning only around the change) and, for each, the index of the last analysis's section with its text, or -1. */
  split(text: string, opts: SectionOptions = {}): { sections: Section[]; from: number[] } {
    return resplit(text, this.last, opts);
  }

  /** Section `i` of the last analysis. */
  at(i: number): { section: Section; text: string; result: SectionResult } {
    return this.last[i];
  }

  lineCache(i: number): AnalysisCache {
    return (this.lineCaches[i] ??= new AnalysisCache());
  }

  /** Keeps exactly `sections` (those of the analysis just made, in order); line caches for as many positions. */
  commit(sections: { section: Section; text: string; result: SectionResult }[]): void {
    this.last = sections;
    this.lineCaches.length = Math.min(this.lineCaches.length, sections.length);
  }

  /** Sections kept. */
  get size(): number {
    return this.last.length;
  }
}

/** A copy of a slice that does not keep the whole document alive (see segment.ts `own`). */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function place(r: SectionResult, at: number): SectionResult {
  if (r.at === at) return r;
  r.abs = r.rel.map((f) => shiftFinding(f, at));
  r.at = at;
  return r;
}

/**
 * analyze() section by section, one rule at a time (the generator yields after each rule of each
 * analysed section; reused sections cost nothing). With a cache, sections whose text is unchanged take
 * their findings from it; options.cache (a whole-document line cache) is not used for sections.
 */
export function* analyzeSectionsSteps(
  text: string,
  options: AnalyzeOptions = {},
  cache?: SectionCache,
  sectionOpts: SectionOptions = {},
): Generator<void, SectionedAnalysis, void> {
  const { sections, from } = cache ? cache.split(text, sectionOpts) : { sections: splitSections(text, sectionOpts), from: undefined };
  const parts: SectionedPart[] = [];
  const kept: { section: Section; text: string; result: SectionResult }[] = [];
  let base = 0;
  for (let i = 0; i < sections.length; i++) {
    const sec = sections[i];
    const f = from ? from[i] : -1;
    let r: SectionResult;
    let t: string;
    if (f >= 0) {
      r = cache!.at(f).result;
      t = text.slice(sec.start, sec.end); // a view of the current text (alive anyway)
      cache!.stats.hits++;
    } else {
      // a copy: strings the rules keep from it (evidence) must not hold this version of the whole text
      t = own(text.slice(sec.start, sec.end));
      const rel: Finding[] = yield* analyzeSteps(t, { ...options, cache: cache ? cache.lineCache(i) : undefined });
      r = { rel, abs: rel, at: 0 };
      if (cache) cache.stats.misses++;
    }
    if (cache) kept.push({ section: sec, text: t, result: r });
    parts.push({ section: sec, result: r, reused: f >= 0, base });
    base += r.rel.length;
  }
  if (cache) cache.commit(kept);
  return sectioned(parts);
}

/** analyzeSectionsSteps, run to the end. */
export function analyzeSections(text: string, options: AnalyzeOptions = {}, cache?: SectionCache, sectionOpts: SectionOptions = {}): SectionedAnalysis {
  const steps = analyzeSectionsSteps(text, options, cache, sectionOpts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The findings of a document: analyze(text) below the threshold (one section: identical), the
 * sections' findings concatenated above it.
 */
export function analyzeDocument(text: string, options: AnalyzeOptions = {}, sectionOpts: SectionOptions = {}): Finding[] {
  if (text.length < (sectionOpts.threshold ?? SECTION_THRESHOLD)) {
    const steps = analyzeSteps(text, options);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }
  return analyzeSections(text, options, undefined, sectionOpts).findings;
}

/** clean() of a document analysed as analyzeDocument does (identical to clean() below the threshold). */
export function cleanDocument(text: string, options: AnalyzeOptions = {}, sectionOpts: SectionOptions = {}): string {
  if (judgeInput(text).kind !== 'ok') return text;
  const findings = analyzeDocument(text, { ...options, categories: CLEAN_CATEGORIES }, sectionOpts);
  return applyEdits(text, primaryEdits(findings.filter((f) => CLEAN_CATEGORIES.includes(f.category))));
}

/** summarize() of one section, kept with its result. */
export function sectionSummary(text: string, part: SectionedPart): Summary & { ink: number } {
  const r = part.result;
  if (!r.summary) {
    const t = text.slice(part.section.start, part.section.end);
    r.summary = { ...summarize(t, r.rel), ink: inkLength(t) };
  }
  return r.summary;
}

/**
 * The document's summary from its sections' (kept per section, so an edit re-summarises one section):
 * content share weighted by visible characters, counts added, the script when every section that has
 * one agrees (else `mixed`).
 */
export function summarizeSections(text: string, parts: readonly SectionedPart[]): Summary {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let ink = 0;
  let junk = 0;
  let script: string | undefined;
  for (const p of parts) {
    const s = sectionSummary(text, p);
    for (const c of CATEGORIES) counts[c] += s.counts[c];
    ink += s.ink;
    junk += (1 - s.contentShare) * s.ink;
    if (s.script) script = script === undefined || script === s.script ? s.script : 'mixed';
  }
  return { contentShare: ink ? Math.max(0, 1 - junk / ink) : 1, counts, script };
}
