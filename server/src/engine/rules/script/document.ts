/**
 * script/document — the script of the whole document: Traditional, Simplified or mixed.
 *
 * Why: corpora are built per script, and machine-converted pages mix both. Characters are counted
 * with opencc-js (see convert.ts): Traditional-only ones change under t→s, Simplified-only ones
 * under s→t, and characters valid in both (著, 台, 里, 于, 吃, 乾…) count for neither. The finding
 * is small — it spans the first non-blank line — and evidence[0] is `traditional`, `simplified` or
 * `mixed`, evidence[1] the counts. Fixes (never applied by clean()): "Convert to Simplified" and
 * "Convert to Traditional", each one edit over the whole text, made when read (see fixesOf).
 * Options: none (thresholds in convert.ts judgeScript).
 *
 *   關鍵會議 → traditional; fix "Convert to Simplified" → 关键会议
 */
import { Fix, Finding, Line, Rule } from '../../types';
import { finding, lazyFixes, textOfLines } from '../helpers';
import { classifyNew, judgeScript, ScriptCounts, scriptHanCounts, toSimplified, toTraditional } from '../../convert';
import { memoByText } from '../../memo';

const ID = 'script/document';

type LineCounts = ScriptCounts & { han: number };

/**
 * A line's counts, kept by text (engine/memo.ts) in a holder filled on first need (`c`: scriptHanCounts of
 * the text, a function of the text alone, so whoever fills it fills it the same): check() sees which lines
 * are new (no counts yet) before counting any, and classifies only their characters in one batch.
 */
interface CountsSlot {
  c: LineCounts | undefined;
}
const countsSlot = memoByText((): CountsSlot => ({ c: undefined }));

/** A line's Han characters and script counts, memoized by text (script/mixed-line reads them too). */
export function lineCounts(text: string): LineCounts {
  const s = countsSlot(text);
  return s.c ?? (s.c = scriptHanCounts(text));
}

/** The slots of the current analysis's lines by position (reused: no array per analysis). */
let slotsScratch: (CountsSlot | undefined)[] = [];

/**
 * The last analysis's lines with each one's counts (han, traditional, simplified: 3 per line) and their sums.
 * The next analysis (an edit) shares its top and bottom lines with it (same texts at the same distance from
 * either end): their counts are taken from here, and only the lines between are looked up, so an edit costs
 * two comparisons of texts per line instead of a memo look-up per line (bench's 100 KB page, steady per edit:
 * 0.5 ms with a classifyNew(text) scan of the whole text, 0.3-0.44 with memo look-ups, 0.28-0.34 so; noisy). The sums
 * are sums of integers, the same whatever the order. Set again only when an analysis completes.
 */
interface Counted {
  lines: readonly Line[];
  per: Int32Array;
  han: number;
  traditional: number;
  simplified: number;
}
let last: Counted | undefined;
/** the other buffer of per-line counts (two, swapped: no array per analysis) */
let spare: Int32Array = new Int32Array(0);

/** Counts of the lines [from, to) of `lines` into `per` (3 per line), new lines' characters classified in one batch. */
function countLines(lines: readonly Line[], from: number, to: number, per: Int32Array): void {
  if (slotsScratch.length < lines.length) slotsScratch = new Array(lines.length);
  const slots = slotsScratch;
  // the new lines' characters in one batch (their counts below would classify them line by line); only
  // they can hold a character not classified yet (classifyNew(text) scanned the whole text every analysis)
  let fresh: string | undefined;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (l.blank) continue;
    const s = countsSlot(l.text);
    slots[i] = s;
    if (s.c === undefined) fresh = fresh === undefined ? l.text : fresh + '\n' + l.text;
  }
  if (fresh !== undefined) classifyNew(fresh);
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (l.blank) {
      per[3 * i] = per[3 * i + 1] = per[3 * i + 2] = 0;
      continue;
    }
    const s = slots[i]!;
    slots[i] = undefined;
    const c = s.c ?? (s.c = scriptHanCounts(l.text));
    per[3 * i] = c.han;
    per[3 * i + 1] = c.traditional;
    per[3 * i + 2] = c.simplified;
  }
}

