/** protocol/: findings → LSP values, with astral characters and CRLF line breaks. */
import * as assert from 'assert';
import { applyEdits, fixAll, Finding, LineIndex } from '../../server/src/engine';
import { dataOf, toDiagnostic, toDiagnostics, toTextEdits, toWorkspaceEdit } from '../../server/src/protocol/convert';
import { defaultSettings, parseSettings } from '../../server/src/protocol/settings';
import { ActionContext, codeActions, KIND_FIX_ALL, resolveAction, scriptEdits } from '../../server/src/protocol/actions';
import { structure, toDocumentSymbols } from '../../server/src/protocol/structure';
import { isMostlyChinese, shouldAnalyze } from '../../server/src/protocol/gate';
import { hoverAt } from '../../server/src/protocol/hover';
import { verdictOf } from '../../server/src/protocol/verdict';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A finding over the whole of line `n` (CRLF-aware) whose fix removes it. */
function lineFinding(text: string, n: number, rule: string, category: Finding['category']): Finding {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) starts.push(m.index! + m[0].length);
  const start = starts[n];
  const next = starts[n + 1] ?? text.length;
  const end = text.slice(start, next).replace(/\r?\n|\r$/, '').length + start;
  return { rule, category, severity: 'information', message: `${rule} fired`, messageZh: `${rule} 命中`, start, end, score: 0.9, evidence: ['why'], fixes: [{ title: 'Remove this line', edits: [{ start, end: next, newText: '' }] }] };
}

function applyLsp(text: string, edits: any[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'corpus', 1, text), edits);
}

describe('protocol: finding → diagnostic', () => {
  const text = '𠀀𠀁好新闻\r\n<style id="x"></style>\r\n网站首页 | 关于我们\r\n正文😀内容。';

  it('positions count UTF-16 units (astral characters are two) and CRLF ends lines', () => {
    const f: Finding = { rule: 'artifact/x', category: 'artifact', severity: 'warning', message: 'm', start: text.indexOf('好'), end: text.indexOf('好') + 1 };
    const d = toDiagnostic(f, new LineIndex(text), 7, defaultSettings());
    assert.deepStrictEqual(d.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } });
    const g: Finding = { ...f, start: text.indexOf('内'), end: text.indexOf('内') + 2 };
    const d2 = toDiagnostic(g, new LineIndex(text), 7, defaultSettings());
    assert.deepStrictEqual(d2.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } });
    // what a client does with the range gives back the same characters
    const doc = TextDocument.create('file:///x', 'corpus', 1, text);
    assert.strictEqual(doc.getText(d2.range), '内容');
    assert.strictEqual(doc.getText(d.range), '好');
  });

  it('carries code, source, severity, tags, message language, and its version and finding index as data (not the finding)', () => {
    const f = lineFinding(text, 1, 'spam/injected-html', 'spam');
    let d = toDiagnostic(f, new LineIndex(text), 3, defaultSettings(), 17);
    assert.strictEqual(d.code, 'spam/injected-html');
    assert.strictEqual(d.source, 'corpus-lint');
    assert.strictEqual(d.severity, 3, 'information, the finding’s own');
    assert.deepStrictEqual(d.tags, [1], 'Unnecessary');
    assert.strictEqual(d.message, 'spam/injected-html fired');
    assert.deepStrictEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } });
    assert.deepStrictEqual(d.data, { version: 3, i: 17 }, 'lean: the finding stays in the server');
    assert.deepStrictEqual(dataOf(d), { version: 3, i: 17 });
    assert.strictEqual(dataOf({ ...d, data: { version: 3, finding: f } }), undefined, 'the old shape (whole finding) is not ours any more');
    assert.strictEqual(dataOf({ ...d, data: { version: 3, i: -1 } }), undefined);
    d = toDiagnostic(f, new LineIndex(text), 3, parseSettings({ messageLanguage: 'zh', severity: { spam: 'error' } }));
    assert.strictEqual(d.severity, 1);
    assert.strictEqual(d.message, 'spam/injected-html 命中');
    const pii: Finding = { ...f, category: 'pii', rule: 'pii/email' };
    assert.strictEqual(toDiagnostic(pii, new LineIndex(text), 3, defaultSettings()).tags, undefined);
  });

  it('skips entities and disabled categories', () => {
    const fs = [lineFinding(text, 1, 'spam/a', 'spam'), { ...lineFinding(text, 0, 'entity/person', 'entity') }, lineFinding(text, 2, 'boilerplate/nav-bar', 'boilerplate')];
    assert.deepStrictEqual(toDiagnostics(fs, new LineIndex(text), 1, defaultSettings()).map((d) => d.code), ['spam/a', 'boilerplate/nav-bar']);
    assert.deepStrictEqual(toDiagnostics(fs, new LineIndex(text), 1, parseSettings({ categories: { spam: false, entity: true } })).map((d) => d.code), ['boilerplate/nav-bar']);
  });

  it('a line-removal edit spans the CRLF and applies like the engine', () => {
    const f = lineFinding(text, 1, 'spam/a', 'spam');
    const edits = toTextEdits(new LineIndex(text), f.fixes![0].edits);
    assert.deepStrictEqual(edits[0].range, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
    assert.strictEqual(applyLsp(text, edits), applyEdits(text, f.fixes![0].edits));
    assert.strictEqual(applyLsp(text, edits), '𠀀𠀁好新闻\r\n网站首页 | 关于我们\r\n正文😀内容。');
  });

  it('workspace edits are versioned when the client supports documentChanges', () => {
    const e = toWorkspaceEdit({ uri: 'file:///x', version: 4, documentChanges: true }, []);
    assert.deepStrictEqual(e, { documentChanges: [{ textDocument: { uri: 'file:///x', version: 4 }, edits: [] }] });
    assert.deepStrictEqual(toWorkspaceEdit({ uri: 'file:///x', version: 4, documentChanges: false }, []), { changes: { 'file:///x': [] } });
  });
});

