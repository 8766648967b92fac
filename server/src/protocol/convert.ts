/**
 * The one place where engine values become LSP values: offsets → ranges (through the engine's
 * LineIndex, so UTF-16 units, astral characters and \r\n are right), findings → diagnostics,
 * engine edits → LSP text edits and workspace edits.
 */
import {
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  OptionalVersionedTextDocumentIdentifier,
  Range,
  TextDocumentEdit,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { Finding, LineIndex, normalizeEdits, Severity, TextEdit } from '../engine';
import { Settings } from './settings';

export const SOURCE = 'corpus-lint';

/** What every corpus-lint diagnostic carries, so a code action needs no server state. */
export interface DiagnosticData {
  /** The document version the finding was computed for. */
  version: number;
  finding: Finding;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(index: LineIndex, start: number, end: number): Range {
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

export function severityOf(f: Finding, settings: Settings): DiagnosticSeverity {
  const s = settings.severity[f.category];
  return SEVERITY[s && s !== 'default' ? s : f.severity] ?? DiagnosticSeverity.Information;
}

export function messageOf(f: Finding, lang: 'en' | 'zh'): string {
  return lang === 'zh' && f.messageZh ? f.messageZh : f.message;
}

export function toDiagnostic(f: Finding, index: LineIndex, version: number, settings: Settings): Diagnostic {
  const d: Diagnostic = {
    range: toRange(index, f.start, f.end),
    severity: severityOf(f, settings),
    code: f.rule,
    source: SOURCE,
    message: messageOf(f, settings.messageLanguage),
    data: { version, finding: f } satisfies DiagnosticData,
  };
  if (f.category === 'boilerplate' || f.category === 'spam') d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/** Diagnostics for every enabled category except entities (they are shown in hovers, not as problems). */
export function toDiagnostics(findings: readonly Finding[], index: LineIndex, version: number, settings: Settings): Diagnostic[] {
  return findings
    .filter((f) => f.category !== 'entity' && settings.categories[f.category])
    .map((f) => toDiagnostic(f, index, version, settings));
}

/** Reads our data back from a diagnostic a client returns; undefined when it is not ours or malformed. */
export function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.version !== 'number') return undefined;
  const f = data.finding as Finding | undefined;
  if (!f || typeof f.rule !== 'string' || typeof f.start !== 'number' || typeof f.end !== 'number') return undefined;
  return data as DiagnosticData;
}

/** Engine edits → non-overlapping LSP edits (the engine's own normalisation, so results agree with applyEdits). */
export function toTextEdits(index: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return normalizeEdits(edits).map((e) => ({ range: toRange(index, e.start, e.end), newText: e.newText }));
}

export interface EditTarget {
  uri: string;
  version: number;
  /** Client supports `documentChanges` (versioned edits). */
  documentChanges: boolean;
}

export function toWorkspaceEdit(target: EditTarget, edits: LspTextEdit[]): WorkspaceEdit {
  if (target.documentChanges) {
    const id: OptionalVersionedTextDocumentIdentifier = { uri: target.uri, version: target.version };
    return { documentChanges: [TextDocumentEdit.create(id, edits)] };
  }
  return { changes: { [target.uri]: edits } };
}
