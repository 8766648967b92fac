/**
 * Script conversion and script judgement (opencc-js), shared by the `script` rules, hovers and the
 * convert commands. Converters are built lazily, once: building one loads a large dictionary.
 *
 *   toSimplified('關鍵會議') → '关键会议'      toTraditional('关键会议') → '關鍵會議'
 *   scriptOf('關鍵會議') → 'traditional'      scriptOf('关键會議') → 'mixed'
 *
 * Judging script by a plain round trip misjudges characters that are valid in both scripts
 * (著, 台 in 臺灣/台灣, 里 in 公里, 于, 吃 → 喫, 乾 in 乾坤…). So a character counts as
 * Traditional-only when t→s conversion changes it, as Simplified-only when s→t changes it (in the
 * OpenCC, Taiwan and Hong Kong standards alike), and characters on the BOTH lists count for neither.
 */
// opencc-js is an ES module package with a CommonJS build; require keeps this file CommonJS.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const OpenCC = require('opencc-js') as {
  Converter(o: { from: string; to: string }): (s: string) => string;
  ConverterFactory(...groups: unknown[]): (s: string) => string;
  Trie: new () => OpenCCTrie;
  Locale: { from: Record<string, unknown[][]>; to: Record<string, unknown[][]>; configs: Record<string, OpenCCConfig> };
};

interface OpenCCTrie {
  map: Map<number, unknown>;
  loadDict(d: unknown): void;
  loadDictGroup(g: unknown[]): void;
  matchPrefix(s: string, at: number): { end: number; value: string } | null;
}
/** A node of opencc-js's trie: a Map of the next code points, with the value of the key ending here. */
type TrieMap = Map<number, TrieMap> & { trie_val?: string };
interface OpenCCConfig {
  normalizationChain?: unknown[][];
  segmentation?: unknown;
  conversionChain: unknown[][];
}

export type Script = 'traditional' | 'simplified' | 'mixed';

type Conv = (s: string) => string;

/**
 * A dictionary of opencc-js (its own Trie, so matches are the library's) with the library's scan —
 * longest match at each position, unmatched runs copied, ideographic description sequences skipped
 * whole — plus a table of the code units that can start a key: a position whose code unit starts no
 * key (most of a text) is passed over without a trie lookup. Same output as the library's
 * `Trie.convert` / `Trie.segment` (checked in test/unit/convert.test.ts).
 */
