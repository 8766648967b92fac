/**
 * spam/ad-lexicon — gambling, porn, loan and fake-medicine advertising lines.
 *
 * Why: crawled pages carry injected ad lines (`国产精品…无码…`, `秒速赛车开奖结果网址`). Each line is scored
 * with the graded lexicon `spam-ads` (Aho-Corasick): strong terms (weight 1) flag alone, weak terms need
 * company in the same line (scores add up per class, distinct terms only). Lines that report on a
 * crackdown (警方, 查处, 涉嫌…) in real sentences are damped, so news about 赌博 stays content.
 * A line that is a real sentence with a brand glued in is left to spam/glued-span.
 * Options: none (threshold 1.0 per class).
 *
 * Before → after:
 *   国产精品福利在线无码卡一,亚洲欧洲无码中文字幕⏎正文…   →   正文…
 */
import { Rule } from '../../types';
import { lineFinding } from '../helpers';
import { judgeLineDefault, SPAM_LABEL } from './util';

export const adLexicon: Rule = {
  id: 'spam/ad-lexicon',
  category: 'spam',
  scope: 'line',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out = [];
    // (indexed: the line cache hands the rule every line, those it serves blank, on every edit)
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const v = judgeLineDefault(line.text);
      if (!v || v.kind !== 'line') continue;
      const [en, zh] = SPAM_LABEL[v.cls] ?? ['advertising', '广告'];
      out.push(
        lineFinding(line, ctx.lines, {
          rule: 'spam/ad-lexicon',
          category: 'spam',
          message: `Spam line: ${en} (${v.evidence.slice(0, 5).join(', ')})`,
          messageZh: `垃圾行：${zh}（${v.evidence.slice(0, 5).join('、')}）`,
          score: v.score,
          evidence: v.evidence,
          fixTitle: 'Remove spam line',
        }),
      );
    }
    return out;
  },
};
