/**
 * Code actions. Quick fixes come from the finding a diagnostic points at (Diagnostic.data: the
 * version and the finding's index in the server's analysis, convert.ts) and are offered only when the
 * diagnostic was made for the document's current version and the finding there is the diagnostic's rule; document-wide actions (all
 * findings of a rule, all artifacts, clean, convert script) are computed from the analysis of the
 * current version, eagerly or — when the client can resolve — on resolve.
 */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { CLEAN_CATEGORIES, Finding, LineIndex, primaryEdits, TextEdit } from '../engine';
import { dataOf, EditTarget, SOURCE, toTextEdits, toWorkspaceEdit } from './convert';
import { Script, toSimplified, toTraditional } from './script';

export const KIND_FIX_ALL = 'source.fixAll.corpusLint';
export const KIND_TO_SIMPLIFIED = 'source.convert.corpusLint.toSimplified';
export const KIND_TO_TRADITIONAL = 'source.convert.corpusLint.toTraditional';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, KIND_FIX_ALL, KIND_TO_SIMPLIFIED, KIND_TO_TRADITIONAL];

export type Op = { op: 'clean' } | { op: 'toSimplified' } | { op: 'toTraditional' } | { op: 'rule'; rule: string } | { op: 'artifacts' };

/** What a deferred action carries to codeAction/resolve. */
export type ActionData = Op & { uri: string; version: number };

export interface ActionContext extends EditTarget {
  text: string;
  /** Findings of the analysis of `version` (read only when edits are computed, when findingAt/scan are given). */
  findings: readonly Finding[];
  /** Finding `i` of `findings` (a diagnostic's data.i), without making all of them; default findings[i]. */
  findingAt?: (i: number) => Finding | undefined;
  /** The same findings in the same order, offsets possibly not absolute: for counts by rule or category. */
  scan?: () => Iterable<Finding>;
  lang: 'en' | 'zh';
  /** Script of the whole document, when known. */
  script?: Script;
  /** Defer the edits of document-wide actions to codeAction/resolve. */
  lazy?: boolean;
  /** The line index of `text`, when the caller keeps one (a 10 MB text takes ~40 ms to index). */
  index?: LineIndex;
}

export function kindMatches(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || !only.length) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

const T = {
  en: {
    repairOne: (t: string) => `Repair this artifact: ${t}`,
    rule: (r: string, n: number, repair: boolean) => `${repair ? 'Repair' : 'Remove'} all ${n} findings of ${r}`,
    artifacts: (n: number) => `Repair all artifacts (${n})`,
    clean: 'Clean document (remove boilerplate and spam, repair artifacts)',
    toSimplified: 'Convert document to Simplified Chinese',
    toTraditional: 'Convert document to Traditional Chinese',
  },
  zh: {
    repairOne: (t: string) => `修复此处残留:${t}`,
    rule: (r: string, n: number, repair: boolean) => `${repair ? '修复' : '删除'} ${r} 的全部 ${n} 处`,
    artifacts: (n: number) => `修复全部残留字符(${n} 处)`,
    clean: '清理文档(删除模板与垃圾信息,修复残留字符)',
    toSimplified: '将文档转换为简体中文',
    toTraditional: '将文档转换为繁体中文',
  },
};

function count(ctx: ActionContext, pred: (f: Finding) => boolean): number {
  let n = 0;
  for (const f of ctx.scan ? ctx.scan() : ctx.findings) if (pred(f)) n++;
  return n;
}

const isRepair = (f: Finding) => f.category === 'artifact' || !!f.fixes?.[0]?.edits.some((e) => e.newText !== '');

/** The engine edits of a document-wide operation. */
export function opEdits(op: Op, ctx: { text: string; findings: readonly Finding[] }): TextEdit[] {
  switch (op.op) {
    case 'clean':
      return primaryEdits(ctx.findings.filter((f) => CLEAN_CATEGORIES.includes(f.category)));
    case 'rule':
      return primaryEdits(ctx.findings.filter((f) => f.rule === op.rule));
    case 'artifacts':
      return primaryEdits(ctx.findings.filter((f) => f.category === 'artifact'));
    case 'toSimplified':
    case 'toTraditional': {
      const out = op.op === 'toSimplified' ? toSimplified(ctx.text) : toTraditional(ctx.text);
      return out === undefined ? [] : scriptEdits(ctx.text, out);
    }
  }
}

