/**
 * Applying fixes: edits are sorted, removals that overlap are merged, and an edit that
 * overlaps one already taken is dropped, so applying any set of fixes never fails.
 */
import { Finding, Fix, TextEdit } from './types';

/**
 * A finding moved by `delta` code units (its fixes' edits too); the same object when delta is 0. Fixes
 * made when read (helpers.lazyFixes: script/document's converted copies of the whole text) stay so:
 * moving the finding does not make them.
 */
export function shiftFinding(f: Finding, delta: number): Finding {
  if (delta === 0) return f;
  const lazy = fixesMadeOnRead(f);
  if (!lazy) {
    const g: Finding = { ...f, start: f.start + delta, end: f.end + delta };
    if (f.fixes) g.fixes = shiftFixes(f.fixes, delta);
    return g;
  }
  const g = {} as Finding;
  for (const k of Object.keys(f) as (keyof Finding)[]) if (k !== 'fixes') (g as unknown as Record<string, unknown>)[k] = f[k];
  g.start = f.start + delta;
  g.end = f.end + delta;
  let fixes: Fix[] | undefined;
  Object.defineProperty(g, 'fixes', { enumerable: true, configurable: true, get: () => (fixes ??= shiftFixes(lazy.call(f) as Fix[], delta)) });
  return g;
}

/** The maker of `f`'s fixes when they are made when first read (helpers.lazyFixes), else undefined. */
export function fixesMadeOnRead(f: Finding): (() => unknown) | undefined {
  return Object.getOwnPropertyDescriptor(f, 'fixes')?.get;
}

function shiftFixes(fixes: readonly Fix[], delta: number): Fix[] {
  return fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) }));
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
