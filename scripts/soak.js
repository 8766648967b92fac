#!/usr/bin/env node
/**
 * npm run soak: the engine's property tests (test/property/properties.ts) on many documents.
 *   node scripts/soak.js [cases=100000] [--seed N]
 * Runs on worker threads (one per CPU, at most 8), each with its own fast-check seed, and prints
 * the cases run, failures (with the first counterexamples) and the time. Exit 1 on any failure.
 * Needs the compiled tests (npm run soak builds first).
 */
const path = require('path');
const os = require('os');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const OUT = path.resolve(__dirname, '..', 'out', 'test', 'property');

if (isMainThread) {
  const args = process.argv.slice(2);
  const total = Number(args.find((a) => /^\d+$/.test(a))) || 100000;
  const si = args.indexOf('--seed');
  const seed = si >= 0 ? Number(args[si + 1]) : Date.now() % 2147483647;
  const nWorkers = Math.max(1, Math.min(8, os.cpus().length));
  const t0 = Date.now();
  let done = 0;
  let cases = 0;
  const failures = [];
  const byKind = {};
  console.log(`soak: ${total} cases on ${nWorkers} workers, seed ${seed}`);
  for (let w = 0; w < nWorkers; w++) {
    const n = Math.floor(total / nWorkers) + (w < total % nWorkers ? 1 : 0);
    const worker = new Worker(__filename, { workerData: { n, seed: seed + w } });
    worker.on('message', (m) => {
      cases += m.cases;
      for (const [k, v] of Object.entries(m.byKind)) byKind[k] = (byKind[k] || 0) + v;
      failures.push(...m.failures);
    });
    worker.on('error', (e) => failures.push({ kind: 'worker', error: String(e && e.stack || e) }));
    worker.on('exit', () => {
      if (++done < nWorkers) return;
      const secs = (Date.now() - t0) / 1000;
      console.log(`soak: cases run ${cases} (${Object.entries(byKind).map(([k, v]) => `${k} ${v}`).join(', ')}), failures ${failures.length}, time ${secs.toFixed(1)} s`);
      for (const f of failures.slice(0, 10)) console.log(`  FAIL ${f.kind} seed ${f.seed}: ${f.error}\n    counterexample: ${JSON.stringify(f.counterexample)}`);
      process.exitCode = failures.length ? 1 : 0;
    });
  }
} else {
  const fc = require('fast-check').default ?? require('fast-check');
  const { anyDocument, document, pageDocument } = require(path.join(OUT, 'arbitraries.js'));
  const { checkDocument, checkSecondClean } = require(path.join(OUT, 'properties.js'));
  const { jiebaSegmenter } = require(path.resolve(__dirname, '..', 'out', 'server', 'src', 'segmenter.js'));
  const { n, seed } = workerData;
  // share of the cases per property
  const plan = [
    ['random/adversarial documents', document, (t) => void checkDocument(t), 0.5],
    ['seed+junk pages with segmentation', pageDocument, (t) => void checkDocument(t, { segmenter: jiebaSegmenter }), 0.2],
    ['second clean', anyDocument, (t) => checkSecondClean(t), 0.2],
    ['binary strings', fc.string({ unit: 'binary', maxLength: 400 }), (t) => void checkDocument(t), 0.1],
  ];
  let cases = 0;
  const byKind = {};
  const failures = [];
  let left = n;
  plan.forEach(([kind, arb, check, share], i) => {
    const runs = i === plan.length - 1 ? left : Math.round(n * share);
    left -= runs;
    const r = fc.check(fc.property(arb, check), { numRuns: runs, seed: seed + i * 7919, endOnFailure: true });
    cases += r.numRuns;
    byKind[kind] = r.numRuns;
    if (r.failed) failures.push({ kind, seed: seed + i * 7919, counterexample: r.counterexample, error: String(r.errorInstance && r.errorInstance.message || r.error).split('\n')[0] });
  });
  parentPort.postMessage({ cases, byKind, failures });
}
