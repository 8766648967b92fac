/**
 * spam/spam-page — document-level verdict (phase 2): the whole page is spam (a gambling-keyword content farm,
 * spun "sentence salad"), so the few lines between the spam are filler, not content.
 *
 * Why: content farms paste keyword lines (`极速飞艇开奖结果助手`) between filler copied from elsewhere
 * (company blurbs, news fragments). The line rules catch the keywords; the filler reads like prose and is kept,
 * and on a page with no content every kept line costs the whole page.
 * How (uses `ctx.prior`: every boilerplate/spam finding of phases 0–1):
 * 1. spam-dominated — 6+ lines (and a quarter of the lines) already judged spam, 45 %+ of the page's ink
 *    (or half of its lines) already judged junk, and the full-sentence lines left hold under a quarter of the page's ink or stand
 *    alone (no two in a row: filler between keyword lines, not an article's paragraphs).
 * 2. sentence salad — the page is cut from a sliding window over other texts: 2+ pairs of long lines overlap
 *    like shingles (the last 20+ characters of one line are the first of another, both going on beyond the
 *    overlap); or one such pair on a page where spam was already found and 2+ lines start mid-sentence
 *    (`，…`, `。…`, `”…`). Quoting (a whole post opening a reply) and shared templates do not count.
 * 3. keyword stuffing — the first line (a 6–24 character phrase) is pasted again after a clause or sentence end
 *    in 2+ body lines and closes them (`…过咸食品。什么药治咳喘效果好。`): an SEO page built around a query.
 * 4. spun seams — text stitched from fragments leaves seams no writer leaves: a full stop followed by a comma
 *    (`结合实际。，着力提高`), a line opening with a structural particle (`的以来，…`: the first word is 的/了/地/得/着
 *    itself, not a word of the particle-words list such as 的确, 地方, 了解), a line opening with a clause mark (`，…`), a random token glued in (spam/random-token).
 *    3+ seams of 2+ kinds, at least one per 600 characters of the page, and no more than 40 lines (a page,
 *    not a long forum thread where typos add up).
 * Every way, every line not yet covered gets a finding that removes it.
 * Options: none.
 * Example: `极速飞艇开奖⏎某某机械有限公司是专业生产…⏎秒速赛车计划⏎…` (keyword lines flagged) → every line removed.
 */
import { AnalysisContext, Finding, Rule } from '../../types';
import { lexicon } from '../../lexicon';
import { pageView, wipe, pct, MID_START, PageView } from '../boilerplate/page-evidence';
import { norm, squashed } from '../boilerplate/common';
import { memoByText } from '../../memo';
import { CodeUnitSet } from '../../text';

/** reused by every call (see CodeUnitSet) */
const HEADS_UNITS = new CodeUnitSet();

/** A line normalized and trimmed / without any white space, memoized by text. */
const normTrim = memoByText((t) => norm(t).trim());
const flatOf = squashed;

const FRAG = 20;

/**
 * Pairs of different lines A, B where A's last FRAG+ characters are B's first ones and both go on beyond the
 * overlap (10+ characters each): the seam of text cut from a sliding window and pasted again. A quoted post
 * (the whole of A opens B) is not counted.
 */
export function shingles(texts: string[]): number {
  const flat = texts.map(flatOf);
  const byHead = new Map<string, number[]>();
  /** the first two code units of every head, to skip most positions without slicing */
  const heads2 = new Set<number>();
  /** 1 where a code unit opens a head (a cheaper test first) */
  const heads1 = HEADS_UNITS;
  heads1.clear();
  flat.forEach((s, i) => {
    if (s.length < FRAG + 10) return;
    const h = s.slice(0, FRAG);
    const hs = byHead.get(h);
    if (hs) hs.push(i);
    else byHead.set(h, [i]);
    heads2.add(s.charCodeAt(0) * 65536 + s.charCodeAt(1));
    heads1.add(s.charCodeAt(0));
  });
  let pairs = 0;
  if (!byHead.size) return 0;
  flat.forEach((a, i) => {
    for (let p = 10; p + FRAG <= a.length; p++) {
      if (!heads1.has(a.charCodeAt(p))) continue;
      if (!heads2.has(a.charCodeAt(p) * 65536 + a.charCodeAt(p + 1))) continue; // no line opens with these two
      const hs = byHead.get(a.slice(p, p + FRAG));
      if (!hs) continue;
      const tail = a.slice(p);
      for (let jI = 0, hsArr = hs; jI < hsArr.length; jI++) {
        const j = hsArr[jI];
        const b = flat[j];
        if (j === i || b === a || b.length - tail.length < 10 || !b.startsWith(tail)) continue;
        pairs++;
      }
    }
  });
  return pairs;
}

