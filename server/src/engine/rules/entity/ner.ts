/**
 * entity/ner — people, places and organisations, found by the NER model (server/src/engine/ner:
 * an averaged perceptron over characters with nodejieba word and POS features, BIOES Viterbi).
 *
 * Why: a corpus engineer hovers a name to see who or what it is, and lists a page's entities in the
 * outline. Entities are information, not problems: severity `hint`, no fix, and the category is off
 * unless asked for (the CLI's `check` asks for it; the editor shows entities in hovers and outline only).
 *
 * Which lines: not the junk. The rule runs after every other rule (phase 20) and skips a line whose
 * ink the same analysis's boilerplate or spam findings cover entirely (a line `clean` removes: nav
 * bars, related-article lists, metadata, footers, keyword strings), unless it reads as prose (a
 * sentence ends in it) or is a lone such line between two content lines — see junkLines. The people
 * and places a text is about are in its content; on crawled pages the skipped lines are ~30 % of the
 * text and half of the names found before (mostly link titles). With `--categories entity` alone no
 * junk is found and every line is tagged. A line's entities depend on its text alone: the last
 * MEMO_LINES distinct lines are remembered (one `check` worker sees many files of the same sites).
 * Options: none. Without a segmenter the model runs on characters alone (less accurate).
 *
 *   新疆维吾尔自治区党委书记陈全国在乌鲁木齐会见 → [新疆维吾尔自治区党委]organization … [陈全国]person … [乌鲁木齐]place
 */
import { AnalysisContext, EntityType, Finding, Rule, Segmenter } from '../../types';
import { finding } from '../helpers';
import { EntitySpan, recognize } from '../../ner';

const ID = 'entity/ner';
const LABEL: Record<EntityType, [string, string]> = {
  person: ['Person', '人名'],
  place: ['Place', '地名'],
  organization: ['Organization', '机构名'],
};

/** After every boilerplate and spam rule (the highest phase among them is 10). */
export const ENTITY_PHASE = 20;

const SPACE = /\s/;
/** A line with one of these reads as prose (a sentence ends in it): it is tagged even when judged junk. */
const SENTENCE_END = /[。！？!?…]/;

/**
 * For each line: true when it is junk to skip — its ink is entirely covered by boilerplate / spam
 * findings in `ctx.prior`, no sentence ends in it, and it is not a lone such line between two other
 * lines of text (nav bars, lists of titles, metadata, footers, keyword strings are skipped; a stray
 * verdict inside running text is not trusted to hide a name).
 */
export function junkLines(ctx: AnalysisContext): boolean[] {
  const n = ctx.lines.length;
  const covered: boolean[] = new Array(n).fill(false);
  const junk = ctx.prior.filter((f) => (f.category === 'boilerplate' || f.category === 'spam') && f.end > f.start);
  if (!junk.length) return covered;
  const mark = new Uint8Array(ctx.text.length);
  for (const f of junk) mark.fill(1, Math.max(0, f.start), Math.min(ctx.text.length, f.end));
  for (let i = 0; i < n; i++) {
    const l = ctx.lines[i];
    if (l.blank) continue;
    let all = true;
    for (let k = l.start; k < l.end && all; k++) if (!mark[k] && !SPACE.test(ctx.text[k])) all = false;
    covered[i] = all;
  }
  const text = (i: number) => i >= 0 && i < n && !ctx.lines[i].blank && !covered[i];
  return covered.map((c, i) => c && !SENTENCE_END.test(ctx.lines[i].text) && !(text(i - 1) && text(i + 1)));
}

/** Lines remembered (and their length at most): a corpus repeats lines across files (same site, syndicated copies). */
const MEMO_LINES = 20000;
const MEMO_MAX_LENGTH = 1000;
const memo = new Map<string, readonly EntitySpan[]>();
let memoSegmenter: Segmenter | undefined | null = null;
/** Lines recognised / found in the memo so far (for benchmarks). */
export const memoStats = { recognized: 0, reused: 0 };

/** recognize() of one line, memoised by its text (a pure function of it for one segmenter and the shipped model). */
function recognizeLine(text: string, segmenter: Segmenter | undefined): readonly EntitySpan[] {
  if (segmenter !== memoSegmenter) {
    memo.clear();
    memoSegmenter = segmenter;
  }
  const hit = memo.get(text);
  if (hit) {
    memoStats.reused++;
    return hit;
  }
  memoStats.recognized++;
  const spans = recognize(text, segmenter);
  if (text.length <= MEMO_MAX_LENGTH) {
    if (memo.size >= MEMO_LINES) memo.delete(memo.keys().next().value as string);
    memo.set(text, spans);
  }
  return spans;
}

export const ner: Rule = {
  id: ID,
  category: 'entity',
  scope: 'span',
  phase: ENTITY_PHASE,
  check(ctx) {
    const out: Finding[] = [];
    const junk = junkLines(ctx);
    for (let i = 0; i < ctx.lines.length; i++) {
      const line = ctx.lines[i];
      if (line.blank || junk[i]) continue;
      for (const e of recognizeLine(line.text, ctx.segmenter)) {
        const [en, zh] = LABEL[e.type];
        const f = finding({
          rule: ID,
          category: 'entity',
          message: `${en}: ${e.text}`,
          messageZh: `${zh}:${e.text}`,
          start: line.start + e.start,
          end: line.start + e.end,
        });
        f.entityType = e.type;
        out.push(f);
      }
    }
    return out;
  },
};
