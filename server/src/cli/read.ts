/**
 * Reading a file for the engine: bytes → text. The encoding is recognised from the bytes
 * (`auto`, the default) or given (`utf-8`, `gbk`, `gb18030`, `big5`, `utf-16le`, `utf-16be`, any
 * iconv-lite name). Auto: a BOM decides; then UTF-16 without a BOM (NUL bytes on one side of each
 * code unit); then a valid UTF-8 decode is trusted (so short pure-UTF-8 Chinese is never
 * misdetected); then chardet's candidates, preferring a Chinese encoding that decodes cleanly.
 * Binary input is recognised (NUL bytes that are not UTF-16) and left to the engine's
 * `artifact/binary` finding.
 */
import * as fs from 'fs';
import * as chardet from 'chardet';
import * as iconv from 'iconv-lite';
import { judgeInput } from '../engine/input';

export interface ReadResult {
  text: string;
  /** The encoding used, lower-case: utf-8, gb18030, big5, utf-16le, utf-16be, … */
  encoding: string;
  bom: boolean;
  binary: boolean;
  /** true when the encoding was recognised from the bytes (not given). */
  detected: boolean;
}

/** Encodings `--encoding` accepts besides `auto` (iconv-lite knows more; these are the documented ones). */
export const KNOWN_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];

const SAMPLE = 65536;
/** C0 controls other than tab, newlines and form feed, and DEL. */
const CONTROL = /[\0-\x08\x0b\x0e-\x1f\x7f]/;

export function normalizeEncoding(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8') return 'utf-8';
  if (n === 'utf16le' || n === 'utf-16') return 'utf-16le';
  if (n === 'utf16be') return 'utf-16be';
  if (n === 'big5-hkscs' || n === 'cp950') return 'big5';
  if (n === 'gb2312' || n === 'cp936') return 'gbk';
  return n;
}

export function isSupportedEncoding(name: string): boolean {
  const n = normalizeEncoding(name);
  return n === 'auto' || n === 'utf-8' || iconv.encodingExists(n);
}

function bomOf(buf: Uint8Array): { encoding: string; length: number } | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf.length >= 4 && buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) return { encoding: 'gb18030', length: 4 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function countNul(sample: Uint8Array): { nul: number; even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i & 1 ? odd++ : even++);
  return { nul: even + odd, even, odd };
}

/** Share of characters that are plausible in Chinese text (Han, CJK punctuation, ASCII printable, whitespace). */
export function plausibility(text: string): number {
  let ok = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 9 || c === 10 || c === 13 ||
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0x3400 && c <= 0x9fff) || // Han (Ext A + URO)
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation
      (c >= 0x20000 && c <= 0x3134f) || // Han Ext B–G
      (c >= 0xa0 && c <= 0xff) || // Latin-1 (©, ·, …)
      (c >= 0x2100 && c <= 0x27bf) || // symbols, arrows, dingbats
      (c >= 0x1f000 && c <= 0x1faff) // emoji
    )
      ok++;
  }
  return n ? ok / n : 1;
}

/** UTF-16 without a BOM: an even length, NUL bytes mostly on one side, and a plausible decode. */
function utf16WithoutBom(buf: Uint8Array): string | undefined {
  if (buf.length < 2 || buf.length % 2) return undefined;
  const sample = buf.subarray(0, SAMPLE);
  const { nul, even, odd } = countNul(sample);
  const candidates: string[] = [];
  if (nul >= 1) {
    // ASCII in UTF-16LE puts its NUL on the odd side; astral characters (surrogates DCxx/D8xx) can flip it
    candidates.push(...(odd >= even ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le']));
  }
  // (pure CJK UTF-16 has no NUL byte at all: guessLegacy weighs it against GB18030 and Big5)
  for (const enc of candidates) {
    const text = iconv.decode(Buffer.from(sample), enc);
    if (text.includes('\ufffd') || hasLoneSurrogate(text)) continue;
    if (plausibility(text) >= 0.9 && !/[\0-\x08\x0e-\x1f]/.test(text)) return enc;
  }
  return undefined;
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else if (i + 1 < s.length) return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Length of an incomplete UTF-8 sequence at the very end of the bytes (a file cut mid-character), 0 if none. */
function incompleteTail(buf: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= buf.length; k++) {
    const b = buf[buf.length - k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    return need > k ? k : 0;
  }
  return 0;
}

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text when the bytes are valid UTF-8, else undefined. */
function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return FATAL_UTF8.decode(buf);
  } catch {
    return undefined;
  }
}

/** The text when the bytes are valid UTF-8 but for a sequence cut at the very end (as U+FFFD); else undefined. */
function utf8CutAtEnd(buf: Uint8Array): string | undefined {
  const cut = incompleteTail(buf);
  if (!cut || cut === buf.length) return undefined;
  const t = strictUtf8(buf.subarray(0, buf.length - cut));
  return t === undefined ? undefined : t + '\ufffd';
}

/** Mostly UTF-8 with a few broken bytes (a damaged file, not another encoding). */
function mostlyUtf8(buf: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  let bad = 0;
  let multi = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) multi++;
  }
  return multi >= 20 && bad <= multi / 50 ? text : undefined;
}