class FastTrie {
  private readonly trie: OpenCCTrie;
  /** 1 where a BMP code unit starts a key; surrogates and IDS operators always take the slow path. */
  readonly first = new Uint8Array(0x10000);
  /** the trie's first level by BMP code point (an array index instead of a look-up in its largest map) */
  private readonly roots: (TrieMap | undefined)[] = new Array(0x10000);
  /**
   * A bit per hash of (BMP code unit that starts a key, first code unit of the key's next character): when
   * the bit is clear, no key longer than one character starts with the pair, and the walk stops without a
   * look-up in the first character's map of next characters (most characters of a page start some key of
   * the phrase dictionaries, few start one that goes on with the next character).
   */
  private readonly pairs = new Int32Array(1 << 15);
  /**
   * The value of each one-character key of a BMP code unit, without the trie: 0 none, 1 a single BMP code
   * unit (in `oneUnit`), 2 another string (in `oneStr`). The conversion's common case reads these small
   * tables instead of the trie's maps, which a page's analysis has pushed out of the CPU's caches.
   */
  private readonly oneKind = new Uint8Array(0x10000);
  private readonly oneUnit = new Uint16Array(0x10000);
  private readonly oneStr: (string | undefined)[] = [];
  /**
   * The keys' first two BMP characters, an open-addressing table of [c1 << 16 | c2, index of the two-character
   * key's value in `pairVals` or -1] by slot, with the trie node of the pair in `pairNode` when longer keys go
   * on from it, and a bit per hash of (slot, next code unit) of those longer keys (`triples`): a
   * two-character key is found with one probe of a compact table, and the trie's maps are walked only where
   * a key of three or more characters may go on.
   */
  private pairTab = new Int32Array(2);
  private pairMask = 0;
  private readonly pairVals: string[] = [];
  private readonly pairNode: (TrieMap | undefined)[] = [];
  private readonly triples = new Int32Array(1 << 15);
  constructor(load: (t: OpenCCTrie) => void) {
    this.trie = new OpenCC.Trie();
    load(this.trie);
    for (const [cp, node] of this.trie.map as Map<number, TrieMap>) if (cp < 0x10000) {
      this.first[cp] = 1;
      this.roots[cp] = node;
      const v = node.trie_val;
      if (v !== undefined) {
        if (v.length === 1) {
          this.oneKind[cp] = 1;
          this.oneUnit[cp] = v.charCodeAt(0);
        } else {
          this.oneKind[cp] = 2;
          this.oneStr[cp] = v;
        }
      }
      for (const next of node.keys()) {
        const h = pairHash(cp, next > 0xffff ? 0xd800 + ((next - 0x10000) >> 10) : next);
        this.pairs[h >>> 5] |= 1 << (h & 31);
      }
    }
    for (let c = 0xd800; c <= 0xdfff; c++) this.first[c] = 1;
    for (let c = 0x2ff0; c <= 0x2fff; c++) this.first[c] = 1;
    this.buildPairs();
  }
  /**
   * 1 for the code units a text must hold for this dictionary to change it: those where a key differs from
   * its value (all of a key whose value has another length). A text holding none matches only keys that
   * map to themselves. Walked for dictionaries of fewer than 8,000 two-character prefixes (the t→s and
   * Hong Kong / Taiwan ones: 85 % of the lines of a Simplified crawl hold none of their changing
   * characters); the s→t phrase dictionary (~33,000, a walk of ~90 ms) answers with `first`.
   */
  get changing(): Uint8Array {
    if (this.changes) return this.changes;
    if (this.pairCount >= 8000) return (this.changes = this.first);
    const d = new Uint8Array(0x10000);
    const key: number[] = [];
    const walk = (node: TrieMap) => {
      const v = node.trie_val;
      if (v !== undefined) {
        const k = String.fromCodePoint(...key);
        if (v.length !== k.length) for (let i = 0; i < k.length; i++) d[k.charCodeAt(i)] = 1;
        else for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) !== v.charCodeAt(i)) d[k.charCodeAt(i)] = 1;
      }
      for (const [c, child] of node) {
        key.push(c);
        walk(child);
        key.pop();
      }
    };
    walk(this.trie.map as TrieMap);
    return (this.changes = d);
  }
  private changes: Uint8Array | undefined;
  /** keys' first two characters, as counted by buildPairs */
  private pairCount = 0;
  private buildPairs(): void {
    let n = 0;
    for (let c = 1; c < 0x10000; c++) if (this.roots[c]) n += (this.roots[c] as TrieMap).size;
    this.pairCount = n;
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.pairTab = new Int32Array(2 * size);
    this.pairMask = size - 1;
    for (let c = 1; c < 0x10000; c++) {
      const root = this.roots[c];
      if (root === undefined || (c >= 0xd800 && c <= 0xdfff) || (c >= 0x2ff0 && c <= 0x2fff)) continue;
      for (const [d, node] of root) {
        if (d > 0xffff || (d >= 0xd800 && d <= 0xdfff)) continue; // astral and surrogate second characters: the trie walk
        const key = (c << 16) | d;
        let slot = pairSlotHash(key) & this.pairMask;
        while (this.pairTab[2 * slot] !== 0) slot = (slot + 1) & this.pairMask;
        this.pairTab[2 * slot] = key;
        const v = node.trie_val;
        this.pairTab[2 * slot + 1] = v === undefined ? -1 : this.pairVals.push(v) - 1;
        if (node.size) {
          this.pairNode[slot] = node;
          for (const e of node.keys()) {
            const h = tripleHash(slot, e > 0xffff ? 0xd800 + ((e - 0x10000) >> 10) : e);
            this.triples[h >>> 5] |= 1 << (h & 31);
          }
        }
      }
    }
  }
  /** The slot of the pair (c, d) in `pairTab`, -1 when no key starts with it (d a BMP non-surrogate). */
  private pairSlot(c: number, d: number): number {
    const key = (c << 16) | d;
    const tab = this.pairTab;
    const mask = this.pairMask;
    let slot = pairSlotHash(key) & mask;
    for (;;) {
      const k = tab[2 * slot];
      if (k === key) return slot;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }
  private scan(s: string, replace: boolean, out: string[]): void {
    const len = s.length;
    const first = this.first;
    const roots = this.roots;
    const pairs = this.pairs;
    const top = this.trie.map as Map<number, TrieMap>;
    let run = -1;
    for (let i = 0; i < len; ) {
      const c = s.charCodeAt(i);
      if (first[c] === 0) {
        if (run < 0) run = i;
        i++;
        continue;
      }
      // opencc-js Trie.matchPrefix(s, i), inlined: the longest key at i (its end and value), no result object
      let end = 0;
      let value: string | undefined;
      let a = i;
      let node: TrieMap | undefined;
      if (c < 0xd800 || c > 0xdfff) {
        node = roots[c];
        a = i + 1;
        if (node !== undefined && a < len) {
          const h = pairHash(c, s.charCodeAt(a));
          if ((pairs[h >>> 5] & (1 << (h & 31))) === 0) {
            // no key goes on past this character: its own value, if any
            const v = node.trie_val;
            if (v !== undefined) {
              end = a;
              value = v;
            }
            node = undefined;
          }
        }
      } else {
        const cp = s.codePointAt(i) as number;
        a = i + (cp > 0xffff ? 2 : 1);
        node = cp < 0x10000 ? roots[cp] : top.get(cp);
      }
      if (node !== undefined) {
        this.walk(s, node, a);
        end = this.hitEnd;
        value = this.hitValue;
      }
      if (end > 0) {
        if (run >= 0) {
          out.push(s.slice(run, i));
          run = -1;
        }
        out.push(replace ? (value as string) : s.slice(i, end));
        i = end;
      } else {
        if (run < 0) run = i;
        i += step(s, i);
      }
    }
    if (run >= 0) out.push(s.slice(run, len));
  }
  /**
   * `scan(s, true)` joined, written code unit by code unit into one buffer: a BMP character that no longer
   * key starts with (with the next character, by `pairs`) is looked up in `oneKind` alone; the trie is
   * walked only where a longer key may start, and for surrogates and ideographic description sequences.
   * The text itself when nothing was replaced. cn→t over a CLI run's pages: see convert.test.ts for the
   * output check against opencc-js.
   */
  convert(s: string): string {
    const len = s.length;
    const first = this.first;
    const pairs = this.pairs;
    const oneKind = this.oneKind;
    const oneUnit = this.oneUnit;
    let i = 0;
    while (i < len && first[s.charCodeAt(i)] === 0) i++;
    if (i === len) return s;
    let out = outBuffer(len + 16);
    for (let k = 0; k < i; k++) out[k] = s.charCodeAt(k);
    let o = i;
    let changed = false;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (first[c] === 0) {
        out[o++] = c;
        i++;
        continue;
      }
      if ((c < 0xd800 || c > 0xdfff) && (c < 0x2ff0 || c > 0x2fff)) {
        let more = false;
        if (i + 1 < len) {
          const h = pairHash(c, s.charCodeAt(i + 1));
          more = (pairs[h >>> 5] & (1 << (h & 31))) !== 0;
        }
        if (more) {
          const d = s.charCodeAt(i + 1);
          if (d < 0xd800 || d > 0xdfff) {
            const slot = this.pairSlot(c, d);
            if (slot >= 0) {
              let end = 0;
              let value = '';
              const pv = this.pairTab[2 * slot + 1];
              if (pv >= 0) {
                end = i + 2;
                value = this.pairVals[pv];
              }
              const node = this.pairNode[slot];
              if (node !== undefined && i + 2 < len) {
                const h = tripleHash(slot, s.charCodeAt(i + 2));
                if ((this.triples[h >>> 5] & (1 << (h & 31))) !== 0) {
                  // the trie walk from the pair's node (its own value is the pair's, found above)
                  this.walk(s, node, i + 2);
                  if (this.hitEnd > end) {
                    end = this.hitEnd;
                    value = this.hitValue;
                  }
                }
              }
              if (end > 0) {
                out = put(out, o, value, len - i);
                o += value.length;
                changed = true;
                i = end;
                continue;
              }
            }
            // no key of two or more characters matches at i: the character's own value
            more = false;
          }
        }
        if (!more) {
          const k = oneKind[c];
          if (k === 0) out[o++] = c;
          else if (k === 1) {
            out[o++] = oneUnit[c];
            changed = true;
          } else {
            const v = this.oneStr[c] as string;
            out = put(out, o, v, len - i);
            o += v.length;
            changed = true;
          }
          i++;
          continue;
        }
      }
      // the trie walk of scan(): the longest key at i, else the unmatched step (a whole IDS or one code point)
      const m = this.longest(s, i);
      if (m.end > 0) {
        out = put(out, o, m.value, len - i);
        o += m.value.length;
        changed = true;
        i = m.end;
      } else {
        const e = i + step(s, i);
        for (; i < e; i++) out[o++] = s.charCodeAt(i);
      }
    }
    if (!changed) return s;
    return Buffer.from(out.buffer, out.byteOffset, o * 2).toString('utf16le');
  }
  /** opencc-js Trie.matchPrefix(s, i): the longest key at i (end 0: none). */
  private longest(s: string, i: number): { end: number; value: string } {
    const top = this.trie.map as Map<number, TrieMap>;
    const cp0 = s.codePointAt(i) as number;
    this.walk(s, cp0 < 0x10000 ? this.roots[cp0] : top.get(cp0), i + (cp0 > 0xffff ? 2 : 1));
    return { end: this.hitEnd, value: this.hitValue };
  }
  /** What `walk` found last: the end and value of the longest key (end 0: none), in fields, not a result object. */
  private hitEnd = 0;
  private hitValue = '';
  /**
   * opencc-js Trie.matchPrefix's walk: from trie node `node`, reached by the key's characters up to `a`, the
   * longest key that goes on along `s`, into hitEnd / hitValue.
   */
  private walk(s: string, node: TrieMap | undefined, a: number): void {
    const len = s.length;
    let end = 0;
    let value = '';
    while (node !== undefined) {
      const v = node.trie_val;
      if (v !== undefined) {
        end = a;
        value = v;
      }
      if (a >= len) break;
      const cp = s.codePointAt(a) as number;
      a += cp > 0xffff ? 2 : 1;
      node = node.get(cp);
    }
    this.hitEnd = end;
    this.hitValue = value;
  }
  segment(s: string): string[] {
    const out: string[] = [];
    this.scan(s, false, out);
    return out;
  }
}

