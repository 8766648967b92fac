/**
 * Hover: for every finding under the cursor, the rule, why it fired (evidence, score) and what its
 * fix does; on a line written in Traditional script, the line's Simplified form.
 */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { Finding, LineIndex } from '../engine';
import { messageOf, toRange } from './convert';
import { scriptOf, toSimplified } from './script';

const CATEGORY_ZH: Record<string, string> = {
  boilerplate: '模板', spam: '垃圾信息', artifact: '残留字符', pii: '个人信息', entity: '实体', script: '字体',
};

function code(s: string): string {
  const t = s.replace(/\r?\n|\r/g, '⏎');
  const ticks = t.includes('`') ? '``' : '`';
  return `${ticks}${t.length > 80 ? [...t].slice(0, 80).join('') + '…' : t}${ticks}`;
}

/** Says in words what a fix does to the text. */
export function describeFix(text: string, index: LineIndex, f: Finding, zh: boolean): string | undefined {
  const fix = f.fixes?.[0];
  if (!fix || !fix.edits.length) return undefined;
  const removed = fix.edits.every((e) => e.newText === '');
  if (removed) {
    const a = Math.min(...fix.edits.map((e) => e.start));
    const b = Math.max(...fix.edits.map((e) => e.end));
    const first = index.positionAt(a).line;
    const endPos = index.positionAt(b);
    const last = endPos.character === 0 && endPos.line > first ? endPos.line - 1 : endPos.line;
    const wholeLines = index.positionAt(a).character === 0 && (endPos.character === 0 || b === text.length);
    const n = [...fix.edits.reduce((s, e) => s + text.slice(e.start, e.end), '')].length;
    if (wholeLines) {
      const lines = last - first + 1;
      return zh
        ? `**${fix.title}**:删除第 ${first + 1}${lines > 1 ? `–${last + 1}` : ''} 行(${lines} 行,${n} 个字符)`
        : `**${fix.title}**: removes line${lines > 1 ? `s ${first + 1}–${last + 1}` : ` ${first + 1}`} (${lines} line${lines > 1 ? 's' : ''}, ${n} characters)`;
    }
    return zh ? `**${fix.title}**:删除 ${code(text.slice(a, b))}` : `**${fix.title}**: removes ${code(text.slice(a, b))}`;
  }
  const e = fix.edits[0];
  const more = fix.edits.length > 1 ? (zh ? ` 等 ${fix.edits.length} 处` : ` (+${fix.edits.length - 1} more)`) : '';
  return zh
    ? `**${fix.title}**:${code(text.slice(e.start, e.end))} → ${code(e.newText)}${more}`
    : `**${fix.title}**: ${code(text.slice(e.start, e.end))} → ${code(e.newText)}${more}`;
}

export function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((f) => (f.start <= offset && offset < f.end) || (f.start === f.end && f.start === offset) || (offset === f.end && f.end > f.start));
}

export function hoverAt(text: string, findings: readonly Finding[], pos: Position, lang: 'en' | 'zh', index = new LineIndex(text)): Hover | null {
  const offset = index.offsetAt(pos);
  const zh = lang === 'zh';
  const hits = findingsAt(findings, offset).filter((f) => f.rule !== 'script/document');
  const parts: string[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const f of hits) {
    start = Math.min(start, f.start);
    end = Math.max(end, f.end);
    const cat = zh ? CATEGORY_ZH[f.category] ?? f.category : f.category;
    const lines = [`**${f.rule}** · ${cat} · ${f.severity}${f.score !== undefined ? ` · ${zh ? '置信度' : 'score'} ${f.score.toFixed(2)}` : ''}`, '', messageOf(f, lang)];
    if (f.entityType) lines.push('', `${zh ? '实体类型' : 'Entity type'}: ${f.entityType}`);
    if (f.evidence?.length) {
      lines.push('', zh ? '依据:' : 'Why:');
      for (const e of f.evidence.slice(0, 8)) lines.push(`- ${e.replace(/[\r\n]+/g, ' ')}`);
      if (f.evidence.length > 8) lines.push(`- … (${f.evidence.length - 8} more)`);
    }
    const fix = describeFix(text, index, f, zh);
    if (fix) lines.push('', fix);
    parts.push(lines.join('\n'));
  }
  // the line's script
  const line = index.positionAt(offset).line;
  const ls = index.lineStarts[line];
  const lineText = text.slice(ls, index.lineEnd(line));
  if (lineText.trim() && scriptOf(lineText) === 'traditional') {
    const simp = toSimplified(lineText);
    if (simp && simp !== lineText) {
      parts.push(`${zh ? '繁体行,简体为' : 'Traditional line; Simplified'}:\n\n${simp.trim()}`);
      if (!hits.length) {
        start = ls;
        end = index.lineEnd(line);
      }
    }
  }
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(index, start, end) };
}
