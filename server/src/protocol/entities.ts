/**
 * Entities in the editor: people, places and organisations as semantic tokens, hovers, an outline
 * section, document highlights and references. Never diagnostics (entities are information, not
 * problems).
 *
 * Speed: recognition (engine/ner `recognize`) runs per block (engine/segment.ts), cached by a hash
 * of the block's text in a bounded LRU, so an edit re-tags only the blocks it changed. Tagging a
 * document is asynchronous: it yields to the event loop every few milliseconds and stops as soon as
 * the document has a newer version (the work already done stays in the cache). The language server
 * recognises in its tagger process (server/src/tagger.ts): the cache's misses go there in batches of
 * about BATCH_UNITS, and the server's event loop is free meanwhile.
 *
 * One entity, many spellings: mentions are grouped by `toSimplified(text)`, so 陳全國 and 陈全国 are
 * the same entity. A spelling the model tagged once is also a mention wherever else it occurs
 * (Simplified or Traditional) outside another entity — one sense per document; such mentions are
 * marked `inferred`.
 */
import { createHash } from 'crypto';
import { pinyin } from 'pinyin-pro';
import {
  DocumentHighlight,
  DocumentHighlightKind,
  DocumentSymbol,
  Hover,
  Location,
  MarkupKind,
  SemanticTokensLegend,
  SymbolKind,
} from 'vscode-languageserver';
import { EntityType, LineIndex } from '../engine';
import { EntitySpan } from '../engine/ner';
import { splitBlocks, splitLines } from '../engine/segment';
import { toRange } from './convert';
import { toSimplified, toTraditional } from './script';

// ---------------------------------------------------------------- cache

/** Tags one block of text; offsets relative to it (UTF-16). */
export type Recognizer = (text: string) => EntitySpan[];
/** Tags many blocks at once, elsewhere (the tagger process, server/src/tagger.ts). */
export type BatchRecognizer = (texts: string[]) => Promise<EntitySpan[][]>;

export function blockHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Block text hash → entities, least recently used evicted first. */
export class EntityCache {
  private readonly map = new Map<string, readonly EntitySpan[]>();
  hits = 0;
  misses = 0;
  private readonly sync: Recognizer | undefined;
  private readonly batch: BatchRecognizer | undefined;

  constructor(
    recognizer: Recognizer | { batch: BatchRecognizer },
    readonly maxEntries = 20000,
  ) {
    if (typeof recognizer === 'function') this.sync = recognizer;
    else this.batch = recognizer.batch;
  }

  get size(): number {
    return this.map.size;
  }

  /** True when recognition happens elsewhere, many blocks per call (tagMany). */
  get batched(): boolean {
    return this.batch !== undefined;
  }

  private lookup(key: string): readonly EntitySpan[] | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key); // most recently used goes last
      this.map.set(key, hit);
      this.hits++;
    }
    return hit;
  }

  private store(key: string, spans: readonly EntitySpan[]): void {
    this.map.set(key, spans);
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
  }

  /** The entities of one block (offsets relative to the block); recognised only on a cache miss. Sync recognizers only. */
  tag(blockText: string): readonly EntitySpan[] {
    if (!this.sync) throw new Error('EntityCache.tag: this cache recognises in batches (tagMany)');
    const key = blockHash(blockText);
    const hit = this.lookup(key);
    if (hit) return hit;
    this.misses++;
    const spans = this.sync(blockText);
    this.store(key, spans);
    return spans;
  }

  /** The entities of each block; the misses (each distinct text once) recognised in one call. */
  async tagMany(texts: string[]): Promise<(readonly EntitySpan[])[]> {
    if (this.sync) return texts.map((t) => this.tag(t));
    const keys = texts.map(blockHash);
    const out: (readonly EntitySpan[] | undefined)[] = keys.map((k) => this.lookup(k));
    const missing = new Map<string, string>();
    keys.forEach((k, i) => {
      if (!out[i] && !missing.has(k)) missing.set(k, texts[i]);
    });
    if (missing.size) {
      this.misses += missing.size;
      const got = await this.batch!([...missing.values()]);
      const byKey = new Map<string, readonly EntitySpan[]>();
      [...missing.keys()].forEach((k, j) => {
        byKey.set(k, got[j] ?? []);
        this.store(k, got[j] ?? []);
      });
      keys.forEach((k, i) => (out[i] ??= byKey.get(k)));
    }
    return out as (readonly EntitySpan[])[];
  }

  clear(): void {
    this.map.clear();
  }
}

