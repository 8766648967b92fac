/** Findings as the CLI contract (DESIGN.md) prints them: LSP ranges, zero-based UTF-16. */
import { Finding, LineIndex } from '../engine';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function toJsonFinding(f: Finding, idx: LineIndex): Record<string, unknown> {
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
  if (f.fixes?.length) out.fixes = f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) }));
  return out;
}

export function textLine(file: string, f: Finding, idx: LineIndex, zh = false): string {
  const p = idx.positionAt(f.start);
  return `${file}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule} ${zh && f.messageZh ? f.messageZh : f.message}`;
}
