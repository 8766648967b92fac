/**
 * Reuse of line-local findings between analyses (the language server re-analyses a document after every
 * edit; most of its lines did not change). A rule that declares `locality: 'line'` (types.ts) has findings
 * on a line that depend on that line alone, so they are kept per rule, keyed by the line's text and line
 * break, with offsets relative to the line start; the next analysis takes them for every unchanged line
 * (wherever it moved) and runs the rule over the other lines only. Rules without the declaration, and
 * every later phase, run over the whole document as before: findings are the same with or without a cache
 * (test/unit/cache.test.ts).
 *
 * A cached finding object is handed out again as long as its line has not moved (findings are not mutated).
 * Memory: lines no longer in the document are dropped once the cache holds twice the document's lines
 * (`keepUnused`: kept until `maxLines`, for a cache shared by many documents).
 */
import { AnalysisContext, Finding, Line, Rule } from './types';

type Rel = Finding; // a finding with offsets relative to its line's start

const NONE: readonly Rel[] = [];

export interface AnalysisCacheOptions {
  /** Keep entries not used by the last analysis (a cache shared by many documents, e.g. the CLI). Default false. */
  keepUnused?: boolean;
  /** Most lines kept per rule (the cache is cleared past it). Default 200,000. */
  maxLines?: number;
}

/** What the cache holds for one line of one rule. */
interface Entry {
  /** findings with offsets relative to the line start */
  rel: readonly Rel[];
  /** the same findings for a line that starts at `at` (reused as long as the line does not move) */
  abs: readonly Finding[];
  at: number;
  /** the analysis that last used it */
  gen: number;
}

export class AnalysisCache {
  private readonly rules = new Map<string, Map<string, Entry>>();
  private gen = 0;
  /** lines served / analysed, for tests and the benchmark */
  stats = { hits: 0, misses: 0 };
  constructor(private readonly opts: AnalysisCacheOptions = {}) {}

  /** Runs `rule` (declared line-local) over `ctx`, reusing cached lines; findings in the order the rule gives them. */
  run(rule: Rule, ctx: AnalysisContext): Finding[] {
    let map = this.rules.get(rule.id);
    if (!map) this.rules.set(rule.id, (map = new Map<string, Entry>()));
    const gen = ++this.gen;
    const lines = ctx.lines;
    const keys = keysOf(lines);
    const cached: (Entry | undefined)[] = new Array(lines.length);
    let misses = 0;
    let inked = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.blank) continue;
      inked++;
      const hit = map.get(keys[i]);
      if (hit) cached[i] = hit;
      else misses++;
    }
    this.stats.hits += inked - misses;
    this.stats.misses += misses;
    let fresh: Finding[][] | undefined;
    if (misses) {
      // the rule sees the lines it must analyse; lines served from the cache look blank to it
      const view: Line[] = misses === inked ? (lines as Line[]) : lines.map((l, i) => (cached[i] ? { ...l, text: '', blank: true } : l));
      const found = rule.check({ ...ctx, lines: view });
      fresh = byLine(found, lines);
    }
    const max = this.opts.maxLines ?? 200000;
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.blank) continue;
      let e = cached[i];
      if (!e) {
        const fs = fresh?.[i] ?? NONE;
        e = { rel: fs.length ? fs.map((f) => shift(f, -l.start)) : NONE, abs: fs, at: l.start, gen };
        if (map.size < max) map.set(keys[i], e);
      } else if (e.at !== l.start) {
        e.abs = e.rel.length ? e.rel.map((f) => shift(f, l.start)) : NONE;
        e.at = l.start;
      }
      e.gen = gen;
      for (const f of e.abs) out.push(f);
    }
    if (this.opts.keepUnused) {
      if (map.size >= max) map.clear();
    } else if (map.size > 2 * inked + 256) {
      // drop the lines no longer in the document (kept up to twice its size, so an undo finds them)
      for (const [k, e] of map) if (e.gen !== gen) map.delete(k);
    }
    return out;
  }

  clear(): void {
    this.rules.clear();
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

/** Findings grouped by the line their start falls in (lines ordered by start). */
function byLine(found: readonly Finding[], lines: readonly Line[]): Finding[][] {
  const out: Finding[][] = new Array(lines.length);
  for (const f of found) {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= f.start) lo = mid;
      else hi = mid - 1;
    }
    (out[lo] ??= []).push(f);
  }
  return out;
}

/** A copy of `f` with every offset moved by `d` (evidence and messages shared: findings are not mutated). */
function shift(f: Finding, d: number): Finding {
  const g: Finding = { ...f, start: f.start + d, end: f.end + d };
  if (f.fixes) g.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + d, end: e.end + d })) }));
  return g;
}
