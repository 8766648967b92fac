/**
 * boilerplate/related-links — "more", related, recommended and ranking list headers.
 *
 * Why: `更多>>`, `推荐阅读`, `相关新闻`, `点击排行` introduce lists of other pages' headlines.
 * How: cues from boilerplate-related.txt on a short line (≤ 30 visible characters; a cue anywhere on
 * lines up to 20). The list items themselves are judged by boilerplate/context (phase 1).
 * Options: none.
 * Example: `更多>同类资讯` → (line removed)
 */
import { cueRule } from './common';

export const relatedLinks = cueRule({
  name: 'related-links',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  lex: 'boilerplate-related',
  maxInk: 30,
  anywhereMaxInk: 20,
  minCover: 0.6,
  message: 'Header of a “more” / related / recommended list.',
  messageZh: '“更多”/相关/推荐列表的标题。',
});
