/**
 * boilerplate/context — the block-level verdict (phase 1): lines that no cue rule caught but whose place
 * in the page makes them template text.
 *
 * Why: a crawled page is header, article, footer. Menus, lists of other headlines and footers are runs of
 * short lines that carry no cue word; only their position and neighbours give them away.
 * How (uses the phase-0 findings of boilerplate and spam rules in `ctx.prior` as known junk):
 *  1. Each line gets a weight: running text (a sentence, or a hard-wrapped paragraph judged as a whole)
 *     counts its length minus 25 (at least 2) when it holds a full stop or is long (a punctuated teaser
 *     or headline in a list counts 1); a short non-sentence line −3; a known junk line −6. Strong
 *     end-of-article junk (推荐阅读, 版权所有…) weighs −400, so the stretch does not run on into teasers;
 *     so do a short header of an "other / related" list or a reference section (`某某的其他文章`,
 *     `相关问题`, `更多文章`, `参考资料`) and a previous / next link (`上一文章: …`), which are flagged too.
 *     A row of links (5+ space-separated names, no punctuation: `广东人大网 广东政协网 …`) is never running
 *     text; a line that ends with a date or time (`…新低 2008-04-28 08:03`, `28 16:39`) is a list item
 *     (−3); so is a teaser cut off by the site (ends in `......` or a lone `…`, with another within 3
 *     lines) or a wiki citation (`^ 跳转到: …`), which are flagged wherever they are.
 *     The best-scoring contiguous stretch (maximum subarray) is the main text.
 *     When that stretch lies beyond a strong end-of-article cue and the page title (first line, site
 *     suffix cut off) is repeated as a headline above the cue, the best stretch between that headline and
 *     the cue is the main text instead (a short article followed by a long list of teasers or a second
 *     article); such an anchored stretch, or one right under the headline, needs only weight 12 and a full stop.
 *     A single post right under the headline and its header (`作者 / 创建于 3天前`) is such an article too:
 *     the lines after the header up to the next junk line (3+ of them not widgets), however short (code,
 *     commands), unless the best stretch is an article of 5+ sentences.
 *     The article does not start above its headline either: a stretch that begins above a repeat of the
 *     title and runs past it, with fewer than 2 sentences above it, gives way to the best stretch under it.
 *  2. Inside the main text only a short line (or a run of up to 5) squeezed between two junk lines is flagged.
 *  3. Above it, the lines directly over the text (up to 4: subtitles, lead; not above the repeated page
 *     title; not a cut-off teaser, a bare date / time, a line of digits or a link) are kept, and so is the
 *     headline: the nearest headline-shaped line above (or the page's first line, however short), when
 *     only junk lies between it and the text.
 *  4. Below it, up to 2 short byline / caption lines (`记者`, `摄`, `(完)` … boilerplate-byline.txt) are kept.
 *  5. Everything else outside the main text is flagged, except long running text (≥ 60 characters; when
 *     it has no sentence punctuation, 60 % Han — not a menu of `《…》` titles or an archive of months),
 *     which is kept: losing content is worse than keeping a little junk — unless a strong end-of-article
 *     cue lies between it and the main text (teaser summaries, an appended article).
 *  A forum / Q&A thread (see thread.ts: post headers with a name and a time — `老王 | 3 天前`, `发表于 …`,
 *  footers `1周前 评论` — reply widgets and user cards around the posts) that starts above the end of the main
 *  text, or under the headline when the stretch lies above it, is the main text: its posts' text is kept
 *  however short (`哈哈`, a shell command), its headers, widgets, user cards and names are flagged, and the
 *  repeated title above its first post (within 30 lines) is the headline. Comments under an article (a
 *  stretch of 5+ lines, then a `全部评论` / `发表评论` line before the next post) are not a thread.
 *  Anywhere, 5+ tiny label-like lines in a row (≤ 6 characters, no punctuation: menus, counters) are flagged.
 *  Lines under a strong "related / more" header (`大家都在看`, `推荐阅读`) that look like headlines (≤ 45
 *  characters, no full stop) are list items: they weigh like junk and are flagged wherever they are.
 *  The stretch must be worth it (weight ≥ 40), otherwise only step 2 runs over the whole document.
 * Options: none.
 * Example: `…article…⏎推荐资讯⏎油价调整迎年内首次“搁浅”⏎小偷拒捕逃跑 警民合力抓获` → the two headlines
 * of the list are removed with their header.
 */
