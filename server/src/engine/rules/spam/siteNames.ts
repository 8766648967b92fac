/**
 * spam/site-names — lists of gambling / porn site names.
 *
 * Why: link farms append lines such as `xx国际ag代理 xx现金直营 xx电玩城手机版 xx娱乐代理网址` — several short
 * names, each a brand plus a site suffix (国际, 娱乐, 官网, 平台, 网址, 登入, 客户端, 手机版, app…). Any single
 * name may be weak, but a line where most tokens are such names and the gambling vocabulary adds up is spam.
 * Runs after spam/ad-lexicon (phase 1) and skips lines already flagged.
 * Options: none.
 *
 * Before → after:
 *   盛世棋牌 bb电子网址 博发游戏最高返水 皇冠国际充值佣金⏎正文…   →   正文…
 */
import { Rule, Finding } from '../../types';
import { lineFinding } from '../helpers';
import { adMatches, adScore, hasAdTerm, spamCoveredLines, tokens, isProse } from './util';
import { memoByText } from '../../memo';
import { countHan } from '../../text';

const NAME_SUFFIX = /(国际|娱乐|官网|平台|网址|登入|登录|客户端|手机版|app|APP|直营|代理|游戏|棋牌|电子|电玩城|开户|注册|下载|导航|彩票|体育)$/;

/** adScore(t).maxWeight: the strongest advertising term's weight (0 without one). */
function maxAdWeight(t: string): number {
  let w = 0;
  for (const m of adMatches(t)) if (m.weight > w) w = m.weight;
  return w;
}

export function nameLikeShare(text: string): { names: string[]; share: number; n: number } {
  const toks = tokens(text).filter((t) => countHan(t) + t.replace(/[^A-Za-z0-9]/g, '').length > 0);
  const names = toks.filter((t) => t.length <= 16 && (NAME_SUFFIX.test(t) || maxAdWeight(t) >= 0.4));
  return { names, share: toks.length ? names.length / toks.length : 0, n: toks.length };
}

interface NameList {
  cls: string;
  names: string[];
  share: number;
}

/** A line that is a list of gambling or porn site names, or null (memoized by text: the verdict depends on the text alone). */
const nameList = memoByText((text: string): NameList | null => {
  // a verdict needs adScore(text).total >= 0.6, so an advertising term in the line: most lines have none
  if (!hasAdTerm(text)) return null;
  if (/[。！？]/.test(text) && isProse(text)) return null;
  const { names, share, n } = nameLikeShare(text);
  if (n >= 3 && names.length >= 3 && share >= 0.5) {
    const s = adScore(text);
    if ((s.cls === 'gambling' || s.cls === 'porn') && s.total >= 0.6 && !s.damped) return { cls: s.cls, names, share };
  }
  return null;
});

export const siteNames: Rule = {
  id: 'spam/site-names',
  category: 'spam',
  scope: 'line',
  phase: 1,
  check(ctx) {
    const out: Finding[] = [];
    // the lines earlier spam findings cover only once a line is a list of names (most pages have none): a pass
    // over every prior finding and the lines it touches on every edit otherwise
    let done: Set<number> | undefined;
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const v = nameList(line.text);
      if (!v) continue;
      done ??= spamCoveredLines(ctx);
      if (done.has(line.index)) continue;
      const { names, share } = v;
      out.push(
        lineFinding(line, ctx.lines, {
          rule: 'spam/site-names',
          category: 'spam',
          message: `List of ${v.cls} site names`,
          messageZh: v.cls === 'porn' ? '色情网站名列表' : '赌博网站名列表',
          score: Math.min(1, 0.5 + share / 2),
          evidence: names.slice(0, 6),
          fixTitle: 'Remove spam line',
        }),
      );
    }
    return out;
  },
};