// ---------------------------------------------------------------- a document's entities

export interface Mention {
  /** UTF-16 offsets into the document, end exclusive */
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** toSimplified(text): mentions with the same key are the same entity */
  key: string;
  /** Not tagged by the model here, but a spelling it tagged elsewhere in the document. */
  inferred?: boolean;
}

export interface EntityGroup {
  key: string;
  /** The type most of its tagged mentions have. */
  type: EntityType;
  /** In document order; the first is the first mention. */
  mentions: Mention[];
}

export interface TagStats {
  /** Blocks (long ones cut into runs of lines, see tagUnits). */
  blocks: number;
  /** Blocks recognised now (cache misses); the rest came from the cache. */
  tagged: number;
  ms: number;
}

export interface DocEntities {
  version: number;
  text: string;
  index: LineIndex;
  /** Every mention in document order, tagged and inferred. */
  mentions: Mention[];
  groups: Map<string, EntityGroup>;
  stats: TagStats;
}

const simplifiedMemo = new Map<string, string>();
function keyOf(text: string): string {
  let k = simplifiedMemo.get(text);
  if (k === undefined) {
    k = toSimplified(text) ?? text;
    if (simplifiedMemo.size > 50000) simplifiedMemo.clear();
    simplifiedMemo.set(text, k);
  }
  return k;
}

const traditionalMemo = new Map<string, string | undefined>();
function traditionalOf(simplified: string): string | undefined {
  if (!traditionalMemo.has(simplified)) {
    if (traditionalMemo.size > 50000) traditionalMemo.clear();
    traditionalMemo.set(simplified, toTraditional(simplified));
  }
  return traditionalMemo.get(simplified);
}

const ASCII_WORD = /[A-Za-z0-9]/;

