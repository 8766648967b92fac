/**
 * Reuse of line-local findings between analyses (the language server re-analyses a document after every
 * edit; most of its lines did not change). A rule that declares `locality: 'line'` (types.ts) has findings
 * on a line that depend on that line alone, so they are kept per rule, keyed by the line's text and line
 * break, with the offset the line started at; the next analysis takes them for every unchanged line
 * (moved by as much as the line moved) and runs the rule over the other lines only. Rules without the declaration, and
 * every later phase, run over the whole document as before: findings are the same with or without a cache
 * (test/unit/cache.test.ts).
 *
 * A cached finding object is handed out again as long as its line has not moved (findings are not mutated).
 * Memory: lines no longer in the document are dropped once the cache holds twice the document's lines
 * (`keepUnused`: kept until `maxLines`, for a cache shared by many documents).
 */
import { AnalysisContext, Finding, Line, Rule } from './types';
import { lineAtOffset } from './segment';
import { shiftFinding } from './edits';

const NONE: readonly Finding[] = [];
/** No line in common with a previous analysis (runChanged without one), and no line with findings there. */
const ALL_CHANGED = Object.freeze({ p: 0, s: 0 });
const NO_HITS: readonly number[] = Object.freeze([]);

export interface AnalysisCacheOptions {
  /** Keep entries not used by the last analysis (a cache shared by many documents, e.g. the CLI). Default false. */
  keepUnused?: boolean;
  /** Most lines kept per rule (the cache is cleared past it). Default 200,000. */
  maxLines?: number;
}

/** What the cache holds for one line of one rule. */
interface Entry {
  /** the rule's slot (AnalysisCache.ruleSlot) */
  ri: number;
  /**
   * the findings for the line where it starts at `at` (handed out as they are as long as the line does not
   * move; moved with it otherwise — one copy, not one relative to the line and one placed)
   */
  abs: readonly Finding[];
  at: number;
}
/** A line without findings (most lines, for most rules): one shared, never changed entry. */
const EMPTY: Entry = Object.freeze({ ri: -1, abs: NONE, at: -1 });

/**
 * One distinct line: what each rule (by rule slot) found on it, and the analysis that last saw it. Most
 * lines have no findings for most rules, so a rule that found nothing is a bit of `done`, and only the
 * entries with findings are kept, in `found` (a few at most). Memory: ~40 bytes a line instead of an
 * array with a slot per rule (~400 bytes: 42 MB of the 233 MB heap of a 10 MB document, measured).
 */
interface LineSlot {
  gen: number;
  /** bit ri: rule slot ri (< BITS) has run on this line */
  done: number;
  /** the entries with findings of rule slots < BITS */
  found: Entry[] | undefined;
  /** rule slots ≥ BITS (more line-local rules than bits), one array entry each */
  more: (Entry | undefined)[] | undefined;
}
const BITS = 31;

/** The entry of rule slot `ri` for a line, or undefined when the rule has not run on it. */
function entryOf(slot: LineSlot, ri: number): Entry | undefined {
  if (ri >= BITS) return slot.more?.[ri - BITS];
  if (!(slot.done & (1 << ri))) return undefined;
  const found = slot.found;
  if (found) for (let k = 0; k < found.length; k++) if (found[k].ri === ri) return found[k];
  return EMPTY;
}

function setEntry(slot: LineSlot, ri: number, e: Entry): void {
  if (ri >= BITS) {
    (slot.more ??= [])[ri - BITS] = e;
    return;
  }
  const found = slot.found;
  const k = found ? found.findIndex((x) => x.ri === ri) : -1;
  if (e !== EMPTY) {
    if (k >= 0) found![k] = e;
    else if (found) found.push(e);
    else slot.found = [e];
  } else if (k >= 0) found!.splice(k, 1);
  slot.done |= 1 << ri;
}

