/**
 * The editor side of entities without a server: the block cache (only changed blocks are
 * re-tagged), cancellation, grouping of spellings, and the semantic-token encoding (UTF-16
 * positions with astral characters and CRLF).
 */
import * as assert from 'assert';
import { LineIndex } from '../../server/src/engine';
import { EntitySpan } from '../../server/src/engine/ner';
import {
  buildEntities,
  decodeTokens,
  encodeTokens,
  EntityCache,
  entityHighlights,
  entityHoverAt,
  entityReferences,
  entitySymbols,
  entityTokens,
  Mention,
  MAX_UNIT,
  BATCH_UNITS,
  mentionAt,
  tagDocument,
  tagUnits,
  tokenLegend,
} from '../../server/src/protocol/entities';
import { parseSettings, defaultSettings } from '../../server/src/protocol/settings';

const NAMES: [RegExp, EntitySpan['type']][] = [
  [/张三|陈全国|陳全國/g, 'person'],
  [/北京|伊犁/g, 'place'],
  [/新疆日报/g, 'organization'],
];

/** A fake recognizer that counts its calls and the texts it saw. */
function counting() {
  const seen: string[] = [];
  const fn = (text: string): EntitySpan[] => {
    seen.push(text);
    const out: EntitySpan[] = [];
    for (const [re, type] of NAMES) for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, type, text: m[0] });
    return out.sort((a, b) => a.start - b.start);
  };
  return { fn, seen };
}

const noPause = () => Promise.resolve();

describe('entities: block cache', () => {
  const doc = ['张三去了北京。', '第二段没有名字', '新疆日报报道,', '陈全国在伊犁。'].join('\n\n');

  it('tags every block once, then nothing when the text is unchanged', async () => {
    const { fn, seen } = counting();
    const cache = new EntityCache(fn);
    const a = await tagDocument(doc, 1, cache, { pause: noPause });
    assert.ok(a);
    assert.strictEqual(seen.length, 4, 'one recognizer call per block');
    assert.deepStrictEqual(a.stats, { blocks: 4, tagged: 4, ms: a.stats.ms });
    const b = await tagDocument(doc, 2, cache, { pause: noPause });
    assert.strictEqual(seen.length, 4, 'all blocks from the cache');
    assert.strictEqual(b!.stats.tagged, 0);
    assert.deepStrictEqual(b!.mentions, a.mentions);
  });

  it('re-tags only the changed block, and shifts the unchanged ones after it', async () => {
    const { fn, seen } = counting();
    const cache = new EntityCache(fn);
    await tagDocument(doc, 1, cache, { pause: noPause });
    const edited = doc.replace('第二段没有名字', '第二段有张三和北京,更长了');
    const r = await tagDocument(edited, 2, cache, { pause: noPause });
    assert.deepStrictEqual(seen.slice(4), ['第二段有张三和北京,更长了'], 'exactly the changed block');
    assert.strictEqual(r!.stats.tagged, 1);
    // offsets agree with tagging the whole text at once
    const whole = counting().fn(edited);
    assert.deepStrictEqual(
      r!.mentions.map((m) => [m.start, m.end, m.type, m.text]),
      whole.map((s) => [s.start, s.end, s.type, s.text]),
    );
    for (const m of r!.mentions) assert.strictEqual(edited.slice(m.start, m.end), m.text);
  });

  it('cuts a long block into runs of whole lines; an edit there re-tags one run', async () => {
    const line = '张三在北京。'.repeat(150); // 900 units
    const long = Array.from({ length: 20 }, () => line).join('\r\n');
    const text = `前言\n\n${long}\n\n后记`;
    const units = tagUnits(text);
    assert.ok(units.length > 4, `${units.length} units`);
    for (const u of units) {
      assert.ok(u.end - u.start <= MAX_UNIT + line.length, 'about MAX_UNIT');
      assert.ok(u.start === 0 || /[\r\n]/.test(text[u.start - 1]), 'starts a line');
      assert.ok(u.end === text.length || /[\r\n]/.test(text[u.end]), 'ends a line');
    }
    const { fn, seen } = counting();
    const cache = new EntityCache(fn);
    const r = await tagDocument(text, 1, cache, { pause: noPause });
    assert.deepStrictEqual(r!.mentions.map((m) => [m.start, m.end]), fn(text).map((x) => [x.start, x.end]), 'same as tagging the whole text');
    const n = seen.length;
    const rows = long.split('\r\n');
    rows[10] = rows[10].replace('北京', '伊犁');
    const edited = `前言\n\n${rows.join('\r\n')}\n\n后记`;
    const r2 = await tagDocument(edited, 2, cache, { pause: noPause });
    assert.strictEqual(seen.length - n, 1, 'only the run holding line 10');
    assert.ok(r2!.mentions.some((m) => m.text === '伊犁'));
  });

  it('is bounded (least recently used evicted first)', () => {
    const { fn, seen } = counting();
    const cache = new EntityCache(fn, 2);
    cache.tag('a');
    cache.tag('b');
    cache.tag('a'); // a is now the most recent
    cache.tag('c'); // evicts b
    assert.strictEqual(cache.size, 2);
    cache.tag('a');
    assert.strictEqual(seen.length, 3);
    cache.tag('b');
    assert.strictEqual(seen.length, 4, 'b was evicted and is recognised again');
  });

  it('stops when the document moves on, keeping the blocks already tagged', async () => {
    const { fn, seen } = counting();
    const cache = new EntityCache(fn);
    let calls = 0;
    const r = await tagDocument(doc, 1, cache, { pause: noPause, isCurrent: () => ++calls <= 2 });
    assert.strictEqual(r, undefined, 'cancelled');
    assert.strictEqual(seen.length, 2, 'stopped between blocks');
    const again = await tagDocument(doc, 2, cache, { pause: noPause });
    assert.strictEqual(again!.stats.tagged, 2, 'the first two blocks came from the cache');
  });

  it('yields to the event loop between chunks of work', async () => {
    const { fn } = counting();
    let pauses = 0;
    const slow = (t: string) => {
      const until = Date.now() + 3;
      while (Date.now() < until);
      return fn(t);
    };
    await tagDocument(doc, 1, new EntityCache(slow), { sliceMs: 1, pause: () => (pauses++, Promise.resolve()) });
    assert.ok(pauses >= 3, `paused ${pauses} times`);
  });
});