/** Line-by-line edits turning text into converted (one whole-text edit if line structure changed). */
export function scriptEdits(text: string, converted: string): TextEdit[] {
  if (converted === text) return [];
  const a = new LineIndex(text);
  const b = new LineIndex(converted);
  if (a.lineCount !== b.lineCount) return [{ start: 0, end: text.length, newText: converted }];
  const edits: TextEdit[] = [];
  for (let i = 0; i < a.lineCount; i++) {
    const s = a.lineStarts[i];
    const e = a.lineEnd(i);
    const t = converted.slice(b.lineStarts[i], b.lineEnd(i));
    if (text.slice(s, e) !== t) edits.push({ start: s, end: e, newText: t });
  }
  return edits;
}

export function opLspEdits(op: Op, ctx: ActionContext): LspTextEdit[] {
  return toTextEdits(ctx.index ?? new LineIndex(ctx.text), opEdits(op, ctx));
}

function action(title: string, kind: string, op: Op, ctx: ActionContext, extra: Partial<CodeAction> = {}): CodeAction | undefined {
  const a: CodeAction = { title, kind, ...extra };
  if (ctx.lazy) {
    a.data = { ...op, uri: ctx.uri, version: ctx.version } satisfies ActionData;
  } else {
    const edits = opLspEdits(op, ctx);
    if (!edits.length) return undefined;
    a.edit = toWorkspaceEdit(ctx, edits);
  }
  return a;
}

/** Fills in the edit of a deferred action; refuses (no edit) when the document moved on. */
export function resolveAction(a: CodeAction, ctx: ActionContext): CodeAction {
  const data = a.data as ActionData | undefined;
  if (!data || data.uri !== ctx.uri || data.version !== ctx.version) return { ...a, edit: undefined };
  const edits = opLspEdits(data, ctx);
  return { ...a, edit: toWorkspaceEdit(ctx, edits) };
}

export function codeActions(ctx: ActionContext, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  const t = T[ctx.lang];
  const out: CodeAction[] = [];
  const index = ctx.index ?? new LineIndex(ctx.text);
  if (kindMatches(CodeActionKind.QuickFix, only)) {
    const rulesDone = new Set<string>();
    let artifactsDone = false;
    for (const d of diagnostics) {
      if (d.source !== SOURCE) continue;
      const data = dataOf(d);
      if (!data || data.version !== ctx.version) continue; // stale: computed for another version — refuse
      const f = ctx.findingAt ? ctx.findingAt(data.i) : ctx.findings[data.i];
      if (!f || f.rule !== d.code) continue; // not a finding of this analysis
      (f.fixes ?? []).forEach((fix, i) => {
        if (!fix.edits.length) return;
        out.push({
          title: f.category === 'artifact' ? t.repairOne(fix.title) : fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: toWorkspaceEdit(ctx, toTextEdits(index, fix.edits)),
        });
      });
      if (!f.fixes?.length) continue;
      if (!rulesDone.has(f.rule)) {
        rulesDone.add(f.rule);
        const same = count(ctx, (g) => g.rule === f.rule && !!g.fixes?.length);
        if (same > 1) {
          const a = action(t.rule(f.rule, same, isRepair(f)), CodeActionKind.QuickFix, { op: 'rule', rule: f.rule }, ctx);
          if (a) out.push(a);
        }
      }
      if (f.category === 'artifact' && !artifactsDone) {
        artifactsDone = true;
        const n = count(ctx, (g) => g.category === 'artifact' && !!g.fixes?.length);
        if (n > 1) {
          const a = action(t.artifacts(n), CodeActionKind.QuickFix, { op: 'artifacts' }, ctx);
          if (a) out.push(a);
        }
      }
    }
  }
  if (kindMatches(KIND_FIX_ALL, only) && count(ctx, (f) => CLEAN_CATEGORIES.includes(f.category) && !!f.fixes?.length) > 0) {
    const a = action(t.clean, KIND_FIX_ALL, { op: 'clean' }, ctx);
    if (a) out.push(a);
  }
  const askedSimp = !!only?.some((o) => o === KIND_TO_SIMPLIFIED);
  const askedTrad = !!only?.some((o) => o === KIND_TO_TRADITIONAL);
  if (ctx.script !== undefined) {
    if (kindMatches(KIND_TO_SIMPLIFIED, only) && (askedSimp || ctx.script === 'traditional' || ctx.script === 'mixed')) {
      const a = action(t.toSimplified, KIND_TO_SIMPLIFIED, { op: 'toSimplified' }, ctx);
      if (a) out.push(a);
    }
    if (kindMatches(KIND_TO_TRADITIONAL, only) && (askedTrad || ctx.script === 'simplified' || ctx.script === 'mixed')) {
      const a = action(t.toTraditional, KIND_TO_TRADITIONAL, { op: 'toTraditional' }, ctx);
      if (a) out.push(a);
    }
  }
  return out;
}
