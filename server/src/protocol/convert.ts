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
import { FocusGroup, LineSpan, selectNearest } from './focus';
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
  if (f.category === 'boilerplate' || f.category === 'spam') d.tags = UNNECESSARY;
  return d;
}

/** The tags of a junk diagnostic (shown faded): one array for all of them (diagnostics are not changed once made). */
const UNNECESSARY: DiagnosticTag[] = [DiagnosticTag.Unnecessary];

/** A new diagnostic object: `core` with its data (the version and the finding's index `i`). */
function withData(core: Diagnostic, version: number, i: number): Diagnostic {
  const d: Diagnostic = { range: core.range, severity: core.severity, code: core.code, source: core.source, message: core.message, data: { version, i } satisfies DiagnosticData };
  if (core.tags) d.tags = core.tags;
  return d;
}

/**
 * The diagnostic of finding `i` of the analysis of `version`: coreOf + withData made as one object (the
 * server converts every shown finding on every edit: 947 on the bench's 100 KB page, where the core
 * object made first was ~70 KB of garbage an edit).
 */
export function toDiagnostic(f: Finding, index: LineIndex, version: number, settings: Settings, i = 0): Diagnostic {
  const d: Diagnostic = {
    range: toRange(index, f.start, f.end),
    severity: severityOf(f, settings),
    code: f.rule,
    source: SOURCE,
    message: messageOf(f, settings.messageLanguage),
    data: { version, i } satisfies DiagnosticData,
  };
  if (f.category === 'boilerplate' || f.category === 'spam') d.tags = UNNECESSARY;
  return d;
}

/** Diagnostics to publish, and (when some are held back) the lines they cover completely. */
export interface Published {
  diagnostics: Diagnostic[];
  /** Zero-based lines whose diagnostics are all published (also when nothing is held back: the document's). */
  covered: LineSpan;
  /** The focus alone has more than the limit: `covered` is the focus, and part of its diagnostics are published. */
  partial?: boolean;
}

/** The top of the document: the focus before the client reports a visible range or an edit is made. */
export const TOP: LineSpan = { start: 0, end: 0 };

/**
 * Diagnostics for the shown findings: all of them, or the settings.maxDiagnostics nearest `focus`
 * (protocol/focus.ts), in the findings' order; data.i is the finding's index in `findings`.
 */
export function publishDiagnostics(findings: readonly Finding[], index: LineIndex, version: number, settings: Settings, focus: LineSpan = TOP): Published {
  const all: Diagnostic[] = [];
  for (let i = 0; i < findings.length; i++) if (shown(findings[i], settings)) all.push(toDiagnostic(findings[i], index, version, settings, i));
  const max = settings.maxDiagnostics;
  const lines = { start: 0, end: index.lineCount - 1 };
  if (!max || all.length <= max) return { diagnostics: all, covered: lines };
  const { picked, covered, partial } = selectNearest([{ first: lines.start, last: lines.end, items: () => all }], focus, max);
  return { diagnostics: picked.map((p) => all[p.k]), covered, ...(partial ? { partial } : {}) };
}

/** publishDiagnostics(…).diagnostics. */
export function toDiagnostics(findings: readonly Finding[], index: LineIndex, version: number, settings: Settings, focus: LineSpan = TOP): Diagnostic[] {
  return publishDiagnostics(findings, index, version, settings, focus).diagnostics;
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
  /** Lines of the section's text after its first (its line breaks). */
  lines: number;
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

/** The kept diagnostics of section `s` (made once per section text and settings), at its current first line. */
function sectionMemo(s: SectionDiagnosticsInput, settings: Settings, settingsKey: string): SectionMemo {
  let m = s.memo.memo as SectionMemo | undefined;
  if (!m || m.settings !== settingsKey) {
    const text = s.text();
    const index = new LineIndex(text);
    const which: number[] = [];
    const rel: Diagnostic[] = [];
    s.rel.forEach((f, k) => {
      if (!shown(f, settings)) return;
      which.push(k);
      rel.push(coreOf(f, toRange(index, f.start, f.end), settings));
    });
    m = { settings: settingsKey, which, rel, line: 0, abs: rel, lines: index.lineCount - 1 };
    s.memo.memo = m;
  }
  if (m.line !== s.line) {
    const dl = s.line;
    m.abs = m.rel.map((d) => ({ ...d, range: { start: { line: d.range.start.line + dl, character: d.range.start.character }, end: { line: d.range.end.line + dl, character: d.range.end.character } } }));
    m.line = dl;
  }
  return m;
}

/**
 * Diagnostics of a document analysed in sections: `sections` in document order, their findings
 * concatenated in that order being the analysis's findings (data.i indexes them). Equal to
 * publishDiagnostics over the whole text (the same limit, settings.maxDiagnostics, and focus); only
 * the sections near the focus are converted.
 */
export function publishSectionDiagnostics(sections: readonly SectionDiagnosticsInput[], version: number, settings: Settings, settingsKey: string, focus: LineSpan = TOP): Published {
  const bases: number[] = [];
  let base = 0;
  for (const s of sections) {
    bases.push(base);
    base += s.rel.length;
  }
  const n = sections.length;
  // a section's diagnostics lie on its lines, up to the first line of the next (a finding may end there, at character 0)
  const groups: FocusGroup[] = sections.map((s, g) => ({
    first: s.line,
    last: g + 1 < n ? sections[g + 1].line : Number.MAX_SAFE_INTEGER,
    items: () => sectionMemo(s, settings, settingsKey).abs,
  }));
  const max = settings.maxDiagnostics;
  const { picked, covered, partial } = selectNearest(groups, focus, max);
  const diagnostics = picked.map(({ g, k }) => {
    const m = sectionMemo(sections[g], settings, settingsKey);
    return withData(m.abs[k], version, bases[g] + m.which[k]);
  });
  // the last line of the document bounds `covered` only when it reaches into the last section (which was then converted)
  const last = n ? sections[n - 1] : undefined;
  const end = last && covered.end >= last.line ? Math.min(covered.end, last.line + sectionMemo(last, settings, settingsKey).lines) : covered.end;
  return { diagnostics, covered: { start: covered.start, end }, ...(partial ? { partial } : {}) };
}

/** publishSectionDiagnostics(…).diagnostics. */
export function toSectionDiagnostics(sections: readonly SectionDiagnosticsInput[], version: number, settings: Settings, settingsKey: string, focus: LineSpan = TOP): Diagnostic[] {
  return publishSectionDiagnostics(sections, version, settings, settingsKey, focus).diagnostics;
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
