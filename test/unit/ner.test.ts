/** NER: model loading, features, BIOES Viterbi, the entity/ner rule (UTF-16 ranges), and an accuracy smoke test. */
import * as assert from 'assert';
import {
  ALLOWED,
  chunk,
  extractFeatures,
  hashFeature,
  labelsToTags,
  loadModel,
  NerModel,
  NTAGS,
  recognize,
  TAGS,
  tagsToSpans,
  viterbi,
  walkFeatures,
  HashSink,
} from '../../server/src/engine/ner';
import { analyze, buildContext, CATEGORIES, Finding } from '../../server/src/engine';
import { junkLines, memoStats, ner } from '../../server/src/engine/rules/entity/ner';
import { entityRules } from '../../server/src/engine/rules/entity';
import { jiebaSegmenter } from '../../server/src/segmenter';

const tagIndex = (t: string) => TAGS.indexOf(t);

describe('ner: model', () => {
  it('loads the shipped model once, with the BIOES tag set', () => {
    const m = loadModel();
    assert.ok(m.size > 10000, `model has ${m.size} features`);
    assert.strictEqual(m.trans.length, NTAGS * NTAGS);
    assert.strictEqual(loadModel(), m, 'cached');
    assert.deepStrictEqual(TAGS, ['O', 'B-PER', 'I-PER', 'E-PER', 'S-PER', 'B-LOC', 'I-LOC', 'E-LOC', 'S-LOC', 'B-ORG', 'I-ORG', 'E-ORG', 'S-ORG']);
  });

  it('survives a round trip through its file format (weights rounded to 1/scale)', () => {
    const names = ['bias', 'u0=李', 'b0=北京'];
    const weights = new Float32Array(names.length * NTAGS).map((_, k) => ((k * 37) % 11) - 5);
    const trans = new Float32Array(NTAGS * NTAGS).map((_, k) => (k % 7) / 4);
    const m = new NerModel(names, weights, trans);
    const back = NerModel.fromBuffer(m.toBuffer(4));
    assert.deepStrictEqual([...back.trans], [...trans]);
    const feats = [['bias', 'u0=李', 'unknown=x'], ['b0=北京']];
    assert.deepStrictEqual([...back.emissions(feats)], [...m.emissions(feats)]);
  });

  it('packed (loaded from its file: int16 weights, names hashed from UTF-8) scores bit-identically to float32 weights', () => {
    const scale = 10;
    const names = ['bias', 'u0=李', 'b0=北京', 'u0=𠀀', 'b1=𠀀x', 'y2=^HHH$', 'jw=B中华人民共和国', 'wn=\u0003', 'u0=é', 'b0=·Ａ'];
    const w16 = new Int16Array(names.length * NTAGS).map((_, k) => ((k * 7919) % 4001) - 2000);
    const weights = new Float32Array(names.length * NTAGS).map((_, k) => w16[k] / scale);
    const trans = new Float32Array(NTAGS * NTAGS).map((_, k) => ((k * 31) % 17) / scale - 0.8);
    const unpacked = new NerModel(names, weights, trans);
    const packed = NerModel.fromBuffer(unpacked.toBuffer(scale));
    assert.strictEqual(packed.size, names.length);
    assert.strictEqual(packed.names, undefined);
    assert.strictEqual(packed.collisions, 0);
    const feats = [names, ['u0=李', 'nothing=here', 'u0=𠀀'], [], ['b0=北京', 'b0=北京', 'u0=é']];
    assert.deepStrictEqual([...packed.emissions(feats)], [...unpacked.emissions(feats)]);
    for (const f of names) assert.deepStrictEqual([...packed.emissions([[f]])], [...unpacked.emissions([[f]])], f);
  });

  it('shipped model: no two features share a 48-bit key; packed scores = float32 scores on sample sentences', () => {
    const m = loadModel();
    assert.strictEqual(m.collisions, 0);
    for (const text of ['国务院总理李强在人民大会堂会见外宾', '𠀀𠀁张三丰在武当山，2024年Ｗｅｉｂｏ上·李四说', '中国人民银行行长易纲表示']) {
      const chars = Array.from(text);
      const words = jiebaSegmenter.tag(text);
      const feats = extractFeatures(chars, words);
      const names = [...new Set(feats.flat())];
      const rows = m.emissions(names.map((n) => [n]));
      const weights = new Float32Array(rows.length);
      for (let k = 0; k < rows.length; k++) weights[k] = rows[k];
      const unpacked = new NerModel(names, weights, m.trans);
      assert.deepStrictEqual([...m.score(chars, words)], [...unpacked.score(chars, words)], text);
      assert.deepStrictEqual(viterbi(m.score(chars, words), chars.length, m.trans), viterbi(unpacked.emissions(feats), chars.length, unpacked.trans));
    }
  });

  it('scores from hashed features exactly as from feature strings', () => {
    const m = loadModel();
    const chars = Array.from('国务院总理李强在人民大会堂会见外宾');
    const words = jiebaSegmenter.tag(chars.join(''));
    const fromStrings = m.emissions(extractFeatures(chars, words));
    const sink = new HashSink(m, chars.length);
    walkFeatures(chars, words, sink);
    for (let k = 0; k < fromStrings.length; k++) assert.ok(Math.abs(fromStrings[k] - sink.out[k]) < 1e-9);
  });

  it('hashes a feature into two 32-bit lanes', () => {
    const [a, b] = hashFeature('u0=李');
    assert.ok(a >>> 0 === a && b >>> 0 === b);
    assert.notDeepStrictEqual(hashFeature('u0=李'), hashFeature('u1=李'));
  });
});

