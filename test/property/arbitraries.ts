/**
 * fast-check generators of random and adversarial documents for the engine's property tests
 * (test/property/engine.property.test.ts) and the soak run (scripts/soak.js): real seed lines,
 * junk lines (boilerplate, spam, PII, markup, artifacts), random Unicode (astral characters,
 * emoji, lone surrogates, control characters, NUL, BOM), joined by LF, CRLF, CR or a mix.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { SEEDS_DIR } from '../seeds';

function seedLines(): string[] {
  if (!fs.existsSync(SEEDS_DIR)) return ['今天天气很好。'];
  const out = new Set<string>();
  for (const f of fs.readdirSync(SEEDS_DIR).filter((n) => /^seed-\d+\.txt$/.test(n)).sort()) {
    for (const l of fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').split(/\r\n|\r|\n/)) if (l.trim()) out.add(l);
  }
  return [...out];
}

export const SEED_LINES = seedLines();

export const JUNK_LINES = [
  '首页 > 新闻 > 时政',
  '网站首页 | 关于我们 | 联系方式 | 使用协议 | 版权隐私 | 网站地图',
  '版权所有 © 2021 示例网 京ICP备12345678号',
  '京公网安备 11010502030000号',
  '日期:2021-10-04 01:23:30 来源:互联网 作者:示例网 浏览:95',
  '分享到:微信 微博 QQ空间',
  '上一篇:某某新闻 下一篇:另一条新闻',
  '责任编辑:张三',
  '澳门新葡京 太阳城娱乐 百家乐 真人赌场 注册送彩金',
  '秒速赛车开奖结果网址',
  '<a href="http://example.com">点击这里</a><script>alert(1)</script>',
  '&nbsp;&amp;&lt;div&gt;',
  '联系电话:13812345678 邮箱:someone@example.com 身份证:110101199003077777',
  'https://www.example.com/path?q=1',
  '中(zhōng)国(guó)',
  '澳.门.赌.场 微 信 号',
  '零\u200b宽\u200c字\u200d符\ufeff',
  '本文摘要:这是一段摘要',
  '相关阅读',
  '热门推荐 | 最新资讯 | 专题',
  '扫一扫关注我们',
  '(本文来源:网络,如有侵权请联系删除)',
  '--------------------',
  '★★★★★',
  '。。。!!!???,,,',
  '…… —— 《》 「」 『』',
  '𠀀𠀁𠀂𪚥𫝀 𠮷野家',
  '😀😃👍🏽👨‍👩‍👧‍👦🇨🇳',
  '繁體中文測試,這是一個句子。',
  'A\u0000B\u0001C\u007f',
];

const controlChar = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00');
const astral = fc.constantFrom('𠀀', '𪚥', '𠮷', '😀', '👍🏽', '🇨🇳', '\u{10ffff}', '\u{e0001}');
const special = fc.constantFrom('\ufeff', '\ufffd', '\u200b', '\u2028', '\u2029', '\u0085', '\t', '\f', '\v', ' ', '\u3000', '\u00a0');
const han = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const punct = fc.constantFrom(...'。,、;:?!…—()《》「」“”‘’.,;:?!-_|/\\*#@&%$'.split(''));

const unit = fc.oneof(
  { weight: 6, arbitrary: han },
  { weight: 3, arbitrary: punct },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: astral },
  { weight: 1, arbitrary: special },
  { weight: 1, arbitrary: controlChar },
  { weight: 1, arbitrary: loneSurrogate },
);

/** A random line of mixed Unicode (no line breaks besides what random code points bring). */
export const randomLine = fc.array(unit, { maxLength: 40 }).map((a) => a.join(''));

/** A line of a document: a real seed line (perhaps cut or spliced with junk), a junk line, random, or blank. */
export const line = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SEED_LINES) },
  { weight: 3, arbitrary: fc.constantFrom(...JUNK_LINES) },
  { weight: 2, arbitrary: randomLine },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('  ', '\t', '\u3000\u3000') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...SEED_LINES), fc.nat(), fc.oneof(randomLine, fc.constantFrom(...JUNK_LINES)))
      .map(([s, cut, extra]) => {
        const i = cut % (s.length + 1);
        return s.slice(0, i) + extra + s.slice(i); // may split a surrogate pair on purpose
      }),
  },
);

const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A document: lines joined by one newline style or a mix, maybe with a BOM and a final newline. */
export const document = fc
  .tuple(
    fc.array(line, { maxLength: 30 }),
    fc.oneof(fc.constantFrom('\n', '\r\n', '\r').map((n) => [n]), fc.array(newline, { minLength: 1, maxLength: 5 })),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([lines, nls, bom, finalNl]) => {
    let out = bom ? '\ufeff' : '';
    lines.forEach((l, i) => {
      out += l;
      if (i < lines.length - 1 || finalNl) out += nls[i % nls.length];
    });
    return out;
  });

/** Documents made only of seed and junk lines (the realistic case, where most rules fire). */
export const pageDocument = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...SEED_LINES), fc.constantFrom(...JUNK_LINES), fc.constant('')), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
  .map(([ls, nl]) => ls.join(nl) + nl);

export const anyDocument = fc.oneof({ weight: 3, arbitrary: document }, { weight: 2, arbitrary: pageDocument });
