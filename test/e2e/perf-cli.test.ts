/** check --jobs N: the same output, in the same order, and the same exit codes as one job (no timings here). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SEEDS_DIR } from '../seeds';
import * as cli from '../../server/src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'corpus-lint.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });

/** check --jobs 2 over `files`, one of them missing: asserts it prints what --jobs 1 prints, exit 2; its result. */
function sameAsOneJob(files: string[]) {
  const one = run(['check', '--format', 'json', '--no-entities', '--jobs', '1', ...files]);
  const two = run(['check', '--format', 'json', '--no-entities', '--jobs', '2', ...files]);
  assert.strictEqual(one.status, 2);
  assert.strictEqual(two.status, 2);
  assert.strictEqual(two.stdout, one.stdout);
  assert.strictEqual(two.stderr, one.stderr);
  return two;
}

describe('CLI worker pool (check --jobs)', function () {
  this.timeout(120000);

  it('--jobs 3 = --jobs 1 over a folder: stdout byte for byte, exit code', () => {
    for (const format of ['json', 'text']) {
      const one = run(['check', '--format', format, '--no-entities', '--jobs', '1', SEEDS_DIR]);
      const three = run(['check', '--format', format, '--no-entities', '--jobs', '3', SEEDS_DIR]);
      assert.strictEqual(three.status, one.status);
      assert.strictEqual(three.stdout, one.stdout, format);
      assert.ok(one.stdout.length > 1000);
    }
  });

  it('an unreadable file in the middle: its error in order, exit 2, the other files reported', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-jobs-'));
    try {
      const a = path.join(tmp, 'a.txt');
      const c = path.join(tmp, 'c.txt');
      fs.writeFileSync(a, '版权所有 © 2021 示例网 京ICP备12345678号\n');
      fs.writeFileSync(c, '首页 > 新闻 > 时政\n');
      const two = sameAsOneJob([a, path.join(tmp, 'missing.txt'), c]);
      assert.deepStrictEqual(two.stdout.trim().split('\n').map((l) => JSON.parse(l).file), [a, c]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('many files (several queued per worker, then one at a time at the end) = --jobs 1, a big file and an unreadable one among them', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-ahead-'));
    try {
      const seeds = fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt') && !n.endsWith('.clean.txt')).map((n) => fs.readFileSync(path.join(SEEDS_DIR, n), 'utf8'));
      const files: string[] = [];
      for (let k = 0; k < 60; k++) {
        const p = path.join(tmp, `p${String(k).padStart(3, '0')}.txt`);
        // pages of different sizes: a seed, its lines cut at k, and at k = 7 many seeds in one file
        const page = k === 7 ? seeds.join('\n\n').repeat(8) : seeds[k % seeds.length].split('\n').slice(0, 5 + k).join('\n');
        if (k !== 31) fs.writeFileSync(p, page); // p031 is missing
        files.push(p);
      }
      assert.strictEqual(sameAsOneJob(files).stdout.trim().split('\n').length, 59);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a pool run starts the binary again with the pool\'s V8 flags: same output and exit codes as without', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-relaunch-'));
    try {
      fs.writeFileSync(path.join(tmp, 'a.txt'), '版权所有 © 2021 示例网 京ICP备12345678号\n');
      fs.writeFileSync(path.join(tmp, 'b.txt'), '今天天气很好。\n');
      const args = ['check', '--format', 'json', '--no-entities', '--jobs', '2'];
      const relaunched = run([...args, SEEDS_DIR, tmp]);
      const plain = spawnSync(process.execPath, [BIN, ...args, SEEDS_DIR, tmp], { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, CORPUS_LINT_POOL_V8_FLAGS: '' } });
      assert.strictEqual(relaunched.status, 1);
      assert.strictEqual(plain.status, 1);
      assert.strictEqual(relaunched.stdout, plain.stdout);
      assert.strictEqual(relaunched.stderr, plain.stderr);
      const missing = run([...args, tmp, path.join(tmp, 'missing.txt')]);
      assert.strictEqual(missing.status, 2);
      assert.match(missing.stderr, /missing\.txt/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('main() asks its host to start again with poolV8Flags() only for a pool run not started with them', async () => {
    const asked: string[][] = [];
    const host = { relaunch: async (flags: string[]) => (asked.push(flags), 7) };
    assert.strictEqual(await cli.run(['check', '--jobs', '2', SEEDS_DIR], host), 7);
    assert.deepStrictEqual(asked, [cli.poolV8Flags()]);
    assert.deepStrictEqual(cli.poolV8Flags(), ['--no-concurrent-recompilation']);
    asked.length = 0;
    const quiet = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await cli.run(['check', '--jobs', '1', '--no-entities', SEEDS_DIR], host); // one job: no pool
      await cli.run(['check', '--jobs', '2', '--no-entities', path.join(SEEDS_DIR, 'seed-000.txt')], host); // one file
    } finally {
      process.stdout.write = quiet;
    }
    assert.deepStrictEqual(asked, []);
  });

  it('rejects --jobs 0', () => {
    const r = run(['check', '--jobs', '0', SEEDS_DIR]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--jobs/);
  });
});
