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

/**
 * What every corpus-lint diagnostic carries: the document version it was made for and the finding's
 * index in the server's analysis of that version. A code action finds the finding (and its fixes)
 * again in the server's state; a diagnostic of another version is refused. (It used to carry the
 * whole finding: ~780 bytes per diagnostic, 39 MB per publish for a 10 MB file.)
 */
export interface DiagnosticData {
  /** The document version the finding was computed for. */
  version: number;
  /** Index of the finding in the analysis of `version` (all findings, entities included). */
  i: number;
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

/** Findings shown as diagnostics: every enabled category except entities (shown in hovers, not as problems). */
export function shown(f: Finding, settings: Settings): boolean {
  return f.category !== 'entity' && !!settings.categories[f.category];
}

/** A diagnostic without its data, for a finding at `range` (no version: reusable across versions). */
function coreOf(f: Finding, range: Range, settings: Settings): Diagnostic {
  const d: Diagnostic = {
    range,
    severity: severityOf(f, settings),
    code: f.rule,
    source: SOURCE,
    message: messageOf(f, settings.messageLanguage),
  };
  if (f.category === 'boilerplate' || f.category === 'spam') d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/** A new diagnostic object: `core` with its data (the version and the finding's index `i`). */
function withData(core: Diagnostic, version: number, i: number): Diagnostic {
  const d: Diagnostic = { range: core.range, severity: core.severity, code: core.code, source: core.source, message: core.message, data: { version, i } satisfies DiagnosticData };
  if (core.tags) d.tags = core.tags;
  return d;
}

/** The diagnostic of finding `i` of the analysis of `version`. */
export function toDiagnostic(f: Finding, index: LineIndex, version: number, settings: Settings, i = 0): Diagnostic {
  return withData(coreOf(f, toRange(index, f.start, f.end), settings), version, i);
}

/** Diagnostics for every shown finding, the first settings.maxDiagnostics of them; data.i is the finding's index in `findings`. */
export function toDiagnostics(findings: readonly Finding[], index: LineIndex, version: number, settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const max = settings.maxDiagnostics || Number.POSITIVE_INFINITY;
  for (let i = 0; i < findings.length && out.length < max; i++) if (shown(findings[i], settings)) out.push(toDiagnostic(findings[i], index, version, settings, i));
  return out;
}

/** How many of `findings` would be diagnostics without the limit, and how many are published. */
export function diagnosticCount(findings: Iterable<Finding>, settings: Settings): { total: number; published: number } {
  let total = 0;
  for (const f of findings) if (shown(f, settings)) total++;
  return { total, published: settings.maxDiagnostics ? Math.min(total, settings.maxDiagnostics) : total };
}

/**
 * The diagnostics of one section of a document analysed in sections, kept with the section's result
 * (SectionResult.memo): ranges are computed once per section text relative to the section, shifted
 * when the section's first line moves, and only the data (version, index) is new at each publish.
 */
interface SectionMemo {
  settings: string;
  /** Index (in the section's findings) of each shown finding. */
  which: number[];
  /** Diagnostics (no data) with ranges relative to the section's first line. */
  rel: Diagnostic[];
  /** The same at line `line`. */
  line: number;
  abs: Diagnostic[];
}

export interface SectionDiagnosticsInput {
  /** The section's text (only read when its diagnostics are not kept yet). */
  text: () => string;
  /** Zero-based line of the section's first character. */
  line: number;
  /** The section's findings, offsets relative to the section. */
  rel: readonly Finding[];
  /** Where the section keeps its diagnostics between publishes. */
  memo: { memo?: unknown };
}

/**
 * Diagnostics of a document analysed in sections: `sections` in document order, their findings
 * concatenated in that order being the analysis's findings (data.i indexes them). Equal to
 * toDiagnostics over the whole text (the same limit, settings.maxDiagnostics).
 */
export function toSectionDiagnostics(sections: readonly SectionDiagnosticsInput[], version: number, settings: Settings, settingsKey: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const max = settings.maxDiagnostics || Number.POSITIVE_INFINITY;
  let base = 0;
  for (const s of sections) {
    if (out.length >= max) break; // the limit: later sections are not even converted
    let m = s.memo.memo as SectionMemo | undefined;
    if (!m || m.settings !== settingsKey) {
      const index = new LineIndex(s.text());
      const which: number[] = [];
      const rel: Diagnostic[] = [];
      s.rel.forEach((f, k) => {
        if (!shown(f, settings)) return;
        which.push(k);
        rel.push(coreOf(f, toRange(index, f.start, f.end), settings));
      });
      m = { settings: settingsKey, which, rel, line: 0, abs: rel };
      s.memo.memo = m;
    }
    if (m.line !== s.line) {
      const dl = s.line;
      m.abs = m.rel.map((d) => ({ ...d, range: { start: { line: d.range.start.line + dl, character: d.range.start.character }, end: { line: d.range.end.line + dl, character: d.range.end.character } } }));
      m.line = dl;
    }
    for (let k = 0; k < m.abs.length && out.length < max; k++) out.push(withData(m.abs[k], version, base + m.which[k]));
    base += s.rel.length;
  }
  return out;
}

/** Reads our data back from a diagnostic a client returns; undefined when it is not ours or malformed. */
export function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.version !== 'number') return undefined;
  if (typeof data.i !== 'number' || !Number.isInteger(data.i) || data.i < 0) return undefined;
  return { version: data.version, i: data.i };
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
