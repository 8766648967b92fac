/**
 * The server's settings (`corpusLint.*` in VS Code), their defaults, and how a raw settings
 * object from any client (workspace/configuration, didChangeConfiguration, initializationOptions)
 * becomes a complete, validated Settings value.
 */
import { Category, CATEGORIES, DEFAULT_CATEGORIES, Severity } from '../engine';

export type SeveritySetting = Severity | 'default';

export interface Settings {
  /** Language of diagnostic and hover messages. */
  messageLanguage: 'en' | 'zh';
  /** Categories that are analysed (entity is off by default: it is not junk). */
  categories: Record<Category, boolean>;
  /** Diagnostic severity per category; `default` keeps the finding's own severity. */
  severity: Record<Category, SeveritySetting>;
  /** For documents that are not `corpus` (plain text…): analyse only when mostly Chinese. */
  onlyChinese: boolean;
  /** Show the verdict as a code lens on the first line. */
  codeLens: boolean;
  /** Milliseconds to wait after a change before analysing. */
  debounceMs: number;
  /** People, places and organisations in the editor (semantic tokens, hover, outline, highlights, references). */
  entities: { enabled: boolean };
  /** User patterns (raw; compiled with RE2 by engine/patterns.ts), honoured only in trusted workspaces. */
  customPatterns: unknown[];
  /**
   * Most diagnostics published per document (the ones nearest the focus — visible range, last edit or
   * top, protocol/focus.ts; 0: no limit). VS Code keeps at most 1000 per file from an extension and drops
   * the rest; a 10 MB crawl file has ~48,000 findings, 12 MB of JSON and ~50+ ms to write per edit.
   * Hovers, code actions, the outline and "fix all" still see every finding; the status item says when
   * the limit applies and which lines it covers.
   */
  maxDiagnostics: number;
}

/** Default of corpusLint.maxDiagnostics. */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export const SECTION = 'corpusLint';

export function defaultSettings(): Settings {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, DEFAULT_CATEGORIES.includes(c)])) as Record<Category, boolean>;
  const severity = Object.fromEntries(CATEGORIES.map((c) => [c, 'default'])) as Record<Category, SeveritySetting>;
  return { messageLanguage: 'en', categories, severity, onlyChinese: true, codeLens: true, debounceMs: 150, entities: { enabled: true }, customPatterns: [], maxDiagnostics: DEFAULT_MAX_DIAGNOSTICS };
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'default']);

/** Reads a (possibly partial, possibly malformed) settings object; unknown values fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (r.messageLanguage === 'zh' || r.messageLanguage === 'en') s.messageLanguage = r.messageLanguage;
  const cats = r.categories as Record<string, unknown> | undefined;
  const sev = r.severity as Record<string, unknown> | undefined;
  for (const c of CATEGORIES) {
    if (cats && typeof cats[c] === 'boolean') s.categories[c] = cats[c] as boolean;
    if (sev && typeof sev[c] === 'string' && SEVERITIES.has(sev[c] as string)) s.severity[c] = sev[c] as SeveritySetting;
  }
  if (typeof r.onlyChinese === 'boolean') s.onlyChinese = r.onlyChinese;
  if (typeof r.codeLens === 'boolean') s.codeLens = r.codeLens;
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 5000) s.debounceMs = r.debounceMs;
  const ents = r.entities as Record<string, unknown> | undefined;
  if (ents && typeof ents === 'object' && typeof ents.enabled === 'boolean') s.entities.enabled = ents.enabled;
  else if (typeof r['entities.enabled'] === 'boolean') s.entities.enabled = r['entities.enabled'] as boolean;
  if (Array.isArray(r.customPatterns)) s.customPatterns = r.customPatterns;
  if (typeof r.maxDiagnostics === 'number' && Number.isInteger(r.maxDiagnostics) && r.maxDiagnostics >= 0) s.maxDiagnostics = r.maxDiagnostics;
  return s;
}

export function enabledCategories(s: Settings): Category[] {
  return CATEGORIES.filter((c) => s.categories[c]);
}

/** A key that changes whenever analysis results would change. */
export function analysisKey(s: Settings): string {
  return enabledCategories(s).join(',');
}