/**
 * Keyword stuffing: the first line (a 6–24 character phrase without punctuation) appears again in the body
 * right after a clause or sentence end and closes it (`…过咸食品。什么药治咳喘效果好。`), as an SEO tool pastes it;
 * an article that mentions its subject works it into its sentences instead.
 */
export function stuffing(texts: string[]): { title: string; count: number; lines: number } {
  const title = texts.length ? normTrim(texts[0]) : '';
  const none = { title, count: 0, lines: 0 };
  if (!stuffingTitle(title)) return none;
  const norms = texts.map(normTrim); // (only past the title's test: most first lines fail it)
  let count = 0;
  let lines = 0;
  for (const s of norms.slice(1)) {
    let here = 0;
    for (let p = s.indexOf(title); p >= 0; p = s.indexOf(title, p + title.length)) {
      const before = s.slice(0, p).trimEnd();
      const after = s.slice(p + title.length).trimStart();
      if (before.length >= 10 && /[，。！？,!?]$/.test(before) && (after === '' || /^[。！？!?]/.test(after))) here++;
    }
    if (here) lines++;
    count += here;
  }
  return lines >= 2 ? { title, count, lines } : none;
}

/** Can a first line (normTrim) be a stuffed title: a 6–24 character phrase without punctuation? */
function stuffingTitle(title: string): boolean {
  const tInk = title.replace(/\s/g, '').length;
  return !(tInk < 6 || tInk > 24 || /[，。！？,.!?：:、；;|_\-]/.test(title));
}

/** stuffingTitle of a first line's text, memoized (most first lines fail it: no list of the page's lines then). */
const titleMayStuff = memoByText((t: string) => stuffingTitle(normTrim(t)));

export interface Seams {
  stopComma: number;
  particleStart: number;
  clauseStart: number;
  randomTokens: number;
}

/** Characters a structural particle (的 了 地 得 着) is written with. */
const PARTICLE_HEAD = /^[的了地得着]/;

/**
 * Does the line open with a word that merely starts with a particle character (的确, 地方, 了解, 得到, 着手 …:
 * lexicon particle-words, taken from jieba's dictionary)? Otherwise its first word is the particle itself,
 * which no sentence opens with. A word list instead of nodejieba's tagger: same call on 97.8 % of 11,584
 * particle-initial snippets of news text, and the rule never loads the 230 MB dictionary.
 */
function opensWithParticleWord(t: string): boolean {
  return lexicon('particle-words').find(t.slice(0, 6)).some((m) => m.start === 0);
}

/**
 * Seams of text stitched from fragments (see test 4 above). `randomTokens` is passed in (spam/random-token
 * findings). Lines opening with a particle character are looked at only when another kind of seam was found:
 * one kind alone never decides.
 */
export function seams(texts: string[], randomTokens: number): Seams {
  let stopComma = 0;
  let clauseStart = 0;
  const heads: string[] = [];
  for (let rawI = 0, textsArr = texts; rawI < textsArr.length; rawI++) {
    const raw = textsArr[rawI];
    const t = raw.trim();
    if (!t) continue;
    stopComma += (t.match(/[。！？][，、；]/g) || []).length;
    if (/^[，、；：]/.test(t)) clauseStart++;
    if (PARTICLE_HEAD.test(t) && t.length >= 10) heads.push(t);
  }
  let particleStart = 0;
  if (heads.length && stopComma + clauseStart + randomTokens > 0) {
    for (const t of heads) if (!opensWithParticleWord(t)) particleStart++;
  }
  return { stopComma, particleStart, clauseStart, randomTokens };
}

/** Does an earlier spam finding overlap a line earlier findings cover in part? (each finding's lines by binary search) */
function spamOnCoveredLine(view: PageView): boolean {
  const ls = view.lines; // in document order: starts and ends ascending
  for (let fI = 0, priorArr = view.ctx.prior; fI < priorArr.length; fI++) {
    const f = priorArr[fI];
    if (f.category !== 'spam') continue;
    let lo = 0;
    let hi = ls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ls[mid].line.end <= f.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < ls.length && ls[k].line.start < f.end; k++) if (ls[k].covered > 0) return true;
  }
  return false;
}

/** The verdict of each analysis context, once (boilerplate/listing-page asks for it too). */
const verdicts = new WeakMap<AnalysisContext, Finding[]>();

export const spamPage: Rule = {
  id: 'spam/spam-page',
  category: 'spam',
  scope: 'document',
  phase: 2,
  check(ctx): Finding[] {
    let v = verdicts.get(ctx);
    if (!v) verdicts.set(ctx, (v = judgePage(ctx)));
    return v;
  },
};

