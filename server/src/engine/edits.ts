/**
 * Applying fixes: edits are sorted, removals that overlap are merged, and an edit that
 * overlaps one already taken is dropped, so applying any set of fixes never fails.
 */
import { Finding, TextEdit } from './types';

/**
 * A finding moved by `delta` code units (its fixes' edits too); the same object when delta is 0. An edit
 * whose newText is made when read (script/document's converted copy of the whole text) stays so: moving
 * it does not make the copy.
 */
export function shiftFinding(f: Finding, delta: number): Finding {
  if (delta === 0) return f;
  const g: Finding = { ...f, start: f.start + delta, end: f.end + delta };
  if (f.fixes) g.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => shiftEdit(e, delta)) }));
  return g;
}

function shiftEdit(e: TextEdit, delta: number): TextEdit {
  const get = Object.getOwnPropertyDescriptor(e, 'newText')?.get;
  if (!get) return { ...e, start: e.start + delta, end: e.end + delta };
  const moved = { start: e.start + delta, end: e.end + delta } as TextEdit;
  Object.defineProperty(moved, 'newText', { enumerable: true, get });
  return moved;
}

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