export class AnalysisCache {
  private readonly lines = new Map<string, LineSlot>();
  private readonly ruleSlot = new Map<string, number>();
  private gen = 0;
  private lastKeys: string[] | undefined;
  /**
   * The slot of each line of the current analysis (`lastKeys`), as `lines.get(key)` would give it now: the
   * first rule looks every line up, the others of the same analysis take this array instead of as many
   * lookups. Undefined when it may be stale (lines dropped or the cache full during the run that made it).
   */
  private slotsOfLast: (LineSlot | undefined)[] | undefined;
  /** The last view handed to a rule: for which lines, which of them it had to analyse; reused while they agree. */
  private lastView: { lines: readonly Line[]; missed: number[]; view: Line[] } | undefined;
  /**
   * Per rule slot: the lines (indexes into `ruleKeys`' lines, ascending) whose entry has findings, as of the
   * rule's last run, and the keys of that run. The next analysis takes the lines it shares with that one at
   * the top and at the bottom (`diff`) from this list instead of visiting every line for every rule.
   */
  private readonly ruleHits: (number[] | undefined)[] = [];
  private readonly ruleKeys: (string[] | undefined)[] = [];
  /** the keys of the analysis before `lastKeys`, and how the two differ: equal first `p` and last `s` lines */
  private prevKeys: string[] | undefined;
  private diff: { p: number; s: number } | undefined;
  /** non-blank lines of the current analysis */
  private inkedOfLast = 0;
  /** lines served / analysed, for tests and the benchmark */
  stats = { hits: 0, misses: 0 };
  constructor(private readonly opts: AnalysisCacheOptions = {}) {}

  /** A new analysis (new lines): drop the lines the previous one did not see once they outnumber it. */
  private begin(keys: string[], inked: number): boolean {
    this.prevKeys = this.lastKeys;
    this.diff = undefined;
    this.inkedOfLast = inked;
    this.lastKeys = keys;
    this.slotsOfLast = undefined;
    const max = this.opts.maxLines ?? 200000;
    let dropped = false;
    if (this.opts.keepUnused) {
      if (this.lines.size >= max) {
        this.lines.clear();
        dropped = true;
      }
    } else if (this.lines.size > 2 * inked + 256) {
      for (const [k, slot] of this.lines)
        if (slot.gen !== this.gen) {
          this.lines.delete(k);
          dropped = true;
        }
    }
    this.gen++;
    return dropped;
  }

  /** Runs `rule` (declared line-local) over `ctx`, reusing cached lines; findings in the order the rule gives them. */
  run(rule: Rule, ctx: AnalysisContext): Finding[] {
    let ri = this.ruleSlot.get(rule.id);
    if (ri === undefined) this.ruleSlot.set(rule.id, (ri = this.ruleSlot.size));
    const lines = ctx.lines;
    const keys = keysOf(lines);
    return this.runChanged(rule, ctx, ri, keys, this.slotsOf(keys, lines), this.prevKeys !== undefined && this.ruleKeys[ri] === this.prevKeys);
  }

