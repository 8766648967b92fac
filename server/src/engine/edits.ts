/**
 * Applying fixes: edits are sorted, removals that overlap are merged, and an edit that
 * overlaps one already taken is dropped, so applying any set of fixes never fails.
 */
import { Finding, TextEdit } from './types';

export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (!last || e.start >= last.end) {
      if (last && e.start === last.end && e.start === e.end && last.start === last.end) continue; // two inserts at one place
      out.push({ ...e });
    } else if (e.end > last.end && e.newText === '' && last.newText === '') {
      last.end = e.end; // overlapping removals: remove the union
    }
    // otherwise: contained in or conflicting with an edit already taken — drop it
  }
  return out;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const norm = normalizeEdits(edits);
  let out = '';
  let pos = 0;
  for (const e of norm) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The edits of the first fix of each finding. */
export function primaryEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) if (f.fixes && f.fixes.length) edits.push(...f.fixes[0].edits);
  return edits;
}