describe('entities: block cache with a batch recognizer (the tagger process)', () => {
  /** Many blocks, some repeated; a fake batch recognizer that records each request. */
  const blocks = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? '张三去了北京。' : `第${i}段:陈全国在伊犁,新疆日报报道。`.repeat(1 + (i % 5) * 40)));
  const doc = blocks.join('\n\n');
  function batching() {
    const { fn } = counting();
    const requests: string[][] = [];
    let hold: Promise<void> = Promise.resolve();
    const batch = async (texts: string[]) => {
      requests.push(texts);
      await hold;
      return texts.map(fn);
    };
    return { batch, requests, holdWith: (p: Promise<void>) => (hold = p) };
  }

  it('finds what the per-block path finds, with few requests of at most BATCH_UNITS (a longer block alone), each distinct block once', async () => {
    const b = batching();
    const cache = new EntityCache({ batch: b.batch });
    assert.ok(cache.batched);
    const got = await tagDocument(doc, 1, cache, { pause: noPause });
    const want = await tagDocument(doc, 1, new EntityCache(counting().fn), { pause: noPause });
    assert.deepStrictEqual(got!.mentions, want!.mentions);
    const sent = b.requests.flat();
    assert.strictEqual(new Set(sent).size, sent.length, 'no block text sent twice');
    assert.strictEqual(new Set(sent).size, new Set(blocks).size);
    assert.ok(b.requests.length > 1 && b.requests.length < 30, `${b.requests.length} requests`);
    for (const r of b.requests) assert.ok(r.length === 1 || r.join('').length <= BATCH_UNITS, `request of ${r.join('').length} units`);
    assert.strictEqual(got!.stats.tagged, new Set(blocks).size);
    assert.throws(() => cache.tag('x'), /batches/);
  });

  it('an edit sends only the changed block; a document that moves on stops between requests', async () => {
    const b = batching();
    const cache = new EntityCache({ batch: b.batch });
    await tagDocument(doc, 1, cache, { pause: noPause });
    const n = b.requests.length;
    const edited = doc.replace('张三去了北京。', '李四去了上海。');
    const r = await tagDocument(edited, 2, cache, { pause: noPause });
    assert.deepStrictEqual(b.requests.slice(n), [['李四去了上海。']]);
    assert.strictEqual(r!.stats.tagged, 1);
    // cancelled while a request is out: resolves undefined, and what came back is cached
    const c = batching();
    const cache2 = new EntityCache({ batch: c.batch });
    let current = true;
    let release!: () => void;
    c.holdWith(new Promise<void>((resolve) => (release = resolve)));
    const job = tagDocument(doc, 1, cache2, { pause: noPause, isCurrent: () => current });
    while (!c.requests.length) await new Promise((resolve) => setImmediate(resolve));
    current = false;
    release();
    assert.strictEqual(await job, undefined);
    assert.strictEqual(c.requests.length, 1, 'no request after the document moved on');
    assert.strictEqual(cache2.size, new Set(c.requests[0]).size, 'the answer that came back is kept');
  });
});

