/**
 * The entity tagger process: nodejieba and the NER model, in a child process of the language server.
 *
 * Why a process: nodejieba's `load` builds cppjieba's dictionary trie and HMM twice (a Jieba and a
 * TextRankExtractor that cut/tag never use, ~227 MB of native memory together, no load option avoids
 * it), and the model takes ~35 MB more. In the child, that memory and the garbage of tagging large
 * documents stay out of the server (whose RSS is what the editor shows), tagging runs on the other CPU
 * instead of in slices of the server's event loop, and a crash of the native addon costs the entities,
 * not the server. The machine's memory is not smaller: the child holds what the server held, plus a
 * second Node runtime (~40 MB) — `npm run bench` prints both processes.
 *
 * Protocol (Node IPC, structured clone): the server sends {id, texts}, the child answers {id, spans}
 * with `recognize(text)` of each text (offsets relative to it) or {id, error}. The child exits when the
 * server goes away (IPC disconnect). A child that dies is started again on the next request, up to
 * `maxFailures` times in a row, then entities stay empty (logged: something is wrong with the native
 * addon or the model, and the server must not load what crashed). When no process can be started at
 * all (fork fails), recognition falls back to the server's own process. A child with nothing to do for
 * `idleMs` (5 minutes) offers to leave; the server lets it go when no request is pending, so the memory
 * is back while the user is not editing, and the next request starts a child again (~2 s to load).
 */
import { ChildProcess, fork } from 'child_process';
import * as path from 'path';
import { EntitySpan } from './engine/ner';

/**
 * The child's entry (taggerMain.ts). Next to this module's code both in out/server/src and in the
 * packaged extension (dist/, scripts/package.js bundles it beside the server).
 */
export const TAGGER_MAIN = path.join(__dirname, 'taggerMain.js');

export type BatchRecognizer = (texts: string[]) => Promise<EntitySpan[][]>;

interface Request {
  id: number;
  texts: string[];
}
interface Reply {
  id: number;
  spans?: EntitySpan[][];
  error?: string;
  /** the child has been idle for idleMs and would leave */
  idle?: boolean;
}

const IDLE_ENV = 'CORPUS_LINT_TAGGER_IDLE_MS';

export interface TaggerOptions {
  /** Recognition in this process, when no child process can be started. */
  fallback?: (texts: string[]) => EntitySpan[][];
  /** Consecutive deaths of the child after which it is not started again (default 3). */
  maxFailures?: number;
  log?: (message: string) => void;
  /** The child's script (default: TAGGER_MAIN); tests point it elsewhere. */
  script?: string;
  /** Idle time after which the child offers to leave (default 5 minutes). */
  idleMs?: number;
}

