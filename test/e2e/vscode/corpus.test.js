// corpus-lint through the VS Code API, inside code-server's real extension host, with the extension installed
// from the .vsix. Expectations come from the engine itself (out/server/src, loaded here), never from
// hard-coded counts: the rules change while the editor integration must stay faithful to them.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'out', 'server', 'src');
const engine = require(path.join(SRC, 'engine'));
const convert = require(path.join(SRC, 'engine', 'convert'));
const { jiebaSegmenter } = require(path.join(SRC, 'segmenter'));
const { verdictOf } = require(path.join(SRC, 'protocol', 'verdict'));
const EXT_ID = 'corpus-lint.corpus-lint';

// ---- helpers ---------------------------------------------------------------------------------------------
async function waitFor(what, fn, ms = 30000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50)); // polling interval of an explicit wait, not a synchronisation sleep
  }
}

/** What the server analyses by default: every category but entities (corpusLint.categories.entity = false). */
const findingsOf = (text) => engine.analyze(text, { categories: engine.DEFAULT_CATEGORIES, segmenter: jiebaSegmenter });
const codeOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
const fmt = (r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
function engineKeys(text, findings) {
  const ix = new engine.LineIndex(text);
  return findings.map((f) => `${f.rule}@${fmt({ start: ix.positionAt(f.start), end: ix.positionAt(f.end) })}`).sort();
}
const diagKeys = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corpus-lint').map((d) => `${codeOf(d)}@${fmt(d.range)}`).sort();
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

let n = 0;
/** A fresh copy of a seed page in the workspace, opened in an editor. */
async function open(seed) {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const uri = vscode.Uri.joinPath(folder, 'api-tests', `${++n}-${seed}`);
  await vscode.workspace.fs.writeFile(uri, fs.readFileSync(path.join(ROOT, 'samples', seed)));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  return { uri, doc, editor, text: doc.getText() };
}

/** Waits until the published diagnostics are exactly the engine's findings for the document's text. */
async function diagnosticsMatchEngine(uri, text) {
  const want = engineKeys(text, findingsOf(text));
  try {
    await waitFor('diagnostics equal to the engine findings', () => sameList(diagKeys(uri), want));
  } catch (e) {
    const got = diagKeys(uri);
    throw new Error(`${e.message}\n  only in editor: ${got.filter((k) => !want.includes(k)).join(', ')}\n  only in engine: ${want.filter((k) => !got.includes(k)).join(', ')}`);
  }
  return want;
}

const actionsAt = (uri, range, kind, resolve = 100) => vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind, resolve);
async function applyAndExpect(doc, action, expected, what) {
  assert.ok(action, `no code action: ${what}`);
  assert.ok(action.edit, `code action without an edit: ${action.title}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit refused: ${action.title}`);
  assert.ok(doc.getText() === expected, `${what}: the text after "${action.title}" differs from the engine's (${doc.getText().length} vs ${expected.length} chars)`);
}
const closeAll = () => vscode.commands.executeCommand('workbench.action.closeAllEditors');

