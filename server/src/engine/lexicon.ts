/**
 * Word lists are data files (server/data/lexicons/*.txt), compiled once into an
 * Aho-Corasick automaton (modern-ahocorasick). A line of a list is
 *   term [TAB grade [TAB class]]
 * grade: `strong` (a verdict on its own), `weak` (needs company), or a number 0..1; `#` starts a comment.
 * Loading reads a file, so it lives here behind a cache; rules only see the compiled matcher.
 */
import * as fs from 'fs';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const acModule = require('modern-ahocorasick');
// the CommonJS build exports the class itself; the ES build exports it as `default`
const AhoCorasick = (acModule.default ?? acModule) as new <T>(p: { pattern: string; data?: T }[]) => {
  search(text: string, opts?: { strategy?: string }): { pattern: string; start: number; end: number; data: T | undefined }[];
};

export interface LexEntry {
  term: string;
  /** 0..1; strong = 1, weak = 0.3 */
  weight: number;
  cls: string;
}

export interface LexMatch extends LexEntry {
  start: number;
  end: number;
}

export class Lexicon {
  private readonly trie: Trie;
  private ac?: ReturnType<typeof makeAc>;
  constructor(readonly name: string, readonly entries: LexEntry[]) {
    this.trie = buildTrie(entries);
  }
  /** 1 for each code unit that starts a term: a text holding none of them has no match (find, findAll). */
  get startUnits(): Uint8Array {
    return this.trie.starts;
  }
  /** Non-overlapping, leftmost-longest matches. `plain`: isPlain(text), when the caller knows it already. */
  find(text: string, plain?: boolean): LexMatch[] {
    if (!this.entries.length || !text) return [];
    if (!this.trie.plain || !(plain ?? isPlain(text))) return this.slow().search(text, { strategy: 'leftmost-longest' }).map((m) => ({ ...(m.data as LexEntry), start: m.start, end: m.end }));
    return findLongest(this.trie, text);
  }
  /** All matches, overlapping ones included. */
  findAll(text: string): LexMatch[] {
    if (!this.entries.length || !text) return [];
    if (!this.trie.plain || !isPlain(text)) return this.slow().search(text).map((m) => ({ ...(m.data as LexEntry), start: m.start, end: m.end }));
    return findEvery(this.trie, text);
  }
  /** modern-ahocorasick (matching by grapheme cluster), built on first need: texts with combining marks, CR, ZWJ… */
  private slow(): ReturnType<typeof makeAc> {
    return (this.ac ??= makeAc(this.entries));
  }
}

function makeAc(entries: LexEntry[]) {
  const seen = new Map<string, LexEntry>();
  for (const e of entries) if (!seen.has(e.term)) seen.set(e.term, e);
  return new AhoCorasick<LexEntry>([...seen.values()].map((e) => ({ pattern: e.term, data: e })));
}

/*
 * The fast path. modern-ahocorasick matches whole grapheme clusters, which costs an Intl.Segmenter
 * pass per call (half of all CPU time on a corpus). In a text where every grapheme cluster is one
 * code point — no CR, combining or spacing marks, ZWJ/ZWNJ, variation selectors, emoji modifiers,
 * regional indicators, Hangul jamo or syllables, prepended concatenation marks — matching code units
 * gives the same matches, so a plain trie walk from each start does (leftmost-longest: the earliest
 * start, the longest term there, resume after it; all: ordered by end, then longer first, as the
 * library orders them). Other texts, and lexicons whose terms hold such characters, take the library.
 */
const NOT_PLAIN =
  /[\r\p{M}\p{Grapheme_Extend}\u200c\u200d\p{Regional_Indicator}\p{Emoji_Modifier}\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u0e33\u0eb3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\udfff\u{11000}-\u{11fff}]/u;

export function isPlain(text: string): boolean {
  // most text is ASCII, Han and CJK punctuation: accept those without the regex
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300) {
      if (c === 13) return false;
    } else if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x3098) || (c >= 0x309b && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xff01 && c <= 0xff9d) || (c >= 0x2010 && c <= 0x2027))) {
      return !NOT_PLAIN.test(text);
    }
  }
  return true;
}

