/**
 * boilerplate/contact — contact footers and "about us" links.
 *
 * Why: `联系电话:…`, `地址:… 邮政编码:…`, `关于我们 | 联系我们` belong to the site, not the article.
 * How: cues from boilerplate-contact.txt on a line of at most 80 visible characters that does not read
 * like a sentence (or with the cue at the line start).
 * Options: none.
 * Example: `制作单位:某某网丨地址:拉萨市某路36号丨邮政编码:850000` → (line removed)
 */
import { cueRule } from './common';

export const contact = cueRule({
  name: 'contact',
  lex: 'boilerplate-contact',
  maxInk: 80,
  message: 'Contact or “about us” footer.',
  messageZh: '联系方式或“关于我们”页脚。',
});
