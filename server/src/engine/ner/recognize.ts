/**
 * recognize(text) → entity spans (people, places, organisations) in UTF-16 offsets.
 * The text is tagged a line at a time; long lines are cut after sentence punctuation (and, failing
 * that, at a clause break or every MAX_CHUNK characters), so decoding stays linear and bounded.
 */
import { EntityType, Segmenter } from '../types';
import { TaggedWord } from './features';
import { NerType, tagsToSpans, viterbi } from './decode';
import { loadModel, NerModel } from './model';

export interface EntitySpan {
  /** UTF-16 offsets into the text, end exclusive */
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

export const ENTITY_TYPE: Record<NerType, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** Chunks longer than this (in code points) are cut at sentence punctuation. */
const SOFT_CHUNK = 200;
/** No chunk is longer than this. */
const MAX_CHUNK = 400;
const SENTENCE_END = /[。！？；!?;…]/u;
const CLAUSE_END = /[，,、：:\s]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Cuts a line's code points into [start, end) chunks of at most MAX_CHUNK. */
export function chunk(chars: string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    if (end - start > SOFT_CHUNK) {
      const limit = Math.min(chars.length, start + MAX_CHUNK);
      let cut = -1;
      for (let i = start + SOFT_CHUNK; i < limit && cut < 0; i++) if (SENTENCE_END.test(chars[i])) cut = i + 1;
      for (let i = start + SOFT_CHUNK - 1; i > start + SOFT_CHUNK / 2 && cut < 0; i--) if (SENTENCE_END.test(chars[i])) cut = i + 1;
      for (let i = limit - 1; i > start + SOFT_CHUNK / 2 && cut < 0; i--) if (CLAUSE_END.test(chars[i])) cut = i + 1;
      end = cut > 0 ? cut : limit;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** Tags one chunk of code points; spans in code-point offsets of the chunk. */
export function tagChars(chars: string[], segmenter: Segmenter | undefined, model: NerModel = loadModel()) {
  let words: TaggedWord[] | undefined;
  if (segmenter) {
    try {
      words = segmenter.tag(chars.join(''));
    } catch {
      words = undefined;
    }
  }
  return tagsToSpans(viterbi(model.score(chars, words), chars.length, model.trans));
}

/** Chunks without a Han character are not tagged: the model is trained on Chinese text and finds nothing in them (none in the bench corpus). */
const HAS_HAN = /\p{Script=Han}/u;

/** The entities of a text, tagged a line (or sentence) at a time. */
export function recognize(text: string, segmenter?: Segmenter, model?: NerModel): EntitySpan[] {
  const m = model ?? loadModel();
  const out: EntitySpan[] = [];
  const chars = Array.from(text);
  // UTF-16 offset of each code point
  const units = new Array<number>(chars.length + 1);
  units[0] = 0;
  for (let i = 0; i < chars.length; i++) units[i + 1] = units[i] + chars[i].length;
  let lineStart = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && !LINE_BREAK.test(chars[i])) continue;
    const line = chars.slice(lineStart, i);
    for (const [a0, b0] of chunk(line)) {
      const a = lineStart + a0;
      const piece = line.slice(a0, b0);
      if (!piece.some((c) => HAS_HAN.test(c))) continue;
      for (const s of tagChars(piece, segmenter, m)) {
        const start = units[a + s.start];
        const end = units[a + s.end];
        out.push({ start, end, type: ENTITY_TYPE[s.type], text: text.slice(start, end) });
      }
    }
    lineStart = i + 1;
  }
  return out;
}
