/**
 * boilerplate/metadata — date / source / author / view-count lines of the page template.
 *
 * Why: `日期:2021-10-04 来源:互联网 作者:某某 浏览:95`, `2021年01月21日 07:06 来源: 延边发布`,
 * `发布时间:2022-02-24 14:29:00来源: 山西日报` describe the page, not the article.
 * How: on a line of at most 100 visible characters that does not read like a sentence: two or more
 * metadata fields (`来源:`, `作者:`, `浏览:` … from boilerplate-metadata.txt), or one field plus a date, or a
 * date/time at the start followed by at most 20 characters without sentence punctuation (a bare date in a list);
 * a bare day + time (`28 16:39`).
 * Options: none.
 * Example: `日期:2021-10-04 01:23:30 来源:互联网 浏览:95` → (line removed)
 */
import { cueRule, cues, lineShape, mayHaveCue } from './common';

const DATE = /(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}:\d{2}(?::\d{2})?)/;
const FULL_DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}:\d{2}/;
const LEAD_DATE = new RegExp('^[\\s\\[(【]*' + DATE.source + '(?:\\s*' + DATE.source + ')?');

export const metadata = cueRule({
  name: 'metadata',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  maxInk: 100,
  message: 'Metadata line (date, source, author, views).',
  messageZh: '元信息行(日期、来源、作者、浏览量)。',
  extra: (n, line) => {
    const shape = lineShape(line.text);
    if (shape.sentence && shape.ends) return undefined;
    // every test below needs a field (a cue word followed by a colon, or a strong one opening the line), an
    // ASCII digit or a relative day (刚刚, 昨天, 前天…): most lines have none of them
    if (!/[0-9刚昨前:：]/.test(n) && !mayHaveCue('boilerplate-metadata', n, 0, 1)) return undefined;
    const ms = cues('boilerplate-metadata', n);
    const boundary = (m: { start: number }) => m.start === 0 || /[\s\d\p{P}|丨]/u.test(n[m.start - 1]);
    const fields = ms.filter((m) => boundary(m) && (/^\s*[:：]/.test(n.slice(m.end)) || (m.weight >= 1 && /^\s*\S/.test(n.slice(m.end)) && m.start === 0)));
    const hasDate = DATE.test(n);
    if (fields.length >= 2) return `fields: ${fields.map((m) => m.term).join(' ')}`;
    if (fields.length === 1 && (hasDate || fields[0].start <= 1) && shape.commas === 0 && shape.ink <= 60) return `field: ${fields[0].term}${hasDate ? ' + date' : ''}`;
    if (/^\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$/.test(n.trim())) return 'day and time';
    if (/\d+\s*(?:秒|分钟|小时|天|周|个月)前|(?:^|[·•\s])(?:刚刚|昨天|前天|昨日|前日)$/.test(n) && shape.ink <= 30 && shape.commas === 0) return 'relative time';
    const lead = n.match(LEAD_DATE);
    if (lead && FULL_DATE.test(lead[0])) {
      const rest = n.slice(lead[0].length);
      const restInk = rest.replace(/\s/g, '').length;
      if (restInk <= 20 && !/[,，。!?！？;；]/.test(rest)) return 'date at line start';
      if (fields.length === 1) return `date + field: ${fields[0].term}`;
    }
    return undefined;
  },
});
