/**
 * The engine's invariants, checked on one document (used by the mocha property test and by
 * scripts/soak.js). Each throws an Error saying which invariant broke.
 */
import { analyze, applyEdits, clean, CLEAN_CATEGORIES, fixAll, Finding, LineIndex, normalizeEdits, RULES, Segmenter } from '../../server/src/engine';

/** Rules whose finding marks a whole-document verdict (its range is a token, its fix may span the document). */
const DOCUMENT_RULES = new Set(RULES.filter((r) => r.scope === 'document').map((r) => r.id));

export interface CheckOptions {
  segmenter?: Segmenter;
}

function fail(what: string, f?: Finding): never {
  throw new Error(f ? `${what} — ${f.rule} [${f.start}, ${f.end})` : what);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** true when offset i falls between the two halves of a surrogate pair, or between \r and \n. */
export function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i);
  return (isHigh(a) && isLow(b)) || (a === 13 && b === 10);
}

/** The start of the line holding offset `at`, and the start of the line after the one holding `end`. */
function lineBounds(text: string, idx: LineIndex, start: number, end: number): [number, number] {
  const s = idx.offsetAt({ line: idx.positionAt(start).line, character: 0 });
  const endLine = idx.positionAt(Math.max(start, end - (end > start ? 1 : 0))).line;
  const next = idx.offsetAt({ line: endLine + 1, character: 0 });
  return [s, Math.max(next, end)];
}

/** Every invariant of one analysis of `text`. Returns the findings (for statistics). */
export function checkDocument(text: string, opts: CheckOptions = {}): Finding[] {
  const ruleErrors: string[] = [];
  const findings = analyze(text, { segmenter: opts.segmenter, categories: ['boilerplate', 'spam', 'artifact', 'pii', 'script'], onRuleError: (r, e) => ruleErrors.push(`${r.id}: ${(e as Error)?.message}`) });
  if (ruleErrors.length) fail(`rule threw: ${ruleErrors.join('; ')}`);
  const n = text.length;
  const idx = new LineIndex(text);
  for (const f of findings) {
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start <= f.end && f.end <= n)) fail(`finding range outside the document (length ${n})`, f);
    if (splitsPair(text, f.start) || splitsPair(text, f.end)) fail('finding range splits a surrogate pair or a CRLF', f);
    const [ls, le] = lineBounds(text, idx, f.start, f.end);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        if (!(0 <= e.start && e.start <= e.end && e.end <= n)) fail(`fix edit [${e.start}, ${e.end}) outside the document`, f);
        if (splitsPair(text, e.start) || splitsPair(text, e.end)) fail(`fix edit [${e.start}, ${e.end}) splits a surrogate pair or a CRLF`, f);
        // no fix touches text outside its finding's lines (line/block removals) or span
        if (!DOCUMENT_RULES.has(f.rule) && (e.start < ls || e.end > le)) fail(`fix edit [${e.start}, ${e.end}) outside its finding's lines [${ls}, ${le})`, f);
      }
      // a fix applies cleanly: its edits do not overlap, nothing is dropped
      const norm = normalizeEdits(fix.edits);
      const kept = norm.reduce((k, e) => k + (e.end - e.start) + e.newText.length, 0);
      const want = fix.edits.reduce((k, e) => k + (e.end - e.start) + e.newText.length, 0);
      if (norm.length !== fix.edits.length || kept !== want) fail(`fix "${fix.title}" has overlapping edits`, f);
      applyEdits(text, fix.edits);
    }
  }
  // clean equals applying every fix
  const cleanFindings = findings.filter((f) => CLEAN_CATEGORIES.includes(f.category));
  const cleaned = clean(text, { segmenter: opts.segmenter });
  const fixed = fixAll(text, analyze(text, { segmenter: opts.segmenter, categories: CLEAN_CATEGORIES }));
  if (cleaned !== fixed) fail('clean(text) !== fixAll(text, analyze(text))');
  if (cleanFindings.length && fixAll(text, cleanFindings) !== cleaned) fail('fixAll of the full analysis differs from clean');
  return findings;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/g;
const hanOf = (l: string) => (l.match(HAN) ?? []).join('');

/**
 * What holds of a second clean (full idempotence does not, nor idempotence of the artifact repairs
 * alone — counterexamples in the README's Reliability section): a second clean only removes whole
 * lines and, inside the lines it keeps, never adds, removes or changes a Han character.
 */
export function checkSecondClean(text: string, opts: CheckOptions = {}): void {
  const once = clean(text, { segmenter: opts.segmenter });
  const twice = clean(once, { segmenter: opts.segmenter });
  if (twice === once) return;
  // (blank lines aside: removing a line can leave an empty last line)
  const a = once.split(/\r\n|\r|\n/).filter((l) => l.trim()).map(hanOf);
  const b = twice.split(/\r\n|\r|\n/).filter((l) => l.trim()).map(hanOf);
  let i = 0;
  for (const l of b) {
    if (!l) continue;
    while (i < a.length && a[i] !== l) i++;
    if (i === a.length) fail(`second clean changed the Chinese text of a line, not only removed lines: ${JSON.stringify(l.slice(0, 80))} ${JSON.stringify(diffAt(once, twice))}`);
    i++;
  }
}

function diffAt(a: string, b: string): { at: number; a: string; b: string } {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return { at: i, a: a.slice(Math.max(0, i - 10), i + 20), b: b.slice(Math.max(0, i - 10), i + 20) };
}