/** The counts of the whole document: the sums of its lines' (see `last`). */
function documentCounts(lines: readonly Line[]): Counted {
  const n = lines.length;
  const prev = last;
  last = undefined;
  let per = spare.length >= 3 * n ? spare : new Int32Array(3 * n + 96);
  if (prev !== undefined && per === prev.per) per = new Int32Array(3 * n + 96);
  let han = 0;
  let traditional = 0;
  let simplified = 0;
  let p = 0;
  let s = 0;
  if (prev !== undefined) {
    const old = prev.lines;
    const pn = old.length;
    while (p < n && p < pn && lines[p].text === old[p].text) p++;
    while (s < n - p && s < pn - p && lines[n - 1 - s].text === old[pn - 1 - s].text) s++;
    // the shared lines' counts move over; the sums lose the old middle's and gain the new one's
    per.set(prev.per.subarray(0, 3 * p), 0);
    per.set(prev.per.subarray(3 * (pn - s), 3 * pn), 3 * (n - s));
    han = prev.han;
    traditional = prev.traditional;
    simplified = prev.simplified;
    for (let i = 3 * p; i < 3 * (pn - s); i += 3) {
      han -= prev.per[i];
      traditional -= prev.per[i + 1];
      simplified -= prev.per[i + 2];
    }
  }
  countLines(lines, p, n - s, per);
  for (let i = 3 * p; i < 3 * (n - s); i += 3) {
    han += per[i];
    traditional += per[i + 1];
    simplified += per[i + 2];
  }
  if (prev !== undefined) spare = prev.per;
  return (last = { lines, per, han, traditional, simplified });
}
const NAMES = { traditional: ['Traditional', '繁体'], simplified: ['Simplified', '简体'], mixed: ['mixed Traditional and Simplified', '繁简混杂'] } as const;

/**
 * The fixes, made when they are read (a quick fix, the hover, the JSON output) and not on every analysis:
 * each is a copy of the whole text converted, and the s→t phrase dictionary alone takes ~23 MB and
 * ~350 ms to load (measured) — an editor holding a big Simplified document never needs it unless asked
 * to convert. A conversion that changes nothing gives no fix.
 */
function fixesOf(text: string, counts: { traditional: number; simplified: number }): Fix[] {
  const fixes: Fix[] = [];
  if (counts.traditional > 0) {
    const s = toSimplified(text);
    if (s !== text) fixes.push({ title: 'Convert to Simplified', edits: [{ start: 0, end: text.length, newText: s }] });
  }
  if (counts.simplified > 0) {
    const t = toTraditional(text);
    if (t !== text) fixes.push({ title: 'Convert to Traditional', edits: [{ start: 0, end: text.length, newText: t }] });
  }
  return fixes;
}

export const scriptDocument: Rule = {
  id: ID,
  category: 'script',
  scope: 'document',
  check(ctx) {
    const text = ctx.text;
    // the counts of the whole text are the sums of its lines' (no Han character or surrogate pair spans a
    // line break), each line's memoized by its text: after an edit only the changed lines are counted
    const lines = ctx.lines;
    const dc = documentCounts(lines);
    const han = dc.han;
    const counts = { traditional: dc.traditional, simplified: dc.simplified };
    if (!han) return [];
    let first: Line | undefined;
    for (let lI = 0; lI < lines.length && first === undefined; lI++) if (!lines[lI].blank) first = lines[lI];
    if (first === undefined) first = lines[0];
    const script = judgeScript(counts);
    const lead = first.text.length - first.text.trimStart().length;
    const start = first.start + lead;
    const end = Math.max(start, first.start + first.text.trimEnd().length);
    const specific = counts.traditional + counts.simplified;
    const share = specific ? Math.max(counts.traditional, counts.simplified) / specific : 1;
    const f: Finding = finding({
      rule: ID,
      category: 'script',
      message: `Document script: ${NAMES[script][0]} (${counts.traditional} Traditional-only, ${counts.simplified} Simplified-only characters)`,
      messageZh: `文档字形：${NAMES[script][1]}（繁体特有字 ${counts.traditional} 个，简体特有字 ${counts.simplified} 个）`,
      start,
      end,
      score: script === 'mixed' ? 1 - share : share,
      evidence: [script, `traditional=${counts.traditional} simplified=${counts.simplified} han=${han}`],
      severity: script === 'mixed' ? 'information' : 'hint',
    });
    if (counts.traditional > 0 || counts.simplified > 0) {
      const textOf = textOfLines(ctx.lines, text); // not `text`: a section's copy of its text (helpers.ts)
      lazyFixes(f, () => fixesOf(textOf(), counts));
    }
    return [f];
  },
};
