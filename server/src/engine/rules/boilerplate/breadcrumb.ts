/**
 * boilerplate/breadcrumb — breadcrumb trails such as `首页 > 新闻 > 时政 > 标题`, `当前位置:首页>>正文`.
 *
 * Why: the trail repeats the site's section names; the headline at its end appears again below.
 * How: a line of at most 120 visible characters with two or more `>` / `»` / `›` / `→` separators whose
 * segments before the last are short (≤ 10), or one separator between two short segments, or a line
 * starting with a location cue (`当前位置`, `您的位置`) or `首页` followed by a separator.
 * Options: none.
 * Example: `首页 > 新闻 > 时政 > 田锦尘:毫不放松筑牢疫情防控严密防线` → (line removed)
 */
import { cueRule } from './common';
import { inkLength } from '../../text';

const ARROW = /\s*(?:>{1,2}|»|›|→|-->|>>)\s*/;

export const breadcrumb = cueRule({
  name: 'breadcrumb',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  maxInk: 120,
  message: 'Breadcrumb trail.',
  messageZh: '面包屑导航。',
  extra: (n) => {
    const s = n.trim().replace(/^(?:\d+\.\s*)/, '');
    if (/^(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|位置)\s*[:：]/.test(s)) return 'location cue';
    if (!ARROW.test(s)) return undefined;
    const segs = s.split(ARROW).map((x) => x.trim());
    const nonEmpty = segs.filter(Boolean);
    if (/^>\s*\S{1,6}$/.test(s)) return 'trail tail';
    if (nonEmpty.length < 2) return undefined;
    const inner = nonEmpty.slice(0, -1);
    if (inner.some((x) => inkLength(x) > 10)) return undefined;
    if (/^(?:首页|主页|网站首页|返回首页)$/.test(nonEmpty[0])) return `trail from ${nonEmpty[0]}`;
    const seps = segs.length - 1;
    if (seps >= 2 && !/[。！？]$/.test(s)) return `${seps} separators`;
    if (seps === 1 && nonEmpty.every((x) => inkLength(x) <= 10) && !/[,，。]/.test(s)) return 'short trail';
    return undefined;
  },
});