describe('protocol: code actions', () => {
  const text = '标题新闻\r\n<style id="a"></style>\r\n正文第一段,关(guān)键。\r\n<style id="b"></style>\r\n烟(yan)台很美。\r\n';
  const art = (s: string, rep: string): Finding => {
    const start = text.indexOf(s);
    return { rule: 'artifact/pinyin-annotation', category: 'artifact', severity: 'warning', message: 'pinyin', start, end: start + s.length, fixes: [{ title: 'Remove pinyin', edits: [{ start, end: start + s.length, newText: rep }] }] };
  };
  const findings: Finding[] = [lineFinding(text, 1, 'spam/injected-html', 'spam'), art('(guān)', ''), lineFinding(text, 3, 'spam/injected-html', 'spam'), art('(yan)', '')].sort((a, b) => a.start - b.start);
  const ctx = (version = 5, lazy = false): ActionContext => ({ uri: 'file:///x', version, documentChanges: true, text, findings, lang: 'en', lazy });
  const diag = (f: Finding, version: number, i = findings.indexOf(f)) => toDiagnostic(f, new LineIndex(text), version, defaultSettings(), i);

  it('offers the finding’s fix, "all of this rule" and clean; refuses a stale diagnostic', () => {
    const actions = codeActions(ctx(), [diag(findings[0], 5)]);
    const titles = actions.map((a) => a.title);
    assert.deepStrictEqual(titles, ['Remove this line', 'Remove all 2 findings of spam/injected-html', 'Clean document (remove boilerplate and spam, repair artifacts)']);
    const all = actions[1];
    const after = applyLsp(text, (all.edit!.documentChanges![0] as any).edits);
    assert.strictEqual(after, '标题新闻\r\n正文第一段,关(guān)键。\r\n烟(yan)台很美。\r\n');
    assert.deepStrictEqual(codeActions(ctx(), [diag(findings[0], 4)], ['quickfix']), []);
  });

  it('finds the finding by the index in the diagnostic’s data; refuses an index that is not the diagnostic’s finding', () => {
    const a = findings.find((f) => f.category === 'artifact')!;
    const titles = (d: ReturnType<typeof diag>) => codeActions(ctx(), [d], ['quickfix']).map((x) => x.title);
    assert.deepStrictEqual(titles(diag(a, 5))[0], 'Repair this artifact: Remove pinyin');
    const second = findings.filter((f) => f.category === 'artifact')[1];
    const fix = codeActions(ctx(), [diag(second, 5)], ['quickfix'])[0];
    assert.strictEqual(applyLsp(text, (fix.edit!.documentChanges![0] as any).edits), text.replace('(yan)', ''), 'the fix of the finding at that index');
    assert.deepStrictEqual(titles(diag(a, 5, findings.indexOf(findings.find((f) => f.rule !== a.rule)!))), [], 'index of another rule’s finding');
    assert.deepStrictEqual(titles(diag(a, 5, findings.length)), [], 'index out of range');
  });

  it('artifacts: "repair this artifact" and "repair all artifacts"', () => {
    const a = findings.find((f) => f.category === 'artifact')!;
    const actions = codeActions(ctx(), [diag(a, 5)], ['quickfix']);
    assert.deepStrictEqual(actions.map((x) => x.title), ['Repair this artifact: Remove pinyin', 'Repair all 2 findings of artifact/pinyin-annotation', 'Repair all artifacts (2)']);
    assert.strictEqual(applyLsp(text, (actions[2].edit!.documentChanges![0] as any).edits), text.replace('(guān)', '').replace('(yan)', ''));
  });

  it('clean equals the engine’s fixAll, also when deferred to resolve', () => {
    const [eager] = codeActions(ctx(), [], [KIND_FIX_ALL]);
    assert.strictEqual(eager.kind, 'source.fixAll.corpusLint');
    assert.strictEqual(applyLsp(text, (eager.edit!.documentChanges![0] as any).edits), fixAll(text, findings));
    const [lazy] = codeActions(ctx(5, true), [], ['source.fixAll']);
    assert.strictEqual(lazy.edit, undefined);
    const resolved = resolveAction(lazy, ctx(5));
    assert.strictEqual(applyLsp(text, (resolved.edit!.documentChanges![0] as any).edits), fixAll(text, findings));
    assert.strictEqual(resolveAction(lazy, ctx(6)).edit, undefined, 'refused once the document moved on');
  });

  it('script edits touch only the lines that change', () => {
    assert.deepStrictEqual(scriptEdits('會議\r\nabc\n關鍵', '会议\r\nabc\n关键'), [
      { start: 0, end: 2, newText: '会议' },
      { start: 8, end: 10, newText: '关键' },
    ]);
  });
});