import { AnalysisContext, Finding, Line, Rule } from '../../types';
import { linesFinding } from '../helpers';
import { cues, junkCover, lineShape, norm, Shape } from './common';
import { hanRatio } from '../../text';
import { findThread, postHeader, Thread, widget } from './thread';
import { memoByText } from '../../memo';

const ID = 'boilerplate/context';
/** This many tiny label-like lines in a row are a menu, wherever they are. */
const MENU_RUN = 5;

interface Info {
  i: number;
  junk: boolean;
  shape: Shape;
  /** what mainText and check ask of the line's text (bits, see textFacts) */
  facts: number;
  /** what is asked of the line's text alone (textFacts) */
  tf: TextFacts;
  /** postHeader(shape) (thread.ts), null when the line is no post header */
  head: { named: boolean } | null;
  /** running text, alone or as part of a hard-wrapped paragraph */
  para: boolean;
  weight: number;
  /** holds a full stop (alone or in its hard-wrapped paragraph) */
  stop?: boolean;
  /** an item of a list under a related / more header */
  listed?: boolean;
  /** a cut-off teaser (`……他......`) next to another one */
  cut?: boolean;
}

/** A byline or caption (`记者`, `摄`, `(完)`…), by line text (memoized: asked about most short lines on every analysis). */
const isByline = memoByText((text: string): boolean => cues('boilerplate-byline', norm(text)).some((m) => m.weight >= 1));

function headlineShaped(text: string, shape: Shape): boolean {
  return shape.ink >= 5 && shape.ink <= 60 && !/[。;；]$/.test(text.trim()) && shape.han >= 0.4 * shape.ink && shape.commas <= 2;
}

/** A link to the previous / next article: `上一文章: …`, `下一条: …` (ends the article). */
const PREV_NEXT = /^[上下]一(?:篇|文章|条|则|主题|帖|页|章)\s*[:：]/;

