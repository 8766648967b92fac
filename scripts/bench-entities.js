#!/usr/bin/env node
/**
 * npm run bench:entities — how fast entities are, and what they add to the editor's latency.
 *
 * 1. Throughput of recognition (engine/ner `recognize` with nodejieba), MB/s of UTF-8 input:
 *    the seed pages (test/fixtures/seeds) repeated to ~5 MB, and ../shared/corpus/dev when present;
 *    plus the editor path (per block through the cache) cold and warm.
 * 2. Latency through the real server over stdio: open a ~100 KB page (real pages concatenated),
 *    time to publishDiagnostics vs time until the entities are ready (the `corpusLint/entities`
 *    notification) and until a semantic-tokens request sent right after didOpen is answered; then
 *    edit one line and time fresh diagnostics and fresh entities/tokens. Default debounce (150 ms).
 *
 * Options: --runs N (latency runs, default 7), --mb N (seed corpus size, default 5), --quick.
 * Needs a build first (`npx tsc -p .`).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out');
if (!fs.existsSync(path.join(OUT, 'server/src/server.js')) || !fs.existsSync(path.join(OUT, 'test/e2e/lspClient.js'))) {
  console.error('bench-entities: build first (npx tsc -p .)');
  process.exit(1);
}
const { recognize } = require(path.join(OUT, 'server/src/engine/ner'));
const { jiebaSegmenter } = require(path.join(OUT, 'server/src/segmenter'));
const { EntityCache, tagDocument } = require(path.join(OUT, 'server/src/protocol/entities'));
const { LineIndex } = require(path.join(OUT, 'server/src/engine'));
const { TestClient } = require(path.join(OUT, 'test/e2e/lspClient'));

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const quick = args.includes('--quick');
const RUNS = opt('runs', quick ? 3 : 7);
const SEED_MB = opt('mb', quick ? 1 : 5);

const mb = (s) => Buffer.byteLength(s, 'utf8') / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const fmt = (xs, unit = 'ms', digits = 0) =>
  `median ${median(xs).toFixed(digits)} ${unit} (min ${Math.min(...xs).toFixed(digits)} – max ${Math.max(...xs).toFixed(digits)}, n=${xs.length})`;

function pages(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt') && !e.name.endsWith('.clean.txt')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const seeds = pages(path.join(ROOT, 'test/fixtures/seeds'));
const dev = pages(path.resolve(ROOT, '../shared/corpus/dev'));

function throughput(label, texts, runs) {
  const total = texts.reduce((s, t) => s + mb(t), 0);
  const rates = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    let n = 0;
    for (const t of texts) n += recognize(t, jiebaSegmenter).length;
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(total / s);
    if (r === 0) console.log(`  ${label}: ${total.toFixed(2)} MB, ${texts.length} pages, ${n} entities`);
  }
  console.log(`    recognize: ${fmt(rates, 'MB/s', 3)}`);
}

async function editorPath(label, texts) {
  const cache = new EntityCache((t) => recognize(t, jiebaSegmenter));
  const total = texts.reduce((s, t) => s + mb(t), 0);
  const run = async () => {
    const t0 = process.hrtime.bigint();
    for (const t of texts) await tagDocument(t, 1, cache);
    return total / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  const cold = await run();
  const warm = [];
  for (let i = 0; i < 3; i++) warm.push(await run());
  console.log(`    per block through the cache (${label}): cold ${cold.toFixed(3)} MB/s; warm (all blocks cached) ${fmt(warm, 'MB/s', 1)}`);
}

/** A ~100 KB page of real, distinct text; `salt` makes every block unique so the cache starts cold. */
function bigPage(salt) {
  const src = dev.length ? dev : seeds;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 100 * 1024; i++) {
    const p = src[i % src.length];
    const marked = i < src.length ? p : p.replace(/\n\n/g, `\n\n(${i})`);
    parts.push(marked);
    size += Buffer.byteLength(marked, 'utf8');
  }
  return parts.join('\n\n').split('\n\n').map((b) => `${salt}${b}`).join('\n\n');
}

