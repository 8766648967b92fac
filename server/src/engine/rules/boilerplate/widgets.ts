/**
 * boilerplate/widgets — comment, share, print, login, app-download and reaction widgets.
 *
 * Why: page chrome such as `评论一下`, `还没有评论,快来抢沙发吧!`, `分享到`, `下载客户端` is never article text.
 * How: cue phrases from server/data/lexicons/boilerplate-widgets.txt; a short line (≤ 40 visible characters)
 * with a strong cue, or made mostly of weak widget words (`分享 收藏 打印`), is flagged. Sentences are spared.
 * Options: none.
 * Example: `评论 0人参与,0条评论` → (line removed)
 */
import { cueRule } from './common';

export const widgets = cueRule({
  name: 'widgets',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  lex: 'boilerplate-widgets',
  maxInk: 40,
  anywhereMaxInk: 30,
  minCover: 0.6,
  message: 'Page widget (comment, share, login, app prompt), not article text.',
  messageZh: '页面控件(评论、分享、登录、下载提示),不是正文。',
});
