/**
 * spam/seo-keywords — SEO keyword strings.
 *
 * Why: pages carry runs of short keywords separated by spaces or commas, without sentence punctuation,
 * e.g. `推广 热搜: 广州 SEO 贷款 深圳 医院 用户体验 网站建设`, or one keyword pattern repeated over and over
 * (`淄博口罩价格 山东口罩价格 临沂口罩价格`). Two signals, either suffices:
 *   1. ≥ 4 short tokens (≤ 8 characters), no 。！？, and commercial vocabulary (class `seo` in spam-ads, plus
 *      ad classes) adding up, or a 热搜/热门搜索/相关搜索 label;
 *   2. ≥ 3 tokens of which ≥ 60% share one substring of ≥ 3 Han characters (a repeated keyword pattern),
 *      with commercial vocabulary in most tokens and the line not being prose (footers of licences or of
 *      sister sites repeat 许可证 / 网 but sell nothing).
 * Keyword lists of a page's own tags (`标签: 防控 疫情`) share nothing and carry no commercial words: not flagged.
 * A `本文关键词:` line that carries a gambling brand is caught by spam/ad-lexicon.
 * Options: none.
 *
 * Before → after:
 *   推广 热搜: 广州 SEO 贷款 深圳 医院 网站建设⏎正文…   →   正文…
 */
import { Rule, Finding } from '../../types';
import { lineFinding } from '../helpers';
import { countHan } from '../../text';
import { lineSpamAds, spamAdsMatches, tokens, isProse } from './util';
import { isPlain } from '../../lexicon';
import { memoByText } from '../../memo';

/** Organisation and place suffixes: a list of companies or schools shares these, and is a directory, not SEO. */
const ORG_SUFFIX = /(有限公司|有限责任|股份|公司|经营部|加工厂|工厂|集团|委员会|管理局|研究院|研究所|大学|学院|医院|中学|小学|政府|街道|办事处|人民|中心)/;
/** A page's own meta-keyword and tag lines are boilerplate, not spam. */
const OWN_KEYWORDS = /^\s*(本文)?(关键词|关键字|标签|tags?)\s*[:：]/i;

/** Place names in the seo class only add up with other commercial words, never make a token commercial. */
const PLACE_ONLY = new Set(['深圳', '广州', '上海', '北京']);

const LABEL = /(热搜|热门搜索|相关搜索|热门关键词|热门城市|热门标签|推荐搜索|大家都在搜)\s*[:：]/;

/** The longest Han substring (≥ 3) shared by the most tokens. */
export function sharedPattern(toks: string[]): { pattern: string; count: number } {
  let best = { pattern: '', count: 0 };
  const hanToks = toks.map((t) => t.replace(/[^\u4e00-\u9fff]/g, '§'));
  const cands = new Map<string, number>();
  for (const t of hanToks) {
    const seen = new Set<string>();
    for (let len = 3; len <= 8; len++) {
      for (let i = 0; i + len <= t.length; i++) {
        const g = t.slice(i, i + len);
        if (g.includes('§') || seen.has(g)) continue;
        seen.add(g);
        cands.set(g, (cands.get(g) ?? 0) + 1);
      }
    }
  }
  for (const [g, c] of cands) {
    if (c > best.count || (c === best.count && g.length > best.pattern.length)) best = { pattern: g, count: c };
  }
  return best;
}

/**
 * The verdict on a line that passed check's quick tests (no full stop; a commercial word, or text that is
 * not plain): a function of its text, memoized (a line of keywords recurs on every page of a site).
 */
const seoVerdict = memoByText((text: string): { why: string[]; score: number } | null => {
  const all = lineSpamAds(text);
  const toks = tokens(text.replace(LABEL, ' '));
  if (toks.length < 3) return null;
  const short = toks.filter((t) => countHan(t) + t.replace(/[^A-Za-z]/g, '').length / 2 <= 8).length;
  const seo = all.filter((m) => m.cls === 'seo');
  const ad = all.filter((m) => m.cls !== 'seo');
  const weight = [...new Map([...seo, ...ad].map((m) => [m.term, m.weight])).values()].reduce((a, b) => a + b, 0);
  const distinctSeo = new Set(seo.map((m) => m.term)).size;
  let why: string[] | undefined;
  let score = 0;
  if (toks.length >= 4 && short / toks.length >= 0.8 && ((weight >= 1 && distinctSeo >= 2) || (LABEL.test(text) && weight >= 0.3))) {
    why = [...new Set([...seo, ...ad].map((m) => m.term))];
    score = Math.min(1, 0.5 + weight / 3);
  } else if ((!isProse(text) || toks.length >= 4) && !OWN_KEYWORDS.test(text)) {
    // a repeated pattern is SEO only with commercial vocabulary (价格, 厂家, 大全, 哪家好…) in the line
    // (counted first: the shared pattern costs more and is only needed then)
    const commercial = toks.filter((t) => spamAdsMatches(t).some((m) => m.weight >= 0.1 && !PLACE_ONLY.has(m.term))).length;
    if (commercial >= 3 && commercial / toks.length >= 0.5) {
      const p = sharedPattern(toks);
      if (p.count >= 3 && !ORG_SUFFIX.test(p.pattern) && p.count / toks.length >= 0.6 && toks.every((t) => countHan(t) <= 24)) {
        why = [p.pattern + ' ×' + p.count];
        score = Math.min(1, 0.5 + p.count / 10);
      }
    }
  }
  return why ? { why, score } : null;
});

export const seoKeywords: Rule = {
  id: 'spam/seo-keywords',
  category: 'spam',
  scope: 'line',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out: Finding[] = [];
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const text = line.text;
      // (the test reads the line itself: dropping `..`/`…` runs first, as this did, removes none of 。！？!?)
      if (/[。！？!?]/.test(text)) continue;
      const all = lineSpamAds(text);
      // both signals need commercial words: in the line (1), or in its tokens (2), which are pieces of the line
      // and match as it does when it is plain text (lexicon.ts) — most lines have none
      if (!all.length && isPlain(text)) continue;
      const v = seoVerdict(text);
      if (!v) continue;
      const { why, score } = v;
      out.push(
        lineFinding(line, ctx.lines, {
          rule: 'spam/seo-keywords',
          category: 'spam',
          message: `SEO keyword string (${why.slice(0, 5).join(', ')})`,
          messageZh: `SEO 关键词堆砌（${why.slice(0, 5).join('、')}）`,
          score,
          evidence: why,
          fixTitle: 'Remove keyword string',
        }),
      );
    }
    return out;
  },
};
