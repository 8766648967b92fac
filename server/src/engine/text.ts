/** Small character-level measures that several rules share. */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/g;

export function countHan(s: string): number {
  const m = s.match(HAN);
  return m ? m.length : 0;
}

/** Visible characters (code points that are not white space). */
export function inkLength(s: string): number {
  let n = 0;
  for (const ch of s) if (!/[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060]/.test(ch)) n++;
  return n;
}

/** Share of visible characters that are Han. */
export function hanRatio(s: string): number {
  const ink = inkLength(s);
  return ink ? countHan(s) / ink : 0;
}

const SENTENCE_END = /[。！？!?；;…」』”"）)]$/;
export function endsLikeSentence(s: string): boolean {
  return SENTENCE_END.test(s.trim());
}

/** Count of Chinese and ASCII punctuation marks inside a sentence (commas, full stops…). */
export function sentencePunctuation(s: string): number {
  const m = s.match(/[，。！？；：、,.!?;:]/g);
  return m ? m.length : 0;
}