function judgePage(ctx: AnalysisContext): Finding[] {
  {
    const view = pageView(ctx);
    if (view.lines.length < 4 || !view.ink) return [];
    const base = { rule: 'spam/spam-page', category: 'spam' as const, message: 'Spam page: nothing on this page is content.', messageZh: '垃圾页面：本页没有正文。' };
    const share = view.junkInk / view.ink;

    // 1. spam-dominated page (counts in indexed loops: this runs on every edit, mostly in the interpreter,
    // where the filtered copies of the page's lines and their closures cost more than the counting)
    let spamLines = 0;
    // the longest run of full-sentence lines no earlier rule covered (blank lines do not break a run)
    let run = 0;
    let bestRun = 0;
    for (let lI = 0, linesArr = view.lines; lI < linesArr.length; lI++) {
      const l = linesArr[lI];
      if (l.spam) spamLines++;
      run = l.covered < 0.5 ? run + (l.full ? 1 : 0) : 0;
      bestRun = Math.max(bestRun, run);
    }
    let fullInk = 0;
    for (let lI = 0, rest = view.rest; lI < rest.length; lI++) if (rest[lI].full) fullInk += rest[lI].ink;
    const junkLines = view.lines.length - view.rest.length;
    if (spamLines >= 6 && spamLines * 4 >= view.lines.length && (share >= 0.45 || junkLines * 2 >= view.lines.length) && (fullInk < 0.25 * view.ink || bestRun <= 1)) {
      return wipe(view, {
        ...base,
        score: 0.8,
        evidence: [`${spamLines} of ${view.lines.length} lines already judged spam`, `${pct(share)} of the page (${junkLines} of ${view.lines.length} lines) judged junk`, `full sentences left: ${pct(fullInk / view.ink)} of the page, at most ${bestRun} in a row`],
      });
    }

    // 3 (checked first). keyword stuffing: the title phrase pasted after sentence ends in the body
    // (the list of the page's lines only when the first one may be a stuffed title: most are not)
    const stuffed = titleMayStuff(view.lines[0].text) ? stuffing(view.lines.map((l) => l.text)) : undefined;
    if (stuffed && stuffed.count >= 2) {
      return wipe(view, {
        ...base,
        score: 0.7,
        evidence: [`the title “${stuffed.title}” is pasted after a sentence or clause ${stuffed.count} times in ${stuffed.lines} body lines`],
      });
    }

    // 2. sentence salad: lines that overlap like shingles (the end of one is the start of another)
    let longCount = 0;
    for (let lI = 0, rest = view.rest; lI < rest.length; lI++) if (rest[lI].ink >= 30) longCount++;
    if (longCount >= 3) {
      const longRest = view.rest.filter((l) => l.ink >= 30);
      const pairs = shingles(longRest.map((l) => l.text));
      // (the mid-sentence starts and the pass over every earlier finding only when a pair was found: most
      // pages have none, and neither count then changes the verdict)
      const mid = pairs >= 1 ? view.rest.filter((l) => l.ink >= 10 && MID_START.test(normTrim(l.text))).length : 0;
      const spammed = pairs >= 1 && spamOnCoveredLine(view);
      if (pairs >= 2 || (pairs >= 1 && mid >= 2 && spammed)) {
        return wipe(view, {
          ...base,
          score: 0.7,
          evidence: [
            `${pairs} pairs of lines overlap like shingles (one line's last ${FRAG}+ characters open another)`,
            `${mid} lines start mid-sentence`,
            ...(spammed ? ['spam already found on the page'] : []),
          ],
        });
      }
    }

    // 4. spun seams: fragments stitched together
    if (view.lines.length <= 40) {
      const tokens = view.ctx.prior.filter((f) => f.rule === 'spam/random-token').length;
      const sm = seams(view.lines.map((l) => l.text), tokens);
      const counts = [sm.stopComma, sm.particleStart, sm.clauseStart, sm.randomTokens];
      const total = counts.reduce((a, b) => a + b, 0);
      const kinds = counts.filter((c) => c > 0).length;
      if (total >= 3 && kinds >= 2 && total * 600 >= view.ink) {
        return wipe(view, {
          ...base,
          score: 0.7,
          evidence: [
            `${total} seams of stitched text in ${view.ink} characters:`,
            `${sm.stopComma} full stops followed by a comma, ${sm.particleStart} lines opening with a particle, ${sm.clauseStart} lines opening with a clause mark, ${sm.randomTokens} random tokens`,
          ],
        });
      }
    }
    return [];
  }
}
