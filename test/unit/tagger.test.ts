/**
 * The entity tagger process (server/src/tagger.ts): the same entities as recognition in this process,
 * a child that dies is started again (requests in flight fail, later ones succeed), a child that keeps
 * dying is given up on, and the child exits when its parent's IPC channel closes.
 */
import * as assert from 'assert';
import { fork } from 'child_process';
import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { recognize } from '../../server/src/engine/ner';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { TAGGER_MAIN, TaggerProcess } from '../../server/src/tagger';

const TEXTS = ['国务院总理李强在人民大会堂会见了法国总统。', '', '𠮷𠮷：记者王晓明报道。\n新疆维吾尔自治区党委书记陈全国在乌鲁木齐会见', 'no Han here'];

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (cond: () => boolean, ms = 10000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('entity tagger process', function () {
  this.timeout(60000);
  let tagger: TaggerProcess;
  const logs: string[] = [];
  before(() => {
    tagger = new TaggerProcess({ log: (m) => logs.push(m) });
  });
  after(() => tagger.dispose());

  it('finds what recognize() finds in this process, in a child process', async () => {
    const got = await tagger.recognize(TEXTS);
    assert.deepStrictEqual(got, TEXTS.map((t) => recognize(t, jiebaSegmenter)));
    assert.ok(got[0].length >= 4);
    assert.ok(tagger.pid && tagger.pid !== process.pid);
    assert.strictEqual(tagger.starts, 1);
    assert.deepStrictEqual(await tagger.recognize([]), []);
  });

  it('answers concurrent requests each with its own texts', async () => {
    const [a, b] = await Promise.all([tagger.recognize([TEXTS[0]]), tagger.recognize([TEXTS[2], TEXTS[0]])]);
    assert.deepStrictEqual(a, [recognize(TEXTS[0], jiebaSegmenter)]);
    assert.deepStrictEqual(b, [recognize(TEXTS[2], jiebaSegmenter), recognize(TEXTS[0], jiebaSegmenter)]);
  });

  it('a killed child: the request in flight fails, the next one starts a new child', async () => {
    const pid = tagger.pid!;
    const inFlight = tagger.recognize([TEXTS[0].repeat(200)]);
    process.kill(pid, 'SIGKILL');
    await assert.rejects(inFlight, /entity tagger process/);
    const got = await tagger.recognize([TEXTS[0]]);
    assert.deepStrictEqual(got, [recognize(TEXTS[0], jiebaSegmenter)]);
    assert.strictEqual(tagger.starts, 2);
    assert.notStrictEqual(tagger.pid, pid);
    assert.ok(!tagger.broken && !tagger.inProcess);
  });

  it('dispose() stops the child', async () => {
    const pid = tagger.pid!;
    tagger.dispose();
    await until(() => !alive(pid));
    assert.strictEqual(tagger.pid, undefined);
  });

  it('the child exits by itself when its parent goes away (IPC channel closed)', async () => {
    const child = fork(TAGGER_MAIN, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
    const reply = await new Promise<any>((resolve) => {
      child.once('message', resolve);
      child.send({ id: 7, texts: ['李强在北京。'] });
    });
    assert.strictEqual(reply.id, 7);
    assert.deepStrictEqual(reply.spans, [recognize('李强在北京。', jiebaSegmenter)]);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.disconnect();
    assert.strictEqual(await exited, 0);
  });

  it('an idle child leaves (memory back); the next request starts another, and that is no failure', async () => {
    const t = new TaggerProcess({ idleMs: 300 });
    try {
      assert.deepStrictEqual(await t.recognize([TEXTS[0]]), [recognize(TEXTS[0], jiebaSegmenter)]);
      const pid = t.pid!;
      await until(() => t.pid === undefined && !alive(pid));
      assert.deepStrictEqual(await t.recognize([TEXTS[2]]), [recognize(TEXTS[2], jiebaSegmenter)]);
      assert.strictEqual(t.starts, 2);
      assert.ok(!t.broken);
    } finally {
      t.dispose();
    }
  });

  it('no process can be started (the spawn fails): recognition moves to the fallback, the request in flight included', async () => {
    const cp = require('child_process') as typeof import('child_process');
    const real = cp.fork;
    // a spawn that fails as fork reports it: an 'error' event, no 'spawn'
    (cp as any).fork = () => {
      const fake = new EventEmitter() as any;
      fake.send = () => true;
      fake.exitCode = null;
      fake.kill = () => true;
      setImmediate(() => fake.emit('error', Object.assign(new Error('spawn ENOMEM'), { code: 'ENOMEM' })));
      return fake;
    };
    const msgs: string[] = [];
    const t = new TaggerProcess({ fallback: (texts) => texts.map((x) => recognize(x, jiebaSegmenter)), log: (m) => msgs.push(m) });
    try {
      assert.deepStrictEqual(await t.recognize([TEXTS[0]]), [recognize(TEXTS[0], jiebaSegmenter)]);
      assert.ok(t.inProcess && !t.broken);
      assert.deepStrictEqual(await t.recognize([TEXTS[2]]), [recognize(TEXTS[2], jiebaSegmenter)]);
      assert.strictEqual(t.starts, 1, 'not tried again');
      assert.ok(msgs.some((m) => /ENOMEM.*server's process/.test(m)), msgs.join('\n'));
    } finally {
      (cp as any).fork = real;
      t.dispose();
    }
  });

  it('gives up on a child that keeps dying: empty results, logged once, no restarts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tagger-'));
    const script = path.join(dir, 'dies.js');
    fs.writeFileSync(script, 'process.exit(3);\n');
    const msgs: string[] = [];
    const t = new TaggerProcess({ script, maxFailures: 2, log: (m) => msgs.push(m) });
    try {
      await assert.rejects(t.recognize(['李强']));
      await assert.rejects(t.recognize(['李强']));
      assert.ok(t.broken);
      assert.deepStrictEqual(await t.recognize(['李强', '北京']), [[], []]);
      assert.strictEqual(t.starts, 2);
      assert.ok(msgs.some((m) => /2 times in a row/.test(m)), msgs.join('\n'));
    } finally {
      t.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
