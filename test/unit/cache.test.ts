/**
 * The analysis cache (engine/cache.ts) must not change findings: cached and uncached analyses are
 * compared on the seed pages, on a run of random edits (each analysed with the cache of the previous
 * version, as the language server does) and with one cache shared by several documents (as the CLI may).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/engine';
import { AnalysisCache } from '../../server/src/engine/cache';
import { RULES } from '../../server/src/engine/rules';
import { Category, Rule } from '../../server/src/engine/types';
import { SEEDS_DIR, seedIds } from '../seeds';
import { randomEdit, seededRandom } from '../random';

/** The seed pages, the LSP fixture page (HTML, entities, PII, spam) and a line of every kind of artifact. */
const seeds = () => [
  ...seedIds().map((id) => fs.readFileSync(path.join(SEEDS_DIR, `${id}.txt`), 'utf8')),
  fs.readFileSync(path.join(SEEDS_DIR, '..', 'lsp', 'junk-page.txt'), 'utf8'),
  '联系电话：13812345678，邮箱 test@example.com\n身份证 11010519491231002X\n<p>标签</p>&nbsp;&amp;文字\n乱码锟斤拷??的字\nfÃ©\n這是一個测试网站的句子，繁简混杂\n',
];

/** Pieces the random edits insert: lines, line breaks, junk of every kind. */
const PIECES = ['。', '\n', '\n\n', '首页 | 新闻 | 联系我们', '版权所有 © 2024', '關於我們', '\r\n', '澳门赌场 开户 送彩金', '今天天气很好，我们去公园。', ' '];
const edit = (text: string, rnd: () => number): string => randomEdit(text, rnd, PIECES);

describe('analysis cache: same findings', () => {
  it('declares line locality only on phase-0 rules', () => {
    const local = RULES.filter((r) => r.locality === 'line');
    assert.ok(local.length >= 10, 'the cue, ad, SEO and mixed-line rules are line-local');
    for (const r of local) assert.strictEqual(r.phase ?? 0, 0, r.id);
  });

  it('cached = uncached on the seed pages, first and second analysis', () => {
    for (const text of seeds()) {
      const cache = new AnalysisCache();
      const plain = analyze(text);
      assert.deepStrictEqual(analyze(text, { cache }), plain);
      assert.deepStrictEqual(analyze(text, { cache }), plain);
      assert.ok(cache.stats.hits > 0);
    }
  });

  it('cached = uncached after each of 60 random edits per seed page', () => {
    const rnd = seededRandom(11);
    for (const start of seeds()) {
      const cache = new AnalysisCache();
      let text = start;
      analyze(text, { cache });
      for (let i = 0; i < 60; i++) {
        text = edit(text, rnd);
        assert.deepStrictEqual(analyze(text, { cache }), analyze(text), `edit ${i}`);
      }
    }
  });

  it('cached = uncached over edits with a cache that fills up and with categories switched between analyses', () => {
    // (after an edit only the lines between the unchanged top and bottom are visited per rule: a rule that
    // did not run last time, or a cache too small for the document, must still give every line's findings)
    const rnd = seededRandom(5);
    for (const start of seeds().slice(0, 3)) {
      const small = new AnalysisCache({ maxLines: 40 });
      const cache = new AnalysisCache();
      let text = start;
      for (let i = 0; i < 30; i++) {
        text = edit(text, rnd);
        const opts = i % 3 === 2 ? { categories: ['boilerplate', 'artifact'] as Category[] } : {};
        const plain = analyze(text, opts);
        assert.deepStrictEqual(analyze(text, { ...opts, cache: small }), plain, `small cache, edit ${i}`);
        assert.deepStrictEqual(analyze(text, { ...opts, cache }), plain, `edit ${i}`);
      }
    }
  });

  it('one cache shared by several documents (keepUnused) = no cache', () => {
    const cache = new AnalysisCache({ keepUnused: true, maxLines: 500 });
    const docs = seeds();
    for (const text of [...docs, ...docs.reverse()]) assert.deepStrictEqual(analyze(text, { cache }), analyze(text));
  });

  it('more line-local rules than a line keeps as bits (31): each rule keeps its own entries', () => {
    // 40 rules, rule k flags each occurrence of its own character: findings on a line differ from rule to rule
    const chars = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你对'].slice(0, 40);
    const rules: Rule[] = chars.map((ch, k) => ({
      id: `test/char-${k}`,
      category: 'boilerplate',
      scope: 'line',
      locality: 'line',
      check(ctx) {
        const out = [];
        for (const l of ctx.lines) for (let i = l.text.indexOf(ch); i >= 0; i = l.text.indexOf(ch, i + 1)) out.push({ rule: `test/char-${k}`, category: 'boilerplate' as const, severity: 'hint' as const, message: ch, start: l.start + i, end: l.start + i + 1 });
        return out;
      },
    }));
    const rnd = seededRandom(5);
    const cache = new AnalysisCache();
    let text = seeds()[0];
    const plain = analyze(text, { rules });
    assert.ok(new Set(plain.map((f) => f.rule)).size > 31, 'more than 31 of the rules find something');
    assert.deepStrictEqual(analyze(text, { rules, cache }), plain);
    for (let i = 0; i < 20; i++) {
      text = edit(text, rnd);
      assert.deepStrictEqual(analyze(text, { rules, cache }), analyze(text, { rules }), `edit ${i}`);
    }
    assert.ok(cache.stats.hits > 0);
  });
});
