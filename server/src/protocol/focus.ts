/**
 * Which diagnostics to publish when a document has more than corpusLint.maxDiagnostics: the ones
 * nearest where the user is looking. VS Code keeps at most 1000 diagnostics per file from an extension
 * (ExtHostDiagnostics._maxDiagnosticsPerFile) and throws the rest away, so a 10 MB crawl file's
 * ~48,000 findings cannot all be shown anyway; writing them cost ~50 ms of JSON per edit.
 *
 * The focus is a span of lines: the visible range of the editor (our VS Code client reports it with the
 * corpusLint/visibleRanges notification), else the line of the last edit, else the top of the document.
 * A diagnostic's distance to the focus is 0 when its lines meet the focus, else the number of lines
 * between them; the `max` nearest are picked (the whole focus first, then outwards; ties in document
 * order), and the lines they cover completely are reported for the status item.
 * Pure: no LSP connection, no engine.
 */

/** Zero-based lines, both inclusive. */
export interface LineSpan {
  start: number;
  end: number;
}

interface Ranged {
  range: { start: { line: number }; end: { line: number } };
}

/** Lines between a range and the focus (0 when they meet). */
export function lineDistance(r: Ranged, focus: LineSpan): number {
  return Math.max(0, focus.start - r.range.end.line, r.range.start.line - focus.end);
}

/** Diagnostics in document order, by groups of consecutive lines (the sections of a big document, or one group). */
export interface FocusGroup {
  /** First line any of its diagnostics can touch. */
  first: number;
  /** Last line any of its diagnostics can touch. */
  last: number;
  /** Its diagnostics (asked only for the groups near the focus). */
  items(): readonly Ranged[];
}

export interface FocusSelection {
  /** The picked diagnostics, as (group, index in the group's items), in document order. */
  picked: { g: number; k: number }[];
  /**
   * The lines whose diagnostics are all picked (clipped to the groups' lines): every diagnostic nearer
   * the focus than the farthest picked one. Meaningful when something was left out (the caller knows
   * the total: picked.length < total).
   */
  covered: LineSpan;
  /** The focus alone holds more than max: `covered` is the focus, and only part of its diagnostics are picked. */
  partial?: boolean;
}

/**
 * The `max` diagnostics of `groups` nearest `focus` (max 0: all of them). Only the groups near the
 * focus are asked for their items: a group farther than the max-th nearest diagnostic found is not.
 */
export function selectNearest(groups: readonly FocusGroup[], focus: LineSpan, max: number): FocusSelection {
  const all = !max || max === Number.POSITIVE_INFINITY;
  let cand: { g: number; k: number; d: number }[] = [];
  const order = (a: { g: number; k: number; d: number }, b: { g: number; k: number; d: number }) => a.d - b.d || a.g - b.g || a.k - b.k;
  const gd = (g: FocusGroup) => Math.max(0, focus.start - g.last, g.first - focus.end);
  // groups by distance: the ones meeting the focus, then outwards (the groups are in line order)
  let lo = 0;
  while (lo < groups.length && groups[lo].last < focus.start) lo++;
  let hi = lo; // the next group downwards is hi, upwards lo - 1
  let bound = Number.POSITIVE_INFINITY; // once max are found: the distance of the max-th nearest
  for (;;) {
    const up = lo > 0 ? gd(groups[lo - 1]) : Number.POSITIVE_INFINITY;
    const down = hi < groups.length ? gd(groups[hi]) : Number.POSITIVE_INFINITY;
    const next = Math.min(up, down);
    if (next === Number.POSITIVE_INFINITY || next > bound) break;
    const g = down <= up ? hi++ : --lo;
    const items = groups[g].items();
    for (let k = 0; k < items.length; k++) cand.push({ g, k, d: lineDistance(items[k], focus) });
    if (!all && cand.length >= max) {
      cand.sort(order);
      cand = cand.slice(0, max);
      bound = cand[max - 1].d;
    }
  }
  const picked = cand.map(({ g, k }) => ({ g, k })).sort((a, b) => a.g - b.g || a.k - b.k);
  const first = groups.length ? groups[0].first : 0;
  const last = groups.length ? groups[groups.length - 1].last : 0;
  const d = all || cand.length < max ? Number.POSITIVE_INFINITY : bound; // every diagnostic nearer than d is picked
  const covered = d === Number.POSITIVE_INFINITY
    ? { start: first, end: last }
    : d > 0
      ? { start: Math.max(first, focus.start - d + 1), end: Math.min(last, focus.end + d - 1) }
      : { start: Math.max(first, focus.start), end: Math.min(last, focus.end) };
  return d === 0 ? { picked, covered, partial: true } : { picked, covered };
}

/** The focus span of LSP ranges (e.g. an editor's visible ranges): from the first start line to the last end line. */
export function spanOf(ranges: readonly { start: { line: number; character?: number }; end: { line: number; character?: number } }[]): LineSpan | undefined {
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const r of ranges) {
    if (!r || typeof r.start?.line !== 'number' || typeof r.end?.line !== 'number') continue;
    start = Math.min(start, r.start.line, r.end.line);
    end = Math.max(end, r.start.line, r.end.line);
  }
  return end >= 0 && start >= 0 ? { start, end } : undefined;
}

/** Does `outer` contain `inner`? */
export function within(inner: LineSpan, outer: LineSpan | undefined): boolean {
  return !!outer && inner.start >= outer.start && inner.end <= outer.end;
}
