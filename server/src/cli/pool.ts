/**
 * `check --jobs N`: files are handed to N worker threads, up to AHEAD at a time each while many are left (a
 * worker that finishes a file starts on the next at once, instead of idling until the main thread, which
 * shares the CPUs with the workers, gets to write the result and send another), one at a time towards the
 * end (so that one big file does not hold back others queued behind it while a worker is free); results are
 * written in the input
 * order as soon as every earlier file is done. Each worker loads the engine once (lexicons, OpenCC
 * tables); nodejieba and the NER model load only in workers that run the entity category.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CheckOptions, CheckResult } from './check';

export interface PoolSink {
  write(r: CheckResult): void;
}

/**
 * Files queued per worker. Measured over 20 MB of pages, --jobs 2 on two hyperthreads: with one file at a
 * time a worker waited ~3.0 s of ~20 s for its next file, with two ~1.0 s, with four ~0.1 s.
 */
const AHEAD = 4;

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
    const inFlight = new Map<Worker, number>();
    const feed = (w: Worker) => {
      while (next < files.length && inFlight.get(w)! < (files.length - next >= 2 * AHEAD * n ? AHEAD : 1)) {
        const i = next++;
        inFlight.set(w, inFlight.get(w)! + 1);
        w.postMessage({ i, file: files[i] });
      }
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: opts });
      workers.push(w);
      inFlight.set(w, 0);
      w.on('message', (m: { i: number; r: CheckResult }) => {
        results[m.i] = m.r;
        inFlight.set(w, inFlight.get(w)! - 1);
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
