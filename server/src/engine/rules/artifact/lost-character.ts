/**
 * artifact/lost-character — characters lost in a bad conversion: U+FFFD `�`, ASCII `?` standing
 * where a Han character was (`中?通`), and C0 control characters in the middle of Han text
 * (`菜蛤\x07\x07\x06、蛤蜊`), which is where an old GBK/Big5 page lost its rare characters.
 *
 * Why: the text is damaged and cannot be repaired here, so it is flagged with no fix (the gold
 * clean text keeps it too). A `?` right after a question word (吗 呢 么 吧 啊 谁 什么 怎 哪 几…) is
 * a question mark, not a lost character; runs of two or more `?` inside Han text always count.
 * Options: none.
 *
 *   广州?通信 → flagged (no fix)        你好吗?我很好 → not flagged
 */
import { Finding, Rule } from '../../types';
import { finding } from '../helpers';
import { charAt, charBefore, isCjkPunct, isHan } from './chars';

const ID = 'artifact/lost-character';
const QUESTION_WORD = /[吗嗎呢么麼吧啊呀嘛谁誰哪几幾怎否啥何]/;
const CANDIDATE = /\ufffd+|\?+|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+/g;

/** true when a control-character run at [s, e) stands between Han text (a lost character). */
export function controlInHan(text: string, s: string | undefined, e: string | undefined): boolean {
  void text;
  const hanish = (c: string | undefined) => isHan(c) || isCjkPunct(c);
  return hanish(s) || hanish(e);
}

export const lostCharacter: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    for (const line of ctx.lines) {
      const t = line.text;
      if (!/[\ufffd?\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(t)) continue;
      CANDIDATE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CANDIDATE.exec(t))) {
        const before = charBefore(t, m.index);
        const after = charAt(t, m.index + m[0].length);
        const c = m[0][0];
        let kind: string | undefined;
        if (c === '\ufffd') kind = 'replacement character';
        else if (c === '?') {
          if (!isHan(before) || !(isHan(after) || isCjkPunct(after))) continue;
          if (m[0].length === 1 && QUESTION_WORD.test(before!)) continue;
          if (m[0].length === 1 && !isHan(after)) continue;
          kind = 'question mark in place of a character';
        } else {
          if (!controlInHan(t, before, after)) continue;
          kind = 'control character in place of a character';
        }
        const start = line.start + m.index;
        out.push(
          finding({
            rule: ID,
            category: 'artifact',
            message: `Lost character(s): ${kind}`,
            messageZh: c === '\ufffd' ? '乱码：替换字符 U+FFFD，原字符已丢失' : c === '?' ? '乱码：问号代替了丢失的汉字' : '乱码：控制字符代替了丢失的汉字',
            start,
            end: start + m[0].length,
            score: c === '?' ? 0.6 : 0.9,
            evidence: [JSON.stringify(m[0])],
          }),
        );
      }
    }
    return out;
  },
};
