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
const SEP = /^[\s*＊★☆※^♂♀◆●■▲▼◇○□△_＿|｜#＃@~～\-－.·•/\\一]$/;

export const separatorInsertion: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    const taken: [number, number][] = [];
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
    const lex = lexicon('artifact-obfuscated');
    for (const line of ctx.lines) {
      if (line.blank) continue;
      const t = line.text;
      // lexicon words with separators: compress the line, match, map back
      const chars: string[] = [];
      const pos: number[] = [];
      let i = 0;
      for (const ch of t) {
        if (!(SEP.test(ch) && i > 0)) {
          chars.push(ch);
          pos.push(i);
        }
        i += ch.length;
      }
      const compressed = chars.join('');
      const unitToChar: number[] = [];
      chars.forEach((c, k) => {
        for (let u = 0; u < c.length; u++) unitToChar.push(k);
      });
      for (const m of lex.find(compressed)) {
        const a = unitToChar[m.start];
        const b = unitToChar[m.end - 1];
        const s = pos[a];
        const e = pos[b] + chars[b].length;
        if (e - s <= m.end - m.start) continue; // nothing inserted
        // every gap inside the word must be separators only
        add(line.start + s, line.start + e, m.term, 0.9);
      }
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