describe('segmenter: nodejieba without its keyword-extraction tables', () => {
  it('cut() and tag() equal those of nodejieba loaded with all its default files', function () {
    this.timeout(60000);
    const texts = ['国务院总理李强在人民大会堂会见外宾', '中国人民银行行长易纲表示，2024年Ｗｅｉｂｏ上·李四说', '的以来，着力提高结合实际。', '陳全國在烏魯木齊'];
    const script = `const j = require('nodejieba'); const t = JSON.parse(process.argv[1]); process.stdout.write(JSON.stringify(t.map((x) => [j.cut(x, true), j.tag(x)])));`;
    const out = require('child_process').execFileSync(process.execPath, ['-e', script, JSON.stringify(texts)], { cwd: require('path').resolve(__dirname, '..', '..', '..') });
    assert.deepStrictEqual(JSON.parse(out.toString()), texts.map((x) => [jiebaSegmenter.cut(x), jiebaSegmenter.tag(x)]));
  });
});

describe('ner: features', () => {
  const chars = Array.from('李明在北京市');
  const words = [
    { word: '李明', tag: 'nr' },
    { word: '在', tag: 'p' },
    { word: '北京市', tag: 'ns' },
  ];
  const f = extractFeatures(chars, words);
  const table: [number, string[]][] = [
    [0, ['bias', 'u0=李', 'u1=明', 'b0=李明', 'y=^HH', 'jp=Bnr', 'jt=nr', 'jtn=nr_p', 'jl=B2nr', 'jw=B李明', 'wpt=^B', 'n0']],
    [1, ['u-1=李', 'b-1=李明', 't0=李明在', 'jp=Enr', 'wn=在', 'wnt=pE', 'n-1']],
    [2, ['jp=Sp', 'wp=李明', 'wn=北京市', 'n-2']],
    [3, ['u0=北', 'jp=Bns', 'jw=B北京市', 'jl=B3ns', 'wp=在', 'wpt=pB']],
    [5, ['u0=市', 'jp=Ens', 's0=LOC1', 'y=HH$', 'jtn=ns_$']],
  ];
  for (const [i, expected] of table) {
    it(`position ${i} (${chars[i]}) has ${expected.join(' ')}`, () => {
      for (const e of expected) assert.ok(f[i].includes(e), `missing ${e} in ${f[i].join(' ')}`);
    });
  }
  it('one list per character, and no word features without a segmentation', () => {
    assert.strictEqual(f.length, chars.length);
    const bare = extractFeatures(chars);
    assert.ok(bare.every((x) => x.includes('jp=?') && !x.some((y) => y.startsWith('jw='))));
  });
  it('ignores a segmentation that does not cover the text', () => {
    const bad = extractFeatures(chars, [{ word: '李明', tag: 'nr' }]);
    assert.ok(bad[0].includes('jp=?'));
  });
  it('works on code points: an astral character is one position', () => {
    assert.strictEqual(extractFeatures(Array.from('𠮷野家')).length, 3);
    assert.ok(extractFeatures(Array.from('𠮷野家'))[1].includes('u-1=𠮷'));
  });
});