/** Groups tagged spans into entities and adds the untagged repeats of their spellings. */
export function buildEntities(text: string, version: number, spans: readonly EntitySpan[], stats: TagStats, index = new LineIndex(text)): DocEntities {
  const tagged: Mention[] = spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: s.start, end: s.end, type: s.type, text: s.text, key: keyOf(s.text) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const covered = new Uint8Array(text.length);
  for (const m of tagged) covered.fill(1, m.start, m.end);
  const groups = new Map<string, EntityGroup>();
  const votes = new Map<string, Record<EntityType, number>>();
  for (const m of tagged) {
    let g = groups.get(m.key);
    if (!g) {
      g = { key: m.key, type: m.type, mentions: [] };
      groups.set(m.key, g);
      votes.set(m.key, { person: 0, place: 0, organization: 0 });
    }
    g.mentions.push(m);
    votes.get(m.key)![m.type]++;
  }
  for (const g of groups.values()) {
    const v = votes.get(g.key)!;
    for (const t of ['person', 'place', 'organization'] as EntityType[]) if (v[t] > v[g.type]) g.type = t;
  }
  // one sense per document: other occurrences of a tagged spelling, leftmost-longest, in one pass
  const byFirst = new Map<number, { s: string; g: EntityGroup }[]>();
  for (const g of groups.values()) {
    const set = new Set<string>([g.key, ...g.mentions.map((m) => m.text)]);
    const trad = traditionalOf(g.key);
    if (trad) set.add(trad);
    for (const sp of set) {
      if ([...sp].length < 2) continue;
      const c = sp.charCodeAt(0);
      const list = byFirst.get(c) ?? [];
      list.push({ s: sp, g });
      byFirst.set(c, list);
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.s.length - x.s.length);
  const inferred: Mention[] = [];
  for (let at = 0; at < text.length; at++) {
    if (covered[at]) continue;
    const list = byFirst.get(text.charCodeAt(at));
    if (!list) continue;
    for (const { s: sp, g } of list) {
      if (!text.startsWith(sp, at)) continue;
      const end = at + sp.length;
      let free = true;
      for (let i = at + 1; i < end && free; i++) if (covered[i]) free = false;
      if (!free) continue;
      // a Latin spelling must not be part of a longer word
      if (ASCII_WORD.test(sp[0]) && at > 0 && ASCII_WORD.test(text[at - 1])) continue;
      if (ASCII_WORD.test(sp[sp.length - 1]) && end < text.length && ASCII_WORD.test(text[end])) continue;
      covered.fill(1, at, end);
      const m: Mention = { start: at, end, type: g.type, text: sp, key: g.key, inferred: true };
      inferred.push(m);
      g.mentions.push(m);
      at = end - 1;
      break;
    }
  }
  for (const g of groups.values()) g.mentions.sort((a, b) => a.start - b.start);
  const mentions = inferred.length ? [...tagged, ...inferred].sort((a, b) => a.start - b.start || b.end - a.end) : tagged;
  return { version, text, index, mentions, groups, stats };
}

export interface TagOptions {
  /** False once the document has moved on: tagging stops and resolves undefined. Checked between blocks. */
  isCurrent?: () => boolean;
  /** Yield to the event loop after this many milliseconds of work (default 8). */
  sliceMs?: number;
  /** How to yield (default setImmediate). */
  pause?: () => Promise<void>;
}

const setImmediatePause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A block longer than this (UTF-16 units) is cached and tagged in runs of whole lines of about this size. */
export const MAX_UNIT = 4000;
/** Blocks sent to a batch recognizer (the tagger process) per request, in UTF-16 units (~30–80 ms of tagging). */
export const BATCH_UNITS = 16000;

/**
 * The units tagging works in: the engine's blocks (maximal runs of non-blank lines), long blocks cut
 * into runs of whole lines. Recognition is per line, so the cut never changes what is found; it keeps
 * each step short (the event loop is never held long) and an edit in a long block re-tags one run.
 */
export function tagUnits(text: string, index = new LineIndex(text)): { start: number; end: number }[] {
  const lines = splitLines(text, index);
  const { blocks } = splitBlocks(lines);
  const out: { start: number; end: number }[] = [];
  for (const b of blocks) {
    if (b.end - b.start <= MAX_UNIT) {
      out.push({ start: b.start, end: b.end });
      continue;
    }
    let start = b.start;
    for (let i = b.first; i <= b.last; i++) {
      const l = lines[i];
      if (l.end - start >= MAX_UNIT || i === b.last) {
        out.push({ start, end: l.end });
        start = l.next;
      }
    }
  }
  return out;
}

/** The entities of a document, a block at a time through the cache; undefined when cancelled. */
export async function tagDocument(text: string, version: number, cache: EntityCache, opts: TagOptions = {}): Promise<DocEntities | undefined> {
  const sliceMs = opts.sliceMs ?? 8;
  const pause = opts.pause ?? setImmediatePause;
  const index = new LineIndex(text);
  const blocks = tagUnits(text, index);
  const spans: EntitySpan[] = [];
  const missesBefore = cache.misses;
  // let what is already queued (the diagnostics just published) go out first
  await pause();
  const t0 = Date.now(); // stats.ms: the tagging itself, not the messages that went out first
  let slice = Date.now();
  for (let i = 0; i < blocks.length; ) {
    if (Date.now() - slice >= sliceMs) {
      await pause();
      slice = Date.now();
    }
    if (opts.isCurrent && !opts.isCurrent()) return undefined;
    // in this process: one block at a time; elsewhere: blocks of about BATCH_UNITS per request
    const group: { start: number; end: number }[] = [];
    let size = 0;
    do {
      group.push(blocks[i]);
      size += blocks[i].end - blocks[i].start;
      i++;
    } while (cache.batched && i < blocks.length && size + blocks[i].end - blocks[i].start <= BATCH_UNITS);
    const tagged = cache.batched ? await cache.tagMany(group.map((b) => text.slice(b.start, b.end))) : [cache.tag(text.slice(group[0].start, group[0].end))];
    group.forEach((b, k) => {
      for (const s of tagged[k]) spans.push({ start: s.start + b.start, end: s.end + b.start, type: s.type, text: s.text });
    });
  }
  if (opts.isCurrent && !opts.isCurrent()) return undefined;
  const stats: TagStats = { blocks: blocks.length, tagged: cache.misses - missesBefore, ms: 0 };
  const ents = buildEntities(text, version, spans, stats, index);
  stats.ms = Date.now() - t0;
  return ents;
}

/** The mention under an offset (the cursor may also sit just after its last character). */
export function mentionAt(ents: DocEntities, offset: number): Mention | undefined {
  let after: Mention | undefined;
  for (const m of ents.mentions) {
    if (m.start > offset) break;
    if (offset < m.end) return m;
    if (offset === m.end) after = m;
  }
  return after;
}

// ---------------------------------------------------------------- semantic tokens

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];
/** Token types for clients that know only the standard ones (most themes colour them differently). */
export const STANDARD_TOKEN_TYPES = ['variable', 'namespace', 'class'];
/** Token types contributed by the VS Code extension (package.json semanticTokenTypes / semanticTokenScopes). */
export const CUSTOM_TOKEN_TYPES = ['person', 'place', 'organization'];
/** `declaration` marks an entity's first mention. */
export const TOKEN_MODIFIERS = ['declaration'];

