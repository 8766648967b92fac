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
  private readonly ac: ReturnType<typeof makeAc>;
  constructor(readonly name: string, readonly entries: LexEntry[]) {
    this.ac = makeAc(entries);
  }
  /** Non-overlapping, leftmost-longest matches. */
  find(text: string): LexMatch[] {
    if (!this.entries.length || !text) return [];
    return this.ac.search(text, { strategy: 'leftmost-longest' }).map((m) => ({ ...(m.data as LexEntry), start: m.start, end: m.end }));
  }
  /** All matches, overlapping ones included. */
  findAll(text: string): LexMatch[] {
    if (!this.entries.length || !text) return [];
    return this.ac.search(text).map((m) => ({ ...(m.data as LexEntry), start: m.start, end: m.end }));
  }
}

function makeAc(entries: LexEntry[]) {
  const seen = new Map<string, LexEntry>();
  for (const e of entries) if (!seen.has(e.term)) seen.set(e.term, e);
  return new AhoCorasick<LexEntry>([...seen.values()].map((e) => ({ pattern: e.term, data: e })));
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
