/**
 * boilerplate/contact — contact footers and "about us" links.
 *
 * Why: `联系电话:…`, `地址:… 邮政编码:…`, `关于我们 | 联系我们` belong to the site, not the article.
 * How: cues from boilerplate-contact.txt on a line of at most 80 visible characters that does not read
 * like a sentence (or with the cue at the line start), in the top 15 % or the bottom 40 % of the document
 * (a hotline in the middle of an article is content); a cue repeated on three or more lines is a listing's
 * field, not a footer, and is left alone.
 * Options: none.
 * Example: `制作单位:某某网丨地址:拉萨市某路36号丨邮政编码:850000` → (line removed)
 */
import { AnalysisContext } from '../../types';
import { cueRule, cues, mayHaveCue, norm } from './common';
import { memoByText } from '../../memo';

const NONE: readonly string[] = [];
/**
 * The distinct contact cue words of a line (memoized by text: asked of every line on every analysis); a line
 * where no cue can start (most) gets the shared empty list without the search.
 */
const termsOf = memoByText((text): readonly string[] => {
  const n = norm(text);
  return mayHaveCue('boilerplate-contact', n) ? [...new Set(cues('boilerplate-contact', n).map((m) => m.term))] : NONE;
});

/** Cue words found on three or more lines of a document: a listing's field (`咨询电话:` per item), not a footer. */
const cache = new WeakMap<AnalysisContext, Set<string>>();
function commonCues(ctx: AnalysisContext): Set<string> {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const n = new Map<string, number>();
  const lines = ctx.lines;
  for (let k = 0; k < lines.length; k++) {
    if (lines[k].blank) continue;
    const ts = termsOf(lines[k].text);
    for (let q = 0; q < ts.length; q++) n.set(ts[q], (n.get(ts[q]) ?? 0) + 1);
  }
  const common = new Set([...n].filter(([, c]) => c >= 3).map(([t]) => t));
  cache.set(ctx, common);
  return common;
}

export const contact = cueRule({
  name: 'contact',
  lex: 'boilerplate-contact',
  maxInk: 80,
  extraGate: (line, ctx) => {
    // a contact cue in the middle of a long document is often content (an event's hotline); footers sit at the ends
    const pos = line.index / Math.max(1, ctx.lines.length - 1);
    if (!(pos <= 0.15 || pos >= 0.6)) return false;
    const ts = termsOf(line.text);
    // no code unit of the line starts a cue (most lines): no cue, so no verdict either way (the verdict needs
    // a cue of the same lexicon in the same normalized text) — the gate says so without the page's counts
    if (ts === NONE) return false;
    const common = commonCues(ctx);
    for (let q = 0; q < ts.length; q++) if (common.has(ts[q])) return false;
    return true;
  },
  message: 'Contact or “about us” footer.',
  messageZh: '联系方式或“关于我们”页脚。',
});
