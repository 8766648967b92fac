/**
 * Script conversion and script judgement (opencc-js), shared by the `script` rules, hovers and the
 * convert commands. Converters are built lazily, once: building one loads a large dictionary.
 *
 *   toSimplified('關鍵會議') → '关键会议'      toTraditional('关键会议') → '關鍵會議'
 *   scriptOf('關鍵會議') → 'traditional'      scriptOf('关键會議') → 'mixed'
 *
 * Judging script by a plain round trip misjudges characters that are valid in both scripts
 * (著, 台 in 臺灣/台灣, 里 in 公里, 于, 吃 → 喫, 乾 in 乾坤…). So a character counts as
 * Traditional-only when t→s conversion changes it, as Simplified-only when s→t changes it (in the
 * OpenCC, Taiwan and Hong Kong standards alike), and characters on the BOTH lists count for neither.
 */
// opencc-js is an ES module package with a CommonJS build; require keeps this file CommonJS.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const OpenCC = require('opencc-js') as {
  Converter(o: { from: string; to: string }): (s: string) => string;
  ConverterFactory(...groups: unknown[]): (s: string) => string;
  Locale: { from: Record<string, unknown[][]>; to: Record<string, unknown[][]> };
};

export type Script = 'traditional' | 'simplified' | 'mixed';

let t2s: ((s: string) => string) | undefined;
let s2t: ((s: string) => string) | undefined;
type Conv = (s: string) => string;
/** Character-only converters for classification: the phrase dictionaries cost ~300 ms to build. */
let charConv: { t2s: Conv; s2t: Conv; t2tw: Conv; t2hk: Conv } | undefined;

function getCharConv() {
  if (charConv) return charConv;
  const L = OpenCC.Locale;
  const last = (groups: unknown[][]) => groups[groups.length - 1];
  const chars = (group: unknown[]) => group[group.length - 1]; // [phrases, characters]
  charConv = {
    s2t: OpenCC.ConverterFactory([chars(last(L.from.cn))]),
    t2s: OpenCC.ConverterFactory([chars(last(L.to.cn))]),
    t2tw: OpenCC.Converter({ from: 't', to: 'tw' }),
    t2hk: OpenCC.Converter({ from: 't', to: 'hk' }),
  };
  return charConv;
}

function getT2s(): (s: string) => string {
  return (t2s ??= OpenCC.Converter({ from: 't', to: 'cn' }));
}
function getS2t(): (s: string) => string {
  return (s2t ??= OpenCC.Converter({ from: 'cn', to: 't' }));
}

/** A Simplified-only character changes under every Simplified → Traditional standard (OpenCC, Taiwan,
 * Hong Kong): 峰 → 峯 only in OpenCC's standard, so 峰 is valid Traditional in Taiwan and counts for neither. */
function classifyWith(ch: string, simp: string, trad: string, tw: string, hk: string): 0 | 1 | 2 {
  if (simp !== ch && !BOTH_TRADITIONAL.has(ch)) return 1;
  if (!BOTH_SIMPLIFIED.has(ch) && trad !== ch && tw !== ch && hk !== ch) return 2;
  return 0;
}

/** Traditional (any variant) → Simplified (mainland). Word-level, so 乾坤 stays, 乾淨 → 干净. */
export function toSimplified(text: string): string {
  return getT2s()(text);
}

/** Simplified → Traditional (OpenCC standard). */
export function toTraditional(text: string): string {
  return getS2t()(text);
}

/** Simplified forms that are also ordinary Traditional characters (公里, 台灣, 吃飯, 若干, 皇后…). */
const BOTH_SIMPLIFIED = new Set([...'于里吃台后干云冲丑范几征划采余叶咸斗游注准凶回困奸朴仆杰姜才系制只松谷借卷折面表志向了合舍秋胡须恶托坛布占症痴伙札筑扎恒郁晒霉']);
/** Traditional forms that are also ordinary Simplified characters (乾坤, 瞭望, 慰藉, 覆盖…). */
const BOTH_TRADITIONAL = new Set([...'乾瞭藉覆著夥徵']);

const HAN_CHAR = /^(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff])$/;

const charClass = new Map<string, 0 | 1 | 2>(); // 0 neutral, 1 Traditional-only, 2 Simplified-only

/** 1 when `ch` is a Traditional-only character, 2 when Simplified-only, 0 otherwise. */
export function classifyChar(ch: string): 0 | 1 | 2 {
  let c = charClass.get(ch);
  if (c !== undefined) return c;
  c = 0;
  if (HAN_CHAR.test(ch)) {
    const cc = getCharConv();
    const trad = cc.s2t(ch);
    c = classifyWith(ch, cc.t2s(ch), trad, cc.t2tw(trad), cc.t2hk(trad));
  }
  if (charClass.size < 50000) charClass.set(ch, c);
  return c;
}

/**
 * Classify every not-yet-seen Han character of `text` in one batch: a converter call costs far more
 * than its length, so the characters go through each converter joined by line breaks (no dictionary
 * phrase spans a line break), which gives the same answer as one call per character.
 */
function classifyMany(text: string): void {
  const fresh = new Set<string>();
  for (const ch of text) if (!charClass.has(ch) && HAN_CHAR.test(ch)) fresh.add(ch);
  if (fresh.size < 8 || charClass.size + fresh.size > 50000) return;
  const chars = [...fresh];
  const joined = chars.join('\n');
  const cc = getCharConv();
  const simp = cc.t2s(joined).split('\n');
  const tradJoined = cc.s2t(joined);
  const trad = tradJoined.split('\n');
  const tw = cc.t2tw(tradJoined).split('\n');
  const hk = cc.t2hk(tradJoined).split('\n');
  if ([simp, trad, tw, hk].some((a) => a.length !== chars.length)) return; // fall back to one by one
  chars.forEach((ch, i) => charClass.set(ch, classifyWith(ch, simp[i], trad[i], tw[i], hk[i])));
}

export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

/** How many Traditional-only and Simplified-only characters `text` holds. */
export function scriptCounts(text: string): ScriptCounts {
  classifyMany(text);
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    const c = classifyChar(ch);
    if (c === 1) traditional++;
    else if (c === 2) simplified++;
  }
  return { traditional, simplified };
}

/**
 * The script of a text: `mixed` when the minority script has at least `mixedShare` of the
 * script-specific characters (and at least `minMinority` of them), else the majority. A text with no
 * script-specific character is `simplified` (its characters are valid Simplified).
 */
export function judgeScript(counts: ScriptCounts, mixedShare = 0.15, minMinority = 3): Script {
  const { traditional: t, simplified: s } = counts;
  const minority = Math.min(t, s);
  if (minority >= minMinority && minority / (t + s) >= mixedShare) return 'mixed';
  return t > s ? 'traditional' : 'simplified';
}

export function scriptOf(text: string): Script {
  return judgeScript(scriptCounts(text));
}