export function tokenLegend(custom: boolean): SemanticTokensLegend {
  return { tokenTypes: [...(custom ? CUSTOM_TOKEN_TYPES : STANDARD_TOKEN_TYPES)], tokenModifiers: [...TOKEN_MODIFIERS] };
}

/**
 * LSP relative token encoding (deltaLine, deltaStart, length, type, modifiers) of the mentions,
 * optionally only those overlapping [from, to). A mention never spans lines (recognition is per
 * line), but if one did it would be cut at the line breaks. Positions are UTF-16.
 */
export function encodeTokens(index: LineIndex, mentions: readonly Mention[], first?: ReadonlySet<Mention>, from = 0, to = Number.POSITIVE_INFINITY): number[] {
  const segs: [line: number, ch: number, len: number, type: number, mods: number][] = [];
  for (const m of mentions) {
    if (m.end <= from || m.start >= to || m.end <= m.start) continue;
    const type = ENTITY_TYPES.indexOf(m.type);
    const mods = first?.has(m) ? 1 : 0;
    const a = index.positionAt(m.start);
    const b = index.positionAt(m.end);
    for (let line = a.line; line <= b.line; line++) {
      const ls = index.lineStarts[line];
      const s = line === a.line ? m.start : ls;
      const e = line === b.line ? m.end : index.lineEnd(line);
      if (e > s) segs.push([line, s - ls, e - s, type, mods]);
    }
  }
  segs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let prevEnd = 0;
  for (const [line, ch, len, type, mods] of segs) {
    if (data.length && line === prevLine && ch < prevEnd) continue; // overlapping: keep the first
    data.push(line - prevLine, line === prevLine ? ch - prevChar : ch, len, type, mods);
    prevLine = line;
    prevChar = ch;
    prevEnd = ch + len;
  }
  return data;
}

