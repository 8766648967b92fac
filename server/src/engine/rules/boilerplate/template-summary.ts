/**
 * boilerplate/template-summary — template summaries `核心提示:…`, `文章摘要:…`, `导读:…` that only repeat the body.
 *
 * Why: CMS templates paste the first sentences of the article into a summary box; the copy adds nothing.
 * A summary written for the reader (not found in the body) is content and is kept.
 * How: a line starting with a summary cue and a colon whose text is mostly (≥ 60 % of its character
 * bigrams) found elsewhere in the document, or that is cut off with `...` / `…`.
 * Options: none.
 * Example: `核心提示:会议安排部署疫情防控工作…` (the body says the same) → (line removed)
 */
import { Finding, Line, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { norm } from './common';
import { memoByText } from '../../memo';
import { CodeUnitSet } from '../../text';

/** reused by every call (see CodeUnitSet) */
const FIRST_UNITS = new CodeUnitSet();

const CUE = /^[\s【\[(]*(核心提示|文章摘要|本文摘要|内容摘要|摘要|导读|内容提要|提要|核心摘要|文章导读|本文导读|简介|内容简介|要点|提示)\s*[:：】\]]/;

const DROP = /[\s\p{P}\p{S}]/gu;

/** The character bigrams of `s` (spaces, punctuation and symbols dropped), each as a number: two UTF-16 code units. */
function bigrams(s: string): number[] {
  const t = s.replace(DROP, '');
  const out: number[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1));
  return out;
}

/** A line normalized, without spaces, punctuation and symbols (memoized by text: asked of every line on every analysis). */
const stripped = memoByText((text) => norm(text).replace(DROP, ''));

/** The summary cue of a line and its body, or null (memoized by text). */
const cueOf = memoByText((text: string): { cue: string; body: string; grams: number[] } | null => {
  const n = norm(text);
  const m = n.match(CUE);
  if (!m) return null;
  const body = n.slice(m[0].length);
  return { cue: m[1], body, grams: bigrams(body) };
});

/**
 * The summaries' bigrams found in other lines, per line text, for one set of summaries (`forKey`, their
 * bodies): an edit leaves the summaries as they were, so after it only the lines it changed are scanned
 * again instead of every character of the page (the scan was 2–3.5 ms of the first edits after an open on
 * the bench's 100 KB page, 0.6 ms later; measured). A line's answer depends on its text and the summaries
 * alone; the map starts again when the summaries change, and past MAX_HITS texts.
 */
const hitsByText = new Map<string, readonly number[]>();
let hitsKey: string | undefined;
const MAX_HITS = 50000;
const NO_HITS: readonly number[] = [];

function wantedHits(text: string, wanted: Set<number>, first: CodeUnitSet): readonly number[] {
  let hits = hitsByText.get(text);
  if (hits === undefined) {
    const t = stripped(text);
    let found: number[] | undefined;
    for (let i = 0; i + 1 < t.length; i++) {
      if (!first.has(t.charCodeAt(i))) continue;
      const g = t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1);
      if (wanted.has(g)) (found ??= []).push(g);
    }
    hits = found ?? NO_HITS;
    if (hitsByText.size >= MAX_HITS) hitsByText.clear();
    hitsByText.set(text, hits);
  }
  return hits;
}

export const templateSummary: Rule = {
  id: 'boilerplate/template-summary',
  category: 'boilerplate',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    const cued: { line: Line; cue: string; body: string; grams: number[] }[] = [];
    const isCue = new Uint8Array(ctx.lines.length);
    const lines = ctx.lines;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      if (line.blank) continue;
      const c = cueOf(line.text);
      if (!c) continue;
      isCue[k] = 1;
      cued.push({ line, cue: c.cue, body: c.body, grams: c.grams });
    }
    if (!cued.length) return out;
    // which bigrams of the summaries occur in the other lines (not summaries themselves): one pass over
    // the page, asking only about the summaries' bigrams
    const wanted = new Set<number>();
    /** 1 where a code unit opens a wanted bigram (a cheaper test first) */
    const first = FIRST_UNITS;
    first.clear();
    let key = '';
    for (let q = 0; q < cued.length; q++) {
      const c = cued[q];
      key += c.body.length + ':' + c.body;
      for (let k = 0; k < c.grams.length; k++) {
        wanted.add(c.grams[k]);
        first.add(Math.floor(c.grams[k] / 65536));
      }
    }
    if (key !== hitsKey) {
      hitsByText.clear();
      hitsKey = key;
    }
    const others = new Set<number>();
    if (wanted.size) {
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        if (l.blank || isCue[k]) continue;
        const hits = wantedHits(l.text, wanted, first);
        for (let q = 0; q < hits.length; q++) others.add(hits[q]);
      }
    }
    for (const { line, cue, body, grams } of cued) {
      const found = grams.length ? grams.filter((g) => others.has(g)).length / grams.length : 0;
      const cut = /(\.\.\.|…|。。。)\s*$/.test(body);
      if (grams.length === 0 || found >= 0.6 || (cut && found >= 0.3)) {
        out.push(lineFinding(line, ctx.lines, {
          rule: 'boilerplate/template-summary', category: 'boilerplate', score: grams.length ? 0.5 + found / 2 : 0.6,
          message: 'Template summary that repeats the article.',
          messageZh: '重复正文内容的模板摘要。',
          evidence: [`cue: ${cue}`, `${Math.round(found * 100)}% of it repeats the body`, ...(cut ? ['cut off'] : [])],
        }));
      }
    }
    return out;
  },
};
