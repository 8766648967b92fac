#!/usr/bin/env node
// Runs test/e2e/vscode/*.test.js inside code-server's real extension host — the offline stand-in for
// @vscode/test-electron (see ../shared/REAL-CLIENTS.md): code-server must run with
// `--vscode-option enable-smoke-test-driver`; the workbench URL carries a `payload` with
// extensionDevelopmentPath (the extension as installed from the .vsix) and extensionTestsPath (index.js here).
// When the suite ends the extension host exits and the workbench calls window.codeAutomationExit(code).
// env: CS_URL (http://127.0.0.1:PORT), WS (workspace folder), EXT_PATH (installed extension folder),
//      CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_S (default 300)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const base = new URL(process.env.CS_URL || 'http://127.0.0.1:8080');
const WS = process.env.WS;
const EXT_PATH = process.env.EXT_PATH;
if (!WS || !EXT_PATH) throw new Error('WS and EXT_PATH must be set');
const remote = (p) => `vscode-remote://${base.host}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(EXT_PATH)],
  ['extensionTestsPath', remote(path.join(__dirname, 'index.js'))],
];
const url = `${base.origin}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

(async () => {
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-ext-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let code = 'timeout';
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    let done;
    const exited = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (/^(ok|not ok) - |passed, \d+ failed|Error|error/.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (c) => done(c));
    await page.goto(url);
    const limit = Number(process.env.E2E_TIMEOUT_S || 300) * 1000;
    code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), limit))]);
  } finally {
    console.log(`extension host exit code: ${code}`);
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
  }
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
