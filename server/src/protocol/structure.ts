/**
 * The page's structure as the Outline shows it: headline, metadata, body paragraphs, and the
 * boilerplate and spam runs between them. Built from the engine's lines and blocks plus the
 * findings, so it needs no analysis of its own.
 */
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver';
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

function symbolOf(p: Part, range: Range, dl = 0): DocumentSymbol {
  const lines = p.firstLine === p.lastLine ? `line ${p.firstLine + dl + 1}` : `lines ${p.firstLine + dl + 1}–${p.lastLine + dl + 1}`;
  const detail = p.rules.length ? `${lines} · ${p.rules.join(', ')}` : lines;
  return { name: p.name || '(empty)', detail, kind: KIND[p.kind], range, selectionRange: range };
}

export function toDocumentSymbols(text: string, findings: readonly Finding[]): DocumentSymbol[] {
  const index = new LineIndex(text);
  return structure(text, findings).map((p) => symbolOf(p, toRange(index, p.start, p.end)));
}

/** A section's structure, kept with its result (SectionResult.symbols): ranges relative to its first line. */
interface SymbolMemo {
  parts: { part: Part; range: Range }[];
  line: number;
  abs: DocumentSymbol[];
}

/**
 * The outline of a document analysed in sections: each section's structure (its own headline, paragraphs
 * and junk runs — a section is a few pages), computed once per section text and shifted when its first
 * line moves. (The whole 10 MB structure took ~0.6 s per request, and editors ask after every edit.)
 */
export function toSectionSymbols(sections: readonly { text: () => string; line: number; rel: readonly Finding[]; memo: { symbols?: unknown } }[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of sections) {
    let m = s.memo.symbols as SymbolMemo | undefined;
    if (!m) {
      const text = s.text();
      const index = new LineIndex(text);
      const parts = structure(text, s.rel).map((part) => ({ part, range: toRange(index, part.start, part.end) }));
      m = { parts, line: -1, abs: [] };
      s.memo.symbols = m;
    }
    if (m.line !== s.line) {
      const dl = s.line;
      m.abs = m.parts.map(({ part, range }) =>
        symbolOf(part, { start: { line: range.start.line + dl, character: range.start.character }, end: { line: range.end.line + dl, character: range.end.character } }, dl),
      );
      m.line = dl;
    }
    for (const x of m.abs) out.push(x);
  }
  return out;
}