  /**
   * The slots of the lines of the analysis of `keys`, each stamped with its generation; a new analysis
   * starts here (`begin`). One that follows an analysis whose slots are all known (`slotsOfLast`) takes the
   * slots of the lines equal to that one's at the top and at the bottom from it and looks up only the lines
   * in between. Every line is looked up for the first analysis, after `begin` dropped lines, or when a full
   * cache lost a slot.
   */
  private slotsOf(keys: string[], lines: readonly Line[]): (LineSlot | undefined)[] {
    if (keys === this.lastKeys && this.slotsOfLast) return this.slotsOfLast;
    const n = keys.length;
    const prev = this.lastKeys;
    const old = this.slotsOfLast;
    let diff: { p: number; s: number } | undefined;
    if (keys !== prev) {
      if (prev && old) diff = commonEnds(prev, keys);
      let inked = 0;
      for (let i = 0; i < n; i++) if (!lines[i].blank) inked++;
      if (this.begin(keys, inked)) diff = undefined; // lines dropped: a kept slot may be gone from the map
    }
    const map = this.lines;
    const gen = this.gen;
    const p = diff ? diff.p : 0;
    const from = diff ? n - diff.s : n;
    const shift = prev ? n - prev.length : 0;
    const slots: (LineSlot | undefined)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      if (lines[i].blank) continue;
      const slot = i < p ? old![i] : i >= from ? old![i - shift] : map.get(keys[i]);
      if (slot) {
        slot.gen = gen;
        slots[i] = slot;
      }
    }
    if (diff) this.diff = diff;
    this.slotsOfLast = slots;
    return slots;
  }

  /**
   * `rule` over an analysis whose slots are known (`slots`: every line was looked up, stamped and kept). When
   * the rule ran over the previous analysis (`prevKeys`, `changed`), lines equal to that analysis's at the
   * top and at the bottom (an edit changes a few lines in between) keep their entries, so of those only the
   * ones with findings are visited (the rule's `ruleHits`); otherwise every line is "in between". A line in
   * between takes its entry, or the rule runs over the lines without one (the others shown blank to it).
   * (One path for the open and the edits: the open's long loops get this code optimized before the first
   * edit, which ran it cold when the open took a path of its own: ~3.9 ms of that edit on the bench page.)
   */
  private runChanged(rule: Rule, ctx: AnalysisContext, ri: number, keys: string[], slots: (LineSlot | undefined)[], changed: boolean): Finding[] {
    const lines = ctx.lines;
    const n = lines.length;
    const prev = changed ? (this.prevKeys as string[]) : keys;
    const diff = changed ? (this.diff ??= commonEnds(prev, keys)) : ALL_CHANGED;
    const old = changed ? (this.ruleHits[ri] as readonly number[]) : NO_HITS;
    const shiftBy = n - prev.length;
    const midEnd = n - diff.s;
    // the lines in between that this rule has no entry for
    let missed: number[] | undefined;
    for (let i = diff.p; i < midEnd; i++) if (!lines[i].blank && !(slots[i] && entryOf(slots[i]!, ri))) (missed ??= []).push(i);
    this.stats.misses += missed?.length ?? 0;
    this.stats.hits += this.inkedOfLast - (missed?.length ?? 0);
    let fresh: Finding[][] | undefined;
    if (missed) {
      const view = missed.length === this.inkedOfLast ? (lines as Line[]) : this.viewOfMissed(lines, missed);
      fresh = byLine(rule.check({ ...ctx, lines: view }), lines);
    }
    const gen = this.gen;
    const hits: number[] = [];
    let full = false;
    let k = 0;
    for (; k < old.length && old[k] < diff.p; k++) hits.push(old[k]);
    for (let i = diff.p; i < midEnd; i++) {
      const l = lines[i];
      if (l.blank) continue;
      let slot = slots[i];
      let e = slot ? entryOf(slot, ri) : undefined;
      if (!e) {
        e = entryFor(ri, fresh?.[i] ?? NONE, l);
        if (!slot) {
          slot = this.slotFor(keys[i], gen);
          if (slot) slots[i] = slot;
        }
        if (slot) {
          setEntry(slot, ri, e);
          slot.gen = gen;
        } else {
          // the cache is full: this line's entry is nowhere (its findings are served from `fresh` below); the
          // next rules and analyses visit every line
          full = true;
          if (e !== EMPTY) hits.push(-1 - i);
          continue;
        }
      }
      if (e !== EMPTY) hits.push(i);
    }
    for (; k < old.length; k++) if (old[k] >= prev.length - diff.s) hits.push(old[k] + shiftBy);
    const out: Finding[] = [];
    for (let h = 0; h < hits.length; h++) {
      const i = hits[h] < 0 ? -1 - hits[h] : hits[h];
      const l = lines[i];
      const slot = slots[i];
      const e = slot ? entryOf(slot, ri) : undefined;
      if (!e) {
        // a line of a full cache: its findings as the rule gave them
        const fs = fresh?.[i] ?? NONE;
        for (let q = 0; q < fs.length; q++) out.push(fs[q]);
        continue;
      }
      const abs = placeAt(e, l.start);
      for (let q = 0; q < abs.length; q++) out.push(abs[q]);
    }
    if (full) {
      this.slotsOfLast = undefined;
      this.ruleKeys[ri] = undefined;
    } else {
      this.ruleKeys[ri] = keys;
      this.ruleHits[ri] = hits;
    }
    return out;
  }

  /**
   * The slot of a line key, made when the cache has room for it (an earlier line of the same run with the
   * same text may have made it); undefined when the cache is full.
   */
  private slotFor(key: string, gen: number): LineSlot | undefined {
    const map = this.lines;
    if (map.size >= (this.opts.maxLines ?? 200000)) return undefined;
    let slot = map.get(key);
    if (!slot) map.set(key, (slot = { gen, done: 0, found: undefined, more: undefined }));
    return slot;
  }

  /**
   * `lines` with every non-blank line but `missed` (ascending) shown blank. The rules of one analysis mostly
   * miss the same lines (those an edit touched), so the view of the previous rule is handed out again when
   * its lines and misses agree (rules do not mutate their context).
   */
  private viewOfMissed(lines: readonly Line[], missed: number[]): Line[] {
    const last = this.lastView;
    if (last && last.lines === lines && last.missed.length === missed.length && last.missed.every((m, k) => m === missed[k])) return last.view;
    const view: Line[] = new Array(lines.length);
    for (let i = 0, k = 0; i < lines.length; i++) {
      const l = lines[i];
      if (k < missed.length && missed[k] === i) {
        view[i] = l;
        k++;
      } else view[i] = l.blank ? l : { ...l, text: '', blank: true };
    }
    this.lastView = { lines, missed, view };
    return view;
  }

  clear(): void {
    this.lastView = undefined;
    this.ruleHits.length = 0;
    this.ruleKeys.length = 0;
    this.prevKeys = undefined;
    this.diff = undefined;
    this.lines.clear();
    this.lastKeys = undefined;
    this.slotsOfLast = undefined;
  }
}

