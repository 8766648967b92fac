/**
 * spam/random-token — a random mixed-case letter/digit token glued into Chinese text (`ls6utgDbOeKZnI6L技术，…`).
 *
 * Why: spinning tools and hacked pages stamp each generated copy with a random string so that no two copies
 * are byte-identical (de-duplication evasion) or to track the injection. Such a token carries no meaning and
 * never appears glued to Chinese words in written text. Product codes (`RTX3080`), camel-case names
 * (`iPhone13ProMax`, `WeChat`) and hex hashes (one case) are not random in this sense.
 * How: a run of 10+ ASCII letters and digits, with both cases, where 2+ single lower-case letters sit between
 * upper-case letters or digits (`DbO`, `ZnI`: no word is spelled like that), touching a Han character or CJK
 * punctuation on at least one side (a URL or a code sample keeps its spaces/slashes around it).
 * The token is removed; spam/spam-page counts it as one seam of a spun page.
 * Options: none.
 * Before → after: `ls6utgDbOeKZnI6L技术，施工，管理等角度。` → `技术，施工，管理等角度。`
 */
import { Finding, Rule } from '../../types';
import { spanFinding } from '../helpers';

const RUN = /[A-Za-z0-9]{10,}/g;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Is this letter/digit run random: both cases, 2+ lone lower-case letters between upper-case letters/digits. */
export function isRandomToken(s: string): boolean {
  if (s.length < 10 || !/[A-Z]/.test(s) || !/[a-z]/.test(s)) return false;
  const lone = s.match(/(?<=[A-Z0-9])[a-z](?=[A-Z0-9])/g) || [];
  return lone.length >= 2;
}

export function randomTokens(text: string): { start: number; end: number; token: string }[] {
  const out: { start: number; end: number; token: string }[] = [];
  for (const m of text.matchAll(RUN)) {
    const a = m.index ?? 0;
    const b = a + m[0].length;
    if (!isRandomToken(m[0])) continue;
    const before = a > 0 ? text[a - 1] : '';
    const after = b < text.length ? text[b] : '';
    if (!(CJK.test(before) || CJK.test(after))) continue;
    out.push({ start: a, end: b, token: m[0] });
  }
  return out;
}

export const randomToken: Rule = {
  id: 'spam/random-token',
  category: 'spam',
  scope: 'span',
  locality: 'line',
  check(ctx): Finding[] {
    const out: Finding[] = [];
    // (indexed: the line cache hands the rule every line, those it serves blank, on every edit)
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank || line.text.length < 11) continue;
      for (const t of randomTokens(line.text)) {
        out.push(
          spanFinding(line.start + t.start, line.start + t.end, {
            rule: this.id,
            category: 'spam',
            message: `Random token glued into the text: “${t.token}”`,
            messageZh: `文本中插入的随机字符串：“${t.token}”`,
            score: 0.8,
            evidence: [t.token, 'mixed case with lone lower-case letters, glued to Chinese'],
            fixTitle: 'Remove the random token',
          }),
        );
      }
    }
    return out;
  },
};
