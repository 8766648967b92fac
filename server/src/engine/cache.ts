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
  /** scratch for `run`: each line's entry for the rule being run (reused: one array per cache, not per rule) */
  private readonly scratch: (Entry | undefined)[] = [];
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
    const map = this.lines;
    const known = keys === this.lastKeys ? this.slotsOfLast : undefined;
    if (known && this.prevKeys && this.ruleKeys[ri] === this.prevKeys) return this.runChanged(rule, ctx, ri, keys, known);
    // (the slots of the last analysis are this one's: updated in place; `cached` is scratch, every index set)
    const slots: (LineSlot | undefined)[] = known ?? new Array(lines.length);
    const cached = this.scratch;
    cached.length = lines.length;
    let misses = 0;
    let inked = 0;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].blank) {
        cached[i] = undefined;
        continue;
      }
      inked++;
      const slot = known ? known[i] : map.get(keys[i]);
      slots[i] = slot;
      const e = slot ? entryOf(slot, ri) : undefined;
      cached[i] = e;
      if (!e) misses++;
    }
    // slots looked up before lines were dropped may be gone from the map: then the next rule looks up again
    let exact = !(keys !== this.lastKeys && this.begin(keys, inked));
    const gen = this.gen;
    this.stats.hits += inked - misses;
    this.stats.misses += misses;
    let fresh: Finding[][] | undefined;
    if (misses) {
      // the rule sees the lines it must analyse; lines served from the cache look blank to it
      const view: Line[] = misses === inked ? (lines as Line[]) : this.viewOf(lines, cached);
      const found = rule.check({ ...ctx, lines: view });
      fresh = byLine(found, lines);
    }
    const out: Finding[] = [];
    const hits: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.blank) continue;
      let e = cached[i];
      let slot = slots[i];
      if (!e) {
        e = entryFor(ri, fresh?.[i] ?? NONE, l);
        if (!slot) {
          slot = this.slotFor(keys[i], gen);
          if (slot) slots[i] = slot;
          else exact = false; // the cache is full: a later line's slot may not be in `slots`
        }
        if (slot) setEntry(slot, ri, e);
      } else if (e !== EMPTY) placeAt(e, l.start);
      if (slot) slot.gen = gen;
      if (e !== EMPTY) {
        hits.push(i);
        for (const f of e.abs) out.push(f);
      }
    }
    this.slotsOfLast = exact ? slots : undefined;
    // (the list serves the next analysis only when every line's entry is in its slot)
    this.ruleKeys[ri] = exact ? keys : undefined;
    this.ruleHits[ri] = hits;
    return out;
  }

  /**
   * `run` for a rule that ran over the previous analysis (`prevKeys`), in an analysis whose slots are known
   * (`slotsOfLast`: every line was looked up, stamped and kept): lines equal to that analysis's at the top
   * and at the bottom (an edit changes a few lines in between) keep their entries, so of those only the
   * ones with findings are visited (the rule's `ruleHits`); the lines in between are taken as `run` takes
   * them. Same findings, same order.
   */
  private runChanged(rule: Rule, ctx: AnalysisContext, ri: number, keys: string[], slots: (LineSlot | undefined)[]): Finding[] {
    const lines = ctx.lines;
    const prev = this.prevKeys as string[];
    const n = lines.length;
    const diff = (this.diff ??= commonEnds(prev, keys));
    const old = this.ruleHits[ri] as number[];
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
   * `lines` with the cached ones shown blank. The rules of one analysis mostly miss the same lines (those an
   * edit touched), so the view of the previous rule is handed out again when its lines and misses agree
   * (rules do not mutate their context).
   */
  private viewOf(lines: readonly Line[], cached: readonly (Entry | undefined)[]): Line[] {
    const missed: number[] = [];
    for (let i = 0; i < lines.length; i++) if (!lines[i].blank && !cached[i]) missed.push(i);
    return this.viewOfMissed(lines, missed);
  }

  /** `lines` with every non-blank line but `missed` (ascending) shown blank; see viewOf. */
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