async function latency() {
  const client = new TestClient();
  const ready = [];
  let wake = [];
  client.conn.onNotification('corpusLint/entities', (p) => {
    ready.push({ ...p, at: performance.now() });
    const w = wake;
    wake = [];
    for (const f of w) f();
  });
  const until = (pick, what, ms = 120000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
      const check = () => {
        const v = pick();
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
        } else wake.push(check);
      };
      check();
    });
  const diag = (uri, version) =>
    client.waitFor(() => client.published.find((p) => p.uri === uri && p.version === version), `diagnostics ${uri} v${version}`, 120000).then(() => performance.now());
  const ents = (uri, version) => until(() => ready.find((p) => p.uri === uri && p.version === version), `entities ${uri} v${version}`);
  await client.initialize();

  const open = async (uri, text) => {
    const t0 = performance.now();
    await client.open(uri, text, 'corpus');
    const tokensP = client.request('textDocument/semanticTokens/full', { textDocument: { uri } }).then((r) => ({ at: performance.now(), n: r.data.length / 5 }));
    const d = await diag(uri, 1);
    const e = await ents(uri, 1);
    const tok = await tokensP;
    return { diag: d - t0, ents: e.at - t0, tokens: tok.at - t0, info: e, nTokens: tok.n };
  };

  // cold start: the first document loads nodejieba and the NER model
  const first = bigPage('');
  const cold = await open('file:///bench/cold.corpus', first);
  console.log(`  page: ${(first.length / 1024).toFixed(0)} K UTF-16 units, ${(mb(first) * 1000).toFixed(0)} KB UTF-8, ${cold.info.blocks} blocks, ${cold.info.mentions} mentions, ${cold.nTokens} tokens`);
  console.log(`  cold server (loads jieba and the model): diagnostics ${cold.diag.toFixed(0)} ms, entities ${cold.ents.toFixed(0)} ms, tokens ${cold.tokens.toFixed(0)} ms`);

  const r = { diag: [], ents: [], tokens: [], added: [], tagMs: [], editDiag: [], editEnts: [], editTokens: [], editAdded: [], editTagged: [], editTagMs: [] };
  for (let i = 0; i < RUNS; i++) {
    const uri = `file:///bench/run-${i}.corpus`;
    const text = bigPage(`${i}·`); // every block differs from earlier runs: a cold cache
    const o = await open(uri, text);
    r.diag.push(o.diag);
    r.ents.push(o.ents);
    r.tokens.push(o.tokens);
    r.added.push(o.ents - o.diag);
    r.tagMs.push(o.info.ms);
    // edit one line in the middle
    const idx = new LineIndex(text);
    const line = Math.floor(idx.lineCount / 2);
    const at = idx.lineEnd(line);
    const t0 = performance.now();
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: idx.positionAt(at), end: idx.positionAt(at) }, text: '王小明在上海' }],
    });
    const tokensP = client.request('textDocument/semanticTokens/full', { textDocument: { uri } }).then(() => performance.now());
    const d = await diag(uri, 2);
    const e = await ents(uri, 2);
    const tk = await tokensP;
    r.editDiag.push(d - t0);
    r.editEnts.push(e.at - t0);
    r.editTokens.push(tk - t0);
    r.editAdded.push(e.at - d);
    r.editTagged.push(e.tagged);
    r.editTagMs.push(e.ms);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  console.log(`  open (${RUNS} runs, cold cache, warm server):`);
  console.log(`    publishDiagnostics:            ${fmt(r.diag)}`);
  console.log(`    entities ready:                ${fmt(r.ents)}`);
  console.log(`    semantic tokens answered:      ${fmt(r.tokens)}`);
  console.log(`    added after diagnostics:       ${fmt(r.added)}`);
  console.log(`    tagging time (server-side):    ${fmt(r.tagMs)}`);
  console.log(`  edit one line (debounce 150 ms included):`);
  console.log(`    fresh diagnostics:             ${fmt(r.editDiag)}`);
  console.log(`    fresh entities:                ${fmt(r.editEnts)}`);
  console.log(`    fresh semantic tokens:         ${fmt(r.editTokens)}`);
  console.log(`    added after diagnostics:       ${fmt(r.editAdded)}`);
  console.log(`    tagging time (server-side):    ${fmt(r.editTagMs)}; blocks re-tagged: ${[...new Set(r.editTagged)].join(', ')}`);
  await client.shutdown();
}

(async () => {
  console.log(`bench-entities (node ${process.version})`);
  const t0 = performance.now();
  recognize('新疆自治区党委书记陈全国在乌鲁木齐', jiebaSegmenter);
  console.log(`  model + jieba load (first call): ${(performance.now() - t0).toFixed(0)} ms`);
  console.log('throughput:');
  const seedSet = [];
  let size = 0;
  const seedMb = seeds.reduce((s, t) => s + mb(t), 0);
  for (let i = 0; size < SEED_MB; i++) {
    seedSet.push(seeds[i % seeds.length]);
    size += mb(seeds[i % seeds.length]);
    if (!seedMb) break;
  }
  throughput(`seed pages ×${Math.round(seedSet.length / Math.max(1, seeds.length))}`, seedSet, quick ? 1 : 3);
  if (dev.length) {
    throughput('../shared/corpus/dev', dev, quick ? 1 : 3);
    await editorPath('dev', dev);
  } else console.log('  ../shared/corpus/dev: not present');
  console.log('latency through the server (stdio):');
  await latency();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
