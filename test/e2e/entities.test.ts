/**
 * Entities end to end: the real server over stdio on a seed page. Semantic tokens agree with the
 * engine's `recognize`; hover, outline, highlights and references work on people, places and
 * organisations; Traditional spellings are the same entity; an edit re-tags only its block; the
 * diagnostics always go out before the entities are computed; entities are never diagnostics.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../server/src/engine';
import { recognize } from '../../server/src/engine/ner';
import { toSimplified } from '../../server/src/engine/convert';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { ROOT, TestClient } from './lspClient';
import type { EntitiesParams } from '../../server/src/protocol/entities';

const SEED = path.join(ROOT, 'test/fixtures/seeds/seed-000.txt');


describe('entities in the editor over stdio', function () {
  this.timeout(60000);
  let client: TestClient;
  let legend: { tokenTypes: string[]; tokenModifiers: string[] };
  /** entities notifications, each with how many diagnostics of that version had been published when it arrived */
  const ready: (EntitiesParams & { diagnosticsBefore: boolean })[] = [];
  let wake: (() => void)[] = [];

  function entitiesFor(uri: string, version: number, ms = 30000): Promise<EntitiesParams & { diagnosticsBefore: boolean }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no entities for ${uri} v${version}; stderr: ${client.stderr.slice(-2000)}`)), ms);
      const check = () => {
        const e = ready.find((p) => p.uri === uri && p.version === version);
        if (e) {
          clearTimeout(timer);
          resolve(e);
        } else wake.push(check);
      };
      check();
    });
  }

  const text = fs.readFileSync(SEED, 'utf8');
  const uri = 'file:///test/entities/seed-000.txt';
  let current = text;
  let version = 1;

  const pos = (t: string, offset: number) => new LineIndex(t).positionAt(offset);
  const req = <T = any>(method: string, extra: Record<string, unknown> = {}) => client.request<T>(method, { textDocument: { uri }, ...extra });

  function decode(data: number[]) {
    const out: { line: number; character: number; length: number; type: string }[] = [];
    let line = 0;
    let ch = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
      out.push({ line, character: ch, length: data[i + 2], type: legend.tokenTypes[data[i + 3]] });
    }
    return out;
  }

  async function change(startOffset: number, endOffset: number, newText: string) {
    const range = { start: pos(current, startOffset), end: pos(current, endOffset) };
    current = current.slice(0, startOffset) + newText + current.slice(endOffset);
    version++;
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
  }

  before(async () => {
    client = new TestClient();
    client.conn.onNotification('corpusLint/entities', (p: EntitiesParams) => {
      ready.push({ ...p, diagnosticsBefore: client.published.some((d) => d.uri === p.uri && d.version === p.version) });
      const w = wake;
      wake = [];
      for (const f of w) f();
    });
    const init = await client.initialize();
    const caps = init.capabilities;
    assert.ok(caps.semanticTokensProvider && caps.semanticTokensProvider.full && caps.semanticTokensProvider.range);
    assert.ok(caps.documentHighlightProvider);
    assert.ok(caps.referencesProvider);
    legend = caps.semanticTokensProvider.legend;
    assert.deepStrictEqual(legend.tokenTypes, ['variable', 'namespace', 'class'], 'standard types for a client that did not ask for custom ones');
    await client.open(uri, text, 'plaintext');
  });

  after(async () => {
    await client?.shutdown();
  });

  it('publishes diagnostics first, then tags every block; no diagnostic is an entity', async () => {
    const pub = await client.diagnosticsFor(uri, 1);
    const e = await entitiesFor(uri, 1);
    assert.ok(e.diagnosticsBefore, 'diagnostics of v1 were published before its entities were ready');
    assert.ok(e.blocks > 5 && e.tagged === e.blocks, `every block tagged once (${e.tagged}/${e.blocks})`);
    assert.ok(e.mentions > 10);
    assert.ok(pub.diagnostics.every((d) => !String(d.code).startsWith('entity/')));
  });

  it('semantic tokens decode to the spans recognize() finds (plus repeats of the same spellings)', async () => {
    const idx = new LineIndex(text);
    const spans = recognize(text, jiebaSegmenter);
    assert.ok(spans.some((s) => s.text === '陈全国' && s.type === 'person'), 'the model finds 陈全国');
    const full = decode((await req('textDocument/semanticTokens/full')).data);
    const TYPE: Record<string, string> = { person: 'variable', place: 'namespace', organization: 'class' };
    const key = (line: number, character: number, length: number) => `${line}:${character}:${length}`;
    const tokens = new Map(full.map((t) => [key(t.line, t.character, t.length), t]));
    for (const s of spans) {
      const p = idx.positionAt(s.start);
      const t = tokens.get(key(p.line, p.character, s.end - s.start));
      assert.ok(t, `a token for ${s.text} at ${p.line}:${p.character}`);
      assert.strictEqual(t.type, TYPE[s.type], `type of ${s.text}`);
    }
    const keys = new Set(spans.map((s) => toSimplified(s.text)));
    for (const t of full) {
      const o = idx.offsetAt({ line: t.line, character: t.character });
      const covered = spans.some((s) => s.start === o && s.end === o + t.length);
      if (!covered) assert.ok(keys.has(toSimplified(text.slice(o, o + t.length))), `an extra token is a repeat of a tagged spelling: ${text.slice(o, o + t.length)}`);
    }
    // range: only the tokens inside it
    const ranged = decode((await req('textDocument/semanticTokens/range', { range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } } })).data);
    assert.deepStrictEqual(ranged, full.filter((t) => t.line < 12));
  });

  it('hover on a person: type, both scripts, pinyin, mention count and first mention', async () => {
    const first = text.indexOf('陈全国');
    const second = text.indexOf('陈全国', first + 3);
    const h = await req('textDocument/hover', { position: pos(text, second + 1) });
    const v: string = h.contents.value;
    assert.match(v, /\*\*陈全国\*\* · person/);
    assert.match(v, /Simplified: 陈全国 · Traditional: 陳全國/);
    assert.match(v, /Pinyin: chén quán guó/);
    const count = text.split('陈全国').length - 1;
    assert.match(v, new RegExp(`${count} mentions in this document`));
    const p = pos(text, first);
    assert.match(v, new RegExp(`first mention: line ${p.line + 1}, column ${p.character + 1}`));
    assert.deepStrictEqual(h.range, { start: pos(text, second), end: pos(text, second + 3) });
  });

  it('hover shows the entity and a finding under the cursor together', async () => {
    // 核心提示 line: a template summary (boilerplate) that names 陈全国
    const line = text.split(/\r?\n/).findIndex((l) => l.startsWith('核心提示') && l.includes('陈全国'));
    assert.ok(line >= 0);
    const ch = text.split(/\r?\n/)[line].indexOf('陈全国');
    const v: string = (await req('textDocument/hover', { position: { line, character: ch + 1 } })).contents.value;
    assert.match(v, /陈全国\*\* · person/);
    assert.match(v, /boilerplate\//, 'the finding is shown too');
  });

  it('outline: an Entities section grouped by type, with counts, entries at first mentions', async () => {
    const symbols = await req<any[]>('textDocument/documentSymbol');
    const section = symbols.find((s) => s.name === 'Entities');
    assert.ok(section, 'an Entities section');
    const people = section.children.find((c: any) => c.name === 'People');
    assert.ok(people);
    assert.ok(section.children.some((c: any) => c.name === 'Places'));
    assert.ok(section.children.some((c: any) => c.name === 'Organisations'));
    const chen = people.children.find((c: any) => c.name === '陈全国');
    assert.ok(chen.detail.startsWith(`×${text.split('陈全国').length - 1} · `), chen.detail);
    assert.deepStrictEqual(chen.selectionRange, { start: pos(text, text.indexOf('陈全国')), end: pos(text, text.indexOf('陈全国') + 3) });
    assert.ok(symbols.some((s) => s.name.startsWith('Headline: ')), 'the page structure is still there');
  });

  it('highlights and references: every mention, including a Traditional spelling added by an edit', async () => {
    const mentions = (t: string, s: string) => {
      const out: number[] = [];
      for (let i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + 1)) out.push(i);
      return out;
    };
    const at = pos(text, text.indexOf('陈全国') + 1);
    const hl = await req<any[]>('textDocument/documentHighlight', { position: at });
    assert.deepStrictEqual(hl.map((h) => h.range.start), mentions(text, '陈全国').map((o) => pos(text, o)));
    // add a paragraph in Traditional script at the end
    await change(text.length, text.length, '\n\n陳全國在會議上強調,要做好疫情防控工作。\n');
    await client.diagnosticsFor(uri, version);
    const e = await entitiesFor(uri, version);
    assert.ok(e.diagnosticsBefore);
    assert.strictEqual(e.tagged, 1, 'only the new block was tagged');
    const expected = [...mentions(current, '陈全国'), ...mentions(current, '陳全國')].sort((a, b) => a - b).map((o) => pos(current, o));
    const refs = await req<any[]>('textDocument/references', { position: at, context: { includeDeclaration: true } });
    assert.deepStrictEqual(refs.map((r) => r.range.start), expected);
    assert.ok(refs.every((r) => r.uri === uri));
    const trad = current.indexOf('陳全國');
    const hl2 = await req<any[]>('textDocument/documentHighlight', { position: pos(current, trad + 1) });
    assert.deepStrictEqual(hl2.map((h) => h.range.start), expected, 'from the Traditional spelling too');
    const noDecl = await req<any[]>('textDocument/references', { position: at, context: { includeDeclaration: false } });
    assert.strictEqual(noDecl.length, expected.length - 1);
  });

  it('an edit inside one block re-tags only that block, after the diagnostics', async () => {
    const o = current.indexOf('霍尔果斯市');
    await change(o, o, '新疆');
    await client.diagnosticsFor(uri, version);
    const e = await entitiesFor(uri, version);
    assert.ok(e.diagnosticsBefore, 'diagnostics first');
    assert.strictEqual(e.tagged, 1, 'only the changed block');
    const full = decode((await req('textDocument/semanticTokens/full')).data);
    const idx = new LineIndex(current);
    assert.ok(full.some((t) => current.slice(idx.offsetAt(t), idx.offsetAt(t) + t.length) === '陳全國'));
  });

  it('rapid edits within the debounce: only the last version is analysed and tagged', async () => {
    const before = ready.length;
    for (let i = 0; i < 4; i++) await change(current.length, current.length, `${i}`);
    const last = version;
    await client.diagnosticsFor(uri, last);
    await entitiesFor(uri, last);
    assert.ok(ready.slice(before).every((p) => p.version === last), 'no stale version was tagged');
  });

  it('tags in a child process of the server; a killed tagger is started again for the next version', async () => {
    const children = () => {
      try {
        return fs.readFileSync(`/proc/${client.proc.pid}/task/${client.proc.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return undefined; // no /proc here
      }
    };
    const kids = children();
    if (kids === undefined) return;
    assert.strictEqual(kids.length, 1, 'one tagger process');
    process.kill(kids[0], 'SIGKILL');
    const o = current.indexOf('霍尔果斯市');
    await change(o, o, '伊宁市');
    await client.diagnosticsFor(uri, version);
    const e = await entitiesFor(uri, version);
    assert.strictEqual(e.tagged, 1, 'the changed block, by a new tagger');
    const now = children()!;
    assert.strictEqual(now.length, 1);
    assert.notStrictEqual(now[0], kids[0]);
    const full = decode((await req('textDocument/semanticTokens/full')).data);
    const idx = new LineIndex(current);
    assert.ok(full.some((t) => current.slice(idx.offsetAt(t), idx.offsetAt(t) + t.length) === '霍尔果斯市'));
  });

  it('entity category on: still no entity diagnostics, one entity part in the hover', async () => {
    const uri2 = 'file:///test/entities/with-category.txt';
    client.settings = { categories: { entity: true } };
    await client.open(uri2, text, 'plaintext');
    const pub = await client.diagnosticsFor(uri2, 1);
    assert.ok(pub.diagnostics.length > 0);
    assert.ok(pub.diagnostics.every((d) => !String(d.code).startsWith('entity/')));
    const second = text.indexOf('陈全国', text.indexOf('陈全国') + 3);
    const v: string = (await client.request('textDocument/hover', { textDocument: { uri: uri2 }, position: pos(text, second) })).contents.value;
    assert.strictEqual(v.split('· person').length - 1, 1, 'the entity hover replaces the entity finding');
    assert.ok(!v.includes('entity/ner'));
  });

  it('corpusLint.entities.enabled = false: no tokens, no Entities section, no highlights', async () => {
    const uri3 = 'file:///test/entities/off.txt';
    client.settings = { entities: { enabled: false } };
    await client.open(uri3, text, 'plaintext');
    await client.diagnosticsFor(uri3, 1);
    const toks = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: uri3 } });
    assert.deepStrictEqual(toks.data, []);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: uri3 } });
    assert.ok(!symbols.some((s) => s.name.startsWith('Entities')));
    assert.strictEqual(await client.request('textDocument/documentHighlight', { textDocument: { uri: uri3 }, position: pos(text, text.indexOf('陈全国')) }), null);
    assert.ok(!ready.some((p) => p.uri === uri3), 'never tagged');
    client.settings = {};
  });
});
