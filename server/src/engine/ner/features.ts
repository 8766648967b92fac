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
  titles: Set<string>;
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
  lexicons = { suffixes, maxSuffix: max(suffixes.keys()), titles, maxTitle: max(titles), surnames };
  return lexicons;
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

/**
 * The features of every character of `chars` (code points). `words` is the segmentation of the same
 * text (nodejieba tag()); without it, or when it does not cover the text exactly, the word features
 * are left out.
 */
export function extractFeatures(chars: string[], words?: TaggedWord[], lex: NerLexicons = nerLexicons()): string[][] {
  const n = chars.length;
  const c = (k: number) => (k < 0 ? BOS : k >= n ? EOS : chars[k]);
  const types = chars.map(charType);
  const ty = (k: number) => (k < 0 ? '^' : k >= n ? '$' : types[k]);
  const wi = wordInfo(chars, words);

  // suffix ending at i (longest first), title starting at i / ending at i
  const sufAt: string[] = new Array(n).fill('');
  const titleStart: boolean[] = new Array(n).fill(false);
  const titleEnd: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    for (let len = Math.min(lex.maxSuffix, i + 1); len >= 1; len--) {
      const t = lex.suffixes.get(chars.slice(i - len + 1, i + 1).join(''));
      if (t) {
        sufAt[i] = t + len;
        break;
      }
    }
    for (let len = Math.min(lex.maxTitle, n - i); len >= 1; len--) {
      if (lex.titles.has(chars.slice(i, i + len).join(''))) {
        titleStart[i] = true;
        titleEnd[i + len - 1] = true;
        break;
      }
    }
  }

  const out: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f: string[] = ['bias'];
    const c0 = c(i);
    f.push('u-2=' + c(i - 2), 'u-1=' + c(i - 1), 'u0=' + c0, 'u1=' + c(i + 1), 'u2=' + c(i + 2));
    f.push('b-2=' + c(i - 2) + c(i - 1), 'b-1=' + c(i - 1) + c0, 'b0=' + c0 + c(i + 1), 'b1=' + c(i + 1) + c(i + 2));
    f.push('t0=' + c(i - 1) + c0 + c(i + 1));
    f.push('y=' + ty(i - 1) + ty(i) + ty(i + 1), 'y2=' + ty(i - 2) + ty(i - 1) + ty(i) + ty(i + 1) + ty(i + 2));
    if (wi) {
      const w = wi.word[i];
      const word = words![w];
      const p = wi.pos[i];
      const prev = w > 0 ? words![w - 1] : undefined;
      const next = w + 1 < words!.length ? words![w + 1] : undefined;
      f.push('jp=' + p + word.tag, 'jt=' + word.tag, 'jtp=' + (prev ? prev.tag : '^') + '_' + word.tag, 'jtn=' + word.tag + '_' + (next ? next.tag : '$'));
      const wl = [...word.word].length;
      f.push('jl=' + p + Math.min(wl, 6) + word.tag);
      if (wl <= 6) f.push('jw=' + p + word.word);
      if (p === 'B' || p === 'S') f.push('wp=' + (prev ? prev.word : BOS), 'wpt=' + (prev ? prev.tag : '^') + p);
      if (p === 'E' || p === 'S') f.push('wn=' + (next ? next.word : EOS), 'wnt=' + (next ? next.tag : '$') + p);
    } else {
      f.push('jp=?');
    }
    if (sufAt[i]) f.push('s0=' + sufAt[i]);
    if (i + 1 < n && sufAt[i + 1]) f.push('s1=' + sufAt[i + 1]);
    if (i > 0 && titleEnd[i - 1]) f.push('hb');
    if (i + 1 < n && titleStart[i + 1]) f.push('ha');
    if (i >= 2 && titleEnd[i - 2]) f.push('hb2');
    if (i + 2 < n && titleStart[i + 2]) f.push('ha2');
    if (i + 3 < n && titleStart[i + 3]) f.push('ha3');
    if (lex.surnames.has(c0)) f.push('n0');
    if (i + 1 < n && lex.surnames.has(c0 + chars[i + 1])) f.push('n2');
    if (i > 0 && lex.surnames.has(chars[i - 1])) f.push('n-1');
    if (i > 1 && lex.surnames.has(chars[i - 2])) f.push('n-2');
    out[i] = f;
  }
  return out;
}