/** A line that ends with a date or a time stamp (and is not a sentence). */
const DATED = /(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}[-/]\d{1,2}|^\d{1,2})?\s*\d{1,2}:\d{2}(?::\d{2})?\s*$|(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*$/;

/**
 * A teaser cut off by the site: the line ends with 3+ ASCII dots or a single `…` right after a word
 * (`…他......`, `…广州增城凯悦酒...`), not with the Chinese ellipsis `……` of running prose.
 */
export function truncated(raw: string): boolean {
  const t = raw.trim();
  return /[^.。…!?！？\s]\s?\.{3,}$/.test(t) || /[^…。!?！？.\s]…$/.test(t);
}

/**
 * A short header of a list that ends an article: `某某的其他文章`, `作者的其它作品`, `更多文章`, `相关问题`,
 * a reference section (`参考资料`, `外部链接[编辑]`)
 * (also when the lexicon of related-list cues has not caught it).
 */
export function endCue(t: string): boolean {
  const c = compact(t).replace(/[:：>»›]+$/, '').replace(/\[编辑\]$/, '');
  if (c.length > 16) return false;
  if (/^(?:参考资料|参考文献|参考来源|外部链接|延伸阅读)$/.test(c)) return true;
  return /^.{0,12}?的?(?:其他|其它|更多)(?:文章|作品|新闻|帖子|博文|视频)$|^(?:其他|其它|更多|相关|热门|最新|推荐|延伸|精彩|猜你喜欢的?)(?:文章|作品|新闻|帖子|博文|阅读|资讯|推荐|内容|报道|问题)$/.test(c);
}

/** Junk that ends an article: related lists, pagination, copyright, disclaimers, licences. */
const BARRIER_RULES = new Set(['boilerplate/related-links', 'boilerplate/teaser-list', 'boilerplate/pagination', 'boilerplate/copyright', 'boilerplate/disclaimer', 'boilerplate/icp-license']);
/** Junk that also turns up inside articles (an event's hotline, a date line, a repeated short line). */
const SOFT_RULES = new Set(['boilerplate/contact', 'boilerplate/metadata', 'boilerplate/repeated-line']);

// What the boilerplate findings of phase 0 say about each line (bits by line index, filled by junkCover in
// its walk over ctx.prior: one pass and one binary search per finding, not a Map of Sets, a barrier Set and a
// header Set built in three more passes; typed arrays, as the language server runs this once per edit,
// mostly unoptimized). Low 4 bits: lines a finding touches; high 4 bits: lines it overlaps (common.ts).
const ANY = 1; // a boilerplate finding touches the line
const HARD = 2; // one of them is not a SOFT_RULES finding (softJunk: ANY without HARD)
const BARRIER = 16; // a strong finding of a BARRIER_RULES rule overlaps it
const RELATED = 32; // a strong related-links finding overlaps it (the header of a related / more list)

function findingBits(f: Finding): number {
  let b = SOFT_RULES.has(f.rule) ? ANY : ANY | HARD;
  // a weak "更多" under a poem is not the end of the article; a strong cue (推荐阅读, 版权所有…) is
  if ((f.score ?? 1) >= 0.8) {
    if (BARRIER_RULES.has(f.rule)) b |= BARRIER;
    if (f.rule === 'boilerplate/related-links') b |= RELATED;
  }
  return b;
}

export function mainText(ctx: AnalysisContext): { infos: Info[]; first: number; last: number; total: number; anchored: boolean; anchors: number[] } {
  const bits = new Uint8Array(ctx.lines.length);
  const cov = junkCover(ctx, findingBits, bits);
  const infos: Info[] = [];
  const related: number[] = [];
  const barriers: number[] = [];
  // (indexed loops over the lines, no closures, Sets or array copies per line: the language server runs this
  // once per edit, mostly before V8 optimizes it, and a for…of there allocates an iterator result per line)
  const lines = ctx.lines;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    if (l.blank) continue;
    const tf = textFacts(l.text);
    // (the few related-list headers and barriers noted here: no pass of their own over the lines)
    const b = bits[l.index];
    if (b & RELATED) related.push(infos.length);
    if (b & BARRIER) barriers.push(infos.length);
    infos.push({ i: l.index, junk: cov[l.index] >= 0.5, shape: tf.shape, facts: tf.facts, tf, head: tf.head, para: false, weight: 0, stop: undefined, listed: false, cut: false });
  }
  const n = infos.length;
  // hard-wrapped paragraphs: consecutive non-junk lines where every line but the last is long and
  // does not end a sentence are judged together.
  for (let k = 0; k < n; ) {
    let e = k;
    while (e + 1 < n && !infos[e].junk && !infos[e + 1].junk && infos[e].shape.ink >= 25 && !infos[e].shape.ends && infos[e + 1].i === infos[e].i + 1) e++;
    if (e > k) {
      const v = wrapVerdict(lines, infos, k, e);
      if (v.sentence) {
        for (let q = k; q <= e; q++) {
          infos[q].para = true;
          infos[q].stop = v.stop;
        }
      }
    }
    k = e + 1;
  }
  // items of a list under a "related / more" header: headline-shaped lines up to the next junk line
  for (let r = 0; r < related.length; r++) {
    const k = related[r];
    for (let q = k + 1; q < n && !infos[q].junk; q++) {
      if (infos[q].shape.ink > 45 || infos[q].facts & LIST_END) break;
      infos[q].listed = true;
    }
  }
  for (let k = 0; k < n; k++) {
    const x = infos[k];
    const f = x.facts;
    if (!x.junk && (x.shape.sentence || (x.shape.ink >= 50 && x.shape.han >= 25)) && !linkListOf(lines[x.i].text)) x.para = true;
    if (x.stop === undefined) x.stop = (f & STOP) !== 0;
    const b = bits[x.i];
    if (x.listed) x.weight = -6;
    else if (x.junk) x.weight = b & BARRIER ? -400 : b & ANY && !(b & HARD) ? -3 : -6;
    // teasers and headlines in lists are punctuated too, but article paragraphs have full stops
    else if (f & CLOSING) x.weight = -400;
    // teasers cut off with `......` / `…` (two within 3 lines) are items of a list, however long
    else if (cutNear(infos, k) || f & CARET) {
      x.weight = -3;
      x.cut = true;
    }
    else if (x.para) x.weight = x.stop || x.shape.ink >= 60 ? Math.max(2, Math.min(x.shape.ink, 300) - 25) : 1;
    // a headline with its date, or a bare time, is an item of a list (`…新低 2008-04-28 08:03`, `28 16:39`)
    else if (f & DATED_LINE) x.weight = -3;
    else if (x.shape.ink <= 6 && !(f & PUNCT)) x.weight = -4;
    else if (f & INNER_PUNCT) x.weight = 1;
    else x.weight = -2;
  }
  let whole = bestStretch(infos, 0, infos.length);
  // the page title (first line) repeated as the headline marks where the article starts: when the best
  // stretch lies beyond a strong end-of-article cue that follows such a headline (a list of teasers, a
  // second article), the text between the headline and the cue is the article.
  const nextBarrier = (k: number) => barriers.find((b) => b > k) ?? infos.length;
  const anchors = titleAnchors(ctx, infos);
  // the article does not start above its headline: a stretch that begins above the first repeat of the
  // title (a row of links, a menu of long names) and runs into it, or ends just above it, gives way to
  // the best stretch under the headline
  const a0 = anchors.find((a) => a > whole.first);
  const sentencesAbove = a0 === undefined ? 0 : infos.slice(whole.first, a0).filter((x) => x.para && x.stop).length;
  if (a0 !== undefined && whole.first >= 0 && whole.last > a0 && sentencesAbove < 2) {
    const s = bestStretch(infos, a0 + 1, infos.length);
    if (s.total >= 12 && infos.slice(s.first, s.last + 1).some((x) => x.stop && x.para)) whole = s;
  }
  if (anchors.length && !anchors.some((a) => whole.first > a && whole.last < nextBarrier(a))) {
    for (const a of anchors.filter((k) => k < whole.first)) {
      const s = bestStretch(infos, a + 1, Math.min(nextBarrier(a), whole.first));
      if (s.total >= 12 && infos.slice(s.first, s.last + 1).some((x) => x.stop && x.para)) return { infos, ...s, anchored: true, anchors };
      // a single post (a blog or forum post: code, short lines) under the headline and its
      // `作者 / 创建于 3天前` header: the lines after the header up to the next junk line
      // (3+ lines that are not widgets; and the best stretch is no article of 5+ sentences)
      const h = [a + 1, a + 2, a + 3].find((q) => q < whole.first && infos[q] && postHeader(infos[q].shape)?.named);
      const sentences = infos.slice(whole.first, whole.last + 1).filter((x) => x.para && x.stop).length;
      if (h !== undefined && sentences < 5) {
        let e = h + 1;
        while (e < infos.length && e < nextBarrier(h) && !infos[e].junk) e++;
        if (infos.slice(h + 1, e).filter((x) => !widget(x.shape)).length >= 3) return { infos, first: h + 1, last: e - 1, total: 12, anchored: true, anchors };
      }
    }
  }
  // a short article right under the headline
  if (whole.total < 40 && anchors.some((a) => whole.first > a && whole.last < nextBarrier(a) && whole.first - a <= 8) && whole.total >= 12 && infos.slice(whole.first, whole.last + 1).some((x) => x.stop && x.para)) return { infos, ...whole, anchored: true, anchors };
  return { infos, ...whole, anchored: false, anchors };
}

