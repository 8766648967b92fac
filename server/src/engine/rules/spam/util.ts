/**
 * Shared measures of the spam rules (not a rule): advertising scores from the graded lexicon
 * `spam-ads`, the crackdown/news damping lexicon, token splitting, and the "is this a real
 * sentence" test that decides between flagging a span and flagging a whole line; the lines earlier findings
 * cover (as a set, as marks, or asked of one line).
 */
import { AnalysisContext, Finding, Line } from '../../types';
import { lexicon, LexMatch } from '../../lexicon';
import { countHan, leadingSpace, nonSpaceUnits, sentencePunctuation, trailingSpace } from '../../text';
import { memoByText } from '../../memo';
import { firstLineEndingAfter } from '../../segment';

/** Non-white-space code units of a line, by its text. */
const nonSpaceM = memoByText((t) => nonSpaceUnits(t));

export const AD_CLASSES = ['gambling', 'porn', 'loan', 'medicine'] as const;

export interface AdScore {
  /** Highest class score (sum of distinct term weights of one class, damped by news context). */
  score: number;
  cls: string;
  /** Sum over all ad classes. */
  total: number;
  matches: LexMatch[];
  evidence: string[];
  /** Strongest single term weight. */
  maxWeight: number;
  /** the score was damped by news context (never for a text without an advertising word) */
  damped: boolean;
}

export function adMatches(text: string): LexMatch[] {
  return lexicon('spam-ads').find(text).filter((m) => m.cls !== 'seo');
}

/** Every match of the graded lexicon, seo class included (adMatches + seoMatches in one search). */
export function spamAdsMatches(text: string): LexMatch[] {
  return lexicon('spam-ads').find(text);
}

/**
 * spamAdsMatches of a line's text, memoized by text (engine/memo.ts): spam/site-names and spam/seo-keywords
 * both ask it of every line, and most lines have no match, which settles both (callers must not mutate it).
 */
export const lineSpamAds = memoByText(spamAdsMatches);

/**
 * Whether a line holds an advertising term (a spam-ads match of a class other than `seo`): without one,
 * adScore(text) has no matches, so judgeLine and site-names give no verdict (most lines).
 */
export function hasAdTerm(text: string): boolean {
  return lineSpamAds(text).some((m) => m.cls !== 'seo');
}

export function seoMatches(text: string): LexMatch[] {
  return lexicon('spam-ads').find(text).filter((m) => m.cls === 'seo');
}

/** News/crackdown context weight of a text (0 = none). */
export function newsContext(text: string): number {
  const seen = new Set<string>();
  let w = 0;
  for (const m of lexicon('spam-crackdown').find(text)) {
    if (seen.has(m.term)) continue;
    seen.add(m.term);
    w += m.weight;
  }
  return w;
}

/** Does the text read like prose: sentence punctuation and enough Han characters per clause. */
export function isProse(text: string): boolean {
  const han = countHan(text);
  if (han < 20) return false;
  const segs = text.split(/[，。！？；：、,.!?;:\s|｜/_\-—]+/).filter((s) => countHan(s) > 0);
  if (!segs.length) return false;
  const avg = segs.reduce((a, s) => a + countHan(s), 0) / segs.length;
  return sentencePunctuation(text) >= 1 && avg >= 6;
}

export function adScore(text: string): AdScore {
  const matches = adMatches(text);
  const byClass = new Map<string, Map<string, number>>();
  for (const m of matches) {
    const key = m.term.toLowerCase();
    const cl = byClass.get(m.cls) ?? new Map<string, number>();
    cl.set(key, Math.max(cl.get(key) ?? 0, m.weight));
    byClass.set(m.cls, cl);
  }
  let best = 0;
  let bestCls = '';
  let total = 0;
  for (const [cls, terms] of byClass) {
    const s = [...terms.values()].reduce((a, b) => a + b, 0);
    total += s;
    if (s > best) {
      best = s;
      bestCls = cls;
    }
  }
  const maxWeight = matches.reduce((a, m) => Math.max(a, m.weight), 0);
  // A sentence reporting on a crackdown or a court case talks *about* gambling or porn (and a text without
  // an advertising word has nothing to damp: most lines, so the crackdown lexicon is not searched there).
  const news = matches.length ? newsContext(text) : 0;
  let damped = false;
  if (news >= 0.5 && isProse(text)) {
    damped = true;
    best = maxWeight >= 1 && news < 1 ? best * 0.7 : best * 0.3;
  }
  return {
    score: best,
    cls: bestCls,
    total,
    matches,
    evidence: [...new Set(matches.map((m) => m.term))],
    maxWeight,
    damped,
  };
}

