/**
 * Which documents are analysed. `corpus` documents always are; other languages (plain text)
 * only when the text is mostly Chinese, so a README or a log opened as plaintext stays quiet.
 */
import { countHan, inkLength } from '../engine/text';

export const SAMPLE_CHARS = 4096;
export const MIN_HAN_SHARE = 0.3;

/** True when at least 30% of the visible characters of the first 4 KB are Han characters. */
export function isMostlyChinese(text: string): boolean {
  let sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // do not cut a surrogate pair in half
  if (sample.length && /[\ud800-\udbff]/.test(sample[sample.length - 1])) sample = sample.slice(0, -1);
  const ink = inkLength(sample);
  return ink > 0 && countHan(sample) / ink >= MIN_HAN_SHARE;
}

export function shouldAnalyze(languageId: string, text: string, onlyChinese: boolean): boolean {
  if (languageId === 'corpus' || !onlyChinese) return true;
  return isMostlyChinese(text);
}
