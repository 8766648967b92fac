/**
 * artifact/mojibake — UTF-8 text that was decoded as GBK somewhere upstream: `鍏充簬` is the bytes
 * of `关于` read the wrong way. Each 3 GBK characters hold the 6 bytes of 2 UTF-8 characters.
 *
 * Why: a reader cannot read it; a corpus wants it repaired or dropped. The rule re-encodes runs of
 * characters as GBK and decodes them as UTF-8; a span counts when at least two 3-character chunks
 * decode (or one chunk, when it decodes to two common GB2312 level-1 characters). Ordinary Chinese
 * text almost never re-encodes to valid UTF-8: its characters rarely come from the GBK rows E0–EF
 * that UTF-8 lead bytes need. Flag only, no fix (the gold keeps mojibake, and clean() applies every
 * artifact's first fix); the decoded text is in the message and evidence.
 * Options: none.
 *
 *   鍏充簬鎴戜滑 → flagged, evidence “关于我们”
 */
import { Finding, Rule } from '../../types';
import { finding } from '../helpers';

const ID = 'artifact/mojibake';

let gbk: Map<string, number> | undefined;

/** Character → its two-byte GBK code, built once from the platform's GBK decoder. */
function gbkTable(): Map<string, number> {
  if (gbk) return gbk;
  gbk = new Map();
  let dec: InstanceType<typeof TextDecoder>;
  try {
    dec = new TextDecoder('gbk');
  } catch {
    return gbk; // no GBK in this runtime (small-icu): the rule finds nothing
  }
  // every two-byte code, each followed by a line feed, decoded in one call (unassigned → U+FFFD)
  const codes: number[] = [];
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) codes.push((a << 8) | b);
  const buf = new Uint8Array(codes.length * 3);
  codes.forEach((c, i) => {
    buf[3 * i] = c >> 8;
    buf[3 * i + 1] = c & 0xff;
    buf[3 * i + 2] = 0x0a;
  });
  const chars = dec.decode(buf).split('\n');
  if (chars.length < codes.length) return gbk;
  codes.forEach((c, i) => {
    const ch = chars[i];
    if (ch.length === 1 && ch !== '\ufffd' && !gbk!.has(ch)) gbk!.set(ch, c);
  });
  return gbk;
}

/** The same table by code unit (0: not a GBK character): a look-up without a one-character string per position. */
let gbkCodes: Uint16Array | undefined;
function codeTable(): Uint16Array {
  if (gbkCodes) return gbkCodes;
  const codes = new Uint16Array(0x10000);
  for (const [ch, c] of gbkTable()) codes[ch.charCodeAt(0)] = c; // every key is one BMP code unit; codes are ≥ 0x8140
  return (gbkCodes = codes);
}

/**
 * Bit u: code unit u's GBK code can be a UTF-8 lead byte (E0–EF) — an 8 KB table for the test made at every
 * position of every line (most fail it), which the 128 KB code table mostly missed the CPU's cache for.
 */
let leadUnits: Uint32Array | undefined;
function leadTable(): Uint32Array {
  if (leadUnits) return leadUnits;
  const codes = codeTable();
  const bits = new Uint32Array(0x10000 >> 5);
  for (let u = 0; u < 0x10000; u++) if (codes[u] !== 0 && codes[u] >> 12 === 0xe) bits[u >>> 5] |= 1 << (u & 31);
  return (leadUnits = bits);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode three GBK characters' six bytes as two UTF-8 CJK characters, or undefined. */
function decodeChunk(codes: number[]): string | undefined {
  const bytes = new Uint8Array(6);
  codes.forEach((c, i) => {
    bytes[2 * i] = c >> 8;
    bytes[2 * i + 1] = c & 0xff;
  });
  if ((bytes[0] & 0xf0) !== 0xe0 || (bytes[3] & 0xf0) !== 0xe0) return undefined;
  try {
    const s = utf8.decode(bytes);
    return /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{2}$/.test(s) ? s : undefined;
  } catch {
    return undefined;
  }
}

function common(s: string): boolean {
  const t = gbkTable();
  for (const ch of s) {
    const c = t.get(ch);
    if (c === undefined || c >> 8 < 0xb0 || c >> 8 > 0xd7 || (c & 0xff) < 0xa1) return false;
  }
  return true;
}

export const mojibake: Rule = {
  id: ID,
  category: 'artifact',
  scope: 'span',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out: Finding[] = [];
    if (!gbkTable().size) return out;
    const table = codeTable();
    const leads = leadTable();
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const t = line.text;
      // BMP characters only: GBK has no astral ones
      let i = 0;
      while (i + 3 <= t.length) {
        let j = i;
        let decoded = '';
        let chunks = 0;
        while (j + 3 <= t.length) {
          const u = t.charCodeAt(j);
          if ((leads[u >>> 5] & (1 << (u & 31))) === 0) break; // not a UTF-8 lead byte: decodeChunk would refuse it
          const lead = table[u];
          const c1 = table[t.charCodeAt(j + 1)];
          const c2 = table[t.charCodeAt(j + 2)];
          if (c1 === 0 || c2 === 0) break;
          const d = decodeChunk([lead, c1, c2]);
          if (!d) break;
          decoded += d;
          chunks++;
          j += 3;
        }
        if (chunks >= 2 || (chunks === 1 && common(decoded))) {
          const start = line.start + i;
          const end = line.start + j;
          out.push(
            finding({
              rule: ID,
              category: 'artifact',
              message: `Mojibake: UTF-8 read as GBK (reads “${decoded}”)`,
              messageZh: `乱码：UTF-8 被当作 GBK 解码（原文应为“${decoded}”）`,
              start,
              end,
              score: chunks >= 2 ? 0.9 : 0.6,
              evidence: [decoded],
            }),
          );
          i = j;
        } else i++;
      }
    }
    return out;
  },
};
