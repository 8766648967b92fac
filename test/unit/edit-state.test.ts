/**
 * Rules that keep something between analyses beyond facts of a line's text (findings handed out again while
 * a line keeps its place and the page's count: artifact/doubled-punctuation, artifact/pinyin-annotation;
 * reused scratch arrays and marks: spam/spread, boilerplate/teaser-list, lead-excerpt, wiki-chrome…;
 * script/document's per-line counts, whose new lines are classified in one batch) must
 * give what an engine that never saw the earlier documents gives: document A then document B = B alone.
 * "Alone" is a second copy of the engine's modules (fresh module state), which analyses the same texts in
 * the opposite order and without a cache.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as engine from '../../server/src/engine';
import { AnalysisCache } from '../../server/src/engine/cache';
import { scriptHanCounts } from '../../server/src/engine/convert';
import { SEEDS_DIR, seedIds } from '../seeds';
import { randomEdit, seededRandom } from '../random';

type Engine = typeof engine;

/** A copy of the engine with its own module state (the shared modules are put back for the other tests). */
function freshEngine(): Engine {
  const root = path.dirname(require.resolve('../../server/src/engine'));
  const saved = new Map<string, NodeModule | undefined>();
  for (const k of Object.keys(require.cache)) {
    if (!k.startsWith(root)) continue;
    saved.set(k, require.cache[k]);
    delete require.cache[k];
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fresh = require('../../server/src/engine') as Engine;
  for (const k of Object.keys(require.cache)) if (k.startsWith(root)) delete require.cache[k];
  for (const [k, m] of saved) require.cache[k] = m;
  assert.notStrictEqual(fresh.analyze, engine.analyze);
  return fresh;
}

const CATEGORIES = ['boilerplate', 'spam', 'artifact', 'script'] as const;

/** Findings as the CLI prints them (lazy fixes read). */
function run(e: Engine, text: string, cache?: AnalysisCache): string {
  return JSON.stringify(e.analyze(text, { categories: [...CATEGORIES], cache }));
}

const PIECES = ['。', '\n', '\n\n', '會議召開,。區黨委', '陳永奇,,自治區', '關(guān)鍵詞', '防\u200b控', '澳门赌场 开户 送彩金', '今天天气很好，我们去公园。', '肉桂茶应该怎么冲泡，现在越来越多的人钟爱饮茶下面小编为大家介绍一下.......'];
const edit = (text: string, rnd: () => number): string => randomEdit(text, rnd, PIECES, 0.5, 0.25);

describe('state kept between analyses: A then B = B alone', () => {
  let fresh: Engine;
  before(() => {
    fresh = freshEngine();
  });

  it('doubled-punctuation: a line at the same place on a page with another count gets that page’s evidence', () => {
    const line = '會議召開,。區黨委\n';
    const a = line + '陳永奇,,自治區\n站,、某地\n';
    const b = line + '其他內容\n';
    const bAlone = run(fresh, b);
    run(engine, a);
    assert.strictEqual(run(engine, b), bAlone);
    assert.ok(bAlone.includes('1 in document') && !bAlone.includes('3 in document'));
    run(engine, b);
    assert.strictEqual(run(engine, a), run(fresh, a));
  });

  it('over random edits of the seed pages, analysed in order with a cache = in reverse order by a fresh engine', () => {
    const rnd = seededRandom(7);
    const texts: string[] = [];
    for (const id of seedIds().slice(0, 4)) {
      let text = fs.readFileSync(path.join(SEEDS_DIR, `${id}.txt`), 'utf8');
      for (let i = 0; i < 15; i++) {
        text = edit(text, rnd);
        texts.push(text);
      }
    }
    const cache = new AnalysisCache();
    const inOrder = texts.map((t) => run(engine, t, cache));
    for (let i = texts.length - 1; i >= 0; i--) assert.strictEqual(run(fresh, texts[i]), inOrder[i], `text ${i}`);
  });

  it('script/document: the lines’ counts add up to the whole text’s counts, over edits and another document', () => {
    const rnd = seededRandom(3);
    let text = fs.readFileSync(path.join(SEEDS_DIR, `${seedIds()[0]}.txt`), 'utf8') + '\n關於我們 這是一個測試\n';
    const other = '另一個文件：繁體字與简体字\n';
    for (let i = 0; i < 40; i++) {
      text = edit(text, rnd);
      const t = i % 7 === 3 ? other : text; // now and then another document in between
      const f = engine.analyze(t, { categories: ['script'] }).find((x) => x.rule === 'script/document');
      const c = scriptHanCounts(t);
      if (!c.han) assert.strictEqual(f, undefined);
      else assert.strictEqual(f?.evidence?.[1], `traditional=${c.traditional} simplified=${c.simplified} han=${c.han}`, `edit ${i}`);
    }
  });
});
