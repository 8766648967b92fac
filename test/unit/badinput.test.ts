/**
 * Bad input through the engine and through the CLI: binary files, a 1 MB single line, documents of
 * only punctuation, astral characters (CJK Extension B, emoji), CRLF / CR / mixed newlines, a BOM,
 * NUL bytes, and files in GBK / GB18030 / Big5 / UTF-16 (with and without BOM). Never a crash, never
 * a range outside the document or inside a surrogate pair / CRLF.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { analyze, clean, LineIndex } from '../../server/src/engine';
import { decode } from '../../server/src/cli/read';
import { oddCounts } from '../../server/src/engine/input';
import { checkDocument, splitsPair } from '../property/properties';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { seededRandom } from '../random';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'corpus-lint.js');
const PAGE = ['首页 > 新闻 > 时政', '', '10月3日上午,当地召开视频会议,通报疫情有关情况,安排部署防控工作。会议要求各部门切实落实责任。', '', '版权所有 2021 示例网 京ICP备12345678号', ''].join('\n');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(file: string, extra: string[] = []) {
  const r = cli(['check', '--format', 'json', ...extra, file]);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.err}`);
  return { obj: JSON.parse(r.out.trim().split('\n')[0]), err: r.err };
}

/** Every CLI range is a valid position of the text (line exists, character within it). */
function assertRangesIn(text: string, obj: { findings: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }) {
  const idx = new LineIndex(text);
  for (const f of obj.findings) {
    for (const p of [f.range.start, f.range.end]) {
      const off = idx.offsetAt(p);
      assert.ok(off >= 0 && off <= text.length, `position ${JSON.stringify(p)} outside`);
      assert.deepStrictEqual(idx.positionAt(off), p, `position ${JSON.stringify(p)} is not a position of the text`);
    }
  }
}

const BINARY = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))]);
const CASES: [string, string][] = [
  ['1 MB single line', '中文内容,'.repeat(200_000)],
  ['1 MB single line of junk', '首页 > 新闻 > '.repeat(100_000)],
  ['only punctuation', '。,、;:?!…—()《》「」“”‘’.,;:?!\n!!!???。。。\n……\n'],
  ['only newlines', '\n\r\n\r\n\n\r'],
  ['astral characters', '𠀀𠀁𠀂𪚥𫝀 𠮷野家,😀😃👍🏽👨‍👩‍👧‍👦🇨🇳\n版权所有 © 2021 𠮷野家 京ICP备12345678号\n'],
  ['CRLF', PAGE.replace(/\n/g, '\r\n')],
  ['CR only', PAGE.replace(/\n/g, '\r')],
  ['mixed newlines', PAGE.split('\n').map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('')],
  ['BOM', '\ufeff' + PAGE],
  ['a few NUL bytes', PAGE.replace('会议要求', '会议\u0000要求')],
  ['many NUL bytes', 'a\u0000b\u0000c\u0000'.repeat(100)],
  ['lone surrogates', '中文\ud800内容\udc00。\n首页 > 新闻\ud83d'],
  ['control characters', '标题\u0001\u0002\u001b[31m红色\u001b[0m\u007f\n正文。'],
];

