/**
 * spam/keyword-titles — titles stuffed with an unrelated search keyword.
 *
 * Why: content farms prefix every listed title with a popular query and repeat it in a template teaser:
 * `「暑假作文300字」这份深情` followed by `导读:暑假作文300字-深情`. The teaser line (`导读:X-Y`) names the
 * stuffed keyword X; the teaser and every short title line that carries X are spam. When a page has ≥ 3
 * such keywords, their shared vocabulary (a Han bigram found in most of them, e.g. 作文) marks the other
 * stuffed titles of the page: short lines with a title joiner (「」 [] 【】 _ : - or a space) and that bigram.
 * Lines that boilerplate rules already took are left alone; prose lines (with 。) never match.
 * Options: none.
 *
 * Before → after:
 *   「高考满分作文」春天的故事⏎导读:高考满分作文-春天⏎春天来了，…   →   春天来了，…
 */
import { Rule, Finding, Line } from '../../types';
import { lineFinding } from '../helpers';
import { CodeUnitSet, countHan } from '../../text';
import { spamCoveredLines } from './util';
import { memoByText } from '../../memo';

/** reused by every call (see CodeUnitSet) */
const FIRST_UNITS = new CodeUnitSet();

const TEASER = /^\s*(?:导读|导语|摘要)\s*[:：]\s*(.+?)\s*[-—–_]\s*([^-—–_]+?)\s*$/;
const JOINER = /[「」\[\]【】_:：\-—]|\S\s+\S/;

/** The key stands apart in the line: at an edge, or next to a title joiner (not inside a sentence). */
function joined(text: string, key: string): boolean {
  const t = text.trim();
  const i = t.indexOf(key);
  if (i < 0) return false;
  const before = i === 0 ? '' : t[i - 1];
  const after = t[i + key.length] ?? '';
  return before === '' || after === '' || /[「」\[\]【】_:：\-—\s《]/.test(before) || /[「」\[\]【】_:：\-—\s》]/.test(after);
}

// text-only tests asked of every line on every analysis, memoized by text (engine/memo.ts)
/** The keyword a teaser line (`导读:X-Y`) names, or '' */
const teaserKey = memoByText((text: string): string => {
  const m = TEASER.exec(text);
  return m && countHan(m[1]) >= 3 && countHan(text) <= 60 ? m[1] : '';
});
/** A line short enough and shaped like a title to carry a key */
const titleLine = memoByText((t: string) => countHan(t) <= 60 && !/[。！？]/.test(t) && (countHan(t) <= 24 || !/[，,]/.test(t)));
/** A line a stuffed title could be: short, no sentence end, a title joiner, at most two runs of spaces */
const stuffable = memoByText((text: string) => {
  const t = text.trim();
  if (countHan(t) > 40 || /[。！？]/.test(t) || !JOINER.test(t)) return false;
  return (t.match(/\s+/g) ?? []).length <= 2;
});

export const keywordTitles: Rule = {
  id: 'spam/keyword-titles',
  category: 'spam',
  scope: 'line',
  phase: 1,
  check(ctx) {
    const out: Finding[] = [];
    const keys: { line: number; key: string }[] = [];
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const key = teaserKey(line.text);
      if (key !== '') keys.push({ line: line.index, key });
    }
    if (!keys.length) return out;
    const distinct = new Set(keys.map((k) => k.key));
    const flagged = new Map<number, string>();
    const isTitle = titleLine;
    // Lines that could carry a key: title lines, indexed by each pair of adjacent UTF-16 code units that
    // starts a key (a line holds the key only if it holds the key's first two code units), built once;
    // then the lines of each distinct key, once (not every line for every teaser line).
    const starts = new Set<number>();
    /** 1 where a code unit is the first of a key (a cheap test before the pair's) */
    const first = FIRST_UNITS;
    first.clear();
    for (const { key } of keys) {
      starts.add(key.charCodeAt(0) * 65536 + key.charCodeAt(1));
      first.add(key.charCodeAt(0));
    }
    const byStart = new Map<number, Line[]>();
    for (let lI = 0, linesArr = ctx.lines; lI < linesArr.length; lI++) {
      const l = linesArr[lI];
      if (l.blank) continue;
      const t = l.text;
      let titled: boolean | undefined;
      for (let i = 0; i + 1 < t.length; i++) {
        if (!first.has(t.charCodeAt(i))) continue;
        const code = t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1);
        if (!starts.has(code)) continue;
        if (titled === undefined) titled = isTitle(t);
        if (!titled) break;
        const at = byStart.get(code);
        if (!at) byStart.set(code, [l]);
        else if (at[at.length - 1] !== l) at.push(l);
      }
    }
    const carriers = new Map<string, Line[]>();
    const carrying = (key: string): Line[] => {
      let ls = carriers.get(key);
      if (!ls) {
        const cand = byStart.get(key.charCodeAt(0) * 65536 + key.charCodeAt(1)) ?? [];
        ls = cand.filter((l) => l.text.trim() !== key && joined(l.text, key));
        carriers.set(key, ls);
      }
      return ls;
    };
    for (const { line, key } of keys) {
      const others = carrying(key).filter((l) => l.index !== line);
      if (!others.length && distinct.size < 2) continue;
      flagged.set(line, key);
      for (const l of others) if (!flagged.has(l.index)) flagged.set(l.index, key);
    }
    if (distinct.size >= 3) {
      // the vocabulary the farm stuffs: Han bigrams present in at least half of the keywords
      const df = new Map<string, number>();
      for (const k of distinct) {
        const seen = new Set<string>();
        for (let i = 0; i + 2 <= k.length; i++) {
          const g = k.slice(i, i + 2);
          if (countHan(g) === 2 && !seen.has(g)) {
            seen.add(g);
            df.set(g, (df.get(g) ?? 0) + 1);
          }
        }
      }
      const vocab = [...df].filter(([, c]) => c * 2 >= distinct.size).map(([g]) => g);
      if (vocab.length) {
        // the lines boilerplate took, only here (a pass over every earlier finding and the lines it covers on
        // every edit otherwise: most pages stop before)
        const boiler = spamCoveredLines(ctx, 'boilerplate');
        for (let lI = 0, linesArr = ctx.lines; lI < linesArr.length; lI++) {
          const l = linesArr[lI];
          if (l.blank || flagged.has(l.index) || boiler.has(l.index)) continue;
          if (!stuffable(l.text)) continue;
          const t = l.text.trim();
          const v = vocab.find((g) => t.includes(g));
          if (v) flagged.set(l.index, v);
        }
      }
    }
    for (const [k, key] of [...flagged].sort((a, b) => a[0] - b[0])) {
      out.push(
        lineFinding(ctx.lines[k], ctx.lines, {
          rule: 'spam/keyword-titles',
          category: 'spam',
          message: `Title stuffed with the search keyword “${key}”`,
          messageZh: `堆砌搜索关键词“${key}”的标题`,
          score: 0.8,
          evidence: [key],
          fixTitle: 'Remove spam line',
        }),
      );
    }
    return out;
  },
};
