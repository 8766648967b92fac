/** A worker of `check --jobs N` (see pool.ts): checks the files it is sent, one message per file. */
import { parentPort, workerData } from 'worker_threads';
import { checkFile, CheckOptions } from './check';

const opts = workerData as CheckOptions;
parentPort!.on('message', (m: { i: number; file: string }) => {
  // an exception here (not a rule's: those are reported in r.err) stops the run, as it does with one job
  parentPort!.postMessage({ i: m.i, r: checkFile(m.file, opts) });
});
