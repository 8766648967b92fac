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

/** The terms of the list by their first character, each with its characters (code points). */
let index: Map<string, { term: string; parts: string[] }[]> | undefined;
function firstCharIndex(): Map<string, { term: string; parts: string[] }[]> {
  if (index) return index;
  index = new Map();
  for (const e of lexicon('artifact-obfuscated').entries) {
    const parts = [...e.term];
    const first = parts[0];
    if (!index.has(first)) index.set(first, []);
    index.get(first)!.push({ term: e.term, parts });
  }
  return index;
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
    const sep = sepTable();
    for (const line of ctx.lines) {
      if (line.blank) continue;
      const t = line.text;
      if (!ANY_GAP.test(t)) continue;
      taken = []; // spans of different lines never overlap
      // lexicon words with separators: compress the line, match, map back
      const chars: string[] = [];
      const pos: number[] = [];
      let i = 0;
      for (const ch of t) {
        if (!(ch.length === 1 && sep[ch.charCodeAt(0)] === 1 && i > 0)) {
          chars.push(ch);
          pos.push(i);
        }
        i += ch.length;
      }
      // a word of the list starting at char k of the compressed line (first-character index: the
      // list is short, and an automaton pass per line costs more than this)
      const found: { start: number; end: number; term: string }[] = [];
      for (let k = 0; k < chars.length; k++) {
        const terms = byFirst.get(chars[k]);
        if (!terms) continue;
        for (const { term, parts } of terms) {
          if (parts.every((p, x) => chars[k + x] === p)) found.push({ start: k, end: k + parts.length, term });
        }
      }
      for (const m of found) {
        const a = m.start;
        const b = m.end - 1;
        const s = pos[a];
        const e = pos[b] + chars[b].length;
        if (e - s <= chars.slice(a, b + 1).join('').length) continue; // nothing inserted
        // every gap inside the word must be separators only
        add(line.start + s, line.start + e, m.term, 0.9);
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
    return out;
  },
};
