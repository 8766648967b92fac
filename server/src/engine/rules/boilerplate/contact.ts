/**
 * boilerplate/contact — contact footers and "about us" links.
 *
 * Why: `联系电话:…`, `地址:… 邮政编码:…`, `关于我们 | 联系我们` belong to the site, not the article.
 * How: cues from boilerplate-contact.txt on a line of at most 80 visible characters that does not read
 * like a sentence (or with the cue at the line start), in the top 15 % or the bottom 40 % of the document
 * (a hotline in the middle of an article is content).
 * Options: none.
 * Example: `制作单位:某某网丨地址:拉萨市某路36号丨邮政编码:850000` → (line removed)
 */
import { cueRule } from './common';

export const contact = cueRule({
  name: 'contact',
  lex: 'boilerplate-contact',
  maxInk: 80,
  extraGate: (line, ctx) => {
    // a contact cue in the middle of a long document is often content (an event's hotline); footers sit at the ends
    const pos = line.index / Math.max(1, ctx.lines.length - 1);
    return pos <= 0.15 || pos >= 0.6;
  },
  message: 'Contact or “about us” footer.',
  messageZh: '联系方式或“关于我们”页脚。',
});
