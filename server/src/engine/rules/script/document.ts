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
    if (slotsScratch.length < lines.length) slotsScratch = new Array(lines.length);
    const slots = slotsScratch;
    // the new lines' characters in one batch (their counts below would classify them line by line); only
    // they can hold a character not classified yet. classifyNew(text) scanned the whole text on every
    // analysis (0.3-0.5 ms per edit in the interpreter on the bench's 100 KB page, measured)
    let fresh: string | undefined;
    let first: Line | undefined;
    for (let lI = 0; lI < lines.length; lI++) {
      const l = lines[lI];
      if (l.blank) continue;
      if (first === undefined) first = l;
      const s = countsSlot(l.text);
      slots[lI] = s;
      if (s.c === undefined) fresh = fresh === undefined ? l.text : fresh + '\n' + l.text;
    }
    if (fresh !== undefined) classifyNew(fresh);
    let han = 0;
    const counts = { traditional: 0, simplified: 0 };
    for (let lI = 0; lI < lines.length; lI++) {
      const l = lines[lI];
      if (l.blank) continue;
      const s = slots[lI]!;
      slots[lI] = undefined;
      const c = s.c ?? (s.c = scriptHanCounts(l.text));
      han += c.han;
      counts.traditional += c.traditional;
      counts.simplified += c.simplified;
    }
    if (!han) return [];
    const script = judgeScript(counts);
    if (first === undefined) first = lines[0];
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
