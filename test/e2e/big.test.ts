/**
 * End to end over stdio: a big document (above SECTION_THRESHOLD) is analysed in sections
 * (engine/sections.ts). Its diagnostics agree with analyzeDocument (what the CLI reports), the
 * verdict says in how many sections, edits re-publish fresh diagnostics, and code actions find their
 * finding through the lean Diagnostic.data (version + index) — stale data refused.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, Finding, LineIndex, primaryEdits } from '../../server/src/engine';
import { analyzeDocument, SECTION_THRESHOLD, splitSections } from '../../server/src/engine/sections';
import { ROOT, TestClient } from './lspClient';
import { SEEDS_DIR, seedIds } from '../seeds';

/** Seed pages and the LSP fixture page, varied copies joined by blank lines, until `chars` code units. */
function bigText(chars: number): string {
  const pages = [...seedIds().map((id) => fs.readFileSync(path.join(SEEDS_DIR, `${id}.txt`), 'utf8')), fs.readFileSync(path.join(ROOT, 'test/fixtures/lsp/junk-page.txt'), 'utf8')];
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < chars; k++)
    for (const p of pages) {
      const t = p.trimEnd().replace(/[0-9]/g, (d) => String((Number(d) + k) % 10)) + `\n第${k}份。`;
      out.push(t);
      n += t.length + 2;
    }
  return out.join('\n\n') + '\n';
}

function applyLsp(text: string, edit: any, uri: string): string {
  const edits = edit.documentChanges ? edit.documentChanges[0].edits : edit.changes[uri];
  return TextDocument.applyEdits(TextDocument.create(uri, 'corpus', 1, text), edits);
}

function assertAgrees(text: string, diagnostics: any[], version: number): Finding[] {
  const all = analyzeDocument(text);
  const shown = all.map((f, i) => [f, i] as const).filter(([f]) => f.category !== 'entity');
  const idx = new LineIndex(text);
  assert.strictEqual(diagnostics.length, shown.length, 'one diagnostic per finding of the sectioned analysis');
  diagnostics.forEach((d, k) => {
    const [f, i] = shown[k];
    assert.strictEqual(d.code, f.rule);
    assert.deepStrictEqual(d.range, { start: idx.positionAt(f.start), end: idx.positionAt(f.end) });
    assert.deepStrictEqual(d.data, { version, i }, 'lean data: version and index');
  });
  return all;
}