describe('bad input', function () {
  this.timeout(120000);
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-bad-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, data: string | Buffer) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, data);
    return p;
  };

  describe('through the engine', () => {
    for (const [name, text] of CASES) {
      it(`${name}: no throw, ranges and fixes inside, no split pair, clean = fixAll`, () => {
        const t0 = Date.now();
        checkDocument(text);
        clean(text);
        assert.ok(Date.now() - t0 < 60000, 'too slow');
      });
    }

    it('binary bytes (decoded as UTF-8) give one artifact/binary finding and nothing else', () => {
      const got = analyze(new TextDecoder().decode(BINARY));
      assert.deepStrictEqual(got.map((f) => f.rule), ['artifact/binary']);
    });

    it('astral characters: a span finding next to them keeps UTF-16 offsets (positions agree with LineIndex)', () => {
      const text = '𠀀😀 联系邮箱:someone@example.com 𪚥';
      const f = analyze(text, { categories: ['pii'] }).find((x) => x.rule === 'pii/email');
      assert.ok(f);
      assert.strictEqual(text.slice(f.start, f.end), 'someone@example.com');
      assert.ok(!splitsPair(text, f.start) && !splitsPair(text, f.end));
    });

    it('CR-only and mixed newlines: a line finding is reported on its own line', () => {
      for (const text of [PAGE.replace(/\n/g, '\r'), PAGE.split('\n').map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('')]) {
        const idx = new LineIndex(text);
        const icp = analyze(text).find((x) => x.rule === 'boilerplate/icp-license');
        assert.ok(icp, 'icp found');
        assert.strictEqual(idx.positionAt(icp.start).line, 4);
      }
    });

    it('NUL, control and U+FFFD counts (found in runs) equal a look at every character', () => {
      const byChar = (s: string) => {
        const n = { nul: 0, control: 0, replacement: 0 };
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c === 0) n.nul++;
          else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) n.control++;
          else if (c === 0xfffd) n.replacement++;
        }
        return n;
      };
      const chars = ['\u0000', '\u0001', '\u0008', '\t', '\n', '\u000b', '\f', '\r', '\u000e', '\u001f', ' ', '\u007f', '\u0080', '\ufffd', '中', '\u{20000}', 'a'];
      const rnd = seededRandom(3);
      for (let k = 0; k < 3000; k++) {
        let s = '';
        for (let j = Math.floor(rnd() * 20); j > 0; j--) s += chars[Math.floor(rnd() * chars.length)];
        assert.deepStrictEqual(oddCounts(s), byChar(s), JSON.stringify(s));
      }
    });

    it('UTF-8 read as Latin-1 (mojibake) and U+FFFD-heavy text are artifact/wrong-encoding', () => {
      const latin = Buffer.from(PAGE, 'utf8').toString('latin1');
      assert.deepStrictEqual(analyze(latin).map((f) => f.rule), ['artifact/wrong-encoding']);
      const gbkAsUtf8 = new TextDecoder().decode(iconv.encode(PAGE, 'gbk'));
      assert.deepStrictEqual(analyze(gbkAsUtf8).map((f) => f.rule), ['artifact/wrong-encoding']);
    });
  });

  describe('through the CLI', () => {
    it(`${CASES.map((c) => c[0]).join(', ')}: check exits 0/1, JSON ranges are positions of the text, clean prints`, () => {
      const files = CASES.map(([name, text]) => write(name.replace(/\W+/g, '-') + '.txt', text));
      const r = cli(['check', '--format', 'json', '--no-entities', ...files]);
      assert.strictEqual(r.code, 1, r.err);
      const objs = r.out.trim().split('\n').map((l) => JSON.parse(l));
      assert.strictEqual(objs.length, files.length);
      objs.forEach((obj, i) => assertRangesIn(decode(fs.readFileSync(files[i])).text, obj));
      for (const i of [0, 4, 7, 12]) {
        const c = cli(['clean', files[i]]);
        assert.strictEqual(c.code, 0, c.err);
        assert.strictEqual(c.out, clean(decode(fs.readFileSync(files[i])).text, { segmenter: jiebaSegmenter }));
      }
    });

    it('a binary file: one artifact/binary finding, exit 1, no crash', () => {
      const file = write('image.png', BINARY);
      const { obj } = json(file);
      assert.deepStrictEqual(obj.findings.map((f: { rule: string }) => f.rule), ['artifact/binary']);
      const t = cli(['check', file]);
      assert.strictEqual(t.code, 1);
      assert.match(t.out, /artifact\/binary/);
    });

    it('BOM: stripped, ranges relative to the text after it, encoding utf-8', () => {
      const file = write('bom.txt', '\ufeff' + PAGE);
      const { obj } = json(file);
      assert.strictEqual(obj.encoding, 'utf-8');
      const plain = json(write('nobom.txt', PAGE)).obj;
      assert.deepStrictEqual(obj.findings, plain.findings);
    });

    const ENCODED: [string, string, Buffer][] = [
      ['GBK', 'gb18030', iconv.encode(PAGE, 'gbk')],
      ['GB18030 (with astral)', 'gb18030', iconv.encode(PAGE + '𠀀𪚥中文。\n', 'gb18030')],
      ['Big5', 'big5', iconv.encode(PAGE.replace('会议', '會議').replace('新闻', '新聞'), 'big5')],
      ['UTF-16LE with BOM', 'utf-16le', iconv.encode(PAGE, 'utf-16le', { addBOM: true })],
      ['UTF-16BE with BOM', 'utf-16be', iconv.encode(PAGE, 'utf-16be', { addBOM: true })],
      ['UTF-16LE without BOM', 'utf-16le', iconv.encode(PAGE, 'utf-16le')],
      ['UTF-16BE without BOM', 'utf-16be', iconv.encode(PAGE, 'utf-16be')],
    ];
    it(`${ENCODED.map((e) => e[0]).join(', ')}: --encoding auto recognises each, findings equal those of the UTF-8 file, stderr says which`, () => {
      const files = ENCODED.map(([name, , bytes]) => write(name.replace(/\W+/g, '-') + '.txt', bytes));
      const utf8 = ENCODED.map(([name, enc, bytes]) => write(name.replace(/\W+/g, '-') + '.utf8.txt', decode(bytes, enc).text));
      const r = cli(['check', '--format', 'json', '--no-entities', ...files, ...utf8]);
      const objs = r.out.trim().split('\n').map((l) => JSON.parse(l));
      ENCODED.forEach(([name, enc], i) => {
        assert.strictEqual(objs[i].encoding, enc, name);
        assert.strictEqual(objs[i + ENCODED.length].encoding, 'utf-8');
        assert.ok(objs[i].findings.length > 0, name);
        assert.deepStrictEqual(objs[i].findings, objs[i + ENCODED.length].findings, name);
        assert.ok(!decode(fs.readFileSync(files[i])).text.includes('\ufffd'), name);
      });
      const t = cli(['check', ...files]);
      for (const [, enc] of ENCODED) assert.match(t.err, new RegExp(`read as ${enc}`));
    });

    it('short pure UTF-8 Chinese files are read as UTF-8', () => {
      const shorts = ['中文', '好', '我们', '台灣', '今天天气很好。', '𠀀😀', '版权所有'];
      const files = shorts.map((s, i) => write(`short-${i}.txt`, s));
      const r = cli(['check', '--format', 'json', '--no-entities', ...files]);
      r.out.trim().split('\n').forEach((l, i) => assert.strictEqual(JSON.parse(l).encoding, 'utf-8', shorts[i]));
    });

    it('--encoding forces a decode (GBK read as UTF-8 → artifact/wrong-encoding); an unknown encoding exits 2', () => {
      const file = write('gbk.txt', iconv.encode(PAGE, 'gbk'));
      const { obj } = json(file, ['--encoding', 'utf-8']);
      assert.deepStrictEqual(obj.findings.map((f: { rule: string }) => f.rule), ['artifact/wrong-encoding']);
      assert.strictEqual(json(file, ['--encoding', 'gbk']).obj.encoding, 'gbk');
      assert.strictEqual(cli(['check', '--encoding', 'klingon', file]).code, 2);
    });

    it('clean --encoding auto prints the GBK file as UTF-8 text', () => {
      const file = write('gbk-clean.txt', iconv.encode(PAGE, 'gbk'));
      const c = cli(['clean', file]);
      assert.strictEqual(c.code, 0);
      assert.strictEqual(c.out, clean(PAGE));
    });
  });
});