/** FastTrie.convert's output buffer, shared (one conversion at a time), grown as needed. */
let outBuf = new Uint16Array(1 << 16);
function outBuffer(n: number): Uint16Array {
  if (outBuf.length < n) outBuf = new Uint16Array(Math.max(n, outBuf.length * 2));
  return outBuf;
}
/**
 * `v` written into `out` at `o` (`out` is first grown when `v` and `rest` more units would not fit); the
 * buffer, which may be a new one.
 */
function put(out: Uint16Array, o: number, v: string, rest: number): Uint16Array {
  if (o + v.length + rest > out.length) out = growBuffer(out, o, o + v.length + rest + 16);
  for (let q = 0; q < v.length; q++) out[o + q] = v.charCodeAt(q);
  return out;
}

/** A bigger buffer holding the first `used` units of `out`. */
function growBuffer(out: Uint16Array, used: number, n: number): Uint16Array {
  const next = new Uint16Array(Math.max(n, out.length * 2));
  next.set(out.subarray(0, used));
  if (out === outBuf) outBuf = next;
  return next;
}

/** Hash of a pair key (FastTrie.pairTab), masked by the caller. */
function pairSlotHash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 11;
}
/** 20 bits of a hash of a pair's slot and a code unit (FastTrie.triples). */
function tripleHash(slot: number, u: number): number {
  return (Math.imul(slot, 0x85ebca77) ^ Math.imul(u, 0xc2b2ae3d)) >>> 12;
}

