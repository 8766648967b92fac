/**
 * artifact/html-tag — stray HTML tags and comments inside a line of text (`<br>`, `</p><p>`,
 * `<span class="x">`, `<!-- ad -->`) left by a careless extractor.
 *
 * Why: the gold clean text removes them and keeps the words around them. Only known HTML element
 * names count (so `<未来>` and `a<b>c` math stay), lines made only of tags are skipped (injected
 * markup: the spam rules), and so are lines that are mostly markup (an HTML snippet someone posted)
 * or written in markdown (`![](…)`, `` `code` ``), where inline HTML is the author's.
 * Options: none.
 *
 *   会议强调<br/>要坚持 → 会议强调要坚持        <span>记者</span>张三 → 记者张三
 */
import { Finding, Rule } from '../../types';
import { spanFinding } from '../helpers';
import { htmlTags } from './chars';
import { inkLength } from '../../text';

const ID = 'artifact/html-tag';
/** Skip lines with more than MAX_TAGS tags that hold more than MAX_MARKUP_SHARE of the visible characters. */
const MAX_MARKUP_SHARE = 0.5;
const MAX_TAGS = 3;
/** Markdown links/images or code spans: a post written in markup, not a stray tag. */
const MARKDOWN = /\]\(\S+\)|`[^`]+`/;

export const htmlTag: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out: Finding[] = [];
    // (indexed: the line cache hands the rule every line, those it serves blank, on every edit)
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank || !line.text.includes('<')) continue;
      const tags = htmlTags(line.text);
      if (!tags.length) continue;
      if (MARKDOWN.test(line.text)) continue; // markdown with inline HTML: the markup is the author's
      let tagInk = 0;
      let rest = '';
      let pos = 0;
      for (const t of tags) {
        tagInk += inkLength(line.text.slice(t.start, t.end));
        rest += line.text.slice(pos, t.start);
        pos = t.end;
      }
      rest += line.text.slice(pos);
      const restInk = inkLength(rest);
      if (restInk === 0) continue; // markup only: injected HTML
      if (tags.length > MAX_TAGS && tagInk / (tagInk + restInk) > MAX_MARKUP_SHARE) continue; // mostly markup: a snippet
      for (const t of tags) {
        const s = line.text.slice(t.start, t.end);
        out.push(
          spanFinding(line.start + t.start, line.start + t.end, {
            rule: ID,
            category: 'artifact',
            message: `Stray HTML ${t.name ? 'tag' : 'comment'} ${s.length > 40 ? s.slice(0, 37) + '…' : s}`,
            messageZh: `残留 HTML ${t.name ? '标签' : '注释'}`,
            score: 0.9,
            evidence: [t.name ?? '<!-- -->'],
            fixTitle: 'Remove the HTML tag',
          }),
        );
      }
    }
    return out;
  },
};