export class TaggerProcess {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, { texts: string[]; resolve: (s: EntitySpan[][]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failures = 0;
  /** Children started so far. */
  starts = 0;
  /** True once recognition has moved to the fallback for good (no process could be started: fork threw or the spawn failed). */
  inProcess = false;
  /** True once the child died maxFailures times in a row: no entities any more. */
  broken = false;

  constructor(private readonly opts: TaggerOptions = {}) {}

  /** The child's process id, when one is running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The entities of each text (offsets relative to it). */
  readonly recognize: BatchRecognizer = (texts) => {
    if (!texts.length) return Promise.resolve([]);
    if (this.inProcess) return Promise.resolve(this.opts.fallback ? this.opts.fallback(texts) : texts.map(() => []));
    if (this.broken) return Promise.resolve(texts.map(() => []));
    const child = this.child ?? this.start();
    if (!child) return this.recognize(texts);
    const id = this.nextId++;
    return new Promise<EntitySpan[][]>((resolve, reject) => {
      this.pending.set(id, { texts, resolve, reject });
      try {
        child.send({ id, texts } satisfies Request);
      } catch (e) {
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  };

  /** Stops the child (pending requests fail). */
  dispose(): void {
    const c = this.child;
    this.child = undefined;
    if (c && c.exitCode === null) c.kill();
    this.failAll(new Error('entity tagger stopped'));
  }

  private start(): ChildProcess | undefined {
    let child: ChildProcess;
    try {
      child = fork(this.opts.script ?? TAGGER_MAIN, [], {
        // the server's stdout is the LSP channel: the child never writes to it
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        serialization: 'advanced',
        // a small young generation: the garbage of a batch is collected sooner (RSS after tagging a
        // 430 K-character text three times: 360 → 333 MB, loaded 310 MB; same speed within the noise)
        execArgv: ['--max-semi-space-size=1'],
        env: { ...process.env, [IDLE_ENV]: String(this.opts.idleMs ?? 300000) },
      });
    } catch (e) {
      this.noProcess(e);
      return undefined;
    }
    this.starts++;
    this.child = child;
    let spawned = false;
    child.once('spawn', () => (spawned = true));
    child.on('message', (m: Reply) => {
      if (m.idle) {
        // let it go unless a request is on its way (it is no longer this.child: its exit is no failure)
        if (this.child === child && this.pending.size === 0) {
          this.child = undefined;
          child.disconnect();
        }
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.spans) {
        this.failures = 0;
        p.resolve(m.spans);
      } else p.reject(new Error(`entity tagger: ${m.error ?? 'no answer'}`));
    });
    const gone = (why: string) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.failAll(new Error(`entity tagger process ${why}`));
      this.fail(`entity tagger process ${why}`);
    };
    child.on('error', (e) => {
      if (spawned || this.child !== child) return gone(`failed: ${e.message}`);
      // no process at all (the spawn failed): recognise here, the requests already sent included
      this.child = undefined;
      this.noProcess(e);
      const list = [...this.pending.values()];
      this.pending.clear();
      for (const p of list) {
        try {
          p.resolve(this.opts.fallback ? this.opts.fallback(p.texts) : p.texts.map(() => []));
        } catch (err) {
          p.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
    });
    child.on('exit', (code, signal) => gone(`exited (${signal ?? code})`));
    return child;
  }

  private noProcess(e: unknown): void {
    this.inProcess = true;
    this.opts.log?.(`corpus-lint: could not start the entity tagger process (${e instanceof Error ? e.message : String(e)}); entities are recognised in the server's process`);
  }

  private fail(message: string): void {
    this.failures++;
    const max = this.opts.maxFailures ?? 3;
    if (this.failures >= max && !this.broken) {
      this.broken = true;
      this.opts.log?.(`corpus-lint: ${message}; ${max} times in a row — entity recognition is off until the server restarts`);
    } else this.opts.log?.(`corpus-lint: ${message}`);
  }

  private failAll(e: Error): void {
    const list = [...this.pending.values()];
    this.pending.clear();
    for (const p of list) p.reject(e);
  }
}

/** The child (taggerMain.ts): recognises the texts it is sent, with nodejieba when it loads (characters alone otherwise). */
export function serve(): void {
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { recognize, loadModel } = require('./engine/ner') as typeof import('./engine/ner');
  const { jiebaSegmenter } = require('./segmenter') as typeof import('./segmenter');
  /* eslint-enable @typescript-eslint/no-var-requires */
  let segmenter: typeof jiebaSegmenter | undefined = jiebaSegmenter;
  try {
    jiebaSegmenter.cut('测试');
  } catch (e) {
    segmenter = undefined;
    process.stderr.write(`corpus-lint: word segmentation (nodejieba) is unavailable, entities will be weaker: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  loadModel();
  const idleMs = Number(process.env[IDLE_ENV]) || 300000;
  let idle: NodeJS.Timeout | undefined;
  const restartIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => process.send!({ id: 0, idle: true } satisfies Reply), idleMs);
  };
  restartIdle();
  process.on('message', (req: Request) => {
    restartIdle();
    let reply: Reply;
    try {
      reply = { id: req.id, spans: req.texts.map((t) => recognize(t, segmenter)) };
    } catch (e) {
      reply = { id: req.id, error: e instanceof Error ? e.message : String(e) };
    }
    process.send!(reply);
  });
  process.on('disconnect', () => process.exit(0));
}