/** 20 bits of a hash of two code units (FastTrie.pairs) */
function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> 12;
}

// opencc-js's step over unmatched text: a whole ideographic description sequence (⿰⿱… and their
// operands, recursively), else one code point.
function cpLen(s: string, i: number): number {
  return (s.codePointAt(i) as number) > 0xffff ? 2 : 1;
}
function idsArity(cp: number): number {
  return cp >= 0x2ff0 && cp <= 0x2ff1 ? 2 : cp >= 0x2ff2 && cp <= 0x2ff3 ? 3 : cp >= 0x2ff4 && cp <= 0x2fff ? 2 : 0;
}
function idsEnd(s: string, at: number): number {
  const n = idsArity(s.codePointAt(at) as number);
  if (n === 0) return 0;
  let i = at + cpLen(s, at);
  for (let k = 0; k < n; k++) {
    if (i >= s.length) return 0;
    i = idsEnd(s, i) || i + cpLen(s, i);
  }
  return i;
}
function step(s: string, i: number): number {
  const e = idsEnd(s, i);
  return e > i ? e - i : cpLen(s, i);
}

function groupTrie(group: unknown[]): FastTrie {
  return new FastTrie((t) => t.loadDictGroup(group));
}

/** A chain of dictionary groups applied one after the other (opencc-js `ConverterFactory` of plain groups). */
function chainOf(groups: unknown[][]): Conv {
  const tries = groups.map(groupTrie);
  return unlessUnchanged(tries, (s) => {
    for (const t of tries) s = t.convert(s);
    return s;
  });
}

