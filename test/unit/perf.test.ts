/** The performance work must not change results: fast paths against the slow ones they replace (no timings here). */
import * as assert from 'assert';
import { analyze } from '../../server/src/engine';
import { analyzeSteps } from '../../server/src/engine/analyze';
import { isPlain, Lexicon, LexEntry } from '../../server/src/engine/lexicon';
import { splitLines } from '../../server/src/engine/segment';
import { countHan, inkLength } from '../../server/src/engine/text';
import { SEEDS_DIR, seedIds } from '../seeds';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const acModule = require('modern-ahocorasick');
const AhoCorasick = acModule.default ?? acModule;

function reference(entries: LexEntry[], text: string, all: boolean) {
  const seen = new Map<string, LexEntry>();
  for (const e of entries) if (!seen.has(e.term)) seen.set(e.term, e);
  const ac = new AhoCorasick([...seen.values()].map((e) => ({ pattern: e.term, data: e })));
  const ms = all ? ac.search(text) : ac.search(text, { strategy: 'leftmost-longest' });
  return ms.map((m: { data: LexEntry; start: number; end: number }) => ({ ...m.data, start: m.start, end: m.end }));
}

describe('performance: same results', () => {
  const entries: LexEntry[] = ['关于', '关于我们', '我们', '联系', '联系我们', '版权', '版权所有', 'ICP', 'a', 'ab', 'bc', '𠀀字', '字'].map((term, i) => ({ term, weight: i % 2 ? 1 : 0.3, cls: 'x' }));
  const lex = new Lexicon('test', entries);
  const texts = [
    '关于我们 | 联系我们 | 版权所有',
    'abc abcbc 关于关于我们我们',
    '𠀀字字 𠀀字',
    '关于\r\n我们', // CR: grapheme path
    '关于\u0301我们', // combining mark: grapheme path
    '👍🏻联系我们\u200d版权',
    '',
    '关',
  ];

  it('Lexicon.find / findAll equal modern-ahocorasick (leftmost-longest / all), plain or not', () => {
    for (const t of texts) {
      assert.deepStrictEqual(lex.find(t), t ? reference(entries, t, false) : [], `find ${JSON.stringify(t)}`);
      assert.deepStrictEqual(lex.findAll(t), t ? reference(entries, t, true) : [], `findAll ${JSON.stringify(t)}`);
    }
  });

  it('isPlain: single-code-point grapheme clusters only', () => {
    assert.ok(isPlain('关于我们 abc，。！'));
    assert.ok(isPlain('𠀀😀'));
    for (const t of ['a\r\nb', 'e\u0301', '👍🏻', 'a\u200db', '\ufe0f', '한국', '🇨🇳']) assert.ok(!isPlain(t), JSON.stringify(t));
  });

  it('countHan / inkLength: as the regular expressions they replace', () => {
    const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/g;
    const ink = (s: string) => [...s].filter((ch) => !/[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060]/.test(ch)).length;
    for (const t of [...texts, ' \u3000\u00a0\ufeff\u200b\u2060\t\n', '\ud840', '\udc00中', '𠀀 𪚥 😀', '\u2028\u205f\u1680x']) {
      assert.strictEqual(countHan(t), (t.match(HAN) || []).length, JSON.stringify(t));
      assert.strictEqual(inkLength(t), ink(t), JSON.stringify(t));
    }
  });

  it('splitLines copies line texts (same content)', () => {
    const text = '第一行比较长的一行文字内容\r\n第二行\n\n第三行也是比较长的一行文字';
    assert.deepStrictEqual(
      splitLines(text).map((l) => l.text),
      text.split(/\r?\n/),
    );
  });

  it('analyzeSteps (the server, one rule at a time) = analyze', () => {
    for (const id of seedIds().slice(0, 4)) {
      const text = fs.readFileSync(path.join(SEEDS_DIR, `${id}.txt`), 'utf8');
      const steps = analyzeSteps(text);
      let r = steps.next();
      let n = 0;
      while (!r.done) {
        n++;
        r = steps.next();
      }
      assert.ok(n > 10, 'yields between rules');
      assert.deepStrictEqual(r.value, analyze(text));
    }
  });
});
