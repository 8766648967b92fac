/**
 * boilerplate/site-links — a block of links to other sites (friendly links, "our sites", government portals):
 * `广东人大网 广东政协网 阳光检务网 广东法院网 某某门户网`, with its short header (`党务政务网站`, `旗下网站`).
 *
 * Why: portals end the page with rows of other sites' names; each item names a site (…网, …网站, …日报,
 * …平台, server/data/lexicons/boilerplate-site.txt) and no sentence holds them together.
 * How: a line split on white space or `|` into 5+ items of at most 24 visible characters, without sentence
 * punctuation (，。！？；), where half the items or more end in a site word — or any such row right under a
 * header (3–8 visible characters ending in 网站/平台/链接/网群: `承建网站`, `外宣平台`), which goes too.
 * Options: none.
 * Example: `合作网站⏎某某日报 某某晚报 某某新闻网 某某门户网 某某在线` → both lines removed.
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { cues, lineShape, norm } from './common';
import { inkLength } from '../../text';
import { memoByText } from '../../memo';
import { nonBlankLines } from '../../segment';

function endsInSite(item: string): boolean {
  return cues('boilerplate-site', item).some((m) => m.end === item.length);
}

/** A block header: 3–8 visible characters naming a set of sites (`合作网站`, `外宣平台`, `友情链接`). */
function isHeader(text: string): boolean {
  const ink = lineShape(text).ink;
  return ink >= 3 && ink <= 8 && /(?:网站|平台|链接|网群)$/.test(norm(text).trim());
}

/** Items of a site-link row, or undefined; under a header (`headed`) the items need not name sites. */
export function siteLinks(text: string, headed = false): string[] | undefined {
  if ((text.trim().match(/[\s|｜丨]+/g) || []).length < 4) return undefined;
  const n = norm(text).trim();
  if (/[，。！？；,;!?]/.test(n)) return undefined;
  const items = n.split(/\s*[|｜丨]\s*|\s+/).filter(Boolean);
  if (items.length < 5 || items.some((x) => inkLength(x) > 24)) return undefined;
  const sites = items.filter(endsInSite).length;
  return headed || sites * 2 >= items.length ? items : undefined;
}

/** isHeader and siteLinks by line text (the text alone decides them; asked of every line on every analysis). */
const headerM = memoByText(isHeader);
const linksM = memoByText((text) => siteLinks(text) ?? null);
const headedLinksM = memoByText((text) => siteLinks(text, true) ?? null);

export const siteLinksRule: Rule = {
  id: 'boilerplate/site-links',
  category: 'boilerplate',
  scope: 'line',
  check(ctx): Finding[] {
    const out: Finding[] = [];
    const lines = nonBlankLines(ctx.lines);
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k];
      const prev = lines[k - 1];
      const headed = !!prev && headerM(prev.text);
      const items = (headed ? headedLinksM : linksM)(l.text);
      if (!items) continue;
      if (headed) {
        out.push(lineFinding(prev, ctx.lines, { rule: this.id, category: 'boilerplate', score: 0.7, message: 'Header of a list of links to other sites.', messageZh: '友情链接列表的标题。', evidence: ['header above a site-link row'] }));
      }
      out.push(lineFinding(l, ctx.lines, { rule: this.id, category: 'boilerplate', score: 0.8, message: 'Links to other sites.', messageZh: '其他网站的链接列表。', evidence: [`${items.length} items, ${items.filter(endsInSite).length} of them site names`] }));
    }
    return out;
  },
};
