/**
 * boilerplate/title-suffix — the page `<title>` line with a site suffix.
 *
 * Why: crawlers keep the HTML title, `标题_栏目_站名` or `标题-新浪新闻`; the headline proper follows it.
 * How: near the top of the document (first 5 non-blank lines), or anywhere when joined with `_`: a line
 * split by `_`, `|`, ` - `, `——` whose tail segments are short (≤ 20 visible characters) and one of them
 * names a site (网, 新闻, 频道, 百科, 日报, .com … from boilerplate-site.txt).
 * Options: none.
 * Example: `某某书记:坚决把疫情控制在局部_热门快报_资讯_某某之家网` → (line removed)
 */
import { Finding } from '../../types';
import { lineFinding } from '../helpers';
import { Rule } from '../../types';
import { cues, lineShape, norm } from './common';
import { inkLength } from '../../text';
import { memoByText } from '../../memo';

const SEP = /\s*(?:_{1,2}|\||丨|\s[-–—]{1,2}\s|——|(?<=[^\d\sA-Za-z])[-–](?=[^\d\sA-Za-z]))\s*/;

export function titleSuffix(n: string): string | undefined {
  const parts = n.trim().split(SEP).filter((p) => p.trim());
  if (parts.length < 2) return undefined;
  const head = parts[0];
  if (inkLength(head) < 4) return undefined;
  const tail = parts.slice(1);
  if (tail.some((p) => inkLength(p) > 20)) return undefined;
  const site = tail.map((p) => cues('boilerplate-site', p)).find((ms) => ms.length);
  if (!site) return undefined;
  return `site suffix: ${tail.join(' | ')}`;
}

/**
 * The verdict on a line that may be a title (its evidence, or null), by its text alone (memoized: the top
 * lines and every line joined with `_` were split and searched again on every analysis).
 */
const verdictOf = memoByText((text: string): string | null => {
  const n = norm(text);
  if (lineShape(text).ink > 90 || /[。]$/.test(n.trim())) return null;
  return titleSuffix(n) ?? null;
});

export const titleSuffixRule: Rule = {
  id: 'boilerplate/title-suffix',
  category: 'boilerplate',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    let seen = 0;
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      seen++;
      const n = norm(line.text);
      // (tested first: past the top only a line joined with `_` can be a title, and most lines are not)
      if (seen > 5 && n.indexOf('_') < 0) continue;
      const ev = verdictOf(line.text);
      if (ev === null) continue;
      out.push(lineFinding(line, ctx.lines, {
        rule: 'boilerplate/title-suffix', category: 'boilerplate', score: seen <= 2 ? 0.9 : 0.75,
        message: 'Page title with a site suffix (the headline proper is kept).',
        messageZh: '带网站后缀的页面标题(正文标题保留)。',
        evidence: [ev, `non-blank line ${seen}`],
      }));
    }
    return out;
  },
};
