/**
 * `check --jobs N`: files are handed to N worker threads one at a time (the next file goes to the
 * first worker that is free, so big and small files balance out); results are written in the input
 * order as soon as every earlier file is done. Each worker loads the engine once (lexicons, OpenCC
 * tables); nodejieba and the NER model load only in workers that run the entity category.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CheckOptions, CheckResult } from './check';

export interface PoolSink {
  write(r: CheckResult): void;
}

/** Runs `checkFile` over `files` on `jobs` workers; `sink.write` receives the results in input order. */
export function checkInPool(files: readonly string[], opts: CheckOptions, jobs: number, sink: PoolSink): Promise<void> {
  const n = Math.max(1, Math.min(jobs, files.length));
  const results: (CheckResult | undefined)[] = new Array(files.length);
  let next = 0; // next file to hand out
  let flushed = 0; // next file to write
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const flush = () => {
      while (flushed < files.length && results[flushed]) {
        sink.write(results[flushed]!);
        results[flushed] = undefined;
        flushed++;
      }
      if (flushed === files.length) {
        for (const w of workers) void w.terminate();
        resolve();
      }
    };
    const feed = (w: Worker) => {
      if (next < files.length) {
        const i = next++;
        w.postMessage({ i, file: files[i] });
      }
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: opts });
      workers.push(w);
      w.on('message', (m: { i: number; r: CheckResult }) => {
        results[m.i] = m.r;
        feed(w);
        flush();
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0 && flushed < files.length) fail(new Error(`worker stopped with exit code ${code}`));
      });
      feed(w);
    }
  });
}
