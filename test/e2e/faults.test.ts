/**
 * Faults, through the real server over stdio: a rule that throws (injected with the test-only
 * environment variable CORPUS_LINT_TEST_THROWING_RULE=1, off by default — see server.ts) costs only
 * its own findings and is logged once; a burst of edits never gets diagnostics for a superseded
 * version and a stale document-wide fix is refused. And a static check: the extension's client and
 * server code make no network request and spawn no process — except the entity tagger, which forks
 * the extension's own taggerMain.js (checked to do nothing else).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, TestClient } from './lspClient';

const PAGE = ['首页 > 新闻 > 时政', '', '10月3日上午,当地召开视频会议,通报疫情有关情况,安排部署防控工作。', '', '版权所有 2021 示例网 京ICP备12345678号', ''].join('\n');

describe('faults (server over stdio)', function () {
  this.timeout(60000);

  it('survives a rule that throws: the other rules still publish, the failure is logged once', async () => {
    process.env.CORPUS_LINT_TEST_THROWING_RULE = '1';
    const client = new TestClient();
    delete process.env.CORPUS_LINT_TEST_THROWING_RULE;
    try {
      await client.initialize();
      client.open('file:///tmp/faults-a.corpus', PAGE);
      client.open('file:///tmp/faults-b.corpus', PAGE + '责任编辑:张三\n');
      const a = await client.diagnosticsFor('file:///tmp/faults-a.corpus', 1);
      const b = await client.diagnosticsFor('file:///tmp/faults-b.corpus', 1);
      assert.ok(a.diagnostics.some((d) => d.code === 'boilerplate/icp-license' || String(d.code).includes('icp')), JSON.stringify(a.diagnostics.map((d) => d.code)));
      assert.ok(b.diagnostics.length > 0);
      const logged = client.logs.filter((l) => l.includes('spam/test-throws'));
      assert.strictEqual(logged.length, 1, `logged once per rule: ${JSON.stringify(client.logs).slice(0, 600)}`);
      // the server is still alive and answers
      const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///tmp/faults-a.corpus' }, position: { line: 4, character: 2 } });
      assert.ok(hover);
      assert.strictEqual(client.proc.exitCode, null);
    } finally {
      await client.shutdown();
    }
  });

  it('a burst of edits: diagnostics only for the version current when published, the last one included; stale fixes refused', async () => {
    const client = new TestClient();
    client.settings = { debounceMs: 0 };
    try {
      await client.initialize();
      const uri = 'file:///tmp/faults-burst.corpus';
      client.open(uri, PAGE);
      await client.diagnosticsFor(uri, 1);
      let text = PAGE;
      for (let v = 2; v <= 30; v++) {
        text = text + `第${v}行正文内容。\n`;
        void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      }
      const last = await client.diagnosticsFor(uri, 30);
      assert.ok(last.diagnostics.every((d) => d.data.version === 30));
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `published out of order: ${versions}`);
      const res = await client.request('workspace/executeCommand', { command: 'corpusLint.server.applyAction', arguments: [{ uri, op: 'clean', version: 29 }] });
      assert.strictEqual(res.applied, false);
      assert.match(res.reason, /stale/);
      assert.strictEqual(client.appliedEdits.length, 0);
    } finally {
      await client.shutdown();
    }
  });
});

describe('encoding detection request (for the client\'s Reopen with Encoding)', function () {
  this.timeout(60000);
  it('corpusLint/detectEncoding names the encoding of a GBK, Big5 and UTF-16 file; null for a non-file URI', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const iconv = require('iconv-lite');
    const os = require('os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-enc-'));
    const client = new TestClient();
    try {
      await client.initialize();
      for (const [enc, want] of [['gbk', 'gb18030'], ['big5', 'big5'], ['utf-16le', 'utf-16le'], ['utf-8', 'utf-8']]) {
        const file = path.join(dir, `${enc}.txt`);
        fs.writeFileSync(file, iconv.encode('版权所有 示例网,今天天气很好,我们去公园散步。\n', enc));
        const res = await client.request('corpusLint/detectEncoding', { uri: require('url').pathToFileURL(file).toString() });
        assert.deepStrictEqual(res, { encoding: want }, enc);
      }
      assert.strictEqual(await client.request('corpusLint/detectEncoding', { uri: 'untitled:Untitled-1' }), null);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('no network, no process spawning (static)', () => {
  const roots = ['client/src', 'server/src'].map((d) => path.join(ROOT, d));
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p);
    }
  };
  roots.forEach(walk);
  // the engine's NER trainer is a developer script (npm run train:ner), not part of the extension
  const shipped = files.filter((f) => !/[\\/]ner[\\/]train\.ts$/.test(f));

  // one exception: the entity tagger (server/src/tagger.ts) forks the extension's own Node module
  // taggerMain.js (Node IPC, no shell) — checked below to do nothing else with child_process
  const TAGGER = path.join(ROOT, 'server/src/tagger.ts');

  it(`client and server sources (${shipped.length} files) contain no http(s) request, fetch, socket or child_process`, () => {
    const bad: string[] = [];
    for (const f of shipped) {
      let src = fs.readFileSync(f, 'utf8');
      if (f === TAGGER) src = src.replace("import { ChildProcess, fork } from 'child_process';", '');
      for (const re of [/\bhttps?\.(request|get)\s*\(/, /\bfetch\s*\(/, /require\(['"](child_process|http|https|net|dgram|tls)['"]\)/, /from ['"](node:)?(child_process|http|https|net|dgram|tls)['"]/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\beval\s*\(/, /new Function\s*\(/]) {
        if (re.test(src)) bad.push(`${path.relative(ROOT, f)}: ${re}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('the entity tagger only forks its own module: fork(TAGGER_MAIN) with Node IPC, no shell, no other child_process call', () => {
    const src = fs.readFileSync(TAGGER, 'utf8');
    assert.ok(src.includes("import { ChildProcess, fork } from 'child_process';"));
    assert.deepStrictEqual(src.match(/\bfork\s*\(/g), ['fork('], 'one fork call');
    assert.ok(/fork\(this\.opts\.script \?\? TAGGER_MAIN, \[\],/.test(src), 'of TAGGER_MAIN (tests alone pass another script), without arguments');
    assert.ok(/export const TAGGER_MAIN = path\.join\(__dirname, 'taggerMain\.js'\);/.test(src));
    for (const re of [/\bspawn(Sync)?\s*\(/, /\bexec(File)?(Sync)?\s*\(/, /shell\s*:/, /execPath\s*:/]) assert.ok(!re.test(src), `tagger.ts: ${re}`);
    for (const f of shipped) if (f !== TAGGER) assert.ok(!/\bTaggerProcess\([^)]*script\s*:/.test(fs.readFileSync(f, 'utf8')), `${f} passes a script to TaggerProcess`);
  });
});