// ---- tests -----------------------------------------------------------------------------------------------
describe('corpus-lint in VS Code (code-server extension host, installed .vsix)', function () {
  after(async () => {
    await closeAll();
  });

  it('activates from the packaged extension (bundled server, nodejieba, data)', async () => {
    await open('seed-000.txt');
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} is not installed`);
    await waitFor('activation', () => ext.isActive);
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/node_modules/nodejieba/build/Release/nodejieba.node', 'server/data/ner/model.bin.gz']) {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, f)), `${f} missing in ${ext.extensionPath}`);
    }
  });

  it('diagnostics: spam and boilerplate with rule codes, exactly the engine findings', async () => {
    const { uri, text } = await open('seed-000.txt');
    const keys = await diagnosticsMatchEngine(uri, text);
    const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corpus-lint');
    const spam = diags.filter((d) => codeOf(d).startsWith('spam/'));
    const boiler = diags.filter((d) => codeOf(d).startsWith('boilerplate/'));
    assert.ok(spam.length > 0 && boiler.length > 0, `spam ${spam.length}, boilerplate ${boiler.length} of ${keys.length}`);
    for (const d of [...spam, ...boiler]) assert.ok(d.tags && d.tags.includes(vscode.DiagnosticTag.Unnecessary), `${codeOf(d)} is not faded`);
    assert.ok(spam.every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'spam is not a warning');
  });

  it('hover on a spam finding: rule, evidence and what the fix removes', async () => {
    const { uri, text } = await open('seed-000.txt');
    await diagnosticsMatchEngine(uri, text);
    const spam = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d).startsWith('spam/'));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, spam.range.start);
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(md.includes(`**${codeOf(spam)}**`), `hover lacks the rule: ${md.slice(0, 400)}`);
    assert.ok(/Why:/.test(md) && /removes/.test(md), `hover lacks evidence or fix: ${md.slice(0, 400)}`);
  });

  it('document symbols: the page structure (headline, metadata, spam and boilerplate parts)', async () => {
    const { uri, text } = await open('seed-000.txt');
    await diagnosticsMatchEngine(uri, text);
    const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    const names = syms.map((s) => s.name);
    for (const p of ['Headline: ', 'Metadata: ', 'Spam: ', 'Boilerplate: ']) assert.ok(names.some((x) => x.startsWith(p)), `no "${p}…" symbol in ${names.join(' | ')}`);
    const spam = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d).startsWith('spam/'));
    const spamSym = syms.find((s) => s.name.startsWith('Spam: '));
    assert.ok(spamSym.range.contains(spam.range.start), 'the Spam symbol does not cover the spam finding');
  });

  it('quick fix on one block: the text equals the engine fix, the diagnostic goes away', async () => {
    const { uri, doc, text } = await open('seed-000.txt');
    await diagnosticsMatchEngine(uri, text);
    const finding = findingsOf(text).find((f) => f.category === 'spam' && f.fixes && f.fixes.length);
    const spam = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === finding.rule);
    const actions = await actionsAt(uri, spam.range, vscode.CodeActionKind.QuickFix.value);
    // the first fix of the finding under the cursor (a boilerplate finding on the same line has its own)
    const fix = actions.find((a) => a.title === finding.fixes[0].title && (!a.kind || a.kind.value === 'quickfix'));
    assert.ok(fix, `no "${finding.fixes[0].title}" among ${actions.map((a) => `${a.title} [${a.kind && a.kind.value}]`).join(' | ')}`);
    await applyAndExpect(doc, fix, engine.applyEdits(text, finding.fixes[0].edits), 'one block');
    await diagnosticsMatchEngine(uri, doc.getText());
  });

  it('quick fix for a whole rule: "Remove all N findings of R" equals the engine', async () => {
    const { uri, doc, text } = await open('seed-000.txt');
    await diagnosticsMatchEngine(uri, text);
    const findings = findingsOf(text);
    const byRule = new Map();
    for (const f of findings) if (f.category === 'boilerplate' && f.fixes && f.fixes.length) byRule.set(f.rule, [...(byRule.get(f.rule) || []), f]);
    const [rule, same] = [...byRule].sort((a, b) => b[1].length - a[1].length)[0];
    assert.ok(same.length > 1, `no boilerplate rule with two findings on seed-000 (${[...byRule.keys()]})`);
    const d = vscode.languages.getDiagnostics(uri).find((x) => codeOf(x) === rule);
    const actions = await actionsAt(uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const title = `Remove all ${same.length} findings of ${rule}`;
    await applyAndExpect(doc, actions.find((a) => a.title === title), engine.applyEdits(text, engine.primaryEdits(same)), title);
    await diagnosticsMatchEngine(uri, doc.getText());
    assert.ok(!diagKeys(uri).some((k) => k.startsWith(rule + '@')), `${rule} still reported`);
  });

  it('clean document (source.fixAll.corpusLint) equals the engine clean()', async () => {
    const { uri, doc, text } = await open('seed-000.txt');
    await diagnosticsMatchEngine(uri, text);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await actionsAt(uri, whole, 'source.fixAll.corpusLint');
    await applyAndExpect(doc, actions.find((a) => a.kind && a.kind.value === 'source.fixAll.corpusLint'), engine.clean(text, { segmenter: jiebaSegmenter }), 'clean');
    // the cleaned page is analysed again; what the engine still finds there is what the editor must show
    await diagnosticsMatchEngine(uri, doc.getText());
    assert.ok(!diagKeys(uri).some((k) => /^spam\//.test(k)), 'spam left after clean');
  });

  it('command "Corpus Lint: Clean Document" on another page equals the engine clean()', async () => {
    const { uri, doc, text } = await open('seed-001.txt');
    await diagnosticsMatchEngine(uri, text);
    const expected = engine.clean(text, { segmenter: jiebaSegmenter });
    await vscode.commands.executeCommand('corpusLint.cleanDocument');
    await waitFor('the cleaned text', () => doc.getText() === expected, 20000);
  });

  it('source.fixAll.corpusLint on save (editor.codeActionsOnSave) writes the cleaned page to disk', async () => {
    const cfg = vscode.workspace.getConfiguration('editor');
    await cfg.update('codeActionsOnSave', { 'source.fixAll.corpusLint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const { uri, doc, editor, text } = await open('seed-004.txt');
      await diagnosticsMatchEngine(uri, text);
      // make the document dirty (an explicit save of an unchanged file runs no save participants)
      await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n'));
      const edited = doc.getText();
      await diagnosticsMatchEngine(uri, edited); // the server has the new version: its fixAll applies to it
      const expected = engine.clean(edited, { segmenter: jiebaSegmenter });
      assert.notStrictEqual(expected, edited, 'nothing to clean on seed-004');
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the cleaned text on disk', () => fs.readFileSync(uri.fsPath, 'utf8') === expected && !doc.isDirty, 30000);
    } finally {
      await cfg.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('verdict code lens on line 1 equals the engine summary', async () => {
    const { uri, doc, text } = await open('seed-000.txt');
    await diagnosticsMatchEngine(uri, text);
    const want = verdictOf(uri.toString(), doc.version, text, findingsOf(text)).text;
    const lenses = await waitFor('the verdict code lens', async () => {
      const l = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 10);
      return l && l.find((x) => x.command && x.command.title.startsWith('corpus-lint:')) && l;
    });
    const lens = lenses.find((x) => x.command.title.startsWith('corpus-lint:'));
    assert.strictEqual(lens.command.title, want);
    assert.strictEqual(lens.range.start.line, 0);
    assert.match(want, /\d+% content · \d+ spam · \d+ boilerplate/);
  });

  it('more problems than VS Code keeps per file (1000): the ones around what the editor shows, following the scroll', async () => {
    const { analyzeDocument } = require(path.join(SRC, 'engine', 'sections'));
    const pages = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => /^seed-\d+\.txt$/.test(f)).map((f) => fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8').trimEnd());
    const parts = [];
    for (let k = 0, len = 0; len < 200000; k++) for (const p of pages) {
      const t = p.replace(/[0-9]/g, (d) => String((Number(d) + k) % 10)) + `\n第${k}份。`;
      parts.push(t);
      len += t.length + 2;
    }
    const text = parts.join('\n\n') + '\n';
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'api-tests', `${++n}-big.txt`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const ix = new engine.LineIndex(text);
    const all = analyzeDocument(text, { categories: engine.DEFAULT_CATEGORIES, segmenter: jiebaSegmenter })
      .filter((f) => f.category !== 'entity')
      .map((f) => ({ key: `${f.rule}@${fmt({ start: ix.positionAt(f.start), end: ix.positionAt(f.end) })}`, first: ix.positionAt(f.start).line, last: ix.positionAt(f.end).line }));
    assert.ok(all.length > 2000, `${all.length} findings`);
    // the published diagnostics: 1000, and every finding on the visible lines among them
    const around = () => {
      const vr = editor.visibleRanges;
      if (!vr.length) return false;
      const start = vr[0].start.line;
      const end = vr[vr.length - 1].end.line;
      const list = diagKeys(uri);
      const got = new Set(list);
      const want = all.filter((f) => f.last >= start && f.first <= end);
      return list.length === 1000 && want.every((f) => got.has(f.key)) && { start, got };
    };
    const top = await waitFor('1000 diagnostics around the top', around, 60000);
    assert.ok(top.start < 50, `the editor shows the top (line ${top.start})`);
    const last = doc.lineCount - 10;
    editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.AtTop);
    const end = await waitFor('1000 diagnostics around the end, after scrolling there', () => {
      const a = around();
      return a && a.start > doc.lineCount / 2 && [...top.got].some((k) => !a.got.has(k)) && a;
    }, 60000);
    assert.ok(end.start > doc.lineCount / 2);
  });

  it('Traditional page (seed-002): script diagnostic, hover with the Simplified line, conversion equals OpenCC', async () => {
    const { uri, doc, text } = await open('seed-002.txt');
    await diagnosticsMatchEngine(uri, text);
    assert.strictEqual(convert.scriptOf(text), 'traditional');
    const script = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'script/document');
    assert.ok(script && /Traditional/.test(script.message), `script diagnostic: ${script && script.message}`);
    const lines = text.split('\n');
    const li = lines.findIndex((l) => l.trim().length > 8 && convert.scriptOf(l) === 'traditional');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(li, 0));
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(md.includes('Traditional line; Simplified') && md.includes(convert.toSimplified(lines[li]).trim()), `hover: ${md.slice(0, 300)}`);
    const actions = await actionsAt(uri, new vscode.Range(0, 0, 0, 0), 'source.convert.corpusLint.toSimplified');
    await applyAndExpect(doc, actions.find((a) => a.kind && a.kind.value === 'source.convert.corpusLint.toSimplified'), convert.toSimplified(text), 'Traditional → Simplified');
    await diagnosticsMatchEngine(uri, doc.getText());
    await waitFor('the script diagnostic to say Simplified', () =>
      vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'script/document' && /Simplified/.test(d.message)));
  });

  it('command "Convert Document to Simplified Chinese" equals OpenCC', async () => {
    const { uri, doc, text } = await open('seed-002.txt');
    await diagnosticsMatchEngine(uri, text);
    const expected = convert.toSimplified(text);
    await vscode.commands.executeCommand('corpusLint.toSimplified');
    await waitFor('the Simplified text', () => doc.getText() === expected, 20000);
  });
});