describe('ner: decoding', () => {
  it('the transition table allows exactly the BIOES grammar', () => {
    const ok = (a: string, b: string) => ALLOWED[tagIndex(a) * NTAGS + tagIndex(b)];
    assert.ok(ok('O', 'B-PER') && ok('B-PER', 'I-PER') && ok('I-PER', 'E-PER') && ok('E-PER', 'S-LOC') && ok('S-ORG', 'O'));
    assert.ok(!ok('O', 'I-PER') && !ok('O', 'E-LOC') && !ok('B-PER', 'E-LOC') && !ok('B-PER', 'O') && !ok('I-ORG', 'B-ORG') && !ok('E-PER', 'I-PER'));
  });

  it('Viterbi never returns an invalid sequence, even when emissions favour one', () => {
    const n = 4;
    const emit = new Float64Array(n * NTAGS);
    // each position alone prefers I-PER, then E-LOC, then B-ORG, then I-ORG (all invalid in that order)
    ['I-PER', 'E-LOC', 'B-ORG', 'I-ORG'].forEach((t, i) => (emit[i * NTAGS + tagIndex(t)] = 10));
    const tags = viterbi(emit, n, new Float64Array(NTAGS * NTAGS));
    const CAN_START = ['O', 'B', 'S'];
    assert.ok(CAN_START.includes(TAGS[tags[0]][0]));
    for (let i = 1; i < n; i++) assert.ok(ALLOWED[tags[i - 1] * NTAGS + tags[i]], TAGS[tags[i - 1]] + ' → ' + TAGS[tags[i]]);
    assert.ok(['O', 'E', 'S'].includes(TAGS[tags[n - 1]][0]));
  });

  it('Viterbi follows the emissions when they are valid, and transitions break ties', () => {
    const seq = ['B-PER', 'I-PER', 'E-PER', 'O', 'S-LOC'];
    const emit = new Float64Array(seq.length * NTAGS);
    seq.forEach((t, i) => (emit[i * NTAGS + tagIndex(t)] = 5));
    assert.deepStrictEqual(viterbi(emit, seq.length, new Float64Array(NTAGS * NTAGS)).map((t) => TAGS[t]), seq);
    assert.deepStrictEqual(viterbi(new Float64Array(0), 0, new Float64Array(NTAGS * NTAGS)), []);
  });

  it('Viterbi over predecessor lists = the plain loop over all tag pairs (ties included)', () => {
    // the decoder before it walked predecessor lists: every pair, ALLOWED checked, first best wins
    const plain = (emit: Float64Array, n: number, trans: Float32Array) => {
      const T = NTAGS;
      const start = (t: number) => ['O', 'B', 'S'].includes(TAGS[t][0]);
      const end = (t: number) => ['O', 'E', 'S'].includes(TAGS[t][0]);
      const score = new Float64Array(n * T);
      const back = new Int8Array(n * T);
      for (let t = 0; t < T; t++) score[t] = start(t) ? emit[t] : -Infinity;
      for (let i = 1; i < n; i++)
        for (let t = 0; t < T; t++) {
          let best = -Infinity;
          let arg = 0;
          for (let p = 0; p < T; p++) {
            if (!ALLOWED[p * T + t]) continue;
            const s = score[(i - 1) * T + p] + trans[p * T + t];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
          score[i * T + t] = best + emit[i * T + t];
          back[i * T + t] = arg;
        }
      let best = -Infinity;
      let arg = 0;
      for (let t = 0; t < T; t++) {
        const s = end(t) ? score[(n - 1) * T + t] : -Infinity;
        if (s > best) {
          best = s;
          arg = t;
        }
      }
      const tags = new Array<number>(n);
      tags[n - 1] = arg;
      for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]];
      return tags;
    };
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) / 65536;
    for (let run = 0; run < 300; run++) {
      const n = 1 + Math.floor(rnd() * 12);
      const coarse = run % 2 === 0; // small integers: many ties
      const emit = new Float64Array(n * NTAGS).map(() => (coarse ? Math.floor(rnd() * 3) : rnd() * 10 - 5));
      const trans = new Float32Array(NTAGS * NTAGS).map(() => (coarse ? Math.floor(rnd() * 2) : rnd() * 2 - 1));
      assert.deepStrictEqual(viterbi(emit, n, trans), plain(emit, n, trans), `run ${run}`);
    }
  });

  it('reads BIO labels into BIOES tags and spans', () => {
    const tags = labelsToTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG', 'I-GPE', 'M-LOC']);
    assert.deepStrictEqual(tags.map((t) => TAGS[t]), ['B-PER', 'E-PER', 'O', 'S-LOC', 'B-ORG', 'I-ORG', 'E-ORG', 'B-LOC', 'E-LOC']);
    assert.deepStrictEqual(tagsToSpans(tags), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 7, type: 'ORG' },
      { start: 7, end: 9, type: 'LOC' },
    ]);
  });

  it('cuts long lines into bounded chunks at sentence ends', () => {
    const sentence = Array.from('北京市人民政府今天召开会议，研究部署防汛工作。');
    const line: string[] = [];
    while (line.length < 2000) line.push(...sentence);
    const chunks = chunk(line);
    assert.strictEqual(chunks[0][0], 0);
    assert.strictEqual(chunks[chunks.length - 1][1], line.length);
    for (let k = 0; k < chunks.length; k++) {
      assert.ok(chunks[k][1] - chunks[k][0] <= 400);
      if (k) assert.strictEqual(chunks[k][0], chunks[k - 1][1]);
      if (k < chunks.length - 1) assert.strictEqual(line[chunks[k][1] - 1], '。');
    }
    const noPunct = new Array(1000).fill('中');
    assert.ok(chunk(noPunct).every(([a, b]) => b - a <= 400));
  });
});