interface TrieNode {
  next?: Map<number, TrieNode>;
  entry?: LexEntry;
  depth: number;
}

interface Trie {
  root: TrieNode;
  /** every term is plain text (see isPlain) */
  plain: boolean;
  /** 1 for each code unit that starts a term: other positions are passed over without a map lookup */
  starts: Uint8Array;
}

function buildTrie(entries: readonly LexEntry[]): Trie {
  const root: TrieNode = { depth: 0 };
  let plain = true;
  for (const e of entries) {
    if (!e.term) continue;
    if (!isPlain(e.term)) plain = false;
    let node = root;
    for (let i = 0; i < e.term.length; i++) {
      const c = e.term.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) {
        child = { depth: i + 1 };
        node.next.set(c, child);
      }
      node = child;
    }
    node.entry ??= e; // the first entry of a term wins, as before
  }
  const starts = new Uint8Array(0x10000);
  if (root.next) for (const c of root.next.keys()) starts[c] = 1;
  return { root, plain, starts };
}

function findLongest(trie: Trie, text: string): LexMatch[] {
  const out: LexMatch[] = [];
  const first = trie.root.next;
  if (!first) return out;
  const n = text.length;
  const starts = trie.starts;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (starts[c] === 0) {
      i++;
      continue;
    }
    let node = first.get(c);
    if (!node) {
      i++;
      continue;
    }
    let best: TrieNode | undefined;
    let j = i + 1;
    for (;;) {
      if (node.entry) best = node;
      if (!node.next || j >= n) break;
      const child: TrieNode | undefined = node.next.get(text.charCodeAt(j));
      if (!child) break;
      node = child;
      j++;
    }
    if (best) {
      out.push({ ...best.entry!, start: i, end: i + best.depth });
      i += best.depth;
    } else i++;
  }
  return out;
}

function findEvery(trie: Trie, text: string): LexMatch[] {
  const out: LexMatch[] = [];
  const first = trie.root.next;
  if (!first) return out;
  const n = text.length;
  const starts = trie.starts;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (starts[c] === 0) continue;
    let node = first.get(c);
    let j = i + 1;
    while (node) {
      if (node.entry) out.push({ ...node.entry, start: i, end: j });
      if (!node.next || j >= n) break;
      node = node.next.get(text.charCodeAt(j));
      j++;
    }
  }
  return out.sort((a, b) => a.end - b.end || b.end - b.start - (a.end - a.start));
}

/** The folder of data files: `server/data`, found from wherever the compiled or bundled code runs. */
export const DATA_DIR = findDataDir(__dirname);

function findDataDir(from: string): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    for (const cand of [path.join(dir, 'server', 'data'), path.join(dir, 'data')]) {
      if (fs.existsSync(path.join(cand, 'lexicons'))) return cand;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`corpus-lint: cannot find its data folder (server/data) above ${from}`);
}

export function parseLexicon(source: string, defaultClass = ''): LexEntry[] {
  const out: LexEntry[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const [term, grade, cls] = line.split('\t').map((s) => s.trim());
    if (!term) continue;
    let weight = 0.3;
    if (grade === 'strong') weight = 1;
    else if (grade === 'weak' || grade === undefined || grade === '') weight = 0.3;
    else if (!Number.isNaN(Number(grade))) weight = Number(grade);
    out.push({ term, weight, cls: cls || defaultClass });
  }
  return out;
}

const cache = new Map<string, Lexicon>();

/** Loads `server/data/lexicons/NAME.txt` once per process. */
export function lexicon(name: string, defaultClass = name): Lexicon {
  let lex = cache.get(name);
  if (!lex) {
    const file = path.join(DATA_DIR, 'lexicons', name + '.txt');
    lex = new Lexicon(name, parseLexicon(fs.readFileSync(file, 'utf8'), defaultClass));
    cache.set(name, lex);
  }
  return lex;
}
