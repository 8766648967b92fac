/** Findings as the CLI contract (DESIGN.md) prints them: LSP ranges, zero-based UTF-16. */
import { Finding, fixesMadeOnRead, LineIndex } from '../engine';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * One finding as JSON. Fixes made when first read (script/document's "Convert to …", each a converted copy
 * of the whole text) are printed only with `madeOnRead`: over a corpus they were a fifth of the output and
 * a tenth of the CPU (measured over 20 MB of pages), and a pipeline filtering findings never reads them.
 */
export function toJsonFinding(f: Finding, idx: LineIndex, madeOnRead = true): Record<string, unknown> {
  const range = (s: number, e: number): JsonRange => ({ start: idx.positionAt(s), end: idx.positionAt(e) });
  const out: Record<string, unknown> = {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    message: f.message,
    range: range(f.start, f.end),
  };
  if (f.messageZh) out.messageZh = f.messageZh;
  if (f.score !== undefined) out.score = f.score;
  if (f.evidence) out.evidence = f.evidence;
  if (f.entityType) out.entityType = f.entityType;
  if ((madeOnRead || !fixesMadeOnRead(f)) && f.fixes?.length) out.fixes = f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) }));
  return out;
}

export function textLine(file: string, f: Finding, idx: LineIndex, zh = false): string {
  const p = idx.positionAt(f.start);
  return `${file}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule} ${zh && f.messageZh ? f.messageZh : f.message}`;
}
