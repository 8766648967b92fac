/**
 * boilerplate/dated-list — a list of other pages' headlines, each stamped with its date
 * (`全画幅单反售价再降 2008-04-28 05:20`, `[04-28] 市政府召开常务会议`, bare `28 16:39`).
 *
 * Why: "latest news", "other articles by this author" and archive boxes print title + date per line; an
 * article's own paragraphs do not end in a time stamp line after line.
 * How: a line is dated when it starts or ends with a date stamp (`2008-04-28`, `2008/4/28`, `2008年4月28日`,
 * `04-28`, optionally with `HH:MM`), possibly in brackets, and what is left is a headline (at most 50 visible
 * characters, no full stop inside), or nothing but a day and a time (`28 16:39`). 3+ dated lines in a run are
 * flagged; one short line without sentence punctuation between two dated lines (the list's header:
 * `某某的其他文章`) goes with them.
 * Options: none.
 * Example: `相关文章⏎甲地召开防汛会议 2021-06-01⏎乙地启动应急响应 2021-06-03⏎丙地发布暴雨预警 2021-06-05` → the three dated lines removed.
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape, norm } from './common';
import { memoByText } from '../../memo';
import { nonBlankLines } from '../../segment';

const D = '(?:(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?|\\d{1,2}[-/]\\d{1,2}|\\d{1,2}月\\d{1,2}日)(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?';
const TAIL = new RegExp('[\\s(（\\[【]*' + D + '\\s*[)）\\]】]?\\s*$');
const HEAD = new RegExp('^\\s*[(（\\[【]?\\s*' + D + '\\s*[)）\\]】]?');
const BARE = /^\s*\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*$/;

/** isDatedLine by line text (asked of every line on every analysis). */
const isDatedLineM = memoByText(isDatedLine);

/** Is this line a dated headline (or a bare day + time)? */
export function isDatedLine(text: string): boolean {
  if (!/[0-9０-９]/.test(text) || text.length > 120) return false;
  const n = norm(text).trim();
  if (BARE.test(n)) return true;
  const m = n.match(TAIL) ?? n.match(HEAD);
  if (!m || m.index === undefined) return false;
  const rest = (n.slice(0, m.index) + n.slice(m.index + m[0].length)).trim();
  const ink = rest.replace(/\s/g, '').length;
  if (ink < 4 || ink > 50) return false;
  if (/[。！？!?]./.test(rest) || /[，,].*[，,].*[，,]/.test(rest)) return false;
  return /[\u4e00-\u9fff]/.test(rest);
}

/** isDatedLineM of the current analysis's non-blank lines, reused (no array per analysis). */
let datedScratch = new Uint8Array(256);

export const datedList: Rule = {
  id: 'boilerplate/dated-list',
  category: 'boilerplate',
  scope: 'block',
  check(ctx): Finding[] {
    const lines = nonBlankLines(ctx.lines);
    if (datedScratch.length < lines.length) datedScratch = new Uint8Array(lines.length);
    const dated = datedScratch;
    for (let k = 0; k < lines.length; k++) dated[k] = isDatedLineM(lines[k].text) ? 1 : 0;
    const out: Finding[] = [];
    let k = 0;
    while (k < lines.length) {
      if (!dated[k]) {
        k++;
        continue;
      }
      // grow a run: dated lines, with at most one short header-like line between two of them
      const run = [k];
      let j = k + 1;
      while (j < lines.length) {
        if (dated[j]) run.push(j++);
        else if (j + 1 < lines.length && dated[j + 1] && lineShape(lines[j].text).ink <= 16 && lineShape(lines[j].text).punct === 0) {
          run.push(j, j + 1);
          j += 2;
        } else break;
      }
      let n = 0;
      for (let r = 0; r < run.length; r++) if (dated[run[r]]) n++;
      if (n >= 3) {
        for (const i of run) {
          out.push(lineFinding(lines[i], ctx.lines, { rule: this.id, category: 'boilerplate', score: dated[i] ? 0.8 : 0.6, message: dated[i] ? 'Dated headline of a list of other pages.' : 'Header of a list of dated headlines.', messageZh: dated[i] ? '其他页面列表中带日期的标题。' : '带日期标题列表的标题行。', evidence: [`${n} dated lines in a row`] }));
        }
      }
      k = j;
    }
    return out;
  },
};