describe('ner: entity/ner rule', () => {
  it('is registered in the entity rules', () => {
    assert.ok(entityRules.includes(ner));
  });

  it('reports UTF-16 ranges right with astral characters and CRLF', () => {
    const text = '𠮷𠮷：记者王晓明报道。\r\n国务院总理李强在人民大会堂会见了法国总统。\r\n';
    const found = analyze(text, { categories: ['entity'], segmenter: jiebaSegmenter });
    const got = found.map((f) => [text.slice(f.start, f.end), f.entityType]);
    assert.deepStrictEqual(got, [
      ['王晓明', 'person'],
      ['国务院', 'organization'],
      ['李强', 'person'],
      ['人民大会堂', 'place'],
      ['法国', 'place'],
    ]);
    for (const f of found) {
      assert.strictEqual(f.rule, 'entity/ner');
      assert.strictEqual(f.category, 'entity');
      assert.strictEqual(f.severity, 'hint');
      assert.ok(!f.fixes);
    }
    assert.strictEqual(found[0].start, 7, 'after two surrogate pairs, a colon and 记者');
    assert.strictEqual(found[0].message, 'Person: 王晓明');
    assert.strictEqual(found[0].messageZh, '人名:王晓明');
    assert.strictEqual(found[4].message, 'Place: 法国');
  });

  it('is off unless the entity category is asked for', () => {
    const found = analyze('国务院总理李强在北京会见外宾。', { segmenter: jiebaSegmenter });
    assert.ok(!found.some((f) => f.category === 'entity'));
  });

  it('skips junk lines: covered by boilerplate / spam, no sentence end, not alone inside running text', () => {
    const text = ['首页 | 北京 | 上海', '李强在北京会见外宾。', '相关新闻 王毅出访', '张三到上海考察', '版权所有 新华社', '', '推荐 北京 上海', '记者：王晓明'].join('\n');
    const ctx0 = buildContext(text);
    const junk = (i: number, category: 'boilerplate' | 'spam' | 'pii' = 'boilerplate'): Finding => {
      const l = ctx0.lines[i];
      return { rule: 'boilerplate/test', category, severity: 'warning', message: '', start: l.start, end: l.end };
    };
    const half = { ...junk(7), end: ctx0.lines[7].start + 3 };
    const ctx = buildContext(text, {}, [junk(0), junk(2), junk(4, 'spam'), junk(6), half, junk(1, 'pii')]);
    // 0: nav bar at the top (skipped); 1: content; 2: junk between two content lines (kept: lone);
    // 4: junk before a blank line (skipped); 6: junk block of its own (skipped); 7: half covered (kept)
    assert.deepStrictEqual(junkLines(ctx), [true, false, false, false, true, false, true, false]);
    const sentence = buildContext('首页 | 北京\n版权所有。新华社', {}, []);
    const ctx2 = buildContext(sentence.text, {}, sentence.lines.map((l) => ({ rule: 'x', category: 'boilerplate' as const, severity: 'warning' as const, message: '', start: l.start, end: l.end })));
    assert.deepStrictEqual(junkLines(ctx2), [true, false], 'a line in which a sentence ends is tagged');
  });

  it('runs after the junk rules and tags only the lines it does not skip', () => {
    assert.ok((ner.phase ?? 0) > 10);
    const page = ['首页 | 新闻 | 北京 | 上海 | 广州 | 深圳 | 联系我们', '', '国务院总理李强在人民大会堂会见了法国总统。', '', '版权所有 © 北京日报社 京ICP备12345678号'].join('\n');
    const all = analyze(page, { categories: [...CATEGORIES], segmenter: jiebaSegmenter });
    const ents = all.filter((f) => f.category === 'entity').map((f) => page.slice(f.start, f.end));
    const alone = analyze(page, { categories: ['entity'], segmenter: jiebaSegmenter }).map((f) => page.slice(f.start, f.end));
    assert.ok(all.some((f) => f.category === 'boilerplate' && f.start === 0), 'the nav bar is boilerplate');
    assert.deepStrictEqual(ents, ['国务院', '李强', '人民大会堂', '法国']);
    assert.ok(alone.includes('北京') && alone.length > ents.length, `entity alone tags every line: ${alone.join(' ')}`);
  });

  it('remembers lines it has tagged: a repeated line is not recognised again, and a different segmenter is not served from the memo', () => {
    const line = `外交部长王毅${Date.now()}在北京会见了日本客人。`; // a line no other test has tagged
    const text = `${line}\n${line}\n`;
    const before = { ...memoStats };
    const found = analyze(text, { categories: ['entity'], segmenter: jiebaSegmenter });
    assert.strictEqual(memoStats.reused - before.reused, 1);
    const spans = recognize(line, jiebaSegmenter);
    assert.deepStrictEqual(found.map((f) => [f.start, f.end, f.entityType]), [...spans, ...spans.map((s) => ({ ...s, start: s.start + line.length + 1, end: s.end + line.length + 1 }))].map((s) => [s.start, s.end, s.type]));
    const plain = analyze(text, { categories: ['entity'] });
    const chars = recognize(line);
    assert.deepStrictEqual(plain.slice(0, chars.length).map((f) => [f.start, f.end, f.entityType]), chars.map((s) => [s.start, s.end, s.type]), 'without a segmenter: characters only, not the memo of the jieba run');
  });

  it('runs without a segmenter (characters only)', () => {
    const got = recognize('记者王晓明在北京报道。');
    assert.ok(got.some((e) => e.text === '北京' && e.type === 'place'));
  });
});