/** The tokens of a document's entities (first mentions carry `declaration`). */
export function entityTokens(ents: DocEntities, from?: number, to?: number): number[] {
  const first = new Set<Mention>();
  for (const g of ents.groups.values()) first.add(g.mentions[0]);
  return encodeTokens(ents.index, ents.mentions, first, from, to);
}

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** The inverse of encodeTokens, for tests and tools. */
export function decodeTokens(data: readonly number[], legend: SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({
      line,
      character,
      length: data[i + 2],
      type: legend.tokenTypes[data[i + 3]],
      modifiers: legend.tokenModifiers.filter((_, k) => data[i + 4] & (1 << k)),
    });
  }
  return out;
}

// ---------------------------------------------------------------- hover

const TYPE_LABEL: Record<EntityType, [string, string]> = {
  person: ['person', '人名'],
  place: ['place', '地名'],
  organization: ['organisation', '机构名'],
};

const pinyinMemo = new Map<string, string>();
export function pinyinOf(text: string, type: EntityType): string {
  const k = type === 'person' ? `p:${text}` : text;
  let p = pinyinMemo.get(k);
  if (p === undefined) {
    try {
      p = pinyin(text, type === 'person' ? { surname: 'head' } : {});
    } catch {
      p = '';
    }
    if (pinyinMemo.size > 20000) pinyinMemo.clear();
    pinyinMemo.set(k, p);
  }
  return p;
}

/** The hover text of the mention under the cursor, or undefined. */
export function entityHoverAt(ents: DocEntities, offset: number, lang: 'en' | 'zh'): { value: string; start: number; end: number } | undefined {
  const m = mentionAt(ents, offset);
  if (!m) return undefined;
  const g = ents.groups.get(m.key)!;
  const zh = lang === 'zh';
  const first = g.mentions[0];
  const pos = ents.index.positionAt(first.start);
  const simp = m.key;
  const trad = traditionalOf(simp) ?? m.text;
  const py = pinyinOf(simp, m.type);
  const spellings = [...new Set(g.mentions.map((x) => x.text))];
  const [en, cn] = TYPE_LABEL[m.type];
  const n = g.mentions.length;
  const lines = [
    `**${m.text}** · ${zh ? cn : en}${m.inferred ? (zh ? '(同文中已识别的拼写)' : ' (a spelling tagged elsewhere in the document)') : ''}`,
    '',
    zh ? `- 简体:${simp} · 繁体:${trad}` : `- Simplified: ${simp} · Traditional: ${trad}`,
  ];
  if (py) lines.push(zh ? `- 拼音:${py}` : `- Pinyin: ${py}`);
  lines.push(
    zh
      ? `- 本文出现 ${n} 次,首次在第 ${pos.line + 1} 行第 ${pos.character + 1} 列`
      : `- ${n} mention${n === 1 ? '' : 's'} in this document; first mention: line ${pos.line + 1}, column ${pos.character + 1}`,
  );
  if (spellings.length > 1) lines.push(zh ? `- 写法:${spellings.join('、')}` : `- Spellings: ${spellings.join(', ')}`);
  if (g.type !== m.type) lines.push(zh ? `- 多数提及标为${TYPE_LABEL[g.type][1]}` : `- most mentions are tagged ${TYPE_LABEL[g.type][0]}`);
  return { value: lines.join('\n'), start: m.start, end: m.end };
}

/** Entity first, then whatever else is under the cursor (findings, the line's script). */
export function mergeHover(index: LineIndex, entity: { value: string; start: number; end: number } | undefined, other: Hover | null): Hover | null {
  if (!entity) return other;
  const rest = other && typeof other.contents === 'object' && 'value' in other.contents ? other.contents.value : '';
  return {
    contents: { kind: MarkupKind.Markdown, value: rest ? `${entity.value}\n\n---\n\n${rest}` : entity.value },
    range: toRange(index, entity.start, entity.end),
  };
}

// ---------------------------------------------------------------- outline

const SECTION_LABEL: Record<EntityType, [string, string]> = {
  person: ['People', '人名'],
  place: ['Places', '地名'],
  organization: ['Organisations', '机构名'],
};
const SYMBOL_KIND: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Variable,
  place: SymbolKind.Namespace,
  organization: SymbolKind.Class,
};

