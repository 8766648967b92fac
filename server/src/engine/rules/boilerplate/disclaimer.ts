/**
 * boilerplate/disclaimer — disclaimers and site notices.
 *
 * Why: `免责声明:…`, `如涉及版权,请致电…`, `本文仅代表作者观点…` are the site's legal template.
 * How: cues from boilerplate-disclaimer.txt, near the start of a line up to 400 visible characters,
 * anywhere on lines up to 120.
 * Options: none.
 * Example: `免责声明:以上信息由网友自行发布…` → (line removed)
 */
import { cueRule } from './common';

export const disclaimer = cueRule({
  name: 'disclaimer',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  lex: 'boilerplate-disclaimer',
  maxInk: 400,
  anywhereMaxInk: 120,
  spareSentences: false,
  message: 'Disclaimer or site notice.',
  messageZh: '免责声明或网站提示。',
});
