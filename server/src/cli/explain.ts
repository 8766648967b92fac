/**
 * The error-analysis view: each line with its verdict (C content, B boilerplate, S spam, · blank),
 * the share of it that junk findings cover, and the rules and evidence that decided it.
 * The verdict uses the scorer's rule: a line is junk when ≥ 50 % of its visible characters are covered.
 */
import { Finding, Line } from '../engine';
import { splitLines } from '../engine/segment';

export interface LineVerdict {
  line: number;
  verdict: 'C' | 'B' | 'S' | '-';
  boilerplate: number;
  spam: number;
  findings: Finding[];
}

export function lineVerdicts(text: string, findings: readonly Finding[]): LineVerdict[] {
  const lines = splitLines(text);
  const byLine: Finding[][] = lines.map(() => []);
  const cover = { boilerplate: lines.map(() => new Set<number>()), spam: lines.map(() => new Set<number>()) };
  for (const f of findings) {
    for (const l of linesOf(lines, f.start, f.end)) {
      byLine[l.index].push(f);
      if (f.category === 'boilerplate' || f.category === 'spam') {
        const a = Math.max(f.start, l.start);
        const b = Math.min(f.end, l.end);
        for (let k = a; k < b; k++) cover[f.category][l.index].add(k);
      }
    }
  }
  return lines.map((l) => {
    const ink: number[] = [];
    for (let k = l.start; k < l.end; k++) if (!/\s/.test(text[k])) ink.push(k);
    const share = (s: Set<number>) => (ink.length ? ink.filter((k) => s.has(k)).length / ink.length : 0);
    const bp = share(cover.boilerplate[l.index]);
    const sp = share(cover.spam[l.index]);
    let verdict: LineVerdict['verdict'] = l.blank ? '-' : 'C';
    if (!l.blank && Math.max(bp, sp) >= 0.5) verdict = sp >= bp ? 'S' : 'B';
    return { line: l.index, verdict, boilerplate: bp, spam: sp, findings: byLine[l.index] };
  });
}

function linesOf(lines: readonly Line[], start: number, end: number): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (l.next <= start && l.index < lines.length - 1) continue;
    if (l.start > end || (l.start === end && end > start)) break;
    out.push(l);
  }
  return out;
}

export function renderExplain(text: string, findings: readonly Finding[], width = 60): string {
  const lines = splitLines(text);
  const out: string[] = [];
  for (const v of lineVerdicts(text, findings)) {
    const l = lines[v.line];
    const snippet = l.text.trim().length > width ? l.text.trim().slice(0, width - 1) + '…' : l.text.trim();
    const cov = v.verdict === '-' ? '    ' : `${Math.round(Math.max(v.boilerplate, v.spam) * 100)}%`.padStart(4);
    out.push(`${String(v.line + 1).padStart(5)} ${v.verdict} ${cov} │ ${snippet}`);
    for (const f of v.findings) {
      if (f.category === 'entity') continue;
      const score = f.score !== undefined ? ` ${f.score.toFixed(2)}` : '';
      const ev = f.evidence && f.evidence.length ? ` [${f.evidence.join('; ')}]` : '';
      out.push(`${' '.repeat(13)}└ ${f.rule}${score}${ev}`);
    }
  }
  return out.join('\n') + '\n';
}