/**
 * `conv`, except that a text holding no code unit of any of `tries`' changing characters (FastTrie.changing;
 * the dictionaries that replace text — a segmentation only splits) is returned as it is: every stage would
 * leave it unchanged. Most lines of a Simplified page hold none for t→s.
 */
function unlessUnchanged(tries: readonly FastTrie[], conv: Conv): Conv {
  const any = new Uint8Array(0x10000);
  for (const t of tries) {
    const ch = t.changing;
    for (let c = 0; c < 0x10000; c++) any[c] |= ch[c];
  }
  return (s) => {
    for (let i = 0; i < s.length; i++) if (any[s.charCodeAt(i)] !== 0) return conv(s);
    return s;
  };
}

/**
 * opencc-js `Converter({ from, to })` for the locale pairs that have a preset configuration (all the ones
 * used here): normalization chain, then optional segmentation, then each conversion group over each segment.
 */
function fastConverter(from: string, to: string): Conv {
  const name = from === 'cn' ? `s2${to}` : to === 'cn' ? (from === 'hkp' ? 'hk2sp' : from === 'twp' ? 'tw2sp' : `${from}2s`) : `${from}2${to}`;
  const cfg = OpenCC.Locale.configs[name];
  if (!cfg) return OpenCC.Converter({ from, to });
  let seg: FastTrie | undefined;
  const sd = cfg.segmentation;
  if (sd) seg = new FastTrie((t) => (Array.isArray(sd) && sd.every((x) => typeof x === 'string') ? t.loadDictGroup(sd) : t.loadDict(sd)));
  const chain = cfg.conversionChain.map(groupTrie);
  const norm = cfg.normalizationChain ? flattenGroups(cfg.normalizationChain).map(groupTrie) : [];
  return unlessUnchanged([...norm, ...chain], (s) => {
    for (const t of norm) s = t.convert(s);
    if (!seg) {
      for (const t of chain) s = t.convert(s);
      return s;
    }
    let parts = seg.segment(s);
    for (const t of chain) parts = parts.map((p) => t.convert(p));
    return parts.join('');
  });
}

