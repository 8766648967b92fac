/**
 * artifact/separator-insertion — symbols or filler characters pushed between the characters of a word
 * so that keyword filters miss it: `赌*博`, `性一交一无一码`, `六_合_彩`.
 *
 * Why: such text is obfuscated (usually spam); a reader cannot repair it reliably, so it is flagged
 * with no fix. Two detectors:
 *  - single Han characters separated by a symbol that never sits between two characters in prose
 *    (`*`, `＊`, `★`, `※`…: one is enough), or by `_ # @ ~ -` (two or more in a run of at most 6 characters);
 *  - a word of `server/data/lexicons/artifact-obfuscated.txt` (gambling, porn, drugs, fake papers)
 *    spelled with separators between its characters, `一` and spaces included.
 * Options: none.
 *
 *   性一交一无一码 → flagged (性交)        赌*博 → flagged
 */
import { Finding, Rule } from '../../types';
import { finding } from '../helpers';
import { lexicon } from '../../lexicon';
import { HAN_SRC, isHan } from './chars';
import { countHan } from '../../text';

const ID = 'artifact/separator-insertion';
const STRONG = '[*＊★☆※^♂♀◆●■▲▼◇○□△]';
const WEAK = '[_＿#＃@~～\\-－]';
/** A longer run of single characters is a list (`京-津-冀-晋-…`), not an obfuscated word. */
const MAX_WEAK_CHARS = 6;
const ONE = '(?<!' + HAN_SRC + ')';
const STRONG_RUN = new RegExp(ONE + HAN_SRC + '(?:' + STRONG + '{1,3}' + HAN_SRC + '(?!' + HAN_SRC + '))+', 'g');
const WEAK_RUN = new RegExp(ONE + HAN_SRC + '(?:' + WEAK + '{1,2}' + HAN_SRC + '(?!' + HAN_SRC + ')){2,}', 'g');
const SEP_CLASS = '[\\s*＊★☆※^♂♀◆●■▲▼◇○□△_＿|｜#＃@~～\\-－.·•/\\\\一]';
const SEP = new RegExp('^' + SEP_CLASS + '$');
/** Quick tests: is there a separator between two Han characters at all? */
const ANY_GAP = new RegExp(HAN_SRC + SEP_CLASS + '{1,3}' + HAN_SRC);
const SYMBOL_GAP = new RegExp(HAN_SRC + '(?:' + STRONG + '|' + WEAK + ')');

/**
 * The terms of the list by their first code point, each with its code points; `firstUnits`: 1 for a BMP
 * first code point; `astralFirst`: some term starts with an astral one.
 */
let index: Map<number, { term: string; parts: number[] }[]> | undefined;
let firstUnits: Uint8Array | undefined;
let astralFirst = false;
function firstCharIndex(): Map<number, { term: string; parts: number[] }[]> {
  if (index) return index;
  index = new Map();
  firstUnits = new Uint8Array(0x10000);
  for (const e of lexicon('artifact-obfuscated').entries) {
    const parts = [...e.term].map((ch) => ch.codePointAt(0) as number);
    const first = parts[0];
    if (first < 0x10000) firstUnits[first] = 1;
    else astralFirst = true;
    if (!index.has(first)) index.set(first, []);
    index.get(first)!.push({ term: e.term, parts });
  }
  return index;
}

/** The compressed line (check): its code points and their offsets, reused from line to line (and analysis to analysis). */
const cps: number[] = [];
const pos: number[] = [];

/** Does `t` hold a BMP first character of a term (`first`: firstUnits)? Most lines do not: their words are not searched. */
function mayStartTerm(t: string, first: Uint8Array): boolean {
  for (let i = 0; i < t.length; i++) if (first[t.charCodeAt(i)] === 1) return true;
  return false;
}

/** SEP.test by BMP code unit (1: a separator); no astral character is one. */
let sepUnits: Uint8Array | undefined;
function sepTable(): Uint8Array {
  if (sepUnits) return sepUnits;
  sepUnits = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (SEP.test(String.fromCharCode(c))) sepUnits[c] = 1;
  return sepUnits;
}

export const separatorInsertion: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  // each finding lies within its line and depends on that line's text alone (overlaps are checked per line)
  locality: 'line',
  check(ctx) {
    const out: Finding[] = [];
    let taken: [number, number][] = [];
    const add = (start: number, end: number, word: string, score: number) => {
      if (taken.some(([a, b]) => start < b && end > a)) return;
      taken.push([start, end]);
      out.push(
        finding({
          rule: ID,
          category: 'artifact',
          message: `Separators inserted between characters: “${ctx.text.slice(start, end)}”${word ? ` (${word})` : ''}`,
          messageZh: `字间插入干扰符：“${ctx.text.slice(start, end)}”${word ? `（${word}）` : ''}`,
          start,
          end,
          score,
          evidence: word ? [word] : undefined,
        }),
      );
    };
    const byFirst = firstCharIndex();
    const first = firstUnits as Uint8Array;
    const sep = sepTable();
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const t = line.text;
      if (!ANY_GAP.test(t)) continue;
      taken = []; // spans of different lines never overlap
      // lexicon words with separators: compress the line (code points that are not separators, the first
      // one always kept), match, map back — by code point numbers in reused arrays (most lines get here: a
      // space or 一 between two Han characters; a string per character cost more than the rest), and only
      // in a line holding the first character of a word of the list
      if (astralFirst || mayStartTerm(t, first)) {
        let n = 0;
        for (let i = 0; i < t.length; ) {
          const c = t.codePointAt(i) as number;
          if (c > 0xffff || sep[c] !== 1 || i === 0) {
            cps[n] = c;
            pos[n] = i;
            n++;
          }
          i += c > 0xffff ? 2 : 1;
        }
        // a word of the list starting at code point k of the compressed line (first-character index: the
        // list is short, and an automaton pass per line costs more than this)
        for (let k = 0; k < n; k++) {
          const c = cps[k];
          if (c < 0x10000 && first[c] === 0) continue;
          const terms = byFirst.get(c);
          if (!terms) continue;
          for (let x = 0; x < terms.length; x++) {
            const { term, parts } = terms[x];
            if (k + parts.length > n) continue;
            let same = true;
            for (let y = 1; y < parts.length && same; y++) same = cps[k + y] === parts[y];
            if (!same) continue;
            const b = k + parts.length - 1;
            const s = pos[k];
            const e = pos[b] + (cps[b] > 0xffff ? 2 : 1);
            let units = 0;
            for (let y = k; y <= b; y++) units += cps[y] > 0xffff ? 2 : 1;
            if (e - s <= units) continue; // nothing inserted
            // every gap inside the word must be separators only
            add(line.start + s, line.start + e, term, 0.9);
          }
        }
      }
      if (!SYMBOL_GAP.test(t)) continue;
      for (const re of [STRONG_RUN, WEAK_RUN]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(t))) {
          if (re === WEAK_RUN && (isHan(t[m.index + m[0].length]) || countHan(m[0]) > MAX_WEAK_CHARS)) continue;
          add(line.start + m.index, line.start + m.index + m[0].length, '', re === STRONG_RUN ? 0.7 : 0.6);
        }
      }
    }
    if (cps.length > 4096) cps.length = pos.length = 0; // not kept at the size of a huge line
    return out;
  },
};
