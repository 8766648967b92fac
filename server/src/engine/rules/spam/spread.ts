/**
 * spam/spread — spam lines that only their neighbours give away.
 *
 * Why: link farms interleave keyword lines with filler (`极速飞艇开奖app` / a company blurb / `秒速赛车在线预测` /
 * another blurb…), and once a page is clearly a gambling farm, short lines with only weak terms
 * (`澳洲10彩开奖`) are spam too. Runs last (phase 10) over what the other spam rules found:
 *   1. a run of ≤ 2 unflagged lines inside a block, between spam lines (or between a spam line and the
 *      block's edge when the block is mostly spam), when the block has ≥ 3 spam lines, becomes spam —
 *      unless boilerplate already took it;
 *   2. when the document has ≥ 4 spam lines of advertising, short non-prose lines with any weak
 *      advertising term become spam (even when a boilerplate rule also took them).
 * Options: none.
 *
 * Before → after:
 *   极速飞艇开奖app⏎某某公司是一家专业生产…⏎秒速赛车在线预测⏎   →   (all three removed)
 */
import { AnalysisContext, Rule, Finding } from '../../types';
import { lineFinding } from '../helpers';
import { countHan } from '../../text';
import { adScore, isProse, lineCoveredBy, markLinesOf } from './util';

/** Test 2's verdict on a line by its text (the text alone decides it; asked again after every edit). */
const weak = new Map<string, string | null>();

/** A short non-prose line with weak advertising terms: the reason, or null. */
function weakAd(text: string): string | null {
  const hit = weak.get(text);
  if (hit !== undefined) return hit;
  let why: string | null = null;
  if (!(countHan(text) > 16 || isProse(text))) {
    const s = adScore(text);
    if (s.total >= 0.15 && !s.damped) why = 'advertising words on an advertising page: ' + s.evidence.join(', ');
  }
  if (text.length > 2000) return why;
  if (weak.size > 50000) weak.clear();
  weak.set(text, why);
  return why;
}

/** Lines marked spam (spam/util markLinesOf), reused across analyses (all zeros between two). */
let spamMark = new Uint8Array(1024);

/** Is line k (maybe out of range) marked spam, among n lines? */
function marked(mark: Uint8Array, n: number, k: number): boolean {
  return k >= 0 && k < n && mark[k] === 1;
}

export const spread: Rule = {
  id: 'spam/spread',
  category: 'spam',
  scope: 'block',
  phase: 10,
  check(ctx) {
    const out: Finding[] = [];
    const n = ctx.lines.length;
    // advertising lines only: stuffed titles (keyword-titles) alternate with real excerpts. Marks in a reused
    // array (cleared again below) rather than a Set and a closure per finding: asked of every line on every edit
    if (spamMark.length < n) spamMark = new Uint8Array(n);
    const mark = spamMark;
    // one pass over the earlier findings: the lines spam covers and the count of advertising-line findings
    let count = 0;
    let adLines = 0;
    try {
      for (let fI = 0, prior = ctx.prior; fI < prior.length; fI++) {
        const f = prior[fI];
        if (f.category !== 'spam') continue;
        if (f.rule === 'spam/ad-lexicon' || f.rule === 'spam/site-names') adLines++;
        if (f.rule !== 'spam/keyword-titles') count += markLinesOf(ctx, f, mark);
      }
      if (count >= 3) spreadOver(ctx, mark, adLines, out);
    } finally {
      mark.fill(0, 0, n);
    }
    return out;
  },
};

/** The two tests over the lines marked spam (`mark`: 1 for a line earlier spam findings cover; `adLines`: ad-lexicon and site-names findings). */
function spreadOver(ctx: AnalysisContext, mark: Uint8Array, adLines: number, out: Finding[]): void {
  const n = ctx.lines.length;
  const add = new Map<number, string>();
  for (let blockI = 0, blocksArr = ctx.blocks; blockI < blocksArr.length; blockI++) {
    const block = blocksArr[blockI];
    let inBlock = 0;
    for (let i = block.first; i <= block.last; i++) if (mark[i] === 1) inBlock++;
    if (inBlock < 3) continue;
    let i = block.first;
    while (i <= block.last) {
      if (mark[i] === 1) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 <= block.last && mark[j + 1] !== 1) j++;
      const before = i > block.first;
      const after = j < block.last;
      const len = j - i + 1;
      // a run of two counts only inside an alternating stretch (spam again just beyond both bounds)
      const alternating = len === 1 || ((marked(mark, n, i - 2) || marked(mark, n, i - 3)) && (marked(mark, n, j + 2) || marked(mark, n, j + 3)));
      if (len <= 2 && ((before && after && alternating) || ((before || after) && inBlock >= 5 && inBlock * 2 >= block.last - block.first + 1))) {
        // whether boilerplate took each line of the run, asked of these lines only (the set of every line
        // boilerplate covers cost ~0.14 ms per edit on the bench's 100 KB page: 0.44 -> 0.30 ms steady)
        for (let k = i; k <= j; k++) if (!ctx.lines[k].blank && !lineCoveredBy(ctx, 'boilerplate', k)) add.set(k, 'between spam lines');
      }
      i = j + 1;
    }
  }
  if (adLines >= 4) {
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank || mark[line.index] === 1 || add.has(line.index)) continue;
      const why = weakAd(line.text);
      if (why) add.set(line.index, why);
    }
  }
  for (const [k, why] of [...add].sort((a, b) => a[0] - b[0])) {
    out.push(
      lineFinding(ctx.lines[k], ctx.lines, {
        rule: 'spam/spread',
        category: 'spam',
        message: `Spam by context (${why})`,
        messageZh: why.startsWith('between') ? '夹在垃圾行之间的垃圾内容' : '广告页中的广告词',
        score: 0.6,
        evidence: [why],
        fixTitle: 'Remove spam line',
      }),
    );
  }
}
