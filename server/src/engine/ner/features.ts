/**
 * Features of the NER model, per character (code point) of a sentence.
 *
 * Each feature is a short string `template=value`; the model maps the strings it knows to weights and
 * ignores the others. Templates:
 *   character n-grams in a ±2 window (u, b, t), character types (y), nodejieba's word boundary and
 *   POS tag (j*), the words around (w*), entity suffixes ending here (s*), titles and speech verbs
 *   before / after (h*), surnames (n*).
 * The word lists are data: server/data/ner/{suffixes,titles,surnames}.txt.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DATA_DIR } from '../lexicon';

/** A word of the segmentation with its POS tag (nodejieba's tag()). */
export interface TaggedWord {
  word: string;
  tag: string;
}

export interface NerLexicons {
  /** suffix → LOC / ORG */
  suffixes: Map<string, string>;
  maxSuffix: number;
  /** the last character of each suffix, the first of each title (positions without one are skipped) */
  suffixLast: Set<string>;
  titleFirst: Set<string>;
  titles: Set<string>;
  /** the first character of each two-character surname */
  surname2First: Set<string>;
  maxTitle: number;
  surnames: Set<string>;
}

let lexicons: NerLexicons | undefined;

function readList(file: string): string[] {
  const out: string[] = [];
  for (const raw of fs.readFileSync(path.join(DATA_DIR, 'ner', file), 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    out.push(line);
  }
  return out;
}

/** The word lists, read once. */
export function nerLexicons(): NerLexicons {
  if (lexicons) return lexicons;
  const suffixes = new Map<string, string>();
  for (const line of readList('suffixes.txt')) {
    const [s, t] = line.split('\t');
    if (s && t) suffixes.set(s, t);
  }
  const titles = new Set(readList('titles.txt'));
  const surnames = new Set<string>();
  for (const line of readList('surnames.txt')) for (const s of line.split(/\s+/)) if (s) surnames.add(s);
  const max = (xs: Iterable<string>) => Math.max(1, ...[...xs].map((x) => [...x].length));
  const suffixLast = new Set([...suffixes.keys()].map((x) => [...x].pop()!));
  const titleFirst = new Set([...titles].map((x) => [...x][0]));
  const surname2First = new Set([...surnames].filter((x) => [...x].length === 2).map((x) => [...x][0]));
  lexicons = { suffixes, maxSuffix: max(suffixes.keys()), suffixLast, titleFirst, titles, maxTitle: max(titles), surnames, surname2First };
  return lexicons;
}

const typeMemo = new Map<string, string>();

/** charType() through a memo of the characters seen (a few thousand distinct ones in a corpus). */
function charTypeMemo(c: string): string {
  let t = typeMemo.get(c);
  if (t === undefined) {
    t = charType(c);
    if (typeMemo.size < 65536) typeMemo.set(c, t);
  }
  return t;
}

/** Character class: H Han, N Chinese numeral, D digit, L Latin letter, M middle dot, P punctuation, S space, O other. */
export function charType(c: string): string {
  if (c === '·' || c === '•' || c === '・' || c === '‧' || c === '•') return 'M';
  if (/^[0-9０-９]$/.test(c)) return 'D';
  if (/^[零〇一二三四五六七八九十百千万亿两]$/.test(c)) return 'N';
  if (/^\p{Script=Han}$/u.test(c)) return 'H';
  if (/^[A-Za-zＡ-Ｚａ-ｚ]$/.test(c)) return 'L';
  if (/^\s$/u.test(c)) return 'S';
  if (/^[\p{P}\p{S}]$/u.test(c)) return 'P';
  return 'O';
}

const BOS = '\u0002';
const EOS = '\u0003';

/** Position of each character in its word: B(egin) M(iddle) E(nd) S(ingle), with the word's index. */
interface WordInfo {
  pos: string[];
  word: number[];
}

function wordInfo(chars: string[], words: TaggedWord[] | undefined): WordInfo | undefined {
  if (!words) return undefined;
  const pos: string[] = new Array(chars.length);
  const word: number[] = new Array(chars.length);
  let i = 0;
  for (let w = 0; w < words.length; w++) {
    const n = [...words[w].word].length;
    if (n === 0) continue;
    for (let k = 0; k < n; k++) {
      if (i + k >= chars.length) return undefined;
      pos[i + k] = n === 1 ? 'S' : k === 0 ? 'B' : k === n - 1 ? 'E' : 'M';
      word[i + k] = w;
    }
    i += n;
  }
  return i === chars.length ? { pos, word } : undefined;
}

/** A feature template: its name, and the hash state after `name` and after `name=`. */
export interface Template {
  name: string;
  h1: number;
  h2: number;
  e1: number;
  e2: number;
}

/** Seeds of the two 32-bit hash lanes. */
const SEED1 = 0x811c9dc5;
const SEED2 = 0x9747b28c;

/** Feeds the UTF-16 code units of s into lane 1 (FNV-1a). */
export function feed1(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return h;
}

/** Feeds the UTF-16 code units of s into lane 2 (a multiply-xorshift mix). */
export function feed2(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) {
    h = Math.imul(h ^ s.charCodeAt(k), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h;
}

export function template(name: string): Template {
  const h1 = feed1(SEED1, name);
  const h2 = feed2(SEED2, name);
  return { name, h1, h2, e1: feed1(h1, '='), e2: feed2(h2, '=') };
}

/** The two hash lanes of a feature string `name` or `name=value` (equal to what HashSink computes). */
export function hashFeature(feature: string): [number, number] {
  const eq = feature.indexOf('=');
  if (eq < 0) return [feed1(SEED1, feature) >>> 0, feed2(SEED2, feature) >>> 0];
  const name = feature.slice(0, eq);
  const value = feature.slice(eq + 1);
  const t = template(name);
  return [feed1(t.e1, value) >>> 0, feed2(t.e2, value) >>> 0];
}

/**
 * Receives the features of each position. A feature is a template and up to five string parts whose
 * concatenation is its value: `name` alone, or `name=value`.
 */
export interface FeatureSink {
  at(i: number): void;
  f(t: Template, a?: string, b?: string, c?: string, d?: string, e?: string): void;
}

/** Collects features as strings (training, tests, debugging). */
export class StringSink implements FeatureSink {
  readonly out: string[][] = [];
  private cur: string[] = [];
  at(i: number): void {
    this.cur = this.out[i] = [];
  }
  f(t: Template, a?: string, b?: string, c?: string, d?: string, e?: string): void {
    this.cur.push(a === undefined ? t.name : t.name + '=' + a + (b ?? '') + (c ?? '') + (d ?? '') + (e ?? ''));
  }
}

const T = {
  bias: template('bias'),
  um2: template('u-2'),
  um1: template('u-1'),
  u0: template('u0'),
  u1: template('u1'),
  u2: template('u2'),
  bm2: template('b-2'),
  bm1: template('b-1'),
  b0: template('b0'),
  b1: template('b1'),
  t0: template('t0'),
  y: template('y'),
  y2: template('y2'),
  jp: template('jp'),
  jt: template('jt'),
  jtp: template('jtp'),
  jtn: template('jtn'),
  jl: template('jl'),
  jw: template('jw'),
  wp: template('wp'),
  wpt: template('wpt'),
  wn: template('wn'),
  wnt: template('wnt'),
  s0: template('s0'),
  s1: template('s1'),
  hb: template('hb'),
  ha: template('ha'),
  hb2: template('hb2'),
  ha2: template('ha2'),
  ha3: template('ha3'),
  n0: template('n0'),
  n2: template('n2'),
  nm1: template('n-1'),
  nm2: template('n-2'),
};

const DIGITS = ['0', '1', '2', '3', '4', '5', '6'];

/**
 * Walks the features of every character of `chars` (code points) into `sink`. `words` is the
 * segmentation of the same text (nodejieba tag()); without it, or when it does not cover the text
 * exactly, the word features are left out.
 */
export function walkFeatures(chars: string[], words: TaggedWord[] | undefined, sink: FeatureSink, lex: NerLexicons = nerLexicons()): void {
  const n = chars.length;
  const c = (k: number) => (k < 0 ? BOS : k >= n ? EOS : chars[k]);
  const types = chars.map(charTypeMemo);
  const ty = (k: number) => (k < 0 ? '^' : k >= n ? '$' : types[k]);
  const wi = wordInfo(chars, words);
  const wordChars = words ? words.map((w) => [...w.word].length) : [];
  const wordLen = wordChars.map((k) => DIGITS[Math.min(k, 6)]);

  // suffix ending at i (longest first), title starting at i / ending at i
  const sufAt: string[] = new Array(n).fill('');
  const titleStart: boolean[] = new Array(n).fill(false);
  const titleEnd: boolean[] = new Array(n).fill(false);
  // the sentence as one string and the UTF-16 offset of each character: candidates are slices of it
  const text = chars.join('');
  const at = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) at[i + 1] = at[i] + chars[i].length;
  for (let i = 0; i < n; i++) {
    if (lex.suffixLast.has(chars[i])) {
      for (let len = Math.min(lex.maxSuffix, i + 1); len >= 1; len--) {
        const t = lex.suffixes.get(len === 1 ? chars[i] : text.slice(at[i - len + 1], at[i + 1]));
        if (t) {
          sufAt[i] = t + DIGITS[Math.min(len, 6)];
          break;
        }
      }
    }
    if (lex.titleFirst.has(chars[i])) {
      for (let len = Math.min(lex.maxTitle, n - i); len >= 1; len--) {
        if (lex.titles.has(len === 1 ? chars[i] : text.slice(at[i], at[i + len]))) {
          titleStart[i] = true;
          titleEnd[i + len - 1] = true;
          break;
        }
      }
    }
  }

  for (let i = 0; i < n; i++) {
    sink.at(i);
    const cm2 = c(i - 2);
    const cm1 = c(i - 1);
    const c0 = c(i);
    const c1 = c(i + 1);
    const c2 = c(i + 2);
    sink.f(T.bias);
    sink.f(T.um2, cm2);
    sink.f(T.um1, cm1);
    sink.f(T.u0, c0);
    sink.f(T.u1, c1);
    sink.f(T.u2, c2);
    sink.f(T.bm2, cm2, cm1);
    sink.f(T.bm1, cm1, c0);
    sink.f(T.b0, c0, c1);
    sink.f(T.b1, c1, c2);
    sink.f(T.t0, cm1, c0, c1);
    sink.f(T.y, ty(i - 1), ty(i), ty(i + 1));
    sink.f(T.y2, ty(i - 2), ty(i - 1), ty(i), ty(i + 1), ty(i + 2));
    if (wi) {
      const w = wi.word[i];
      const word = words![w];
      const p = wi.pos[i];
      const prev = w > 0 ? words![w - 1] : undefined;
      const next = w + 1 < words!.length ? words![w + 1] : undefined;
      sink.f(T.jp, p, word.tag);
      sink.f(T.jt, word.tag);
      sink.f(T.jtp, prev ? prev.tag : '^', '_', word.tag);
      sink.f(T.jtn, word.tag, '_', next ? next.tag : '$');
      sink.f(T.jl, p, wordLen[w], word.tag);
      if (wordChars[w] <= 6) sink.f(T.jw, p, word.word);
      if (p === 'B' || p === 'S') {
        sink.f(T.wp, prev ? prev.word : BOS);
        sink.f(T.wpt, prev ? prev.tag : '^', p);
      }
      if (p === 'E' || p === 'S') {
        sink.f(T.wn, next ? next.word : EOS);
        sink.f(T.wnt, next ? next.tag : '$', p);
      }
    } else {
      sink.f(T.jp, '?');
    }
    if (sufAt[i]) sink.f(T.s0, sufAt[i]);
    if (i + 1 < n && sufAt[i + 1]) sink.f(T.s1, sufAt[i + 1]);
    if (i > 0 && titleEnd[i - 1]) sink.f(T.hb);
    if (i + 1 < n && titleStart[i + 1]) sink.f(T.ha);
    if (i >= 2 && titleEnd[i - 2]) sink.f(T.hb2);
    if (i + 2 < n && titleStart[i + 2]) sink.f(T.ha2);
    if (i + 3 < n && titleStart[i + 3]) sink.f(T.ha3);
    if (lex.surnames.has(c0)) sink.f(T.n0);
    if (i + 1 < n && lex.surname2First.has(c0) && lex.surnames.has(c0 + chars[i + 1])) sink.f(T.n2);
    if (i > 0 && lex.surnames.has(chars[i - 1])) sink.f(T.nm1);
    if (i > 1 && lex.surnames.has(chars[i - 2])) sink.f(T.nm2);
  }
}

/** The features of every character, as strings `name` or `name=value`. */
export function extractFeatures(chars: string[], words?: TaggedWord[], lex: NerLexicons = nerLexicons()): string[][] {
  const sink = new StringSink();
  walkFeatures(chars, words, sink, lex);
  return sink.out;
}
