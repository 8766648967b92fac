/**
 * The structure of a forum / Q&A thread (shared machinery of boilerplate/context, not a rule).
 *
 * What: finds the posts of a thread — the question and its replies — from the lines around them, and
 * returns the lines that are post text.
 * Why: a post's text is often short or not prose at all (`哈哈`, `试过不行呢`, a shell command), so the
 * main-text stretch, which trusts punctuated running text, drops it; but the lines around every post
 * follow one template that any forum software produces:
 *  - a post header or footer: a short line with a time — relative (`3 天前`, `1周前`, `刚刚`) or a date
 *    (`2024-01-06`, `2023年10月2日 13点56分`) — whose other words are a user name and post chrome
 *    (`发表于`, `楼主`, `#3`, `回复于`, `只看该作者`, `来自 湖北`): `老王 | 3 天前`, `发表于 2024-4-11 11:52`,
 *    `1周前 评论`;
 *  - widget lines (`回复`, `举报`, `2 个赞`, `分享 收藏`, `|`), user cards (`版主 3.1k 声望`, `积分 53`,
 *    `当前离线`) and the user name right above a card or above a header that has no name in it.
 * How: a post's text is the run of other lines right under a header (after at most 2 widget lines or
 * short junk lines), or,
 * for a header without a name, right above it when the page's headers without a name close posts
 * (`1周前 评论` under the text) more often than they open them (`发表于 …`, whose poster's name is the
 * line above). A page is a thread when 2+ headers carry text and 2+ (and half) of these posts have thread
 * evidence next to them: reply / report / like words, user cards, floor numbers, a recurring separator
 * line (`|`). A short line recurring 3+ times is a widget, never post text. An article's metadata line
 * (`2024-05-12 来源:新华网`) is no post header.
 * Before → after: `老王 | 3 天前⏎哈哈⏎回复 举报⏎小李 | 2 天前⏎试过不行呢⏎回复 举报` → `哈哈`, `试过不行呢` are post text.
 */
import { Shape } from './common';

export interface ThreadLine {
  shape: Shape;
  /** a phase-0 junk finding covers the line */
  junk: boolean;
  /** postHeader(shape) when the caller has it already (null: no post header) */
  head?: { named: boolean } | null;
}

export interface Thread {
  /** indexes of post text lines */
  bodies: Set<number>;
  /** post headers / footers (lines with the post time) */
  headers: number[];
  /** headers, widget lines, user cards and user names */
  chrome: Set<number>;
  /** first and last line of the thread (headers and post text) */
  first: number;
  last: number;
  posts: number;
}

const TIME = /(?:\d+\s*(?:秒|分钟|小时|天|周|星期|个月|月|年)\s*前|刚刚|(?:19|20)\d{2}\s*[-/.年]\s*(?:1[0-2]|0?[1-9])(?!\d)(?:\s*[-/.月]\s*\d{1,2}\s*日?)?(?:\s*(?:星期|周)[一二三四五六日天])?|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}|(?:昨天|前天|今天)\s*\d{1,2}:\d{2})(?:\s*\d{1,2}\s*[:点时]\s*\d{1,2}\s*分?(?:\s*:\s*\d{1,2})?)?/g;
/** Post chrome around the user name in a header. */
const POST_WORDS = /发表于|发布于|回复于|更新于|创建于|编辑于|发表|发布|最后由|回复|评论|举报|引用|只看该作者|倒序浏览|阅读模式|楼主|作者|置顶此帖|本主题由|审核通过|被采纳|次阅读|阅读|浏览|点赞|个改进|沙发|板凳|地板|上午|下午|(?:来自|IP\s*属地|属地)\s*[-:：]?\s*\S{0,8}|#\d+|\d+\s*楼|于/g;
/** An article's metadata line (or an advertisement's), not a post header. */
const ARTICLE_META = /来源|稿源|出处|编辑|记者|字号|点击|责任|作者\s*[:：]|广告|推广/;
/** Words of the widgets and user cards between posts. */
const WIDGET_WORDS = /阅读量|阅读|浏览量|浏览|点赞数|回复|评论|举报|引用|分享|收藏|点赞|赞同|个赞|人点赞|赞|踩|关注问题|关注|私信|发消息|写回答|回答|楼主|沙发|板凳|地板|顶|复制链接|只看该作者|电梯直达|当前离线|离线|在线|积分|主题|帖子|声望|经验|等级|粉丝|获赞|威望|金钱|贡献|注册时间|最后登录|LV|个|条|人|展开|收起|删除|编辑|该评论已删除|首赞|手机查看|倒序看帖|仅看楼主|Copy|k|w|万/gi;
const USER_CARD = /声望|积分|威望|等级|经验值?|粉丝|LV\s*\d|当前离线|在线|帖子|注册时间/i;
/** Evidence that the page is a thread, not a list of dated teasers. */
const THREAD_EVIDENCE = /回复|举报|楼主|#\d+|\d+\s*楼|沙发|板凳|点赞|个赞|声望|积分|当前离线|只看该作者|发表于|评论/;

