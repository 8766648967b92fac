#!/usr/bin/env node
/**
 * npm run package — builds corpus-lint-<version>.vsix:
 *   1. tsc (npm run build) → out/server/src/server.js, client/out/extension.js
 *   2. esbuild bundles them into a staging folder (out/vsix/):
 *        dist/extension.js  client, `vscode` external
 *        dist/server.js     server; nodejieba (native, N-API) external and shipped in dist/node_modules/nodejieba
 *                           (index.js, package.json, build/Release/nodejieba.node and the five dictionaries it loads);
 *                           re2 (native, user patterns) likewise in dist/node_modules/re2
 *        server/data/       lexicons + NER model (found by lexicon.ts findDataDir walking up from dist/)
 *        client/out/extension.js, out/server/src/server.js   one-line entries, so package.json `main` and the
 *                           client's server path (out/server/src/server.js) work unchanged in the package
 *        syntaxes/, package.json, README.md, .vscodeignore
 *   3. @vscode/vsce package --no-dependencies (everything is bundled) → corpus-lint-<version>.vsix at the repo root
 *      (or the path in $VSIX_OUT / --out FILE).
 * --no-build skips step 1 (out/ is already fresh).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const STAGE = path.join(ROOT, 'out', 'vsix');
const args = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const outArg = args.indexOf('--out');
const VSIX = path.resolve(outArg >= 0 ? args[outArg + 1] : process.env.VSIX_OUT || path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
const t0 = Date.now();
const log = (m) => console.log(`[package ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', ...opts });
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

if (!args.includes('--no-build')) {
  log('tsc (npm run build)');
  run('npm', ['run', '-s', 'build']);
}

fs.rmSync(STAGE, { recursive: true, force: true });
fs.mkdirSync(path.join(STAGE, 'dist'), { recursive: true });

log('esbuild: client and server bundles');
const common = ['--bundle', '--platform=node', '--format=cjs', '--target=node20', '--minify-syntax', '--legal-comments=none', '--log-level=warning'];
run(bin('esbuild'), ['client/out/extension.js', ...common, '--external:vscode', `--outfile=${path.join(STAGE, 'dist', 'extension.js')}`]);
run(bin('esbuild'), ['out/server/src/server.js', ...common, '--external:nodejieba', '--external:re2', `--outfile=${path.join(STAGE, 'dist', 'server.js')}`]);
// the entity tagger process the server starts (server/src/tagger.ts: dist/taggerMain.js, beside the server)
run(bin('esbuild'), ['out/server/src/taggerMain.js', ...common, '--external:nodejieba', '--external:re2', `--outfile=${path.join(STAGE, 'dist', 'taggerMain.js')}`]);

const write = (rel, text) => {
  const f = path.join(STAGE, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
};
const copy = (from, to = from) => {
  const dst = path.join(STAGE, to);
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  fs.cpSync(path.join(ROOT, from), dst, { recursive: true });
};

// entries at the paths package.json (`main`) and the client (server module) name
write('client/out/extension.js', "module.exports = require('../../dist/extension.js');\n");
write('out/server/src/server.js', "require('../../../dist/server.js');\n");

log('nodejieba (native module + dictionaries)');
const JIEBA = 'node_modules/nodejieba';
const jiebaOut = 'dist/node_modules/nodejieba';
if (!fs.existsSync(path.join(ROOT, JIEBA, 'build/Release/nodejieba.node'))) throw new Error('nodejieba is not built (npm ci)');
for (const f of ['package.json', 'index.js', 'LICENSE', 'build/Release/nodejieba.node']) copy(`${JIEBA}/${f}`, `${jiebaOut}/${f}`);
// the five files nodejieba.load() reads by default
for (const f of ['jieba.dict.utf8', 'hmm_model.utf8', 'user.dict.utf8', 'idf.utf8', 'stop_words.utf8']) {
  copy(`${JIEBA}/submodules/cppjieba/dict/${f}`, `${jiebaOut}/submodules/cppjieba/dict/${f}`);
}

log('re2 (native module for user patterns)');
const RE2 = 'node_modules/re2';
if (!fs.existsSync(path.join(ROOT, RE2, 'build/Release/re2.node'))) throw new Error('re2 is not built (npm ci)');
for (const f of ['package.json', 're2.js', 'LICENSE', 'build/Release/re2.node']) copy(`${RE2}/${f}`, `dist/node_modules/re2/${f}`);

log('data (lexicons, NER model), grammar, manifest');
copy('server/data');
copy('syntaxes');
copy('README.md');
for (const f of ['LICENSE', 'CHANGELOG.md']) if (fs.existsSync(path.join(ROOT, f))) copy(f);
copy('.vscodeignore');
const manifest = { ...pkg };
delete manifest.scripts; // nothing to build inside the package (vsce would run vscode:prepublish)
delete manifest.devDependencies;
delete manifest.bin; // the CLI is not part of the extension
manifest.dependencies = {}; // bundled (nodejieba and re2 ship under dist/node_modules)
write('package.json', JSON.stringify(manifest, null, 2) + '\n');

// sanity: the bundled server finds its data and nodejieba from the staged layout
execFileSync(process.execPath, ['-e', `
  const p = require('path');
  const j = require(p.join(${JSON.stringify(STAGE)}, 'dist/node_modules/nodejieba'));
  if (!j.cut('南京市长江大桥').length) throw new Error('nodejieba cut failed');
  const RE2 = require(p.join(${JSON.stringify(STAGE)}, 'dist/node_modules/re2'));
  if (!new RE2('广告', 'u').test('这是广告')) throw new Error('re2 failed');
`], { stdio: 'inherit' });

log(`vsce package → ${path.relative(process.cwd(), VSIX) || VSIX}`);
fs.mkdirSync(path.dirname(VSIX), { recursive: true });
run(bin('vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', VSIX], { cwd: STAGE });
log(`done: ${(fs.statSync(VSIX).size / 1048576).toFixed(1)} MB`);