describe('entities: grouping, hover, outline, references', () => {
  const text = '陈全国在伊犁。\n陳全國会见了新疆日报记者。\n陈全国强调,北京…\n又见陈全国';
  const spans = counting().fn(text).filter((s) => s.start < text.indexOf('又见'));

  it('Traditional and Simplified spellings are one entity; untagged repeats are inferred mentions', () => {
    const ents = buildEntities(text, 1, spans, { blocks: 1, tagged: 1, ms: 0 });
    const g = ents.groups.get('陈全国')!;
    assert.ok(g, 'keyed by toSimplified');
    assert.strictEqual(g.type, 'person');
    assert.deepStrictEqual(g.mentions.map((m) => m.text), ['陈全国', '陳全國', '陈全国', '陈全国']);
    assert.deepStrictEqual(g.mentions.map((m) => !!m.inferred), [false, false, false, true]);
    const hl = entityHighlights(ents, text.indexOf('陳全國') + 1)!;
    assert.strictEqual(hl.length, 4);
    assert.deepStrictEqual(hl[1].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.strictEqual(entityReferences(ents, 'file:///x', 0, false)!.length, 3, 'without the first mention');
    assert.strictEqual(entityHighlights(ents, text.indexOf('记者') + 1), null);
  });

  it('hover: type, both scripts, pinyin, count and first mention', () => {
    const ents = buildEntities(text, 1, spans, { blocks: 1, tagged: 1, ms: 0 });
    const h = entityHoverAt(ents, text.indexOf('陳全國'), 'en')!;
    assert.match(h.value, /person/);
    assert.match(h.value, /Simplified: 陈全国 · Traditional: 陳全國/);
    assert.match(h.value, /chén quán guó/);
    assert.match(h.value, /4 mentions/);
    assert.match(h.value, /first mention: line 1, column 1/);
    const zh = entityHoverAt(ents, text.indexOf('伊犁'), 'zh')!;
    assert.match(zh.value, /地名/);
  });

  it('outline: an Entities section by type with counts, entries at their first mention', () => {
    const ents = buildEntities(text, 1, spans, { blocks: 1, tagged: 1, ms: 0 });
    const s = entitySymbols(ents)!;
    assert.strictEqual(s.name, 'Entities');
    assert.match(s.detail!, /^4 · /);
    assert.deepStrictEqual(s.children!.map((c) => c.name), ['People', 'Places', 'Organisations']);
    assert.deepStrictEqual(s.children!.map((c) => c.detail!.split(' ')[0]), ['1', '2', '1']);
    const person = s.children![0].children![0];
    assert.strictEqual(person.name, '陈全国');
    assert.match(person.detail!, /^×4 · first mention: line 1$/);
    assert.deepStrictEqual(person.selectionRange.start, { line: 0, character: 0 });
  });

  it('mentionAt finds the entity under and just after the cursor', () => {
    const ents = buildEntities(text, 1, spans, { blocks: 1, tagged: 1, ms: 0 });
    assert.strictEqual(mentionAt(ents, 1)!.text, '陈全国');
    assert.strictEqual(mentionAt(ents, 3)!.text, '陈全国', 'cursor right after the name');
    assert.strictEqual(mentionAt(ents, 3.5), undefined);
  });
});

describe('entities: semantic token encoding', () => {
  const legend = tokenLegend(false);
  const m = (text: string, s: string, type: Mention['type'], from = 0): Mention => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, type, text: s, key: s };
  };

  it('counts astral characters as two UTF-16 units', () => {
    const text = '𠀀张三和𠀁北京\n𠀀𠀀新疆日报';
    const ms = [m(text, '张三', 'person'), m(text, '北京', 'place'), m(text, '新疆日报', 'organization')];
    const toks = decodeTokens(encodeTokens(new LineIndex(text), ms), legend);
    assert.deepStrictEqual(toks.map((t) => [t.line, t.character, t.length, t.type]), [
      [0, 2, 2, 'variable'],
      [0, 7, 2, 'namespace'],
      [1, 4, 4, 'class'],
    ]);
    assert.deepStrictEqual(encodeTokens(new LineIndex(text), ms).slice(0, 10), [0, 2, 2, 0, 0, 0, 5, 2, 1, 0]);
  });

  it('handles CRLF and lone CR line breaks, and a range', () => {
    const text = '张三\r\n\r\n在北京\r陈全国';
    const ms = [m(text, '张三', 'person'), m(text, '北京', 'place'), m(text, '陈全国', 'person')];
    const idx = new LineIndex(text);
    assert.deepStrictEqual(decodeTokens(encodeTokens(idx, ms), legend).map((t) => [t.line, t.character, t.length]), [
      [0, 0, 2],
      [2, 1, 2],
      [3, 0, 3],
    ]);
    const ranged = decodeTokens(encodeTokens(idx, ms, undefined, text.indexOf('在'), text.length), legend);
    assert.deepStrictEqual(ranged.map((t) => [t.line, t.character]), [[2, 1], [3, 0]]);
  });

  it('cuts a span across a line break and skips overlaps; first mentions are declarations', () => {
    const text = 'ab张\r\n三cd';
    const span: Mention = { start: 2, end: 6, type: 'person', text: '张\r\n三', key: 'x' };
    const overlap: Mention = { start: 2, end: 3, type: 'place', text: '张', key: 'y' };
    const toks = decodeTokens(encodeTokens(new LineIndex(text), [span, overlap], new Set([span])), legend);
    assert.deepStrictEqual(toks.map((t) => [t.line, t.character, t.length, t.type, t.modifiers.join()]), [
      [0, 2, 1, 'variable', 'declaration'],
      [1, 0, 1, 'variable', 'declaration'],
    ]);
    const ents = buildEntities('张三,张三', 1, [{ start: 0, end: 2, type: 'person', text: '张三' }], { blocks: 1, tagged: 1, ms: 0 });
    assert.deepStrictEqual(decodeTokens(entityTokens(ents), tokenLegend(true)).map((t) => [t.character, t.type, t.modifiers.join()]), [
      [0, 'person', 'declaration'],
      [3, 'person', ''],
    ]);
  });
});

describe('entities: setting', () => {
  it('corpusLint.entities.enabled defaults to true and can be turned off', () => {
    assert.strictEqual(defaultSettings().entities.enabled, true);
    assert.strictEqual(parseSettings({ entities: { enabled: false } }).entities.enabled, false);
    assert.strictEqual(parseSettings({ 'entities.enabled': false }).entities.enabled, false);
    assert.strictEqual(parseSettings({ entities: 'no' }).entities.enabled, true);
  });
});