/** Each line's key: its text and its line break (a fix that removes the line removes its break too); once per analysis. */
const keyMemo = new WeakMap<readonly Line[], string[]>();
function keysOf(lines: readonly Line[]): string[] {
  let keys = keyMemo.get(lines);
  if (!keys) {
    // a line's text holds no line break, so a key that starts with one cannot be another line's text
    keys = lines.map((l) => (l.blank ? '' : l.next - l.end === 1 ? l.text : '\n' + (l.next - l.end) + l.text));
    keyMemo.set(lines, keys);
  }
  return keys;
}

/** How many keys `a` and `b` share at the start (`p`) and, after those, at the end (`s`). */
function commonEnds(a: readonly string[], b: readonly string[]): { p: number; s: number } {
  const m = Math.min(a.length, b.length);
  let p = 0;
  while (p < m && a[p] === b[p]) p++;
  let s = 0;
  while (s < m - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { p, s };
}

/** The findings of an entry for its line starting at `at` (moved with the line when it moved). */
function placeAt(e: Entry, at: number): readonly Finding[] {
  if (e.at !== at) {
    const d = at - e.at;
    e.abs = e.abs.map((f) => shiftFinding(f, d));
    e.at = at;
  }
  return e.abs;
}

/** What a rule found on line `l` as the cache keeps it (EMPTY for nothing). */
function entryFor(ri: number, fs: readonly Finding[], l: Line): Entry {
  return fs.length ? { ri, abs: fs, at: l.start } : EMPTY;
}

/** Findings grouped by the line their start falls in (lines ordered by start). */
function byLine(found: readonly Finding[], lines: readonly Line[]): Finding[][] {
  const out: Finding[][] = new Array(lines.length);
  for (const f of found) (out[lineAtOffset(lines, f.start)] ??= []).push(f);
  return out;
}