/** Tokens of a keyword string: split on white space, commas, slashes, bars. */
export function tokens(text: string): string[] {
  return text
    .split(/[\s\u3000,，、|｜/;；]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** Lines of the document that earlier spam findings already cover (≥ half of their ink). */
export function spamCoveredLines(ctx: AnalysisContext, category = 'spam', only?: (f: Finding) => boolean): Set<number> {
  const out = new Set<number>();
  const lines = ctx.lines;
  for (let fI = 0, priorArr = ctx.prior; fI < priorArr.length; fI++) {
    const f = priorArr[fI];
    if (f.category !== category || (only && !only(f))) continue;
    // lines are in offset order: start at the first line ending after f.start (binary search), stop past f.end
    for (let li = firstLineEndingAfter(lines, f.start); li < lines.length; li++) {
      const line = lines[li];
      if (line.start >= f.end) break;
      if (coversHalf(ctx, line, f)) out.add(line.index);
    }
  }
  return out;
}

/**
 * spamCoveredLines(ctx, category).has(li) for one line: a finding of `category` overlapping it covers half of
 * its ink. For a caller that asks of a few lines only (spam/spread): the set of every line costs a pass over
 * the lines of every such finding.
 */
export function lineCoveredBy(ctx: AnalysisContext, category: string, li: number): boolean {
  const line = ctx.lines[li];
  if (line.blank) return false;
  for (let fI = 0, priorArr = ctx.prior; fI < priorArr.length; fI++) {
    const f = priorArr[fI];
    // (the lines spamCoveredLines visits for f: ending after its start, starting before its end)
    if (f.category !== category || line.end <= f.start || line.start >= f.end) continue;
    if (coversHalf(ctx, line, f)) return true;
  }
  return false;
}

/** Does finding `f` cover at least half of the ink of `line` (which it overlaps or touches)? */
function coversHalf(ctx: AnalysisContext, line: Line, f: Finding): boolean {
  if (line.blank || line.end <= f.start) return false;
  const a = Math.max(line.start, f.start);
  const b = Math.min(line.end, f.end);
  const ink = nonSpaceM(line.text);
  // a finding over the whole line but its leading / trailing white space covers all its ink
  const cov = a <= line.start + leadingSpace(line.text) && b >= line.end - trailingSpace(line.text) ? ink : nonSpaceUnits(ctx.text, a, b);
  return ink > 0 && cov / ink >= 0.5;
}

/**
 * The lines finding `f` covers as spamCoveredLines counts them, as marks: `mark[i]` set to 1 for each (`mark`
 * holds an entry per line; the caller clears it again); returns how many were not marked yet. For a caller run
 * on every edit that only asks "is line i covered": no Set, no closure per finding.
 */
export function markLinesOf(ctx: AnalysisContext, f: Finding, mark: Uint8Array): number {
  let count = 0;
  const lines = ctx.lines;
  for (let li = firstLineEndingAfter(lines, f.start); li < lines.length; li++) {
    const line = lines[li];
    if (line.start >= f.end) break;
    if (mark[line.index] === 0 && coversHalf(ctx, line, f)) {
      mark[line.index] = 1;
      count++;
    }
  }
  return count;
}

export function lineOf(ctx: AnalysisContext, f: Finding): Line | undefined {
  return ctx.lines.find((l) => l.start <= f.start && f.start <= l.end);
}

export const SPAM_LABEL = {
  gambling: ['gambling advertising', '赌博广告'],
  porn: ['porn advertising', '色情广告'],
  loan: ['loan advertising', '贷款广告'],
  medicine: ['medicine advertising', '医药广告'],
} as Record<string, [string, string]>;

export interface SpamSpan {
  start: number; // offsets inside the line text
  end: number;
  terms: string[];
}

export interface LineVerdict {
  kind: 'line' | 'spans';
  score: number;
  cls: string;
  evidence: string[];
  spans: SpamSpan[];
  damped: boolean;
}

const NAME_CHAR = /[A-Za-z0-9\u4e00-\u9fff]/;
const BOUNDARY = /[\s\u3000，。！？；：、,.!?;:（）()《》<>“”"'‘’【】「」\[\]]/;
const SUFFIXES = ['网址', '官网', '官方网站', '平台', '登录', '登入', '注册', '下载', '开户', '手机版', '客户端', '直营', 'app', 'APP', 'App', '网站', '网', '入口'];
const WRAPS: Record<string, string> = { '‘': '’', '“': '”', '【': '】', '「': '」', '[': ']', '(': ')', '（': '）', "'": "'", '"': '"', '《': '》' };

/** Grow a brand match into the whole glued name: `王者威尼斯人现金网网址：` from `威尼斯人`/`现金网`. */
export function growName(text: string, start: number, end: number): [number, number] {
  // left: only up to a close boundary (≤ 3 name characters)
  let a = start;
  let k = 0;
  while (a > 0 && NAME_CHAR.test(text[a - 1]) && k < 4) {
    a--;
    k++;
  }
  if (!(a === 0 || BOUNDARY.test(text[a - 1]))) a = start;
  // right: suffix words and brand characters glued on
  let b = end;
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of SUFFIXES) {
      if (text.startsWith(s, b)) {
        b += s.length;
        grew = true;
        break;
      }
    }
  }
  // wrapping quotes / brackets around exactly the name
  if (a > 0 && WRAPS[text[a - 1]] && text[b] === WRAPS[text[a - 1]]) {
    a--;
    b++;
  } else if (text[b] && /[：:，,]/.test(text[b])) {
    b++;
  }
  return [a, b];
}

/**
 * Judge one line: is it an advertising line, or a content line with spam glued in?
 * Returns undefined when the line is not spam.
 */
export function judgeLine(text: string, opts: { threshold?: number } = {}): LineVerdict | undefined {
  const threshold = opts.threshold ?? 1;
  const s = adScore(text);
  if (!s.matches.length) return undefined;
  // spans: strong-enough gambling / porn brand matches
  const raw: SpamSpan[] = [];
  for (const m of s.matches) {
    if (m.weight < 0.7 || (m.cls !== 'gambling' && m.cls !== 'porn')) continue;
    const [a, b] = growName(text, m.start, m.end);
    // a porn word that is not a strong brand (`人妻`, `性爱`) is a span only when it is dressed as a site name:
    // a suffix (网址, app…) or wrapping quotes; in running text it is a word of the sentence
    if (m.cls === 'porn' && m.weight < 1 && !dressed(text, m.end, a, b)) continue;
    const last = raw[raw.length - 1];
    if (last && a <= last.end + 1) {
      last.end = Math.max(last.end, b);
      last.terms.push(m.term);
    } else raw.push({ start: a, end: b, terms: [m.term] });
  }
  if (s.score < threshold && !(raw.length && !s.damped)) return undefined;
  let rest = text;
  for (const sp of [...raw].reverse()) rest = rest.slice(0, sp.start) + rest.slice(sp.end);
  // a brand that opens the line unwrapped (`品牌词公司简介…`) or right after a field label
  // (`文章摘要：品牌…`) means the spammer wrote the line; a wrapped one (`‘品牌’标题`) was glued onto a title
  const head = raw.length ? text.slice(0, raw[0].start) : '';
  const labelFirst = raw.length > 0 && (/^\s*[^\s：:]{1,8}[：:]\s*$/.test(head) || (/^\s*$/.test(head) && !WRAPS[text[raw[0].start]]));
  const restAd = adScore(rest);
  const contentRest = restAd.score < 0.6 && !labelFirst && (isProse(rest) || isHeadline(rest));
  if (raw.length && contentRest) {
    return { kind: 'spans', score: Math.min(1, s.maxWeight), cls: s.cls, evidence: s.evidence, spans: raw, damped: s.damped };
  }
  if (s.score < threshold) return undefined;
  return { kind: 'line', score: Math.min(1, s.score), cls: s.cls, evidence: s.evidence, spans: raw, damped: s.damped };
}

/**
 * judgeLine(text) with the default threshold, memoized by text (engine/memo.ts): ad-lexicon and glued-span
 * both judge every line. Callers must not mutate the verdict.
 */
export const judgeLineDefault = memoByText((text: string): LineVerdict | null => {
  // judgeLine gives no verdict without an advertising term: most lines, answered by the line's memoized
  // spam-ads matches instead of a search of their own
  if (!hasAdTerm(text)) return null;
  return judgeLine(text) ?? null;
});

/** Did growName dress the match as a name: a suffix word after it, or wrapping quotes/brackets around it? */
function dressed(text: string, mEnd: number, a: number, b: number): boolean {
  if (WRAPS[text[a]] && text[b - 1] === WRAPS[text[a]]) return true;
  return SUFFIXES.some((x) => text.startsWith(x, mEnd));
}

/** A headline: one run of ≥ 12 Han characters, no list separators. */
export function isHeadline(text: string): boolean {
  const t = text.trim();
  if (countHan(t) < 12) return false;
  const segs = t.split(/[\s\u3000,，、|｜/_]+/).filter((x) => countHan(x) > 0);
  const longest = Math.max(...segs.map(countHan));
  return segs.length <= 3 && longest >= 10 && longest >= 0.75 * countHan(t);
}
