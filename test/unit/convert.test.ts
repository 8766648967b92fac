/**
 * convert.ts's own scan over opencc-js's dictionaries must give the library's output, and the table
 * behind scriptCounts the per-character classification it replaces (no timings here).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { classifyChar, converter, scriptCounts, scriptHanCounts, toSimplified, toTraditional } from '../../server/src/engine/convert';
import { countHan } from '../../server/src/engine/text';
import { SEEDS_DIR, seedIds } from '../seeds';
import { seededRandom } from '../random';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const OpenCC = require('opencc-js');

const ALPHABET = [...'⿰⿱⿲⿳⿴⿻木口日月乾坤著台里于吃发髮後后干幹云雲關於关于联系我们體体𠀀𡈽𪚥\n a1。，'];

function texts(): string[] {
  const out = seedIds().map((id) => fs.readFileSync(path.join(SEEDS_DIR, `${id}.txt`), 'utf8'));
  out.push('', '\ud840', '\udc00x', '⿰', '⿰木', '⿲木口', '⿱⿰木木木林', '關於我們，联系我们。乾淨 乾坤 皇后 頭髮');
  const rnd = seededRandom(7);
  for (let k = 0; k < 400; k++) {
    let s = '';
    const n = 1 + Math.floor(rnd() * 24);
    for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    out.push(s);
  }
  return out;
}

describe('convert: same output as opencc-js', () => {
  const all = texts();
  for (const [from, to] of [['t', 'cn'], ['cn', 't'], ['hk', 'cn'], ['t', 'tw'], ['t', 'hk']]) {
    it(`converter('${from}', '${to}') = OpenCC.Converter`, () => {
      const lib = OpenCC.Converter({ from, to });
      const fast = converter(from, to);
      for (const t of all) assert.strictEqual(fast(t), lib(t), JSON.stringify(t.slice(0, 40)));
    });
  }

  // the dev pages (../shared/corpus: real crawled pages, Simplified and Traditional) through every converter,
  // whole and line by line, and mixed-script lines: FastTrie.convert's table path against the library
  const DEV = path.join(__dirname, '../../../../shared/corpus/dev');
  const pages: string[] = fs.existsSync(DEV)
    ? fs.readdirSync(DEV).flatMap((d) => (fs.statSync(path.join(DEV, d)).isDirectory() ? fs.readdirSync(path.join(DEV, d)).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(DEV, d, f), 'utf8')) : []))
    : [];
  it(`converters = OpenCC.Converter over the dev pages (${pages.length} files)`, function () {
    if (!pages.length) this.skip();
    const lines = pages.flatMap((p) => p.split('\n'));
    // a line with a Simplified half and a Traditional half, both directions of phrase look-up at the seam
    const mixed = lines.slice(0, 2000).map((l, i) => l.slice(0, l.length >> 1) + lines[(i * 7919) % lines.length].slice(-20));
    for (const [from, to] of [['t', 'cn'], ['cn', 't'], ['hk', 'cn'], ['t', 'tw'], ['t', 'hk']]) {
      const lib = OpenCC.Converter({ from, to });
      const fast = converter(from, to);
      for (const t of [...pages, ...mixed]) assert.strictEqual(fast(t), lib(t), `${from}>${to} ${JSON.stringify(t.slice(0, 40))}`);
    }
  });

  it('scriptCounts = counting classifyChar over code points', () => {
    for (const t of all) {
      let traditional = 0;
      let simplified = 0;
      for (const ch of t) {
        const c = classifyChar(ch);
        if (c === 1) traditional++;
        else if (c === 2) simplified++;
      }
      assert.deepStrictEqual(scriptCounts(t), { traditional, simplified }, JSON.stringify(t.slice(0, 40)));
    }
  });

  it('scriptHanCounts = countHan and scriptCounts (texts, and the lines of the dev pages)', () => {
    for (const t of [...all, ...pages.flatMap((p) => p.split('\n')).slice(0, 20000), '\ud840\udc00\ud83d\ude00\ud800x\udc00乾']) {
      assert.deepStrictEqual(scriptHanCounts(t), { han: countHan(t), ...scriptCounts(t) }, JSON.stringify(t.slice(0, 40)));
    }
  });

  it('toSimplified / toTraditional of long documents (line by line, memoized) = OpenCC.Converter, before and after edits', () => {
    const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
    // without ideographic description sequences (those documents are converted whole) until the last edit
    let doc = all.filter((t) => !/[\u2ff0-\u2fff]/.test(t)).join('\n') + '\r\n關於我們\r\n\n';
    while (doc.length < 60000) doc += '\n' + doc;
    for (const edit of ['', '乾淨的頭髮\n', '\n\n', '⿰木木\n']) {
      doc = edit + doc.slice(0, 30000) + edit + doc.slice(30000);
      assert.strictEqual(toSimplified(doc), t2s(doc));
      assert.strictEqual(toTraditional(doc), s2t(doc));
    }
  });
});
