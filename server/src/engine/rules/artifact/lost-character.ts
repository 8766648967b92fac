/**
 * artifact/lost-character — characters lost in a bad conversion: U+FFFD `�`, and ASCII `?`
 * standing where a Han character was (`广州?通信`, `??市`).
 *
 * Why: the text is damaged and cannot be repaired here, so it is flagged with no fix (the gold
 * clean text keeps it too). Half-width pages use `?` as their question mark, so a single `?`
 * between Han characters counts only when its clause asks nothing (no 吗 呢 么 谁 什么 怎 哪 几 何 乎,
 * no 是否 / A不A); it is then a low-score hint. Runs of two or more `?` inside Han text, and U+FFFD,
 * always count.
 * Options: none.
 *
 *   广州?通信 → flagged (no fix)        你好吗?我很好 → not flagged
 */
import { Finding, Rule } from '../../types';
import { finding } from '../helpers';
import { charAt, charBefore, isCjkPunct, isHan } from './chars';

const ID = 'artifact/lost-character';
const QUESTION = /[吗嗎呢么麼吧啊呀嘛谁誰哪几幾怎否啥何乎耶欤歟]|是不是|有没有|有沒有|多少|難道|难道|(\p{Script=Han})[不没沒]\1/u;
const CLAUSE_START = /[，。！？!,.;；：:、\s「『“"（(]/;
const CANDIDATE = /\ufffd+|\?+/g;

/** The clause that ends at `pos`: back to the previous punctuation mark or space. */
function clauseBefore(t: string, pos: number): string {
  let i = pos;
  while (i > 0 && pos - i < 40 && !CLAUSE_START.test(t[i - 1])) i--;
  return t.slice(i, pos);
}

export const lostCharacter: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out: Finding[] = [];
    // (indexed: the line cache hands the rule every line, those it serves blank, on every edit)
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      const t = line.text;
      if (!/[\ufffd?]/.test(t)) continue;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(t))) {
        const before = charBefore(t, m.index);
        const after = charAt(t, m.index + m[0].length);
        const c = m[0][0];
        let kind = 'replacement character U+FFFD';
        let single = false;
        if (c === '?') {
          if (!(isHan(before) || isCjkPunct(before))) continue;
          const inside = isHan(after);
          if (m[0].length === 1 && !(inside && isHan(before))) continue;
          if (!(m[0].length > 1 && inside) && QUESTION.test(clauseBefore(t, m.index))) continue;
          if (!inside && !(after === undefined || isCjkPunct(after) || /\s/.test(after))) continue;
          single = m[0].length === 1;
          kind = 'question mark(s) in place of characters';
        }
        const start = line.start + m.index;
        out.push(
          finding({
            rule: ID,
            category: 'artifact',
            message: `Lost character(s): ${kind}`,
            messageZh: c === '\ufffd' ? '乱码：替换字符 U+FFFD，原字符已丢失' : '乱码：问号代替了丢失的汉字',
            start,
            end: start + m[0].length,
            score: single ? 0.4 : c === '?' ? 0.7 : 0.95,
            severity: single ? 'hint' : undefined,
            evidence: [JSON.stringify(m[0])],
          }),
        );
      }
    }
    return out;
  },
};
