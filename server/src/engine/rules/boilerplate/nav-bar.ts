/**
 * boilerplate/nav-bar — navigation bars: `网站首页 | 关于我们 | 联系方式`, `新闻 体育 财经 娱乐 科技`.
 *
 * Why: menus are runs of 2–4-character items joined by separators; they carry no sentence.
 * How: split the line on `|`, `丨`, `/`, `•`, spaced `·` (three or more items, each ≤ 12 and on average
 * ≤ 7 visible characters), or on white space (four or more items of ≤ 6, average ≤ 4.5); no sentence
 * punctuation. Middle dots inside names (`艾尔肯·吐尼亚孜`) are not separators.
 * Options: none.
 * Example: `网站首页  |  付款方式  |  关于我们  |  联系方式` → (line removed)
 */
import { cueRule } from './common';
import { inkLength, isJsSpace } from '../../text';

export function navItems(n: string): { items: string[]; by: 'pipe' | 'space' } | undefined {
  const s = n.trim();
  if (/[，。！？；]|[,.;!?]\s/.test(s)) return undefined;
  if (/[|丨/•┊]|\s·\s/.test(s)) {
    const bySlashOnly = !/[|丨•┊]|\s·\s/.test(s);
    const items = s.split(/\s*(?:[|丨/•┊]|\s·\s)\s*/).map((x) => x.trim()).filter(Boolean);
    const hanItems = items.filter((x) => /[\u4e00-\u9fff]/.test(x)).length;
    const ok = bySlashOnly ? items.length >= 4 && !items.some((x) => /\d|[A-Za-z]{3}|[\[\]]/.test(x)) : items.length >= 3;
    if (ok && hanItems >= items.length * 0.6) {
      const lens = items.map(inkLength);
      const avg = lens.reduce((a, b) => a + b, 0) / lens.length;
      if (Math.max(...lens) <= 12 && avg <= 7) return { items, by: 'pipe' };
    }
  }
  // four items need three runs of white space between them (the trimmed line's `\s+` splits): most lines have fewer
  let gaps = 0;
  for (let i = 1; i < s.length && gaps < 3; i++) if (isJsSpace(s.charCodeAt(i)) && !isJsSpace(s.charCodeAt(i - 1))) gaps++;
  if (gaps < 3) return undefined;
  const items = s.split(/\s+/).filter(Boolean);
  const hanItems = items.filter((x) => /[\u4e00-\u9fff]/.test(x)).length;
  if (items.length >= 4 && hanItems >= items.length * 0.75) {
    const lens = items.map(inkLength);
    const avg = lens.reduce((a, b) => a + b, 0) / lens.length;
    if (Math.max(...lens) <= 6 && avg <= 4.5) return { items, by: 'space' };
  }
  return undefined;
}

export const navBar = cueRule({
  name: 'nav-bar',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  maxInk: 150,
  message: 'Navigation bar.',
  messageZh: '导航栏。',
  extra: (n) => {
    const r = navItems(n);
    return r ? `${r.items.length} items split by ${r.by}` : undefined;
  },
});
