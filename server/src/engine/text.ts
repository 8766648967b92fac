/** Small character-level measures that several rules share. */

/** Han characters: U+3400–4DBF, U+4E00–9FFF, U+F900–FAFF and the astral planes 2–3 (surrogates D840–D87F). */
export function countHan(s: string): number {
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || c <= 0x4dbf || (c >= 0xf900 && c <= 0xfaff)) n++;
    else if (c >= 0xd840 && c <= 0xd87f && i + 1 < len) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n++;
        i++;
      }
    }
  }
  return n;
}

/** White space as JavaScript's \s sees it, plus U+200B–200D and U+2060 (invisible). */
function isSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
}

/** Visible characters (code points that are not white space). */
export function inkLength(s: string): number {
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        n++;
        continue;
      }
    }
    if (!isSpace(c)) n++;
  }
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

/**
 * White space exactly as a JavaScript regular expression's `\s` (and String.prototype.trim) sees it:
 * WhiteSpace and LineTerminator — tab, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000–200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000, U+FEFF. (Unlike `isSpace` above, U+200B–200D and U+2060 are not white space.)
 */
export function isJsSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.slice(from, to).replace(/\s/g, '').length` without the copies: code units of s[from, to) that are not `\s`. */
export function nonSpaceUnits(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (!isJsSpace(s.charCodeAt(i))) n++;
  return n;
}

/** `s.length - s.trimStart().length`, without the copy. */
export function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isJsSpace(s.charCodeAt(i))) i++;
  return i;
}

/** `s.length - s.trimEnd().length`, without the copy. */
export function trailingSpace(s: string): number {
  let i = s.length;
  while (i > 0 && isJsSpace(s.charCodeAt(i - 1))) i--;
  return s.length - i;
}

/**
 * A set of UTF-16 code units in a reusable 64 K table (no allocation per use): a cheap first test in front
 * of an exact one. `clear` resets only the units added since the last clear.
 */
export class CodeUnitSet {
  private readonly table = new Uint8Array(0x10000);
  private added: number[] = [];
  add(c: number): void {
    if (this.table[c] === 0) {
      this.table[c] = 1;
      this.added.push(c);
    }
  }
  has(c: number): boolean {
    return this.table[c] !== 0;
  }
  clear(): void {
    for (const c of this.added) this.table[c] = 0;
    this.added = [];
  }
}
