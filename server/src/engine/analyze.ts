/**
 * The engine's entry points: analyze(text) → findings, clean(text) → cleaned text,
 * summarize(findings) → a verdict. Pure: no I/O, no globals beyond compiled word lists.
 */
import { AnalysisContext, Category, CATEGORIES, EngineOptions, Finding, Rule } from './types';
import { indexOfText } from './lineIndex';
import { splitBlocks, splitLines } from './segment';
import { applyEdits, primaryEdits } from './edits';
import { judgeInput } from './input';
import { RULES } from './rules';
import { inkLength } from './text';
import { AnalysisCache } from './cache';
import { newAnalysis } from './memo';

export interface AnalyzeOptions extends EngineOptions {
  rules?: readonly Rule[];
  /** Called when a rule throws; its findings are dropped and the others go on. */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** Findings of line-local rules kept from earlier analyses (cache.ts): same findings, less work. */
  cache?: AnalysisCache;
}

export const DEFAULT_CATEGORIES: Category[] = CATEGORIES.filter((c) => c !== 'entity');

export function buildContext(text: string, options: EngineOptions = {}, prior: Finding[] = []): AnalysisContext {
  newAnalysis();
  const index = indexOfText(text);
  const lines = splitLines(text, index);
  const { blocks, blockOfLine } = splitBlocks(lines);
  return { text, lines, blocks, blockOfLine, options, prior, segmenter: options.segmenter };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Finding[] {
  const steps = analyzeSteps(text, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * analyze() one rule at a time: the generator yields after each rule and returns the findings, so
 * a caller (the language server) can pause between rules and drop the work when the text changes.
 * Same findings as analyze().
 */
export function* analyzeSteps(text: string, options: AnalyzeOptions = {}): Generator<void, Finding[], void> {
  const verdict = judgeInput(text);
  if (verdict.kind === 'binary' || verdict.kind === 'mis-decoded') return verdict.finding ? [verdict.finding] : [];
  if (verdict.kind === 'empty') return [];
  const cats = new Set(options.categories ?? DEFAULT_CATEGORIES);
  const rules = (options.rules ?? RULES).filter((r) => cats.has(r.category));
  const phases = [...new Set(rules.map((r) => r.phase ?? 0))].sort((a, b) => a - b);
  const base = buildContext(text, options);
  const findings: Finding[] = [];
  for (const phase of phases) {
    const ctx: AnalysisContext = { ...base, prior: findings.slice() };
    for (const rule of rules) {
      if ((rule.phase ?? 0) !== phase) continue;
      try {
        const cache = options.cache;
        const found = cache && rule.locality === 'line' ? cache.run(rule, ctx) : rule.check(ctx);
        for (let k = 0; k < found.length; k++) findings.push(found[k]);
      } catch (e) {
        options.onRuleError?.(rule, e);
      }
      yield;
    }
  }
  for (let k = 0; k < findings.length; k++) ruleOrder(findings[k].rule); // every id ranked before the sort
  return findings.sort((a, b) => a.start - b.start || b.end - a.end || (ruleRank.get(a.rule) as number) - (ruleRank.get(b.rule) as number));
}

/** Each rule id's rank in localeCompare order (the findings' last sort key: localeCompare per comparison
 * cost more than the rest of the sort), ranked again when a new id (a custom pattern) comes. */
const ruleRank = new Map<string, number>();
function ruleOrder(id: string): number {
  let r = ruleRank.get(id);
  if (r === undefined) {
    const ids = [...ruleRank.keys(), id].sort((a, b) => a.localeCompare(b));
    ruleRank.clear();
    let rank = 0;
    ids.forEach((x, i) => {
      if (i > 0 && ids[i - 1].localeCompare(x) !== 0) rank++; // ids equal to localeCompare share a rank
      ruleRank.set(x, rank);
    });
    r = ruleRank.get(id) as number;
  }
  return r;
}

/** Categories whose fixes `clean` applies: junk is removed and artifacts repaired; script and PII stay. */
export const CLEAN_CATEGORIES: Category[] = ['boilerplate', 'spam', 'artifact'];

export function fixAll(text: string, findings: readonly Finding[]): string {
  return applyEdits(text, primaryEdits(findings.filter((f) => CLEAN_CATEGORIES.includes(f.category))));
}

export function clean(text: string, options: AnalyzeOptions = {}): string {
  const verdict = judgeInput(text);
  if (verdict.kind !== 'ok') return text;
  return fixAll(text, analyze(text, { ...options, categories: CLEAN_CATEGORIES }));
}

export interface Summary {
  /** Share of visible characters that no boilerplate/spam finding covers. */
  contentShare: number;
  counts: Record<Category, number>;
  script?: string;
}

export function summarize(text: string, findings: readonly Finding[]): Summary {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  // (indexed loops: the language server runs this once per edit, mostly before V8 optimizes it, and a
  // for…of there allocates an iterator result per element)
  const junk: Finding[] = [];
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    counts[f.category]++;
    if (f.category === 'boilerplate' || f.category === 'spam') junk.push(f);
  }
  const total = inkLength(text);
  junk.sort((a, b) => a.start - b.start); // stable: findings that start together keep their order
  let covered = 0;
  let pos = 0;
  for (let k = 0; k < junk.length; k++) {
    const s = junk[k].start;
    const e = junk[k].end;
    const a = Math.max(s, pos);
    if (e > a) {
      covered += inkLength(text.slice(a, e));
      pos = e;
    }
  }
  const doc = findings.find((f) => f.rule === 'script/document');
  return { contentShare: total ? Math.max(0, 1 - covered / total) : 1, counts, script: doc?.evidence?.[0] };
}