/** The outline's `Entities` section: People / Places / Organisations, each entity at its first mention (counts in `detail`). */
export function entitySymbols(ents: DocEntities, lang: 'en' | 'zh' = 'en'): DocumentSymbol | undefined {
  if (!ents.groups.size) return undefined;
  const zh = lang === 'zh';
  const children: DocumentSymbol[] = [];
  let total = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = -1;
  for (const type of ENTITY_TYPES) {
    const groups = [...ents.groups.values()].filter((g) => g.type === type);
    if (!groups.length) continue;
    groups.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
    let tlo = Number.POSITIVE_INFINITY;
    let thi = -1;
    let mentions = 0;
    const entries: DocumentSymbol[] = groups.map((g) => {
      const f = g.mentions[0];
      const last = g.mentions[g.mentions.length - 1];
      tlo = Math.min(tlo, f.start);
      thi = Math.max(thi, last.end);
      mentions += g.mentions.length;
      const sel = toRange(ents.index, f.start, f.end);
      const line = sel.start.line + 1;
      return {
        // names stay stable across edits (counts live in `detail`), so VS Code keeps the outline's folding
        name: f.text,
        detail: zh ? `×${g.mentions.length} · 首次:第 ${line} 行` : `×${g.mentions.length} · first mention: line ${line}`,
        kind: SYMBOL_KIND[type],
        range: sel,
        selectionRange: sel,
      };
    });
    total += mentions;
    lo = Math.min(lo, tlo);
    hi = Math.max(hi, thi);
    const range = toRange(ents.index, tlo, thi);
    const [en, cn] = SECTION_LABEL[type];
    children.push({
      name: zh ? cn : en,
      detail: zh ? `${groups.length} 个 · ${mentions} 次` : `${groups.length} · ${mentions} mention${mentions === 1 ? '' : 's'}`,
      kind: SYMBOL_KIND[type],
      range,
      selectionRange: toRange(ents.index, tlo, tlo),
      children: entries,
    });
  }
  return {
    name: zh ? '实体' : 'Entities',
    detail: zh ? `${ents.groups.size} 个 · ${total} 次提及` : `${ents.groups.size} · ${total} mentions`,
    kind: SymbolKind.Module,
    range: toRange(ents.index, lo, hi),
    selectionRange: toRange(ents.index, lo, lo),
    children,
  };
}

// ---------------------------------------------------------------- highlights and references

/** Every mention of the entity under the cursor, or undefined when there is none. */
export function mentionsOf(ents: DocEntities, offset: number): Mention[] | undefined {
  const m = mentionAt(ents, offset);
  return m ? ents.groups.get(m.key)!.mentions : undefined;
}

export function entityHighlights(ents: DocEntities, offset: number): DocumentHighlight[] | null {
  const ms = mentionsOf(ents, offset);
  return ms ? ms.map((m) => ({ range: toRange(ents.index, m.start, m.end), kind: DocumentHighlightKind.Text })) : null;
}

export function entityReferences(ents: DocEntities, uri: string, offset: number, includeDeclaration: boolean): Location[] | null {
  const ms = mentionsOf(ents, offset);
  if (!ms) return null;
  return (includeDeclaration ? ms : ms.slice(1)).map((m) => ({ uri, range: toRange(ents.index, m.start, m.end) }));
}

// ---------------------------------------------------------------- notification

/** Sent after a document's entities are ready (after its diagnostics): for tools, tests and the benchmark. */
export const EntitiesNotification = 'corpusLint/entities';

export interface EntitiesParams {
  uri: string;
  version: number;
  entities: number;
  mentions: number;
  blocks: number;
  tagged: number;
  ms: number;
}

export function entitiesParams(uri: string, ents: DocEntities): EntitiesParams {
  return { uri, version: ents.version, entities: ents.groups.size, mentions: ents.mentions.length, ...ents.stats };
}
