/**
 * spam/glued-span — a gambling or porn brand glued inside a content sentence.
 *
 * Why: hacked pages splice `王者威尼斯人现金网网址：` into the middle of real article sentences. Flagging the
 * whole line would lose the article, so only the brand span is flagged (grown to its glued prefix, suffixes
 * such as 网址/官网/app, a trailing colon, or wrapping quotes) and the fix removes just that span.
 * Used only when what is left is still prose or a headline; otherwise spam/ad-lexicon flags the line. A porn
 * word that is no brand (`人妻`, weight under 1) counts only when dressed as a site name (a suffix such as 网址/app,
 * or wrapping quotes): in running text it is a word of the sentence.
 * Options: none.
 *
 * Before → after:
 *   3时10分，王者威尼斯人现金网网址：某县某公司发生一起事故。   →   3时10分，某县某公司发生一起事故。
 */
import { Rule } from '../../types';
import { spanFinding } from '../helpers';
import { judgeLineDefault } from './util';

export const gluedSpan: Rule = {
  id: 'spam/glued-span',
  category: 'spam',
  scope: 'span',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out = [];
    // (indexed: the line cache hands the rule every line, those it serves blank, on every edit)
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const v = judgeLineDefault(line.text);
      if (!v || v.kind !== 'spans') continue;
      for (const sp of v.spans) {
        const txt = line.text.slice(sp.start, sp.end);
        out.push(
          spanFinding(line.start + sp.start, line.start + sp.end, {
            rule: 'spam/glued-span',
            category: 'spam',
            message: `Spam glued into a sentence: “${txt}”`,
            messageZh: `句中插入的垃圾广告：“${txt}”`,
            score: v.score,
            evidence: sp.terms,
            fixTitle: 'Remove the glued spam',
          }),
        );
      }
    }
    return out;
  },
};