/**
 * Comments under an article, not a thread: the stretch is an article (5+ lines) and a comment-section line
 * (`评论13`, `全部评论`, `发表评论`) lies between its end and the next post.
 */
function commentsUnderArticle(infos: Info[], th: Thread, region: boolean, first: number, last: number): boolean {
  if (!region || last - first + 1 < 5) return false;
  const next = th.headers.find((h) => h > last);
  if (next === undefined) return false;
  for (let q = last + 1; q < next; q++) if (infos[q].shape.ink <= 20 && /评论|留言|跟帖|热评|回帖/.test(infos[q].shape.text)) return true;
  return false;
}

/** Maximum subarray of the weights of infos[from, to). */
function bestStretch(infos: Info[], from: number, to: number): { first: number; last: number; total: number } {
  let best = 0;
  let bestA = -1;
  let bestB = -1;
  let cur = 0;
  let a = from;
  for (let k = from; k < to; k++) {
    if (cur <= 0) {
      cur = 0;
      a = k;
    }
    cur += infos[k].weight;
    if (cur > best) {
      best = cur;
      bestA = a;
      bestB = k;
    }
  }
  return { first: bestA, last: bestB, total: best };
}

const compact = (s: string) => s.replace(/[\s\u3000]/g, '');

// Text-only questions mainText and check ask of every line on every analysis, memoized by the line's text
// (engine/memo.ts): the cheap ones answered together as bits of one number, with the line's shape, its compact
// form and its post-header verdict in one record (one look-up per line instead of one per question, and by
// the line's own text, which the memo finds in the line's slots, not by its normalized form, which it looks
// up in maps of tens of thousands of texts).
const CUT = 1; // a teaser cut off by the site (`truncated`)
const CARET = 2; // a wiki citation (`^ 跳转到: …`)
const CLOSING = 4; // a header that ends the article (`endCue`) or a previous / next link
const DATED_LINE = 8; // ends with a date or a time
const STOP = 16; // holds a full stop
const PUNCT = 32; // sentence punctuation, a colon or a bracket (`，。：:、；（(`)
const INNER_PUNCT = 64; // a comma, colon or bracket inside the line, or opens with a list number (`1、`)
const TINY_PUNCT = 128; // `。！？!?，,；;` (not a menu label: step 2b)
const LABEL_PUNCT = 256; // `。！？!?，,` (not a widget label: step 2)
const LETTER = 512; // a letter of any script (a lead-in line)
const URL = 1024; // `http://`, `https://` (not a lead-in line)
const END_PUNCT = 2048; // `。！？!?` anywhere (not the page's title line)
const LIST_END = 4096; // ends with `。;；` (not an item of a related list)