/**
 * The ~800 most frequent Han characters (by jieba's dictionary word frequencies) and their
 * Traditional forms (OpenCC): decoded Chinese text is mostly made of them, a wrong decode is not.
 */
const FREQUENT = new Set(
  '一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活华几州解议更称程今决张导术府才保交放管结师便走达族反再题色五京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增历史专官每住商即步认车台林必死游举线皇言土团收考求德叫近备研争非具李众连调感转笑革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印亿沙母酒助闻超审待压升送监策略限竟香配藏敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶國為這個來會時學說們於後發對長過業裡經門動進區開產軍還種現機體與當兩實麼關從內沒將員東頭間無見戰點場數樣問並萬級應資務氣漢總電聲設義統處馬兒領隊計別權話報給變書華幾議稱決張導術結師達題條規縣風運組聽濟黨論強黃選記卻職號類傳帶幹農邊據聯廣質陽難歷專認車臺遊舉線團備爭眾連調轉該爾讓較際親單紅價約亞則屬積圖準極裝許參觀魚辦復遠構隨勢熱網語鐵斷愛紀況證編滿覺雙樂標確織項飛節龍響藥輕擊請離顯羅營視護創餘興佔雖費試寶識維採宮環鬥鄉責嚴橋僅勝殺圍態楊負層須續狀銀範緻終錢賽獨細衝獲習醫盡臉彈樓藝陸協鎮檢寫蘇驗緊勞戶優財養適陳衛雲傷絕階劉剛億聞審壓監敵蘭溫園樹徵詞島預繼執誰驚畫輯劍談禮願築亂講臨揮歐葉',
);

/** How much a decode looks like real Chinese text: plausible characters, frequent Han, no U+FFFD. */
export function chineseScore(text: string): number {
  let han = 0;
  let frequent = 0;
  let bad = 0;
  let n = 0;
  let ok = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) bad++;
    if (FREQUENT.has(ch)) frequent++;
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0x20000 && c <= 0x3134f)) han++;
    if (plausibility(ch) === 1) ok++;
  }
  if (!n) return 0;
  return ok / n - (10 * bad) / n + (han ? frequent / han : 0);
}

const CJK = ['gb18030', 'big5'];

/**
 * chardet's candidates plus GB18030 and Big5, each decoded and scored (chardet's confidence is
 * meaningless on short text: 10 for everything); the best decode wins, GB18030 on a tie.
 */
function guessLegacy(buf: Uint8Array, utf8Valid = false): string {
  const sample = Buffer.from(buf.subarray(0, SAMPLE));
  let names: { name: string; confidence: number }[] = [];
  try {
    names = chardet.analyse(sample).map((m) => ({ name: normalizeEncoding(m.name), confidence: m.confidence }));
  } catch {
    names = [];
  }
  // chardet calls GBK "GB18030" (a superset); other encodings only when chardet is confident
  const utf16 = buf.length % 2 === 0 ? ['utf-16le', 'utf-16be'] : [];
  const order = [...new Set([...(utf8Valid ? ['utf-8'] : []), ...CJK, ...utf16, ...names.filter((m) => m.confidence >= 50).map((m) => m.name)])].filter((n) => n === 'utf-8' || iconv.encodingExists(n));
  let best = { enc: 'gb18030', score: -Infinity };
  for (const enc of order) {
    const text = enc === 'utf-8' ? new TextDecoder().decode(sample) : iconv.decode(sample, enc);
    const prior = names.find((m) => m.name === enc)?.confidence ?? 0;
    const score = chineseScore(text) + prior / 1000 - (hasLoneSurrogate(text) ? 10 : 0);
    if (score > best.score + 1e-9) best = { enc, score };
  }
  return best.enc;
}