const SEPARATORS = /[\s|·•/\\\-—–:：,，()（）[\]【】<>《》@~*^_.…'"“”]+/g;

/**
 * Verdicts of postHeader and of the line tests findThread asks (lineBits) by shape: a function of the shape
 * alone, and lineShape hands out the same shape object for the same line text, so an unchanged line is judged
 * once, not on every analysis.
 */
const headerMemo = new WeakMap<Shape, { named: boolean } | null>();
const bitsMemo = new WeakMap<Shape, number>();

// What findThread asks of a line's shape, as bits of one number (one look-up per line and analysis, not one
// per question; nameLike split the line into an array on every analysis).
const WIDGET = 1; // widget(shape)
const NAME = 2; // nameLike(shape)
const CARD = 4; // USER_CARD in the text
const EVIDENCE = 8; // THREAD_EVIDENCE in the text
const LETTER = 16; // a letter of any script

function lineBits(shape: Shape): number {
  let v = bitsMemo.get(shape);
  if (v === undefined) {
    const t = shape.text;
    v = (isWidget(shape) ? WIDGET : 0) | (nameLike(shape) ? NAME : 0) | (USER_CARD.test(t) ? CARD : 0) | (THREAD_EVIDENCE.test(t) ? EVIDENCE : 0) | (/[\p{L}]/u.test(t) ? LETTER : 0);
    bitsMemo.set(shape, v);
  }
  return v;
}

/** A post header / footer: a short line with a time whose other words are a name and post chrome. */
export function postHeader(shape: Shape): { named: boolean } | undefined {
  let v = headerMemo.get(shape);
  if (v === undefined) headerMemo.set(shape, (v = judgeHeader(shape) ?? null));
  return v ?? undefined;
}

function judgeHeader(shape: Shape): { named: boolean } | undefined {
  const t = shape.text;
  if (shape.ink > 60 || /[。！？!?]/.test(t) || ARTICLE_META.test(t)) return undefined;
  TIME.lastIndex = 0;
  if (!TIME.test(t)) return undefined;
  const rest = t.replace(TIME, ' ').replace(POST_WORDS, ' ').replace(/\d+(?:\.\d+)?\s*[kKwW万]?/g, ' ').replace(SEPARATORS, '');
  // a news agency or a site after the time is an article's source (`2024-05-20 14:33·新华社`)
  if (rest.length > 20 || /(?:社|报|网|台|频道|新闻|客户端)$/.test(rest)) return undefined;
  return { named: /[\p{L}]/u.test(rest) };
}

/** A widget line or a user card between posts. */
export function widget(shape: Shape): boolean {
  return (lineBits(shape) & WIDGET) !== 0;
}

function isWidget(shape: Shape): boolean {
  const t = shape.text;
  if (!/[\p{L}]/u.test(t)) return true; // `|`, `1 |`, `0/200`, `12`
  if (shape.ink > 30) return false;
  if (/^(?:问题)?标签\s*[:：]/.test(t)) return true;
  if (/#\d+/.test(t) && !/[，。！？!?,]/.test(t)) return true;
  if (USER_CARD.test(t) && /\d|离线|在线/.test(t)) return true;
  return t.replace(WIDGET_WORDS, '').replace(/\d+/g, '').replace(SEPARATORS, '').length <= 1;
}

/** A user name: one or two short tokens, no punctuation. */
function nameLike(shape: Shape): boolean {
  const t = shape.text;
  return shape.ink <= 16 && !/[，。！？!?,、；;：:]/.test(t) && t.split(/\s+/).filter(Boolean).length <= 2;
}

export function findThread(lines: ThreadLine[]): Thread | undefined {
  const n = lines.length;
  // (indexed loops and plain arrays, no map / forEach closures or entries(): boilerplate/context runs this once
  // per edit in the language server, mostly unoptimized)
  const head: ({ named: boolean } | undefined)[] = new Array(n);
  // (the headers in line order: the loops over them below do not visit every line)
  const hs: number[] = [];
  for (let k = 0; k < n; k++) {
    const l = lines[k];
    const h = l.head !== undefined ? l.head ?? undefined : postHeader(l.shape);
    head[k] = h;
    if (h) hs.push(k);
  }
  // a thread is 2+ posts, each by a header of its own: with fewer headers (most pages) there is none
  if (hs.length < 2) return undefined;
  const bits = new Int32Array(n);
  // a short line that recurs 3+ times is a widget too (`不感兴趣`, `减少此类内容` under every teaser)
  const seen = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const s = lines[k].shape;
    bits[k] = lineBits(s);
    if (s.ink <= 30) seen.set(s.text, (seen.get(s.text) ?? 0) + 1);
  }
  const chrome: boolean[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const l = lines[k];
    chrome[k] = !head[k] && !l.junk && ((bits[k] & WIDGET) !== 0 || (l.shape.ink <= 30 && (seen.get(l.shape.text) ?? 0) >= 3));
    // names: right above a user card
    if (!chrome[k] && k + 1 < n && !head[k] && !l.junk && bits[k] & NAME && !head[k + 1] && bits[k + 1] & CARD && lines[k + 1].shape.ink <= 40) chrome[k] = true;
  }
  const text = (k: number) => k >= 0 && k < n && !head[k] && !chrome[k] && !lines[k].junk;
  const under = (k: number) => {
    let q = k + 1;
    while (q < n && q <= k + 2 && (chrome[q] || (lines[q].junk && lines[q].shape.ink <= 16))) q++;
    return q;
  };
  // a header without a name heads the text under it (`发表于 …`, after a name line) or closes the text
  // above it (`1周前 评论`): whichever the page does more often
  let above = 0;
  let below = 0;
  for (let j = 0; j < hs.length; j++) {
    const k = hs[j];
    if (head[k]!.named) continue;
    if (text(k - 1)) above++;
    if (text(under(k))) below++;
  }
  const footers = above > below;
  // in a page of headers, the short line right above a header without a name is the poster's name
  if (!footers) for (let j = 0; j < hs.length; j++) {
    const k = hs[j];
    if (!head[k]!.named && text(k - 1) && bits[k - 1] & NAME) chrome[k - 1] = true;
  }
  const bodies = new Set<number>();
  const headers: number[] = [];
  let posts = 0;
  let backed = 0;
  for (let j = 0; j < hs.length; j++) {
    const k = hs[j];
    const h = head[k]!;
    headers.push(k);
    const got: number[] = [];
    if (h.named || !footers) {
      // the text under the header (after at most 2 widget lines)
      for (let q = under(k); text(q) && !bodies.has(q); q++) got.push(q);
    } else {
      // the text right above a footer
      for (let p = k - 1; text(p) && !bodies.has(p); p--) got.push(p);
    }
    if (!got.length) continue;
    for (let g = 0; g < got.length; g++) bodies.add(got[g]);
    posts++;
    // reply widgets, a user card, a floor number or a recurring separator next to the post
    // (got runs up or down from the header: its ends are its first and last entries)
    const lo = Math.min(k, got[0], got[got.length - 1]);
    const hi = Math.max(k, got[0], got[got.length - 1]);
    const from = Math.max(hs[j - 1] ?? 0, lo - 3);
    const to = Math.min(hs[j + 1] ?? n - 1, hi + 3);
    let ev = (bits[k] & EVIDENCE) !== 0;
    for (let r = from; r <= to && !ev; r++) {
      if (bodies.has(r) || head[r] || lines[r].shape.ink > 40) continue;
      ev = (bits[r] & EVIDENCE) !== 0 || (chrome[r] && !(bits[r] & LETTER) && (seen.get(lines[r].shape.text) ?? 0) >= 3);
    }
    if (ev) backed++;
  }
  if (posts < 2 || backed < Math.max(2, posts / 2)) return undefined;
  // (no spread: a long page can hold more post lines than a call takes arguments)
  let first = headers[0];
  let last = headers[headers.length - 1];
  for (const b of bodies) {
    if (b < first) first = b;
    if (b > last) last = b;
  }
  const marks = new Set<number>();
  for (let k = first; k <= last; k++) if (head[k] || chrome[k]) marks.add(k);
  return { bodies, headers, chrome: marks, first, last, posts };
}