function factBits(raw: string, t: string): number {
  return (
    (truncated(raw) ? CUT : 0) |
    (/^\^\s/.test(raw.trim()) ? CARET : 0) |
    (endCue(t) || PREV_NEXT.test(t) ? CLOSING : 0) |
    (DATED.test(t) ? DATED_LINE : 0) |
    (t.includes('。') ? STOP : 0) |
    (/[，。：:、；（(]/.test(t) ? PUNCT : 0) |
    (/[，、：:；（(]/.test(t.slice(1, -1)) || /^\d{1,2}\s*[、.．]/.test(t) ? INNER_PUNCT : 0) |
    (/[。！？!?，,；;]/.test(t) ? TINY_PUNCT : 0) |
    (/[。！？!?，,]/.test(t) ? LABEL_PUNCT : 0) |
    (/[\p{L}]/u.test(t) ? LETTER : 0) |
    (/https?:\/\//.test(t) ? URL : 0) |
    (/[。！？!?]/.test(t) ? END_PUNCT : 0) |
    (/[。;；]$/.test(t) ? LIST_END : 0)
  );
}

interface TextFacts {
  shape: Shape;
  facts: number;
  compact: string;
  head: { named: boolean } | null;
}
const textFacts = memoByText((raw: string): TextFacts => {
  const shape = lineShape(raw);
  const t = shape.text;
  return { shape, facts: factBits(raw, t), compact: compact(t), head: postHeader(shape) ?? null };
});

/**
 * A hard-wrapped run of lines judged as a whole: whether their trimmed texts joined read like a sentence and
 * hold a full stop, a function of the run's texts. Kept with the record of the run's first text (textFacts)
 * and checked against all of its texts, so an unchanged run is not joined, hashed and looked up again on every
 * analysis (41 runs, 4,600 characters on the bench page, ~7 % of context.check unoptimized).
 */
interface WrapVerdict {
  texts: string[];
  sentence: boolean;
  stop: boolean;
}
const wrapMemo = new WeakMap<TextFacts, WrapVerdict>();

function wrapVerdict(lines: readonly Line[], infos: Info[], k: number, e: number): WrapVerdict {
  const kept = wrapMemo.get(infos[k].tf);
  if (kept !== undefined && kept.texts.length === e - k + 1) {
    let same = true;
    for (let q = k; q <= e && same; q++) same = kept.texts[q - k] === lines[infos[q].i].text;
    if (same) return kept;
  }
  const texts: string[] = [];
  let joined = '';
  for (let q = k; q <= e; q++) {
    const t = lines[infos[q].i].text;
    texts.push(t);
    joined += t.trim();
  }
  const v = { texts, sentence: lineShape(joined).sentence, stop: joined.includes('。') };
  wrapMemo.set(infos[k].tf, v);
  return v;
}

/** A cut-off teaser with another one (another text) within 3 lines. */
function cutNear(infos: Info[], k: number): boolean {
  if (!(infos[k].facts & CUT)) return false;
  const t = infos[k].shape.text;
  for (let d = -3; d <= 3; d++) {
    const j = k + d;
    if (d === 0 || j < 0 || j >= infos.length) continue;
    if (infos[j].facts & CUT && infos[j].shape.text !== t) return true;
  }
  return false;
}
/** the one that costs more, asked of fewer lines, by the line's text too */
const linkListOf = memoByText((raw) => linkList(lineShape(raw).text));

/**
 * A row of links: 5+ space-separated names (12 characters on average, 80 % of them ≤ 24), mostly Han, with no sentence punctuation —
 * `广东人大网 广东政协网 阳光检务网 …`, a menu of book titles. Not running text however long; a verse
 * line of equal halves (`床前明月光 疑是地上霜 …`) is not a row of links.
 */
export function linkList(text: string): boolean {
  if (/[，。！？；、,!?;]/.test(text)) return false;
  const toks = text.split(/[\s\u3000]+/).filter(Boolean);
  if (toks.length < 5 || toks.filter((t) => t.length > 24).length > 0.2 * toks.length || hanRatio(text) < 0.5) return false;
  const mean = toks.reduce((a, t) => a + t.length, 0) / toks.length;
  return mean <= 12 && new Set(toks.map((t) => t.length)).size > 1;
}

/** Lines (indexes into infos, after the first) that repeat the headline of the page title (first line, site suffix cut off). */
function titleAnchors(ctx: AnalysisContext, infos: Info[]): number[] {
  if (infos.length < 3) return [];
  const title = infos[0].tf.compact;
  const core = title.split(/[_|｜]|-{1,2}|[–—]/).map((p) => p.trim()).filter((p) => p.length >= 6)[0];
  if (!core) return [];
  const out: number[] = [];
  for (let k = 1; k < infos.length; k++) {
    const t = infos[k].tf.compact;
    if (t.length < 6 || t.length > core.length + 12) continue;
    if (t === core || ((t.startsWith(core) || t.endsWith(core)) && !/[。，,]/.test(t)) || (core.startsWith(t) && t.length >= 0.8 * core.length)) out.push(k);
  }
  return out;
}

export const contextRule: Rule = {
  id: ID,
  category: 'boilerplate',
  scope: 'block',
  phase: 1,
  check(ctx) {
    const main = mainText(ctx);
    const { infos, total, anchored, anchors } = main;
    let { first, last } = main;
    const n = infos.length;
    if (!n) return [];
    // the reason each line is flagged for, and the lines kept, by index into infos (arrays, not a Map and a
    // Set: the language server runs this once per edit, mostly unoptimized)
    const flag: (string | undefined)[] = new Array(n);
    const keep = new Uint8Array(n);
    let region = (total >= 40 || anchored) && first >= 0;
    const lines = ctx.lines;
    const text = (x: Info) => lines[x.i].text;
    // a forum thread that starts above the end of the main text (the question, then replies; comments under
    // an article start below it): its posts are the main text, with the stretch when the two overlap
    const th = findThread(infos);
    let headline = -1;
    if (th && (!region || th.headers[0] <= last || (anchors.length && last < anchors[0] && anchors[0] <= th.first)) && !commentsUnderArticle(infos, th, region, first, last)) {
      // lines of the stretch stay, except post chrome; other lines of the thread are not post text
      for (let q = th.first; q <= th.last; q++) if (!th.bodies.has(q) && !infos[q].junk && (th.chrome.has(q) || !(region && q >= first && q <= last))) flag[q] = 'forum post chrome (header, widgets, user card)';
      if (!region || last < th.first) [first, last] = [th.first, th.last];
      else [first, last] = [Math.min(first, th.first), Math.max(last, th.last)];
      region = true;
      th.bodies.forEach((q) => (keep[q] = 1));
      // the thread's title: the repeated page title above its first post
      const a = anchors.filter((k) => k < th.first && th.first - k <= 30).pop();
      if (a !== undefined) {
        keep[a] = 1;
        headline = a;
      }
    }

    if (region) {
      const span = `main text: lines ${infos[first].i + 1}–${infos[last].i + 1}`;
      // one string per reason (runs of flagged lines are grouped by comparing them)
      const header = `outside the ${span} (page header)`;
      const footer = `outside the ${span} (page footer)`;
      // 3. lead-in lines and headline above the text
      let k = first - 1;
      const lead: number[] = [];
      // (the lead-in starts at the repeated page title, when it is among those lines)
      while (k >= 0 && !infos[k].junk && headline < 0) {
        lead.push(k--);
        if (anchors.includes(k + 1)) break;
      }
      // (not a cut-off teaser, a bare date / time or a line of digits and symbols, not a link)
      // (the page's first line may be cut off: it is the title)
      const leadLike = (q: number) => {
        const f = infos[q].facts;
        return (q === 0 || !(f & CUT)) && !(f & DATED_LINE) && (f & LETTER) !== 0 && !(f & URL);
      };
      if (lead.length <= 4) for (let j = 0; j < lead.length; j++) if (leadLike(lead[j])) keep[lead[j]] = 1;
      else if (isByline(text(infos[first - 1]))) keep[first - 1] = 1;
      if (lead.length <= 4 && headline < 0) {
        // search past junk lines (above the lead-in) for the headline
        let q = first - 1 - lead.length;
        let steps = 0;
        while (q >= 0 && infos[q].junk && steps < 10) {
          q--;
          steps++;
        }
        // (the first line of the page is its title: a short one counts too)
        const titleLine = q === 0 && !(infos[q].facts & DATED_LINE) && infos[q].shape.ink >= 2 && infos[q].shape.ink <= 60 && !(infos[q].facts & END_PUNCT);
        if (q >= 0 && ((steps > 0 && headlineShaped(text(infos[q]), infos[q].shape)) || titleLine)) {
          // not the last item of a list: at most one other non-junk line right above it
          // (menu items, ≤ 6 characters, do not make a list of headlines)
          const sibling = (r: number) => r >= 0 && !infos[r].junk && infos[r].shape.ink > 6;
          if (!(sibling(q - 1) && sibling(q - 2))) keep[q] = 1;
        }
      }
      // 4. bylines / captions right under the text
      for (let q = last + 1; q < n && q <= last + 2 && !infos[q].junk; q++) {
        if (isByline(text(infos[q])) && infos[q].shape.ink <= 40) keep[q] = 1;
        else break;
      }
      // 5. the rest outside the text
      // (the first barrier below the text)
      let firstBar = -1;
      for (let b = last + 1; b < n && firstBar < 0; b++) if (infos[b].weight <= -400) firstBar = b;
      for (let q = 0; q < n; q++) {
        if (q >= first && q <= last) continue;
        const x = infos[q];
        if (x.junk || keep[q]) continue;
        // long running text is kept, unless a strong end-of-article cue lies between it and the text
        // (a long line without sentence punctuation must be mostly Han: not a menu of titles or an archive)
        if (x.para && x.shape.ink >= 60 && (x.shape.sentence || x.shape.han >= 0.6 * x.shape.ink) && !(q > last && firstBar >= 0 && firstBar < q)) continue;
        flag[q] = q < first ? header : footer;
      }
    }
    // 2. a short line, or a run of up to 5 short lines (widget labels, counters), squeezed between two junk lines
    const short = (x: Info) => !x.junk && !x.para && x.shape.ink <= 15 && !isByline(text(x));
    for (let k = 1; k + 1 < n; ) {
      if (!infos[k - 1].junk || !short(infos[k])) {
        k++;
        continue;
      }
      let e = k;
      while (e + 1 < n && short(infos[e + 1])) e++;
      const run = e - k + 1;
      // a run of several lines must look like labels (≤ 6 characters, no sentence punctuation), not forum replies
      let labels = true;
      for (let q = k; q <= e && labels; q++) labels = infos[q].shape.ink <= 6 && !(infos[q].facts & LABEL_PUNCT);
      if (e + 1 < n && infos[e + 1].junk && (run === 1 || (run <= 5 && labels))) {
        for (let q = k; q <= e; q++) if (!keep[q] && flag[q] === undefined) flag[q] = run === 1 ? 'short line between two junk lines' : 'short lines between two junk lines';
      }
      k = e + 1;
    }
    // 2b. a run of 4+ tiny label-like lines (menus, counters: `关注者`, `123`, `被浏览`) anywhere
    const tiny = (x: Info) => !x.junk && x.shape.ink <= 6 && !(x.facts & TINY_PUNCT) && !isByline(text(x));
    for (let k = 0; k < n; ) {
      if (!tiny(infos[k])) {
        k++;
        continue;
      }
      let e = k;
      while (e + 1 < n && (tiny(infos[e + 1]) || (infos[e + 1].junk && infos[e + 1].shape.ink <= 8))) e++;
      let members = 0;
      for (let q = k; q <= e; q++) if (!infos[q].junk) members++;
      if (members >= MENU_RUN) for (let q = k; q <= e; q++) if (!infos[q].junk && !keep[q] && flag[q] === undefined) flag[q] = 'run of menu-like short lines';
      k = e + 1;
    }
    for (let k = 0; k < n; k++) {
      const x = infos[k];
      if (x.junk || keep[k] || flag[k] !== undefined) continue;
      if (x.listed) flag[k] = 'item of a list under a “related / more” header';
      else if (x.cut) flag[k] = 'cut-off teaser (…) in a list of teasers';
    }
    // group runs of flagged lines (blank lines in between are fine, junk lines end a run)
    const out: Finding[] = [];
    for (let s = 0; s < n; ) {
      const why = flag[s];
      if (why === undefined) {
        s++;
        continue;
      }
      let e = s;
      while (e + 1 < n && flag[e + 1] === why) e++;
      const m = e - s + 1;
      out.push(linesFinding(lines, infos[s].i, infos[e].i, {
        rule: ID, category: 'boilerplate', score: why.startsWith('short') ? 0.6 : m >= 3 ? 0.8 : 0.65,
        message: m > 1 ? `${m} lines of page template around the article (${why}).` : `Page template line (${why}).`,
        messageZh: m > 1 ? `正文外的 ${m} 行页面模板内容。` : '正文外的页面模板行。',
        evidence: [why, `${m} line${m > 1 ? 's' : ''}`],
      }));
      s = e + 1;
    }
    return out;
  },
};
