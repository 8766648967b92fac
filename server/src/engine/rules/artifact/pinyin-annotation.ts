/**
 * artifact/pinyin-annotation — pinyin put in brackets after characters, a trick that breaks
 * keyword filters and a common artifact of "annotated" mirror sites.
 *
 * Why: `關(guān)鍵` is not text a corpus wants; the gold clean text removes the annotation.
 * The bracket content must be lower-case pinyin (tone marks, tone digits or plain ASCII) that really
 * spells the 1–4 Han characters just before the bracket (pinyin-pro, all readings of each
 * character; Traditional characters are converted with opencc-js when pinyin-pro does not know them),
 * so `(記者 劉倩茹)`, `八个县(市)` and `(NASA)` are never touched. An author's reading hint for a
 * polyphonic character (`水没(mo)到`: not the usual reading) is kept unless the page has 3+ annotations.
 * Options: none.
 *
 *   關(guān)鍵詞 → 關鍵詞        烟(yan)台 → 烟台        烟台(yān tái)市 → 烟台市
 */
import { Finding, Rule } from '../../types';
import { PlacedFindings, placedFindings, spanFinding } from '../helpers';
import { toSimplified } from '../../convert';
import { HAN_SRC } from './chars';
import { memoByText } from '../../memo';

const ID = 'artifact/pinyin-annotation';

type PinyinFn = typeof import('pinyin-pro').pinyin;
let pinyinFn: PinyinFn | undefined;
/** pinyin-pro, loaded on the first candidate (~30 ms of start-up for every process that never meets one) */
const pinyin: PinyinFn = ((...args: Parameters<PinyinFn>) => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  if (!pinyinFn) pinyinFn = (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  return (pinyinFn as (...a: unknown[]) => unknown)(...args);
}) as PinyinFn;
const MAX_CHARS = 4;

/** Bracketed lower-case Latin (with tone marks / digits): the candidates. */
const CANDIDATE = /[(（]([a-zà-ɏ\u0300-\u036f\u1e00-\u1eff' 1-5-]{1,40})[)）]/g;
const HAN_TAIL = new RegExp('(?:' + HAN_SRC + '){1,' + MAX_CHARS + '}$');

/** Pinyin without tones: NFD, ü → v, combining marks, digits and separators dropped. */
export function plainPinyin(s: string): string {
  return s
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/ü/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s'’1-5-]/g, '')
    .toLowerCase();
}

const readingCache = new Map<string, string[]>();

/** Every toneless reading of one Han character. */
export function readingsOf(ch: string): string[] {
  let r = readingCache.get(ch);
  if (r) return r;
  const get = (c: string) =>
    (pinyin(c, { multiple: true, type: 'array', toneType: 'none' }) as string[]).map(plainPinyin).filter((p) => /^[a-z]+$/.test(p));
  r = get(ch);
  if (!r.length) {
    const simp = toSimplified(ch);
    if (simp !== ch) r = get(simp);
  }
  r = [...new Set(r)];
  if (readingCache.size < 20000) readingCache.set(ch, r);
  return r;
}

/** true when `s` is exactly a concatenation of one reading of each character, in order. */
export function spells(s: string, chars: string[]): boolean {
  const go = (pos: number, i: number): boolean => {
    if (i === chars.length) return pos === s.length;
    for (const r of readingsOf(chars[i])) if (s.startsWith(r, pos) && go(pos + r.length, i + 1)) return true;
    return false;
  };
  return go(0, 0);
}

/** Annotations per document from which every one is junk, reading hints included. */
const DENSE = 3;

/** The usual (first) toneless reading of one character. */
function usualReading(ch: string): string | undefined {
  const all = readingsOf(ch);
  const first = plainPinyin(pinyin(ch, { toneType: 'none' }) as string);
  return /^[a-z]+$/.test(first) ? first : all[0];
}

/** A single polyphonic character annotated with a reading other than its usual one. */
function isReadingHint(plain: string, chars: string[]): boolean {
  return chars.length === 1 && readingsOf(chars[0]).length > 1 && usualReading(chars[0]) !== plain;
}

/** One annotation on a line: offsets relative to the line start, with its finding's text. */
interface Hit {
  at: number;
  end: number;
  hint: boolean;
  message: string;
  messageZh: string;
  score: number;
  evidence: string[];
}

/**
 * The annotations of one line (by its text alone, memoized: after an edit only the changed lines are read
 * again — a page full of annotations costs ~10 ms of pinyin look-ups per analysis).
 */
interface LineHits {
  hits: readonly Hit[];
  /** annotations that are not reading hints */
  strict: number;
}

/** The findings last made of a line's annotations, per page density (helpers placedFindings). */
const placedOf: PlacedFindings<boolean> = new WeakMap();
const NO_HITS: LineHits = Object.freeze({ hits: Object.freeze([]), strict: 0 });

const hitsOfLine = memoByText((text: string): LineHits => {
  let hits: Hit[] | undefined;
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text))) {
    const body = m[1];
    if (!/[a-z]/.test(body.normalize('NFD'))) continue;
    const plain = plainPinyin(body);
    if (!/^[a-z]{1,30}$/.test(plain)) continue;
    const tail = HAN_TAIL.exec(text.slice(Math.max(0, m.index - MAX_CHARS * 2), m.index));
    if (!tail) continue;
    const han = [...tail[0]];
    let matched: string[] | undefined;
    for (let n = 1; n <= han.length && !matched; n++) {
      const chars = han.slice(han.length - n);
      if (spells(plain, chars)) matched = chars;
    }
    if (!matched) continue;
    const toned = /[\u0300-\u036f1-5]/.test(body.normalize('NFD'));
    (hits ??= []).push({
      at: m.index,
      end: m.index + m[0].length,
      hint: isReadingHint(plain, matched),
      message: `Pinyin annotation “${m[0]}” after “${matched.join('')}”`,
      messageZh: `字后拼音注释“${m[0]}”（${matched.join('')}）`,
      score: toned ? 0.95 : 0.8,
      evidence: [matched.join(''), body],
    });
  }
  return hits ? { hits, strict: hits.filter((h) => !h.hint).length } : NO_HITS;
});

export const pinyinAnnotation: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    const found: { start: number; lh: LineHits }[] = [];
    let strict = 0;
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank || !/[(（]/.test(line.text)) continue;
      const lh = hitsOfLine(line.text);
      if (!lh.hits.length) continue;
      found.push({ start: line.start, lh });
      strict += lh.strict;
    }
    // An author's reading hint for a polyphonic character (`水没(mo)到`) is text; annotations
    // count as junk when they agree with the usual reading, or when the page is full of them.
    const dense = strict >= DENSE;
    for (let itI = 0, foundArr = found; itI < foundArr.length; itI++) {
      const { start, lh } = foundArr[itI];
      const fs = placedFindings(placedOf, lh, start, dense, () => {
        const findings: Finding[] = [];
        for (let hI = 0, hitsArr = lh.hits; hI < hitsArr.length; hI++) {
          const h = hitsArr[hI];
          if (h.hint && !dense) continue;
          findings.push(
            spanFinding(start + h.at, start + h.end, {
              rule: ID,
              category: 'artifact',
              message: h.message,
              messageZh: h.messageZh,
              score: h.score,
              evidence: h.evidence,
              fixTitle: 'Remove the pinyin annotation',
            }),
          );
        }
        return findings;
      });
      for (let fI = 0; fI < fs.length; fI++) out.push(fs[fI]);
    }
    return out;
  },
};