describe('language server over stdio: a big document in sections', function () {
  this.timeout(120000);
  let client: TestClient;
  const uri = 'file:///test/big.corpus';
  let text = bigText(SECTION_THRESHOLD + 40000);
  let all: Finding[] = [];
  let diagnostics: any[] = [];

  before(async () => {
    client = new TestClient();
    client.settings = { entities: { enabled: false }, maxDiagnostics: 0 };
    await client.initialize();
    await client.open(uri, text);
    diagnostics = (await client.waitFor(() => client.published.find((p) => p.uri === uri && p.version === 1), 'diagnostics v1', 100000)).diagnostics;
  });

  after(async () => {
    await client?.shutdown();
  });

  it('publishes the diagnostics of the sectioned analysis (the CLI’s), with lean data', () => {
    assert.ok(text.length >= SECTION_THRESHOLD);
    all = assertAgrees(text, diagnostics, 1);
    assert.ok(diagnostics.length > 50);
    for (const d of diagnostics) assert.ok(JSON.stringify(d.data).length < 40, 'no finding in the data');
  });

  it('tells the user the document is analysed in sections (verdict and code lens)', async () => {
    const v = await client.waitFor(() => client.verdicts.find((x) => x.uri === uri && x.version === 1), 'verdict');
    const n = splitSections(text).length;
    assert.ok(n > 1);
    assert.strictEqual(v.sections, n);
    assert.match(v.text, new RegExp(`analysed in ${n} sections$`));
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.strictEqual(lenses[0].command.title, v.text);
  });

  it('the outline is each section’s structure, inside the document', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const idx = new LineIndex(text);
    assert.ok(symbols.length > splitSections(text).length);
    for (const s of symbols) assert.ok(s.range.start.line <= s.range.end.line && s.range.end.line < idx.lineCount, JSON.stringify(s.range));
    assert.ok(symbols.filter((s: any) => s.name.startsWith('Headline: ')).length > 1, 'a headline per section');
    const lines = symbols.map((s: any) => s.range.start.line);
    assert.deepStrictEqual(lines, [...lines].sort((a: number, b: number) => a - b), 'in document order');
  });

  it('a quick fix in a late section applies that finding’s fix', async () => {
    const late = diagnostics.filter((d) => all[d.data.i].fixes?.length && d.range.start.line > diagnostics[diagnostics.length - 1].range.start.line * 0.8);
    const d = late[0];
    assert.ok(d, 'a fixable finding near the end');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const fix = actions.find((a: any) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a: any) => a.title)));
    assert.strictEqual(fix.edit.documentChanges[0].textDocument.version, 1);
    assert.strictEqual(applyLsp(text, fix.edit, uri), applyEdits(text, all[d.data.i].fixes![0].edits));
    const ruleWide = actions.find((a: any) => a.title.includes(`findings of ${d.code}`));
    if (ruleWide) {
      const expected = applyEdits(text, primaryEdits(all.filter((f) => f.rule === d.code)));
      assert.strictEqual(applyLsp(text, ruleWide.edit, uri), expected);
    }
  });

  it('after edits (a character, a new line), fresh diagnostics equal the sectioned analysis; old data is refused', async () => {
    const old = diagnostics.find((d) => all[d.data.i].fixes?.length)!;
    const idx = new LineIndex(text);
    const mid = Math.floor(idx.lineCount / 2);
    const at = idx.lineEnd(mid);
    const pos = idx.positionAt(at);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: pos, end: pos }, text: '。' }] });
    text = text.slice(0, at) + '。' + text.slice(at);
    let pub = await client.waitFor(() => client.published.find((p) => p.uri === uri && p.version === 2), 'diagnostics v2', 60000);
    assertAgrees(text, pub.diagnostics, 2);
    const start = { line: 3, character: 0 };
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start, end: start }, text: '首页 | 新闻 | 联系我们\n' }] });
    const o = new LineIndex(text).offsetAt(start);
    text = text.slice(0, o) + '首页 | 新闻 | 联系我们\n' + text.slice(o);
    pub = await client.waitFor(() => client.published.find((p) => p.uri === uri && p.version === 3), 'diagnostics v3', 60000);
    const now = assertAgrees(text, pub.diagnostics, 3);
    const stale = await client.request('textDocument/codeAction', { textDocument: { uri }, range: old.range, context: { diagnostics: [old], only: ['quickfix'] } });
    assert.deepStrictEqual(stale, [], 'data of version 1 refused on version 3');
    const fresh = pub.diagnostics.find((d) => now[d.data.i].fixes?.length && d.range.start.line > 1000);
    const ok = await client.request('textDocument/codeAction', { textDocument: { uri }, range: fresh.range, context: { diagnostics: [fresh], only: ['quickfix'] } });
    assert.ok(ok.length > 0);
    assert.strictEqual(applyLsp(text, ok[0].edit, uri), applyEdits(text, now[fresh.data.i].fixes![0].edits));
    const v = await client.waitFor(() => client.verdicts.find((x) => x.uri === uri && x.version === 3), 'verdict v3');
    assert.strictEqual(v.sections, splitSections(text).length);
  });

  it('clean through workspace/executeCommand removes what analyzeDocument finds', async () => {
    const res = await client.request('workspace/executeCommand', { command: 'corpusLint.server.applyAction', arguments: [{ uri, op: 'clean', version: 3 }] });
    assert.strictEqual(res.applied, true);
    const edit = client.appliedEdits[client.appliedEdits.length - 1].edit;
    const cleanCats = ['boilerplate', 'spam', 'artifact'];
    const expected = applyEdits(text, primaryEdits(analyzeDocument(text).filter((f) => cleanCats.includes(f.category))));
    assert.strictEqual(applyLsp(text, edit, uri), expected);
  });

  /** The `n` shown findings nearest lines focus.start–focus.end (ties in document order), in document order: what the server should publish. */
  function nearest(findings: Finding[], idx: LineIndex, focus: { start: number; end: number }, n: number): number[] {
    const shown = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.category !== 'entity');
    const dist = (f: Finding) => Math.max(0, focus.start - idx.positionAt(f.end).line, idx.positionAt(f.start).line - focus.end);
    return shown
      .map(({ f, i }) => ({ i, d: dist(f) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, n)
      .map((x) => x.i)
      .sort((a, b) => a - b);
  }

  it('corpusLint.maxDiagnostics: the N nearest the last edit, then the visible range; the status says which lines; hovers, quick fixes and Remove-all see every finding', async () => {
    let before = client.published.length;
    client.settings = { entities: { enabled: false }, maxDiagnostics: 20 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // the last edit inserted a line at line 3: the focus
    let pub = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri && p.diagnostics.length === 20), 'capped diagnostics', 60000);
    let all = analyzeDocument(text);
    let idx = new LineIndex(text);
    const total = all.filter((f) => f.category !== 'entity').length;
    assert.deepStrictEqual(pub.diagnostics.map((d) => d.data.i), nearest(all, idx, { start: 3, end: 4 }, 20), 'the 20 nearest the edit');
    for (const d of pub.diagnostics) assert.deepStrictEqual(d.range, { start: idx.positionAt(all[d.data.i].start), end: idx.positionAt(all[d.data.i].end) });
    let v = await client.waitFor(() => client.verdicts.slice().reverse().find((x) => x.uri === uri && x.version === 3 && /of [\d,]+ problems/.test(x.text)), 'capped verdict');
    assert.strictEqual(v.diagnostics.published, 20);
    assert.strictEqual(v.diagnostics.total, total);
    assert.match(v.text, /diagnostics for lines [\d,]+–[\d,]+: 20 of [\d,]+ problems \(corpusLint\.maxDiagnostics\); the outline and the Remove-all actions cover the whole file$/);
    assert.ok(v.diagnostics.lines.start <= 3 && v.diagnostics.lines.end >= 4, JSON.stringify(v.diagnostics.lines));

    // an edit near the end (no visible range reported yet): the focus follows it
    const line = idx.lineCount - 40;
    const pos = { line, character: 0 };
    before = client.published.length;
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: pos, end: pos }, text: '。' }] });
    const o = idx.offsetAt(pos);
    text = text.slice(0, o) + '。' + text.slice(o);
    pub = await client.waitFor(() => client.published.find((p) => p.uri === uri && p.version === 4), 'diagnostics v4', 60000);
    all = analyzeDocument(text);
    idx = new LineIndex(text);
    assert.deepStrictEqual(pub.diagnostics.map((d) => d.data.i), nearest(all, idx, { start: line, end: line }, 20), 'the 20 nearest the edit near the end');

    // the editor shows the middle: republished for that range (same version, no analysis)
    const mid = { start: Math.floor(idx.lineCount / 2), end: Math.floor(idx.lineCount / 2) + 30 };
    before = client.published.length;
    await client.conn.sendNotification('corpusLint/visibleRanges', { uri, ranges: [{ start: { line: mid.start, character: 0 }, end: { line: mid.end, character: 0 } }] });
    pub = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri), 'republished for the visible range', 60000);
    assert.strictEqual(pub.version, 4);
    assert.deepStrictEqual(pub.diagnostics.map((d) => d.data.i), nearest(all, idx, mid, 20), 'the 20 nearest the visible range');
    v = await client.waitFor(() => client.verdicts.slice().reverse().find((x) => x.uri === uri && x.version === 4 && x.diagnostics?.lines && x.diagnostics.lines.start <= mid.start), 'verdict for the visible range');
    assert.ok(v.diagnostics.lines.start <= mid.start && v.diagnostics.lines.end >= mid.end, JSON.stringify(v.diagnostics.lines));
    // scrolling inside the covered lines does not republish
    before = client.published.length;
    await client.conn.sendNotification('corpusLint/visibleRanges', { uri, ranges: [{ start: { line: mid.start + 1, character: 0 }, end: { line: mid.end - 1, character: 0 } }] });
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(client.published.length, before, 'no republish while the visible lines are covered');

    // findings that are not published: hover, and the rule-wide action counts the whole document
    const shownIdx = new Set(pub.diagnostics.map((d) => d.data.i));
    const late = all.map((f, i) => ({ f, i })).filter(({ f, i }) => f.category !== 'entity' && !shownIdx.has(i)).pop()!;
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: idx.positionAt(late.f.start) });
    assert.ok(hover && hover.contents.value.includes(late.f.rule), 'a finding past the limit still has its hover');
    const d = pub.diagnostics.find((x) => all[x.data.i].fixes?.length && all.filter((f) => f.rule === all[x.data.i].rule && f.fixes?.length).length > 1);
    if (d) {
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
      const n = all.filter((f) => f.rule === d.code && f.fixes?.length).length;
      assert.ok(actions.some((a: any) => a.title.includes(`all ${n} findings of ${d.code}`)), JSON.stringify(actions.map((a: any) => a.title)));
    }
  });
});