describe('protocol: outline, hover, verdict, gate', () => {
  const text = '新闻标题\n网站首页 | 关于我们\n\n联系方式 | 在线留言\n\n正文第一段落的内容很长。\n第二行也在同一段。\n\n推广 热搜: 广州 SEO\n';
  const findings: Finding[] = [lineFinding(text, 1, 'boilerplate/nav-bar', 'boilerplate'), lineFinding(text, 3, 'boilerplate/nav-bar', 'boilerplate'), lineFinding(text, 8, 'spam/seo-keywords', 'spam')];

  it('groups consecutive junk lines (across blank lines) and names parts', () => {
    const parts = structure(text, findings);
    assert.deepStrictEqual(parts.map((p) => [p.kind, p.firstLine, p.lastLine]), [
      ['headline', 0, 0],
      ['boilerplate', 1, 3],
      ['paragraph', 5, 6],
      ['spam', 8, 8],
    ]);
    assert.strictEqual(parts[1].name, 'Boilerplate: 网站首页 | 关于我们 联系方式…');
    const symbols = toDocumentSymbols(text, findings);
    assert.strictEqual(symbols[3].name, 'Spam: 推广 热搜: 广州 SEO');
    assert.deepStrictEqual(symbols[2].range, { start: { line: 5, character: 0 }, end: { line: 6, character: 9 } });
  });

  it('hover explains the finding and its fix', () => {
    const h = hoverAt(text, findings, { line: 1, character: 2 }, 'en')!;
    const v = (h.contents as any).value as string;
    assert.match(v, /boilerplate\/nav-bar/);
    assert.match(v, /score 0\.90/);
    assert.match(v, /- why/);
    assert.match(v, /removes line 2 \(1 line/);
    assert.strictEqual(hoverAt(text, findings, { line: 5, character: 1 }, 'en'), null);
  });

  it('verdict text', () => {
    const v = verdictOf('file:///x', 1, text, findings);
    assert.match(v.text, /^corpus-lint: \d+% content · 1 spam · 2 boilerplate$/);
  });

  it('only mostly-Chinese plain text is analysed', () => {
    assert.ok(isMostlyChinese('这是一段中文文本。Some English.'));
    assert.ok(!isMostlyChinese('This is English with 中文 words in it, quite a lot of English.'));
    assert.ok(shouldAnalyze('corpus', 'English only', true));
    assert.ok(!shouldAnalyze('plaintext', 'English only', true));
    assert.ok(shouldAnalyze('plaintext', 'English only', false));
  });
});
