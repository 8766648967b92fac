/** The command-line contract of DESIGN.md: check --format json|text, clean, --help, exit codes, bad input. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, clean, LineIndex } from '../../server/src/engine';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { SEEDS_DIR, seedIds } from '../seeds';
import { CHECK_CATEGORIES } from '../../server/src/cli/main';
import { analyzeDocument, cleanDocument, SECTION_THRESHOLD, splitSections } from '../../server/src/engine/sections';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'corpus-lint.js');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
function write(name: string, data: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, data);
  return p;
}

const PAGE = [
  '某地召开会议部署防控工作_新闻中心_示例网',
  '首页 > 新闻 > 时政',
  '',
  '某地召开会议部署防控工作',
  '日期:2021-10-04 01:23:30 来源:互联网 作者:示例网 浏览:95',
  '',
  '10月3日上午,当地召开视频会议,通报疫情有关情况,安排部署防控工作。会议要求各部门切实落实责任,确保人民群众生命安全和身体健康。',
  '',
  '网站首页 | 关于我们 | 联系方式 | 使用协议 | 版权隐私 | 网站地图',
  '版权所有 © 2021 示例网 京ICP备12345678号',
  '',
].join('\n');

describe('CLI contract', function () {
  this.timeout(60000);
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--help lists check and clean and exits 0', () => {
    const r = run(['--help']);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /check/);
    assert.match(r.out, /clean/);
  });

  it('check --format json prints one object per file with LSP ranges that agree with the engine', () => {
    const a = write('a.txt', PAGE);
    const b = write('b.txt', '今天天气很好。\n');
    const r = run(['check', '--format', 'json', a, b]);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const objs = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual(objs.map((o) => o.file), [a, b]);
    const expected = analyze(PAGE, { segmenter: jiebaSegmenter, categories: CHECK_CATEGORIES });
    const idx = new LineIndex(PAGE);
    assert.strictEqual(objs[0].findings.length, expected.length);
    objs[0].findings.forEach((f: any, i: number) => {
      assert.strictEqual(f.rule, expected[i].rule);
      assert.ok(['boilerplate', 'spam', 'artifact', 'pii', 'script', 'entity'].includes(f.category));
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
      assert.ok(typeof f.message === 'string' && f.message.length > 0);
      assert.deepStrictEqual(f.range.start, idx.positionAt(expected[i].start));
      assert.deepStrictEqual(f.range.end, idx.positionAt(expected[i].end));
      assert.strictEqual('entityType' in f, f.category === 'entity');
      for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.range.start.line <= e.range.end.line && typeof e.newText === 'string');
    });
    assert.strictEqual(r.code, expected.length ? 1 : 0, 'exit 1 exactly when there are findings');
  });

  it('check reports entities by default; --no-entities leaves them out', () => {
    const a = write('ent.txt', '国务院总理李强在北京会见外宾。\n');
    const on = JSON.parse(run(['check', '--format', 'json', a]).out.trim()).findings;
    assert.ok(on.some((f: any) => f.category === 'entity' && f.entityType === 'person'));
    const off = JSON.parse(run(['check', '--format', 'json', '--no-entities', a]).out.trim()).findings;
    assert.ok(!off.some((f: any) => f.category === 'entity'));
  });


  it('json leaves out the whole-text conversions of script/document unless --conversion-fixes; every other fix stays', () => {
    const a = write('script.txt', PAGE);
    const plain = JSON.parse(run(['check', '--format', 'json', '--no-entities', a]).out.trim()).findings;
    const full = JSON.parse(run(['check', '--format', 'json', '--no-entities', '--conversion-fixes', a]).out.trim()).findings;
    assert.deepStrictEqual(plain.map((f: any) => f.rule), full.map((f: any) => f.rule));
    const conv = full.find((f: any) => f.rule === 'script/document');
    assert.deepStrictEqual(conv.fixes.map((x: any) => x.title), ['Convert to Traditional']);
    // the edit is the engine's conversion of the whole page
    const expected = analyze(PAGE, { categories: ['script'] }).find((f) => f.rule === 'script/document')!.fixes![0].edits[0].newText;
    assert.strictEqual(conv.fixes[0].edits[0].newText, expected);
    assert.notStrictEqual(expected, PAGE);
    assert.ok(!('fixes' in plain.find((f: any) => f.rule === 'script/document')));
    // the other findings are the same, fixes included
    assert.deepStrictEqual(plain.filter((f: any) => f.rule !== 'script/document'), full.filter((f: any) => f.rule !== 'script/document'));
    assert.ok(plain.some((f: any) => f.fixes?.length), 'other findings keep their fixes');
  });
  it('check --format text prints file:line:col rule message', () => {
    const a = write('t.txt', PAGE);
    const r = run(['check', a]);
    const expected = analyze(PAGE, { segmenter: jiebaSegmenter, categories: CHECK_CATEGORIES });
    const lines = r.out.trim() ? r.out.trim().split('\n') : [];
    assert.strictEqual(lines.length, expected.length);
    for (const l of lines) assert.match(l, /^.+:\d+:\d+ (error|warning|information|hint) [a-z]+\/[a-z0-9-]+ .+/);
  });

  it('explain prints every line with a verdict, and the rules of the findings on it', () => {
    const a = write('e.txt', PAGE);
    const r = run(['explain', a]);
    assert.strictEqual(r.code, 0, r.err);
    const rows = r.out.split('\n').filter((l) => /^\s+\d+ [CBS-] /.test(l));
    assert.strictEqual(rows.length, PAGE.split('\n').length);
    const rules = new Set(analyze(PAGE, { segmenter: jiebaSegmenter }).map((f) => f.rule));
    for (const rule of rules) assert.ok(r.out.includes('└ ' + rule), `explain shows ${rule}`);
    const same = run(['check', '--format', 'explain', a]);
    assert.strictEqual(same.out, r.out);
  });

  it('clean prints exactly the engine\'s clean text', () => {
    const a = write('c.txt', PAGE);
    const r = run(['clean', a]);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out, clean(PAGE, { segmenter: jiebaSegmenter }));
  });

  it('a big file (above SECTION_THRESHOLD) is checked and cleaned in sections, as the language server does', () => {
    const pages: string[] = [];
    for (let k = 0, n = 0; n < SECTION_THRESHOLD + 20000; k++) {
      const p = PAGE.trimEnd().replace(/[0-9]/g, (d) => String((Number(d) + k) % 10)) + `\n第${k}页的正文内容,今天天气很好。`;
      pages.push(p);
      n += p.length + 2;
    }
    const text = pages.join('\n\n') + '\n';
    const f = write('big.txt', text);
    const r = run(['check', '--format', 'json', '--no-entities', f]);
    assert.strictEqual(r.code, 1, r.err);
    const idx = new LineIndex(text);
    const expected = analyzeDocument(text, { categories: CHECK_CATEGORIES.filter((c) => c !== 'entity') });
    assert.ok(splitSections(text).length > 2);
    const got = JSON.parse(r.out).findings;
    assert.deepStrictEqual(got.map((x: any) => [x.rule, x.range]), expected.map((x) => [x.rule, { start: idx.positionAt(x.start), end: idx.positionAt(x.end) }]));
    const c = run(['clean', f]);
    assert.strictEqual(c.code, 0, c.err);
    assert.strictEqual(c.out, cleanDocument(text));
    assert.ok(c.out.length < text.length);
  });

  it('reads a BOM and CRLF file with positions relative to the text after the BOM', () => {
    const crlf = PAGE.replace(/\n/g, '\r\n');
    const a = write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]));
    const r = run(['check', '--format', 'json', a]);
    const obj = JSON.parse(r.out.trim());
    const expected = analyze(crlf, { segmenter: jiebaSegmenter, categories: CHECK_CATEGORIES });
    const idx = new LineIndex(crlf);
    assert.deepStrictEqual(obj.findings.map((f: any) => f.range.start), expected.map((f) => idx.positionAt(f.start)));
  });

  it('a binary file gets one clear finding, not a crash', () => {
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
    const a = write('x.bin', bin);
    const r = run(['check', '--format', 'json', a]);
    assert.strictEqual(r.code, 1, r.err);
    const obj = JSON.parse(r.out.trim());
    assert.strictEqual(obj.findings.length, 1);
    assert.strictEqual(obj.findings[0].rule, 'artifact/binary');
    const c = run(['clean', a]);
    assert.strictEqual(c.code, 0);
  });

  it('a reader that closes the pipe early (| head) ends the run quietly, without a stack trace', () => {
    const files = seedIds().map((id) => path.join(SEEDS_DIR, id + '.txt'));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check --format json --no-entities ${files.map((f) => `"${f}"`).join(' ')} | head -c 10`], { encoding: 'utf8' });
    assert.strictEqual(r.stdout.length, 10);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  });

  it('an empty file has no findings and exits 0', () => {
    const a = write('empty.txt', '');
    const r = run(['check', '--format', 'json', a]);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(JSON.parse(r.out.trim()).findings, []);
  });

  it('a missing file is an error message and exit 2', () => {
    const r = run(['check', path.join(tmp, 'nope.txt')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /nope\.txt/);
  });

  it('an unknown format is refused with exit 2', () => {
    const a = write('f.txt', PAGE);
    const r = run(['check', '--format', 'xml', a]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /format/);
  });

  it('check over the seed pages gives valid ranges inside each file', function () {
    const ids = seedIds();
    if (!ids.length) this.skip();
    const files = ids.map((id) => path.join(SEEDS_DIR, id + '.txt'));
    const r = run(['check', '--format', 'json', ...files]);
    const objs = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(objs.length, files.length);
    for (const o of objs) {
      const lines = fs.readFileSync(o.file, 'utf8').replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
      for (const f of o.findings) {
        for (const p of [f.range.start, f.range.end]) {
          assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} in ${o.file}`);
          assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} on line ${p.line} of ${o.file}`);
        }
      }
    }
  });
});
