/**
 * boilerplate/copyright — copyright lines and reprint notices.
 *
 * Why: `版权所有`, `Copyright © 2000-2024`, `未经授权禁止转载` are site footers.
 * How: cues from boilerplate-copyright.txt: near the start of a line of any length up to 300 visible
 * characters, anywhere on lines up to 80.
 * Options: none.
 * Example: `版权所有 © 某某网 未经授权禁止转载` → (line removed)
 */
import { cueRule } from './common';

export const copyright = cueRule({
  name: 'copyright',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  lex: 'boilerplate-copyright',
  maxInk: 300,
  anywhereMaxInk: 80,
  spareSentences: false,
  message: 'Copyright or reprint notice.',
  messageZh: '版权或转载声明。',
});
