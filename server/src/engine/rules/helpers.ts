/** Builders that every rule uses, so findings and fixes have one shape. */
import { Category, Finding, Fix, Line, Block, Rule, Severity } from '../types';
import { leadingSpace, trailingSpace } from '../text';

export const DEFAULT_SEVERITY: Record<Category, Severity> = {
  boilerplate: 'information',
  spam: 'warning',
  artifact: 'warning',
  pii: 'information',
  entity: 'hint',
  script: 'hint',
};

export interface FindingInit {
  rule: string;
  category: Category;
  message: string;
  messageZh?: string;
  start: number;
  end: number;
  score?: number;
  evidence?: string[];
  severity?: Severity;
  fixes?: Fix[];
}

export function finding(init: FindingInit): Finding {
  return make(init, init.start, init.end, init.fixes);
}

/** `finding({ ...init, start, end, fixes })` without the copy of `init` (same fields, same order). */
function make(init: Omit<FindingInit, 'start' | 'end' | 'fixes'>, start: number, end: number, fixes: Fix[] | undefined): Finding {
  const f: Finding = {
    rule: init.rule,
    category: init.category,
    severity: init.severity ?? DEFAULT_SEVERITY[init.category],
    message: init.message,
    start,
    end,
  };
  if (init.messageZh) f.messageZh = init.messageZh;
  if (init.score !== undefined) f.score = Math.round(init.score * 1000) / 1000;
  if (init.evidence && init.evidence.length) f.evidence = init.evidence;
  if (fixes && fixes.length) f.fixes = fixes;
  return f;
}

/**
 * Gives `f` fixes that are made when first read (`make` runs once): for fixes that cost much to make and
 * are rarely read, such as a copy of the whole text converted. An empty list reads as no fix.
 * shiftFinding (edits.ts) keeps them lazy.
 */
export function lazyFixes(f: Finding, make: () => Fix[]): Finding {
  let fixes: Fix[] | undefined;
  Object.defineProperty(f, 'fixes', { enumerable: true, configurable: true, get: () => (fixes ??= make()) });
  return f;
}

/** Where a rule keeps the findings it made of each line's memoized answer (see placedFindings). */
export type PlacedFindings<K> = WeakMap<object, { at: number; key: K; findings: Finding[] }>;

/**
 * The findings a rule makes of one line's memoized answer (`answer`: the memo's object for the line's text,
 * never mutated, so the findings are kept beside it in `kept`), handed out again while the line starts at
 * `at` and the page-level `key` (a count, a density) is the same: findings are not mutated, and a page's
 * hundreds of pinyin annotations or doubled commas were made again on every edit. `make` builds them otherwise.
 */
export function placedFindings<K>(kept: PlacedFindings<K>, answer: object, at: number, key: K, make: () => Finding[]): Finding[] {
  let p = kept.get(answer);
  if (p === undefined || p.at !== at || p.key !== key) kept.set(answer, (p = { at, key, findings: make() }));
  return p.findings;
}

/**
 * `text` given back from its lines (`lines` must cover it, as ctx.lines do), for a lazy fix that needs the
 * whole text: it keeps the lines' strings — interned (segment.ts), kept by the line caches anyway — not
 * the text. A big document's sections are analysed on copies of their text (sections.ts); script/document's
 * fixes holding their section's copy kept a second copy of the whole document (8 MB of the heap with the
 * 10 MB bench file, measured). Lines that do not cover `text` exactly: `text` itself is kept.
 */
export function textOfLines(lines: readonly Line[], text: string): () => string {
  const n = lines.length;
  if (!n || lines[0].start !== 0 || lines[n - 1].next !== text.length) return () => text;
  const texts: string[] = new Array(n);
  let lf = true; // every line but the last ends with \n
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    if (l.text.length !== l.end - l.start || (i + 1 < n && lines[i + 1].start !== l.next)) return () => text;
    texts[i] = l.text;
    if (i + 1 < n ? l.next - l.end !== 1 || text.charCodeAt(l.end) !== 10 : l.next !== l.end) lf = false;
  }
  // (made by functions of their own: a closure made here would share this scope, `text` included)
  return lf ? joinedBy(texts, '\n') : interleaved(texts, lines.map((l) => text.slice(l.end, l.next)));
}

function joinedBy(texts: readonly string[], sep: string): () => string {
  return () => texts.join(sep);
}

function interleaved(texts: readonly string[], breaks: readonly string[]): () => string {
  return () => {
    let out = '';
    for (let i = 0; i < texts.length; i++) out += texts[i] + breaks[i];
    return out;
  };
}

/** A fix that removes whole lines first..last, line breaks included. */
export function removeLinesFix(lines: readonly Line[], first: number, last: number, title = 'Remove line'): Fix {
  return { title, edits: [{ start: lines[first].start, end: lines[last].next, newText: '' }] };
}

/** A finding over one whole line whose fix removes it. */
export function lineFinding(line: Line, lines: readonly Line[], init: Omit<FindingInit, 'start' | 'end' | 'fixes'> & { fixTitle?: string }): Finding {
  const lead = leadingSpace(line.text);
  const trail = trailingSpace(line.text);
  return make(init, line.start + lead, Math.max(line.start + lead, line.end - trail), [removeLinesFix(lines, line.index, line.index, init.fixTitle ?? 'Remove this line')]);
}

/** A finding over a block (or any run of lines first..last) whose fix removes those lines. */
export function linesFinding(lines: readonly Line[], first: number, last: number, init: Omit<FindingInit, 'start' | 'end' | 'fixes'> & { fixTitle?: string }): Finding {
  const a = lines[first];
  const b = lines[last];
  const lead = leadingSpace(a.text);
  const trail = trailingSpace(b.text);
  return make(init, a.start + lead, Math.max(a.start + lead, b.end - trail), [removeLinesFix(lines, first, last, init.fixTitle ?? (first === last ? 'Remove this line' : 'Remove this block'))]);
}

export function blockFinding(block: Block, lines: readonly Line[], init: Omit<FindingInit, 'start' | 'end' | 'fixes'> & { fixTitle?: string }): Finding {
  return linesFinding(lines, block.first, block.last, init);
}

/** A finding over a span whose fix replaces it (removal by default). */
export function spanFinding(start: number, end: number, init: Omit<FindingInit, 'start' | 'end' | 'fixes'> & { replacement?: string; fixTitle?: string }): Finding {
  const newText = init.replacement ?? '';
  return make(init, start, end, [{ title: init.fixTitle ?? (newText ? `Replace with “${newText}”` : 'Remove'), edits: [{ start, end, newText }] }]);
}

/**
 * A line-local rule that judges each non-blank line by its text alone: `judge` gives the evidence of a
 * finding on the line (one line finding, the line removed by its fix) or undefined. Declared
 * `locality: 'line'`, so the server's line cache (engine/cache.ts) reuses its findings for unchanged lines.
 */
export function lineRule(spec: {
  id: string;
  category: Category;
  score: number;
  message: string;
  messageZh: string;
  judge: (text: string) => string | undefined;
}): Rule {
  return {
    id: spec.id,
    category: spec.category,
    scope: 'line',
    locality: 'line',
    check(ctx): Finding[] {
      const out: Finding[] = [];
      for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
        const line = linesArr[lineI];
        if (line.blank) continue;
        const evidence = spec.judge(line.text);
        if (evidence === undefined) continue;
        out.push(lineFinding(line, ctx.lines, { rule: spec.id, category: spec.category, score: spec.score, message: spec.message, messageZh: spec.messageZh, evidence: [evidence] }));
      }
      return out;
    },
  };
}