/** Which encoding the bytes are in (auto-detection); `bom` is the number of BOM bytes to skip. */
export function detectEncoding(buf: Uint8Array): { encoding: string; bom: number } {
  const d = detect(buf);
  return { encoding: d.encoding, bom: d.bom };
}

/**
 * detectEncoding, plus the text when the bytes were decoded whole as valid UTF-8 on the way (no BOM): that
 * decode is the text, and decode() does not decode the file a second time (most files of a crawl).
 */
function detect(buf: Uint8Array): { encoding: string; bom: number; text?: string } {
  const b = bomOf(buf);
  if (b) return { encoding: b.encoding, bom: b.length };
  const u16 = utf16WithoutBom(buf);
  if (u16) return { encoding: u16, bom: 0 };
  const whole = strictUtf8(buf);
  const utf8 = whole ?? utf8CutAtEnd(buf) ?? mostlyUtf8(buf);
  // valid UTF-8 is trusted, unless it is full of control characters (then it is likely something else)
  if (utf8 !== undefined && !CONTROL.test(utf8.length > SAMPLE ? utf8.slice(0, SAMPLE) : utf8)) return { encoding: 'utf-8', bom: 0, text: whole };
  const sample = buf.subarray(0, SAMPLE);
  if (countNul(sample).nul / Math.max(1, sample.length) > 0.01 && buf.length % 2) return { encoding: 'utf-8', bom: 0 }; // binary: the engine says so
  const legacy = guessLegacy(buf, utf8 !== undefined);
  // binary (NUL bytes) unless a decode came out as real text
  const decoded = legacy === 'utf-8' ? new TextDecoder().decode(sample) : iconv.decode(Buffer.from(sample), legacy);
  const p = plausibility(decoded);
  const controls = (decoded.match(new RegExp(CONTROL.source, 'g')) ?? []).length;
  // binary: control characters whatever the decode
  if (controls / Math.max(1, decoded.length) > 0.01) return { encoding: 'utf-8', bom: 0 };
  // nothing decodes to text: leave the bytes as (lossy) UTF-8 and let the engine say what it is
  if (p < 0.5) return { encoding: 'utf-8', bom: 0 };
  return { encoding: legacy, bom: 0 };
}

/** Bytes → text; `encoding` is `auto` (default) or an encoding name. */
export function decode(input: Uint8Array, encoding = 'auto'): ReadResult {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const requested = normalizeEncoding(encoding);
  let enc: string;
  let start = 0;
  let detected = false;
  let text: string | undefined;
  if (requested === 'auto') {
    const d = detect(buf);
    enc = d.encoding;
    start = d.bom;
    detected = true;
    text = d.text;
  } else {
    if (!isSupportedEncoding(requested)) throw new Error(`unknown encoding "${encoding}" (auto, ${KNOWN_ENCODINGS.join(', ')}, or another iconv-lite name)`);
    enc = requested;
    const b = bomOf(buf);
    if (b && b.encoding === enc) start = b.length;
  }
  if (text === undefined) {
    const body = buf.subarray(start);
    text = enc === 'utf-8' ? new TextDecoder('utf-8', { fatal: false }).decode(body) : iconv.decode(body, enc, { stripBOM: true });
  }
  const t = text;
  let binary: boolean | undefined;
  return {
    text: t,
    encoding: enc,
    bom: start > 0,
    // the engine's own test (NUL bytes and control characters), so `binary` and `artifact/binary` agree;
    // made when read (check does not read it: the engine judges the text itself)
    get binary() {
      return (binary ??= judgeInput(t).kind === 'binary');
    },
    detected,
  };
}

export function readText(file: string, encoding = 'auto'): ReadResult {
  return decode(fs.readFileSync(file), encoding);
}