describe('ner: accuracy smoke test', () => {
  // sentences written for this test (not from any training or dev file)
  const cases: [string, [string, string][]][] = [
    ['记者王晓明报道：清华大学和北京大学的学生昨天在天安门广场参观。', [['王晓明', 'person'], ['清华大学', 'organization'], ['北京大学', 'organization'], ['天安门广场', 'place']]],
    ['国务院总理李强今天上午在人民大会堂会见了法国总统马克龙。', [['国务院', 'organization'], ['李强', 'person'], ['人民大会堂', 'place'], ['法国', 'place'], ['马克龙', 'person']]],
    ['中国工商银行上海分行行长张建国说，今年贷款增长较快。', [['中国工商银行上海分行', 'organization'], ['张建国', 'person']]],
    ['新疆维吾尔自治区党委书记陈全国在乌鲁木齐出席会议。', [['新疆维吾尔自治区党委', 'organization'], ['陈全国', 'person'], ['乌鲁木齐', 'place']]],
    ['浙江省杭州市的游客来到四川省成都市参观大熊猫基地。', [['浙江省', 'place'], ['杭州市', 'place'], ['四川省', 'place'], ['成都市', 'place']]],
  ];
  it('finds at least 90% of the entities of a few hand-written news sentences, with few false ones', () => {
    let tp = 0;
    let gold = 0;
    let pred = 0;
    for (const [text, expected] of cases) {
      const got = new Set(recognize(text, jiebaSegmenter).map((e) => e.text + '/' + e.type));
      pred += got.size;
      gold += expected.length;
      for (const [t, k] of expected) if (got.has(t + '/' + k)) tp++;
    }
    assert.ok(tp / gold >= 0.9, `recall ${tp}/${gold}`);
    assert.ok(tp / pred >= 0.85, `precision ${tp}/${pred}`);
  });
});
