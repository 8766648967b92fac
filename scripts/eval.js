#!/usr/bin/env node
'use strict';
/**
 * npm run eval — the scorer (../shared/eval/score.py) over every labelled dev set, one table,
 * then each rule's precision: on how many content (C) and junk (B/S) lines its findings land.
 * Usage: node scripts/eval.js [SET_DIR...]   (default: every folder of ../shared/corpus/dev)
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const os = require('os');

const ROOT = path.resolve(__dirname, '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const DEV = path.join(SHARED, 'corpus', 'dev');
const SCORER = path.join(SHARED, 'eval', 'score.py');
const TOOL = `${process.execPath} ${path.join(ROOT, 'bin', 'corpus-lint.js')}`;

if (!fs.existsSync(SCORER)) {
  console.error(`eval: the scorer is not at ${SCORER} (../shared beside the repository is needed)`);
  process.exit(2);
}
const sets = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs.readdirSync(DEV).filter((d) => fs.statSync(path.join(DEV, d)).isDirectory()).sort().map((d) => path.join(DEV, d));

const rows = [];
const perRule = new Map(); // rule -> {C, B, S}
for (const dir of sets) {
  const json = path.join(os.tmpdir(), `corpus-lint-eval-${path.basename(dir)}.json`);
  const t0 = Date.now();
  const r = spawnSync('python3', [SCORER, 'corpus', dir, '--tool', TOOL, '--json', json], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) {
    console.error(r.stderr);
    process.exit(2);
  }
  const rep = JSON.parse(fs.readFileSync(json, 'utf8'));
  rows.push({
    set: path.basename(dir),
    docs: rep.documents,
    clean: rep.clean_text.f1,
    noise: rep.noise_lines.f1,
    noiseP: rep.noise_lines.p,
    noiseR: rep.noise_lines.r,
    bp: rep.boilerplate_lines.f1,
    spam: rep.spam_lines.f1,
    lost: rep.content_chars_lost,
    kept: rep.noise_chars_kept,
    secs: (Date.now() - t0) / 1000,
    summary: r.stdout.trim(),
  });
  countRules(dir);
}

function countRules(dir) {
  const ids = fs.readdirSync(dir).filter((f) => f.endsWith('.labels')).map((f) => f.slice(0, -7));
  const files = ids.map((i) => path.join(dir, i + '.txt'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'corpus-lint.js'), 'check', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const obj = JSON.parse(line);
    const labels = fs.readFileSync(obj.file.replace(/\.txt$/, '.labels'), 'utf8').split(/\s+/).filter(Boolean);
    for (const f of obj.findings) {
      if (f.category === 'entity' || f.category === 'script') continue;
      const c = perRule.get(f.rule) || { C: 0, B: 0, S: 0, blank: 0 };
      for (let ln = f.range.start.line; ln <= f.range.end.line; ln++) {
        const g = labels[ln];
        if (g === 'C' || g === 'B' || g === 'S') c[g]++;
        else c.blank++;
      }
      perRule.set(f.rule, c);
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x) => (typeof x === 'number' ? x.toFixed(3) : '—');
console.log(pad('set', 14) + pad('docs', 6) + pad('clean F1', 10) + pad('noise F1', 10) + pad('(P', 8) + pad('R)', 8) + pad('boiler F1', 11) + pad('spam F1', 9) + pad('lost', 8) + pad('kept', 8) + 'secs');
for (const r of rows) {
  console.log(pad(r.set, 14) + pad(r.docs, 6) + pad(num(r.clean), 10) + pad(num(r.noise), 10) + pad(num(r.noiseP), 8) + pad(num(r.noiseR), 8) + pad(num(r.bp), 11) + pad(num(r.spam), 9) + pad(num(r.lost), 8) + pad(num(r.kept), 8) + r.secs.toFixed(1));
}
console.log('\nscorer lines:');
for (const r of rows) console.log(`  ${r.set}: ${r.summary}`);
console.log('\nper rule — lines its findings touch, by gold label (all sets together; C = content hit, a false alarm for junk rules):');
console.log('  ' + pad('rule', 34) + pad('C', 7) + pad('B', 7) + pad('S', 7) + 'junk precision');
for (const [rule, c] of [...perRule.entries()].sort()) {
  const junk = c.B + c.S;
  const prec = rule.startsWith('artifact/') || rule.startsWith('pii/') ? '' : (junk / Math.max(1, junk + c.C)).toFixed(3);
  console.log('  ' + pad(rule, 34) + pad(c.C, 7) + pad(c.B, 7) + pad(c.S, 7) + prec);
}
