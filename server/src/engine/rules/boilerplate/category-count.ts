/**
 * boilerplate/category-count — a category or tag entry with its article count (`办公室装修 (12篇) 展开 列表`,
 * `行业新闻（35条）`).
 *
 * Why: listing and archive pages label each category with the number of posts in it; the count in brackets
 * and the expand/list toggles are the template's. An article never writes a bare `名称 (N篇)` line.
 * How: a line of at most 30 visible characters made of a name, a bracketed count with a unit
 * (篇/条/个/则/部/款/期/项) and optionally toggle words (展开, 收起, 列表, 更多, 全部); no sentence punctuation.
 * boilerplate/listing-page takes such a line as evidence that the page is a listing.
 * Options: none.
 * Example: `茶叶知识 (56篇) 展开 列表` → (line removed)
 */
import { Rule } from '../../types';
import { lineRule } from '../helpers';
import { lineShape, norm } from './common';

const COUNT = /^[^\s()（）,，。!！?？;；]{2,20}\s*\(\s*\d{1,6}\s*[篇条个则部款期项]\s*\)(?:\s*(?:展开|收起|列表|更多|全部|>+|»))*$/;

export function isCategoryCount(text: string): boolean {
  if (text.length > 60 || !/[篇条條个個则則部款期项項]\s*[)）]/.test(text)) return false;
  const n = norm(text).trim();
  return lineShape(text).ink <= 30 && COUNT.test(n);
}

export const categoryCount: Rule = lineRule({
  id: 'boilerplate/category-count',
  category: 'boilerplate',
  score: 0.85,
  message: 'Category entry with its article count (listing page).',
  messageZh: '带文章数的分类条目(列表页)。',
  judge: (text) => (isCategoryCount(text) ? 'name + bracketed count' : undefined),
});