/** opencc-js `ConverterFactory(...args)`'s reading of its arguments: a list of dictionary groups. */
function flattenGroups(args: unknown[]): unknown[][] {
  const isDict = (d: unknown) => (typeof d === 'string' && (d === '' || d.includes(' '))) || (Array.isArray(d) && d.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string'));
  const isGroup = (g: unknown) => Array.isArray(g) && g.every(isDict);
  const out: unknown[][] = [];
  for (const a of args) {
    if (Array.isArray(a) && a.every(isGroup)) out.push(...(a as unknown[][]));
    else if (isGroup(a)) out.push(a as unknown[]);
    else throw new Error('unexpected opencc-js normalization chain');
  }
  return out;
}

const converters = new Map<string, Conv>();
/** A converter like opencc-js `Converter({ from, to })` (same output, faster scan), built once per pair. */
export function converter(from: string, to: string): Conv {
  const key = `${from}>${to}`;
  let c = converters.get(key);
  if (!c) converters.set(key, (c = fastConverter(from, to)));
  return c;
}

/** Character-only converters for classification: the phrase dictionaries cost ~300 ms to build. */
let charConv: { t2s: Conv; s2t: Conv; t2tw: Conv; t2hk: Conv } | undefined;

function getCharConv() {
  if (charConv) return charConv;
  const L = OpenCC.Locale;
  const last = (groups: unknown[][]) => groups[groups.length - 1];
  const chars = (group: unknown[]) => group[group.length - 1]; // [phrases, characters]
  charConv = {
    s2t: chainOf([[chars(last(L.from.cn))]]),
    t2s: chainOf([[chars(last(L.to.cn))]]),
    t2tw: converter('t', 'tw'),
    t2hk: converter('t', 'hk'),
  };
  return charConv;
}

function getT2s(): Conv {
  return converter('t', 'cn');
}
function getS2t(): Conv {
  return converter('cn', 't');
}

/** A Simplified-only character changes under every Simplified → Traditional standard (OpenCC, Taiwan,
 * Hong Kong): 峰 → 峯 only in OpenCC's standard, so 峰 is valid Traditional in Taiwan and counts for neither. */
function classifyWith(ch: string, simp: string, trad: string, tw: string, hk: string): 0 | 1 | 2 {
  if (simp !== ch && !BOTH_TRADITIONAL.has(ch)) return 1;
  if (!BOTH_SIMPLIFIED.has(ch) && trad !== ch && tw !== ch && hk !== ch) return 2;
  return 0;
}

/** Traditional (any variant) → Simplified (mainland). Word-level, so 乾坤 stays, 乾淨 → 干净. */
export function toSimplified(text: string): string {
  return byLine(text, toSimplifiedLines, getT2s());
}

/** Simplified → Traditional (OpenCC standard). */
export function toTraditional(text: string): string {
  return byLine(text, toTraditionalLines, getS2t());
}

/**
 * Whole documents are converted line by line with a memo of the lines of the last documents converted, so
 * re-converting an edited document (script/document's fixes, after every edit in the editor) converts
 * only the lines that changed. Same output: no dictionary key holds a line break, so no match spans one,
 * and the scan starts afresh after each break — unless an ideographic description sequence (U+2FF0–2FFF)
 * swallows the break as an operand: such texts are converted whole.
 */
class LineMemo {
  private cur = new Map<string, string>();
  private prev = new Map<string, string>();
  get(line: string): string | undefined {
    let v = this.cur.get(line);
    if (v === undefined) {
      v = this.prev.get(line);
      if (v !== undefined) this.cur.set(line, v);
    }
    return v;
  }
  set(line: string, v: string): void {
    this.cur.set(line, v);
  }
  /** After a document: keep its lines and the previous document's, drop older ones. */
  turn(): void {
    this.prev = this.cur;
    this.cur = new Map();
  }
}
const toSimplifiedLines = new LineMemo();
const toTraditionalLines = new LineMemo();
/** Texts shorter than this are converted whole (a page of the CLI; hovers, lines). */
const BY_LINE_MIN = 20000;
const IDS = /[\u2ff0-\u2fff]/;

function byLine(text: string, memo: LineMemo, conv: Conv): string {
  if (text.length < BY_LINE_MIN || IDS.test(text)) return conv(text);
  const out: string[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    const line = text.slice(start, end);
    let v = memo.get(line);
    if (v === undefined) {
      v = conv(line);
      memo.set(line.length < 13 ? line : (' ' + line).slice(1), v.length < 13 ? v : (' ' + v).slice(1));
    }
    out.push(v);
    start = end + 1;
  }
  memo.turn();
  return out.join('\n');
}

/** Simplified forms that are also ordinary Traditional characters (公里, 台灣, 吃飯, 若干, 皇后…). */
const BOTH_SIMPLIFIED = new Set([...'于里吃台后干云冲丑范几征划采余叶咸斗游注准凶回困奸朴仆杰姜才系制只松谷借卷折面表志向了合舍秋胡须恶托坛布占症痴伙札筑扎恒郁晒霉']);
/** Traditional forms that are also ordinary Simplified characters (乾坤, 瞭望, 慰藉, 覆盖…). */
const BOTH_TRADITIONAL = new Set([...'乾瞭藉覆著夥徵']);

const HAN_CHAR = /^(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff])$/;

const charClass = new Map<string, 0 | 1 | 2>(); // 0 neutral, 1 Traditional-only, 2 Simplified-only

/** 1 when `ch` is a Traditional-only character, 2 when Simplified-only, 0 otherwise. */
export function classifyChar(ch: string): 0 | 1 | 2 {
  let c = charClass.get(ch);
  if (c !== undefined) return c;
  c = 0;
  if (HAN_CHAR.test(ch)) {
    const cc = getCharConv();
    const trad = cc.s2t(ch);
    c = classifyWith(ch, cc.t2s(ch), trad, cc.t2tw(trad), cc.t2hk(trad));
  }
  if (charClass.size < 50000) charClass.set(ch, c);
  return c;
}

