/**
 * boilerplate/listing-page — document-level verdict (phase 2): the whole page is a listing (article-list,
 * tag or search page, product catalogue, stock or yellow-page list), so nothing on it is content.
 *
 * Why: on such a page the cue and block rules catch most lines, but the few lines they leave (a stray title,
 * an item count, one product description) are then kept as "content" — and a page with no content at all
 * scores zero for every line kept. The decision has to be taken for the page, not for the line.
 * How (uses `ctx.prior`: every boilerplate/spam finding of phases 0–1):
 * 1. residue — earlier rules already judged 45 %+ of the page's ink junk, the page has 5+ lines, a fifth of
 *    them look mass-produced (cut off with `…`, or sharing their first or last three characters, in shape,
 *    with 2+ other lines: `…证券营业部`, `导读:…`), and not one line left over reads as a full sentence (15+ characters with sentence punctuation, not cut off with
 *    `…`/`...`, not starting mid-sentence): what is left is titles, labels and truncated excerpts. Also when
 *    80 %+ is already junk, a third of the lines look mass-produced and one lone sentence of under 60
 *    characters is all that is left (a teaser's lead, not an article).
 * 2. catalogue — 5+ lines, at most three lines apart, end in the same template tail (the last two space-separated tokens of the line's
 *    shape, digits → 0, Latin runs → a, with at least one Han character: `… 不详 洽询 0小时内`), the span from
 *    the first to the last such record holds 70 %+ of the page's ink, and outside it there is no full sentence
 *    line (≤ 1, under 80 characters).
 * 3. listing cue — a line that only listings and directories print (boilerplate/category-count: `装修 (12篇) 展开 列表`;
 *    boilerplate/directory-entry: record fields, a pasted `[‘…’, ‘…’]` list) and not one line left over is a complete
 *    sentence (a full sentence that also ends with a sentence end: a teaser cut off mid-clause does not), at most
 *    8 lines left: what is left is labels, names and cut-off excerpts.
 * Every way, every line not yet covered gets a finding that removes it; the evidence says which test fired.
 * When spam/spam-page also judges the page, this rule leaves the verdict to it (one finding per line).
 * A news article with a related-links list keeps its article: its paragraphs are full sentences the earlier
 * rules leave alone (test 1), and it lies outside the list of records (test 2).
 * Options: none.
 * Example: `电子地图⏎平罗电子地图…⏎宁夏地图大全,…⏎地址:宁夏…` with the list lines already flagged → every line removed.
 */
import { Finding, Rule } from '../../types';
import { pageView, wipe, shapeOf, pct, LineInfo, TRUNCATED } from './page-evidence';
import { norm } from './common';
import { spamPage } from '../spam/spam-page';
import { memoByText } from '../../memo';

const MIN_LINES = 5;
/** Rules whose findings only listing and directory pages produce. */
const LISTING_CUES = new Set(['boilerplate/category-count', 'boilerplate/directory-entry']);

/** A full sentence that also ends like one (not cut off mid-clause). */
function complete(l: LineInfo): boolean {
  return l.full && endsComplete(l.text);
}
const endsComplete = memoByText((text) => /[。！？!?」』”）)]$/.test(norm(text).trim()));

function templateTail(l: LineInfo): string | undefined {
  return tailOf(l.text) || undefined;
}
/** The template tail of a line's text ('' for none), memoized by text. */
const tailOf = memoByText((text: string): string => {
  const toks = shapeOf(text).split(' ').filter(Boolean);
  if (toks.length < 3) return '';
  const tail = toks.slice(-2).join(' ');
  return /[\u4e00-\u9fff]/.test(tail) ? tail : '';
});

/** What `templated` asks of one line's shape: long enough (6+ code points), its first and last 3 code units, cut off. */
interface TemplateKey {
  s: string;
  long: boolean;
  head: string;
  tail: string;
  cut: boolean;
}
const templateKey = memoByText((text: string): TemplateKey => {
  const s = shapeOf(text);
  return { s, long: [...s].length >= 6, head: s.slice(0, 3), tail: s.slice(-3), cut: TRUNCATED.test(s) };
});

/**
 * Lines that look mass-produced: cut off with `…`/`...`, or sharing their first or last three characters
 * (in shape: digits → 0, Latin → a) with 2+ other lines of 6+ characters (`…证券营业部`, `导读:…`, `…电子地图`).
 */
