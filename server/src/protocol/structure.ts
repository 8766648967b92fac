/**
 * The page's structure as the Outline shows it: headline, metadata, body paragraphs, and the
 * boilerplate and spam runs between them. Built from the engine's lines and blocks plus the
 * findings, so it needs no analysis of its own.
 */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { Finding, LineIndex } from '../engine';
import { splitBlocks, splitLines } from '../engine/segment';
import { inkLength } from '../engine/text';
import { toRange } from './convert';

export type PartKind = 'headline' | 'metadata' | 'paragraph' | 'boilerplate' | 'spam';

export interface Part {
  kind: PartKind;
  name: string;
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
  /** Rules whose findings made this part junk (junk parts only). */
  rules: string[];
}

const LABEL: Record<PartKind, string> = {
  headline: 'Headline',
  metadata: 'Metadata',
  paragraph: '',
  boilerplate: 'Boilerplate',
  spam: 'Spam',
};

const METADATA_RULE = /meta|byline|dateline|source|author/i;

/** A short name from the first visible characters of a text. */
export function preview(text: string, chars = 16): string {
  const flat = text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  const cps = [...flat];
  return cps.length > chars ? cps.slice(0, chars).join('').trimEnd() + '…' : flat;
}

/** Splits the document into parts; a line is junk when boilerplate/spam findings cover at least half of its ink. */
export function structure(text: string, findings: readonly Finding[]): Part[] {
  const index = new LineIndex(text);
  const lines = splitLines(text, index);
  const { blockOfLine } = splitBlocks(lines);
  const cover = lines.map(() => ({ boilerplate: 0, spam: 0, metadata: 0, rules: new Set<string>() }));
  for (const f of findings) {
    if (f.category !== 'boilerplate' && f.category !== 'spam') continue;
    const a = index.positionAt(f.start).line;
    const b = index.positionAt(Math.max(f.start, f.end)).line;
    for (let i = a; i <= b && i < lines.length; i++) {
      const l = lines[i];
      if (l.blank) continue;
      const s = Math.max(f.start, l.start);
      const e = Math.min(f.end, l.end);
      if (e <= s) continue;
      const ink = inkLength(text.slice(s, e));
      const kind = f.category === 'spam' ? 'spam' : METADATA_RULE.test(f.rule) ? 'metadata' : 'boilerplate';
      cover[i][kind] += ink;
      cover[i].rules.add(f.rule);
    }
  }
  const parts: Part[] = [];
  let cur: Part | undefined;
  let headlineSeen = false;
  for (const l of lines) {
    if (l.blank) continue;
    const c = cover[l.index];
    const ink = inkLength(l.text);
    const junk = c.boilerplate + c.spam + c.metadata;
    let kind: PartKind = 'paragraph';
    if (ink > 0 && junk * 2 >= ink) {
      // spam wins over boilerplate; a line mostly covered by a metadata rule is metadata even if other boilerplate rules also fired
      kind = c.spam >= c.boilerplate && c.spam >= c.metadata ? 'spam' : c.metadata * 2 >= ink ? 'metadata' : 'boilerplate';
    } else if (!headlineSeen) {
      kind = 'headline';
      headlineSeen = true;
    }
    const joins =
      cur &&
      cur.kind === kind &&
      kind !== 'headline' &&
      (kind !== 'paragraph' || blockOfLine[cur.lastLine] === blockOfLine[l.index]);
    if (joins && cur) {
      cur.lastLine = l.index;
      cur.end = l.end;
      for (const r of c.rules) if (!cur.rules.includes(r)) cur.rules.push(r);
    } else {
      cur = { kind, name: '', firstLine: l.index, lastLine: l.index, start: l.start, end: l.end, rules: kind === 'paragraph' || kind === 'headline' ? [] : [...c.rules] };
      parts.push(cur);
    }
  }
  for (const p of parts) {
    const label = LABEL[p.kind];
    const body = preview(text.slice(p.start, p.end), p.kind === 'headline' ? 24 : 16);
    p.name = label ? `${label}: ${body}` : body;
  }
  return parts;
}

const KIND: Record<PartKind, SymbolKind> = {
  headline: SymbolKind.Namespace,
  metadata: SymbolKind.Property,
  paragraph: SymbolKind.String,
  boilerplate: SymbolKind.Null,
  spam: SymbolKind.Event,
};

export function toDocumentSymbols(text: string, findings: readonly Finding[]): DocumentSymbol[] {
  const index = new LineIndex(text);
  return structure(text, findings).map((p) => {
    const range = toRange(index, p.start, p.end);
    const lines = p.firstLine === p.lastLine ? `line ${p.firstLine + 1}` : `lines ${p.firstLine + 1}–${p.lastLine + 1}`;
    const detail = p.rules.length ? `${lines} · ${p.rules.join(', ')}` : lines;
    return { name: p.name || '(empty)', detail, kind: KIND[p.kind], range, selectionRange: range };
  });
}
