// Entry of the extension-host tests (the `extensionTestsPath` of the workbench payload, the way
// @vscode/test-electron runs a suite): loaded by code-server's real Node extension host, runs mocha over
// *.test.js here and reports every test as `ok - …` / `not ok - …` and a closing `N passed, N failed`.
// Rejecting makes the extension host exit 1, which the workbench reports through codeAutomationExit.
'use strict';
const path = require('path');
const fs = require('fs');

const ROOT = path.resolve(__dirname, '..', '..', '..');

exports.run = function run() {
  const Mocha = require(path.join(ROOT, 'node_modules', 'mocha'));
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: TapLike });
  if (process.env.CORPUS_E2E_GREP) mocha.grep(process.env.CORPUS_E2E_GREP);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
};

/** A small reporter: one line per test, the closing count line (console output reaches the driver). */
function TapLike(runner) {
  let passed = 0;
  let failed = 0;
  const t0 = Date.now();
  runner.on('pass', (t) => {
    passed++;
    console.log(`ok - vscode: ${t.fullTitle()} (${t.duration} ms)`);
  });
  runner.on('fail', (t, err) => {
    failed++;
    console.log(`not ok - vscode: ${t.fullTitle()}: ${(err && (err.stack || err.message)) || err}`);
  });
  runner.on('end', () => console.log(`vscode extension host: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`));
}