export function templated(lines: readonly LineInfo[]): number {
  const keys = lines.map((l) => templateKey(l.text));
  const head = new Map<string, number>();
  const tail = new Map<string, number>();
  for (let kI = 0, keysArr = keys; kI < keysArr.length; kI++) {
    const k = keysArr[kI];
    if (!k.long) continue;
    head.set(k.head, (head.get(k.head) ?? 0) + 1);
    tail.set(k.tail, (tail.get(k.tail) ?? 0) + 1);
  }
  let n = 0;
  for (let q = 0; q < keys.length; q++) {
    const k = keys[q];
    if (k.cut || (k.long && ((head.get(k.head) ?? 0) >= 3 || (tail.get(k.tail) ?? 0) >= 3))) n++;
  }
  return n;
}

export const listingPage: Rule = {
  id: 'boilerplate/listing-page',
  category: 'boilerplate',
  scope: 'document',
  phase: 2,
  check(ctx): Finding[] {
    const view = pageView(ctx);
    if (!view.ink) return [];
    const share = view.junkInk / view.ink;
    const base = { rule: this.id, category: 'boilerplate' as const, message: 'Listing page: nothing on this page is content.', messageZh: '列表页：本页没有正文。' };

    // 3 (checked first: it needs no minimum of lines). a listing cue, and nothing complete left
    let cue: Finding | undefined;
    for (let fI = 0, prior = ctx.prior; fI < prior.length; fI++) {
      if (LISTING_CUES.has(prior[fI].rule)) {
        cue = prior[fI];
        break;
      }
    }
    if (cue && view.rest.length <= 8 && !view.rest.some(complete)) {
      if (spamPage.check(ctx).length) return [];
      return wipe(view, {
        ...base,
        score: 0.75,
        evidence: [`listing cue: ${cue.rule} (${cue.evidence?.[0] ?? ''})`, `${view.rest.length} lines left, none a complete sentence`],
      });
    }
    if (view.lines.length < MIN_LINES) return [];

    // 1. residue of a page the earlier rules already mostly rejected
    const fullRest = view.rest.filter((l) => l.full);
    // no full sentence left, or one lone short one on a page 80 %+ junk; the template count (the cost) only then:
    // most pages keep full sentences
    const noneLeft = share >= 0.45 && fullRest.length === 0;
    const oneLeft = share >= 0.8 && fullRest.length === 1 && fullRest[0].ink < 60;
    const templ = noneLeft || oneLeft ? templated(view.lines) : 0;
    const lone = oneLeft && templ >= 0.35 * view.lines.length;
    if ((noneLeft && templ >= 0.2 * view.lines.length) || lone) {
      const cut = view.rest.filter((l) => /(?:\.{2,}|…+)\s*$/.test(l.text.trim())).length;
      if (spamPage.check(ctx).length) return []; // a spam page: spam/spam-page gives the verdict, once
      return wipe(view, {
        ...base,
        score: 0.75,
        evidence: [`${pct(share)} of the page already judged junk`, `${templ} of ${view.lines.length} lines follow a repeated template or are cut off`, `${view.rest.length} lines left, ${fullRest.length} full sentences among them${lone ? ` (one, of ${fullRest[0].ink} characters)` : ''}${cut ? `, ${cut} cut off` : ''}`],
      });
    }

    // 2. product / record catalogue: many lines share one template tail
    // (an indexed loop: run on every edit, where a closure per line costs in the interpreter)
    const groups = new Map<string, number[]>();
    for (let k = 0, vl = view.lines; k < vl.length; k++) {
      const t = templateTail(vl[k]);
      if (!t) continue;
      const g = groups.get(t);
      if (g) g.push(k);
      else groups.set(t, [k]);
    }
    for (const [tail, all] of groups) {
      // the densest run of records: at most two other lines (a description) between two records
      let best = 0; // the first longest run: all[best, best + bestLen)
      let bestLen = 0;
      let runStart = 0;
      for (let x = 0; x < all.length; x++) {
        if (x > runStart && all[x] - all[x - 1] > 3) runStart = x;
        if (x - runStart + 1 > bestLen) {
          best = runStart;
          bestLen = x - runStart + 1;
        }
      }
      const ks = all.slice(best, best + bestLen);
      if (ks.length < 5) continue;
      const first = ks[0];
      const last = Math.min(view.lines.length - 1, ks[ks.length - 1] + 1);
      let inside = 0;
      for (let k = first; k <= last; k++) inside += view.lines[k].ink;
      if (inside < 0.7 * view.ink) continue;
      const outsideFull = view.lines.filter((l, k) => (k < first || k > last) && l.full && l.covered < 0.5);
      if (outsideFull.length > 1 || outsideFull.some((l) => l.ink >= 80)) continue;
      if (spamPage.check(ctx).length) return [];
      return wipe(view, {
        ...base,
        score: 0.8,
        evidence: [`${ks.length} records ending in the template “${tail}”`, `the record list holds ${pct(inside / view.ink)} of the page`, `${outsideFull.length} full sentences outside it`],
      });
    }
    return [];
  },
};
