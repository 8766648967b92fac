#!/usr/bin/env node
/**
 * Per-rule costs: times each rule's `check` (phase by phase, with the `ctx.prior` analyze() would give it)
 *   - over every dev page (../shared/corpus/dev/*\/*.txt, or the folders given with --dev), summed;
 *   - over big files made by concatenating those pages (blank line between) to the sizes given with
 *     --sizes (MB, default "2"; e.g. --sizes 2,10).
 * Runs each corpus --runs times (default 3) and prints the median per rule, the rules sorted by cost,
 * with the load average (the machine is shared: read the figures against it). Needs `tsc -p .` first.
 * --edit: what an edit costs in the language server instead: each text is analysed once into an
 * AnalysisCache (engine/cache.ts), then one character is inserted in its middle line and that analysis is
 * timed (line-local rules run through the cache, over the changed line only).
 *   node scripts/rule-costs.js [--sizes 2,10] [--runs 3] [--top 25] [--rule <id substring>] [--no-dev] [--edit]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const OUT = path.resolve(__dirname, '..', 'out', 'server', 'src');
const { buildContext, DEFAULT_CATEGORIES } = require(path.join(OUT, 'engine', 'analyze.js'));
const { RULES } = require(path.join(OUT, 'engine', 'rules', 'index.js'));
const { judgeInput } = require(path.join(OUT, 'engine', 'input.js'));
const { jiebaSegmenter } = require(path.join(OUT, 'segmenter.js'));
const { AnalysisCache } = require(path.join(OUT, 'engine', 'cache.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt('--runs', 3));
const top = Number(opt('--top', 25));
const sizes = String(opt('--sizes', '2')).split(',').filter(Boolean).map(Number);
const only = opt('--rule', '');
const edit = args.includes('--edit');
const devDir = opt('--dev', path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'dev'));

const files = [];
for (const s of fs.readdirSync(devDir).sort()) {
  const d = path.join(devDir, s);
  if (!fs.statSync(d).isDirectory()) continue;
  for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(path.join(d, f));
}
const pages = files.map((f) => fs.readFileSync(f, 'utf8'));

const cats = new Set(DEFAULT_CATEGORIES);
const rules = RULES.filter((r) => cats.has(r.category));
const phases = [...new Set(rules.map((r) => r.phase ?? 0))].sort((a, b) => a - b);

/** One analysis of `text` as analyze() runs it; adds each rule's ms to `acc`. With --edit: of `text` edited. */
function timeOne(text, acc) {
  if (judgeInput(text).kind !== 'ok') return;
  let cache;
  if (edit) {
    cache = new AnalysisCache();
    run(text, {}, cache);
    const mid = text.indexOf('\n', text.length >> 1);
    text = mid < 0 ? text + '的' : text.slice(0, mid) + '的' + text.slice(mid);
  }
  run(text, acc, cache);
}

function run(text, acc, cache) {
  const base = buildContext(text, { segmenter: jiebaSegmenter });
  const findings = [];
  for (const phase of phases) {
    const ctx = { ...base, prior: findings.slice() };
    for (const rule of rules) {
      if ((rule.phase ?? 0) !== phase) continue;
      const t0 = process.hrtime.bigint();
      let fs_ = [];
      try {
        fs_ = cache && rule.locality === 'line' ? cache.run(rule, ctx) : rule.check(ctx);
      } catch {
        /* analyze() drops a throwing rule's findings */
      }
      acc[rule.id] = (acc[rule.id] || 0) + Number(process.hrtime.bigint() - t0) / 1e6;
      findings.push(...fs_);
    }
  }
}

function measure(label, texts) {
  const per = {};
  for (let r = 0; r < runs; r++) {
    const acc = {};
    for (const t of texts) timeOne(t, acc);
    for (const [k, v] of Object.entries(acc)) (per[k] ||= []).push(v);
  }
  const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = Object.entries(per).map(([k, xs]) => [k, med(xs), Math.min(...xs), Math.max(...xs)]);
  rows.sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, r) => s + r[1], 0);
  console.log(`\n${label}${edit ? ', one edit after a cached analysis' : ''}: total ${total.toFixed(0)} ms (median of ${runs}; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  for (const [k, m, lo, hi] of rows.filter((r) => !only || r[0].includes(only)).slice(0, only ? 1000 : top))
    console.log(`  ${k.padEnd(34)} ${m.toFixed(1).padStart(9)} ms  (${lo.toFixed(1)}–${hi.toFixed(1)})`);
}

jiebaSegmenter.cut('预热'); // load nodejieba outside the timings
console.log(`rule-costs — node ${process.version}, nproc ${os.cpus().length}, ${rules.length} rules, ${files.length} dev pages`);
if (!args.includes('--no-dev')) measure(`dev pages (${files.length}, ${(pages.reduce((s, p) => s + p.length, 0) / 1e6).toFixed(2)} M chars)`, pages);
for (const mb of sizes) {
  const parts = [];
  for (let i = 0, bytes = 0; bytes < mb * 1e6; i++) {
    parts.push(pages[i % pages.length]);
    bytes += Buffer.byteLength(pages[i % pages.length]) + 2;
  }
  const big = parts.join('\n\n');
  measure(`one file of ${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB (${big.split('\n').length} lines)`, [big]);
}
