/**
 * boilerplate/pagination — previous / next links and page-number bars.
 *
 * Why: `上一篇：…`, `下一篇：…`, `首页 上一页 1 2 3 下一页 尾页` are navigation, not text.
 * How: cues from boilerplate-pagination.txt at the start of a line (≤ 80 visible characters), anywhere on
 * short lines, and bars of page numbers (`|<<1234下一页>>|`, `1 2 3 4 5 … 下一页`).
 * Options: none.
 * Example: `上一篇：白癜风对青年人有什么危害?` → (line removed)
 */
import { cueRule } from './common';

/** The characters of a page bar (the class of the `page bar` test below); both bar tests need a line of only these. */
const BAR_CHARS = /^[\d\s<>«»|.…\[\]首页上一下尾末]$/;
let barUnits: Uint8Array | undefined;
function onlyBarChars(n: string): boolean {
  if (!barUnits) {
    barUnits = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (BAR_CHARS.test(String.fromCharCode(c))) barUnits[c] = 1;
  }
  for (let i = 0; i < n.length; i++) if (barUnits[n.charCodeAt(i)] === 0) return false;
  return true;
}

export const pagination = cueRule({
  name: 'pagination',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  lex: 'boilerplate-pagination',
  maxInk: 80,
  anywhereMaxInk: 30,
  startWithin: undefined,
  minCover: 0.6,
  spareSentences: false,
  message: 'Pagination or previous/next link.',
  messageZh: '翻页或上一篇/下一篇链接。',
  extra: (n) => {
    // a run of page numbers or a page bar is made of bar characters only (the words replaced below are too):
    // any other character (most lines) leaves only the `page x of y` test
    if (!onlyBarChars(n)) return /^第?\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页/.test(n) ? 'page x of y' : undefined;
    const bar = n.replace(/首页|上一页|下一页|尾页|末页|[<>«»|\[\]\s.…]/g, ' ');
    const nums = bar.trim().split(/\s+/).filter(Boolean);
    if (nums.length >= 3 && nums.every((x) => /^\d{1,3}$/.test(x)) && /\d\s*[\s|\]]\s*\d/.test(n.replace(/[<>]/g, ' '))) return 'run of page numbers';
    if (/(?:上一页|下一页)/.test(n) && /^[\d\s<>«»|.…\[\]首页上一下尾末]+$/.test(n)) return 'page bar';
    if (/^第?\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页/.test(n)) return 'page x of y';
    return undefined;
  },
});