/**
 * Classify every not-yet-seen Han character of `text` in one batch: a converter call costs far more
 * than its length, so the characters go through each converter joined by line breaks (no dictionary
 * phrase spans a line break), which gives the same answer as one call per character.
 */
function classifyMany(text: string): void {
  const fresh = new Set<string>();
  // code unit by code unit: a BMP character already in bmpClass is classified (most of a text)
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < len ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const ch = text.slice(i, i + 2);
        i++;
        if (!charClass.has(ch) && HAN_CHAR.test(ch)) fresh.add(ch);
      }
      continue;
    }
    if (!isHanUnit(c) || bmpClass[c] !== 0) continue;
    const ch = text[i];
    if (!charClass.has(ch)) fresh.add(ch);
  }
  if (fresh.size < 8 || charClass.size + fresh.size > 50000) return;
  const chars = [...fresh];
  const joined = chars.join('\n');
  const cc = getCharConv();
  const simp = cc.t2s(joined).split('\n');
  const tradJoined = cc.s2t(joined);
  const trad = tradJoined.split('\n');
  const tw = cc.t2tw(tradJoined).split('\n');
  const hk = cc.t2hk(tradJoined).split('\n');
  if ([simp, trad, tw, hk].some((a) => a.length !== chars.length)) return; // fall back to one by one
  chars.forEach((ch, i) => charClass.set(ch, classifyWith(ch, simp[i], trad[i], tw[i], hk[i])));
}

export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

/**
 * Class + 1 of each BMP code unit already classified (0: not yet): scriptCounts reads this table
 * instead of iterating code points through the Map. Astral characters go through classifyChar.
 */
const bmpClass = new Uint8Array(0x10000);

function isHanUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Classifies the characters of `text` not seen before in one batch (as scriptCounts does first): a caller
 * that then counts `text` piece by piece (line by line) gets the batch's cost, not one converter call per
 * new character of a piece with few of them. Counts are the same either way.
 */
export function classifyNew(text: string): void {
  const len = text.length;
  // the table holds every character seen before: only a text with new characters pays classifyMany
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && ((isHanUnit(c) && bmpClass[c] === 0) || (c >= 0xd840 && c <= 0xd87f))) {
      classifyMany(text);
      return;
    }
  }
}

/** How many Traditional-only and Simplified-only characters `text` holds. */
export function scriptCounts(text: string): ScriptCounts {
  const { traditional, simplified } = scriptHanCounts(text);
  return { traditional, simplified };
}

/**
 * scriptCounts(text) and countHan(text) (text.ts) in one pass: the Han characters are U+3400–4DBF,
 * U+4E00–9FFF, U+F900–FAFF and the surrogate pairs D840–D87F, the characters scriptCounts classifies.
 */
export function scriptHanCounts(text: string): ScriptCounts & { han: number } {
  const len = text.length;
  classifyNew(text);
  let han = 0;
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    let k: number;
    if (isHanUnit(c)) {
      han++;
      k = bmpClass[c];
      if (k === 0) {
        k = classifyChar(text[i]) + 1;
        bmpClass[c] = k;
      }
      k--;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d < 0xdc00 || d > 0xdfff) continue;
      if (c >= 0xd840 && c <= 0xd87f) {
        han++;
        k = classifyChar(text.slice(i, i + 2));
      } else k = 0;
      i++;
    } else continue;
    if (k === 1) traditional++;
    else if (k === 2) simplified++;
  }
  return { han, traditional, simplified };
}

/**
 * The script of a text: `mixed` when the minority script has at least `mixedShare` of the
 * script-specific characters (and at least `minMinority` of them), else the majority. A text with no
 * script-specific character is `simplified` (its characters are valid Simplified).
 */
export function judgeScript(counts: ScriptCounts, mixedShare = 0.15, minMinority = 3): Script {
  const { traditional: t, simplified: s } = counts;
  const minority = Math.min(t, s);
  if (minority >= minMinority && minority / (t + s) >= mixedShare) return 'mixed';
  return t > s ? 'traditional' : 'simplified';
}

export function scriptOf(text: string): Script {
  return judgeScript(scriptCounts(text));
}
