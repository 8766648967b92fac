/**
 * The document verdict: how much of the page is content and what junk it holds. Shown as a code
 * lens on line 0 and sent to the client as the `corpusLint/verdict` notification (status bar).
 */
import { CodeLens, NotificationType } from 'vscode-languageserver';
import { Category, Finding, summarize, Summary } from '../engine';

export interface VerdictParams {
  uri: string;
  version: number;
  /** false when the document is not analysed (e.g. plain text that is not Chinese). */
  analyzed: boolean;
  /** 0..1 share of visible characters that are content. */
  contentShare: number;
  counts: Record<Category, number>;
  script?: string;
  /** One-line summary, e.g. `corpus-lint: 62% content · 3 spam · 14 boilerplate · 2 artifact`. */
  text: string;
  /** A big document analysed in sections (engine/sections.ts): how many. Absent for one whole analysis. */
  sections?: number;
  /**
   * Present when corpusLint.maxDiagnostics held back problems: how many are shown, of how many, and the
   * zero-based lines (inclusive) whose problems are all shown (the ones nearest the focus: protocol/focus.ts).
   */
  diagnostics?: DiagnosticsNote;
}

export interface DiagnosticsNote {
  published: number;
  total: number;
  lines?: { start: number; end: number };
  /** More than `published` problems on those lines alone: part of theirs are shown. */
  partial?: boolean;
}

const num = (n: number) => n.toLocaleString('en-US');

/** The status note when corpusLint.maxDiagnostics holds problems back (lines shown one-based). */
function capNote(c: DiagnosticsNote, lang: 'en' | 'zh'): string {
  const lines = c.lines ? `${num(c.lines.start + 1)}–${num(c.lines.end + 1)}` : undefined;
  if (lang === 'zh')
    return `${lines ? `第 ${lines} 行${c.partial ? '的部分' : '的'}` : ''}诊断:${num(c.published)} / ${num(c.total)} 个问题(corpusLint.maxDiagnostics);大纲和“全部删除”操作覆盖整个文件`;
  return `diagnostics${lines ? ` for ${c.partial ? 'part of ' : ''}lines ${lines}` : ''}: ${num(c.published)} of ${num(c.total)} problems (corpusLint.maxDiagnostics); the outline and the Remove-all actions cover the whole file`;
}

/** Server command: show the verdict with details as a message. */
export const SHOW_VERDICT_COMMAND = 'corpusLint.server.showVerdict';

export const VerdictNotification = new NotificationType<VerdictParams>('corpusLint/verdict');

const ORDER: Category[] = ['spam', 'boilerplate', 'artifact', 'pii', 'script', 'entity'];
const ZH: Record<Category, string> = { spam: '垃圾', boilerplate: '模板', artifact: '残留', pii: '个人信息', script: '字体', entity: '实体' };

export function verdictOf(uri: string, version: number, text: string, findings: readonly Finding[], lang: 'en' | 'zh' = 'en'): VerdictParams {
  return verdictOfSummary(uri, version, summarize(text, findings), lang);
}

/**
 * The verdict from a summary. `sections`: the document was analysed in that many sections (big
 * files, engine/sections.ts) — the user is told, since page-level rules then judge each section.
 */
export function verdictOfSummary(
  uri: string,
  version: number,
  s: Summary,
  lang: 'en' | 'zh' = 'en',
  sections?: number,
  diagnostics?: DiagnosticsNote,
): VerdictParams {
  const pct = Math.round(s.contentShare * 100);
  const parts = [lang === 'zh' ? `正文 ${pct}%` : `${pct}% content`];
  for (const c of ORDER) if (s.counts[c] && c !== 'script') parts.push(lang === 'zh' ? `${ZH[c]} ${s.counts[c]}` : `${s.counts[c]} ${c}`);
  if (s.script) parts.push(s.script);
  if (sections !== undefined) parts.push(lang === 'zh' ? `分 ${sections} 段分析` : `analysed in ${sections} sections`);
  const capped = diagnostics && diagnostics.published < diagnostics.total ? diagnostics : undefined;
  if (capped) parts.push(capNote(capped, lang));
  const v: VerdictParams = { uri, version, analyzed: true, contentShare: s.contentShare, counts: s.counts, script: s.script, text: `corpus-lint: ${parts.join(' · ')}` };
  if (sections !== undefined) v.sections = sections;
  if (capped) v.diagnostics = capped;
  return v;
}

export function skippedVerdict(uri: string, version: number): VerdictParams {
  const counts = { boilerplate: 0, spam: 0, artifact: 0, pii: 0, entity: 0, script: 0 };
  return { uri, version, analyzed: false, contentShare: 1, counts, text: 'corpus-lint: not analysed (not mostly Chinese)' };
}

export function verdictLens(v: VerdictParams): CodeLens {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    command: { title: v.text, command: SHOW_VERDICT_COMMAND, arguments: [v.uri] },
  };
}
