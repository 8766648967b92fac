#!/usr/bin/env node
// A short Playwright drive of the code-server workbench (Debian chromium, playwright-core) with corpus-lint
// installed from the .vsix: squiggles + verdict in the status bar, the Problems panel, a hover, the Outline, a
// quick fix removing the spam block (saved to disk). A screenshot per step goes to $SHOTS (docs/screenshots).
// Every step waits for a state of the page (locators), never for a fixed time.
// env: CS_URL (http://127.0.0.1:PORT), WS (workspace folder, holds seed-000.txt), SHOTS, CHROMIUM
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CS_URL = process.env.CS_URL || 'http://127.0.0.1:8080';
const WS = process.env.WS;
const SHOTS = process.env.SHOTS || path.join(ROOT, 'docs', 'screenshots');
const PAGE = 'seed-000.txt';
const t0 = Date.now();
const log = (...a) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

// the engine's own findings for the page: which line holds the spam, what its fix is called
const out = (() => {
  try {
    return execFileSync(process.execPath, [path.join(ROOT, 'bin', 'corpus-lint.js'), 'check', '--format', 'json', '--no-entities', path.join(WS, PAGE)], { encoding: 'utf8' });
  } catch (e) {
    return e.stdout; // exit 1: there are findings
  }
})();
const findings = JSON.parse(out).findings;
const spam = findings.find((f) => f.category === 'spam' && f.fixes && f.fixes.length);
if (!spam) throw new Error(`no spam finding with a fix on ${PAGE}`);
const spamLine = fs.readFileSync(path.join(WS, PAGE), 'utf8').split('\n')[spam.range.start.line];

const FAIL_SHOTS = process.env.FAIL_SHOTS || os.tmpdir();
let currentPage;
/** Applies LSP text edits (zero-based lines, UTF-16 characters) to a text. */
function applyLspEdits(text, edits) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  return [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)).reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}
let passed = 0;
let failed = 0;
let waitingFor = ''; // what a step waits for now: named in its failure
const at = (what) => (waitingFor = what);
async function step(name, fn) {
  waitingFor = '';
  try {
    await fn();
    passed++;
    log(`ok - ui: ${name}`);
    return true;
  } catch (e) {
    failed++;
    log(`not ok - ui: ${name}: ${waitingFor ? `waiting for ${waitingFor}: ` : ''}${String(e && e.message).split('\n')[0]}`);
    if (currentPage) await currentPage.screenshot({ path: path.join(FAIL_SHOTS, `failed-step-${passed + failed}.png`) }).catch(() => {});
    return false;
  }
}

/** Runs `fn` up to `tries` times (a UI gesture whose effect can be lost to timing); logs each failed try. */
async function retry(what, tries, fn) {
  for (let k = 1; ; k++) {
    try {
      return await fn();
    } catch (e) {
      const msg = String(e && e.message).split('\n')[0];
      if (k >= tries) throw new Error(`${what}: not there after ${tries} tries (${msg})`);
      log(`  try ${k} for ${what} failed (${msg}); again`);
    }
  }
}

(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-ui-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1360, height: 820 },
    deviceScaleFactor: 1,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(30000);
  currentPage = page;
  // a screenshot once the finite animations (hover and menu fade-ins) have finished
  const settle = () => page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map((a) => a.finished.catch(() => undefined))));
  const shot = async (name) => {
    await settle();
    await page.screenshot({ path: path.join(SHOTS, name) });
  };
  const quickInput = page.locator('.quick-input-widget');
  async function palette(text) {
    await page.keyboard.press('F1');
    await quickInput.locator('input').waitFor({ state: 'visible' });
    await quickInput.locator('input').fill('>' + text);
    const row = quickInput.locator('.monaco-list-row', { hasText: text }).first();
    await row.waitFor();
    await row.click();
    await quickInput.waitFor({ state: 'hidden' });
  }
  async function goTo(line, col) {
    await page.keyboard.press('Control+G');
    await quickInput.locator('input').waitFor({ state: 'visible' });
    await quickInput.locator('input').fill(`:${line}:${col}`);
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden' });
    await page.locator('.monaco-editor .cursors-layer .cursor').first().waitFor();
  }
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  let ok = true;
  try {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    log('workbench visible');

    ok = await step('squiggles on the spam and boilerplate, verdict in the status bar', async () => {
      await page.keyboard.press('Control+P');
      await quickInput.locator('input').waitFor({ state: 'visible' });
      await quickInput.locator('input').fill(PAGE);
      const row = quickInput.locator('.monaco-list-row', { hasText: PAGE }).first();
      await row.waitFor();
      await row.click();
      await editor.locator('.view-lines').waitFor();
      await editor.locator('.squiggly-warning').first().waitFor();
      await editor.locator('.squiggly-info').first().waitFor();
      await page.locator('.statusbar-item', { hasText: '% content' }).first().waitFor();
      await editor.locator('.codelens-decoration', { hasText: 'corpus-lint:' }).first().waitFor();
      await shot('01-squiggles.png');
    });
    if (!ok) throw new Error('the page did not get its diagnostics');

    await step('Problems panel lists the findings with rule codes', async () => {
      await palette('View: Focus Problems');
      const panel = page.locator('.markers-panel');
      await panel.getByText(spam.rule).first().waitFor();
      await panel.getByText(/boilerplate\//).first().waitFor();
      await shot('02-problems.png');
    });

    await step('hover on the spam line: rule, evidence, what the fix removes', async () => {
      // the mouse over the start of the spam finding: its line number in the gutter gives the row
      const num = editor.locator('.margin-view-overlays .line-numbers', { hasText: new RegExp(`^${spam.range.start.line + 1}$`) }).first();
      const row = await num.boundingBox();
      const text = await editor.locator('.view-lines').boundingBox();
      const hover = page.locator('.monaco-hover', { hasText: spam.rule }).first();
      // the hover shows after the mouse rests; on a loaded machine a first rest can pass unseen: move off and back
      await retry('the hover with the rule', 3, async () => {
        await page.mouse.move(2, 400);
        await page.mouse.move(text.x + 12 + spam.range.start.character * 8, row.y + row.height / 2);
        await hover.waitFor({ state: 'visible', timeout: 10000 });
      });
      await hover.getByText('Why:').first().waitFor();
      await shot('03-hover.png');
      await page.mouse.move(2, 400);
      await page.keyboard.press('Escape');
      await hover.waitFor({ state: 'hidden' });
    });

    await step('Outline: the page structure with the Spam part', async () => {
      // room for the Outline: fold the file list, close the Problems panel, fold the Entities section
      const folder = page.locator('.pane-header[aria-expanded="true"]', { hasText: path.basename(WS) });
      if (await folder.count()) await folder.first().click();
      await palette('View: Hide Panel');
      await palette('Explorer: Focus on Outline View');
      const outline = page.locator('.outline-pane');
      const entities = outline.locator('.monaco-list-row[aria-expanded="true"]', { hasText: /^Entities/ });
      await outline.locator('.monaco-list-row', { hasText: /Headline: / }).first().waitFor();
      if (await entities.count()) await entities.first().locator('.monaco-tl-twistie').click();
      await outline.locator('.monaco-list-row', { hasText: /Spam: / }).first().waitFor();
      await shot('04-outline.png');
    });

    await step('quick fix removes the spam block (and the file on disk after saving)', async () => {
      await page.keyboard.press('Control+1'); // focus the editor (clicks on .view-lines are intercepted)
      const action = page.locator('.action-widget .monaco-list-row', { hasText: spam.fixes[0].title }).first();
      // Ctrl+. asks for the code actions at the cursor; when that request races the editor (focus, markers),
      // the menu can open without them: close it and ask again (each try says what the menu held)
      await retry(`the quick fix "${spam.fixes[0].title}" in the Ctrl+. menu`, 3, async () => {
        await goTo(spam.range.start.line + 1, spam.range.start.character + 1);
        await page.keyboard.press('Control+.');
        try {
          await action.waitFor({ timeout: 10000 });
        } catch (e) {
          const rows = await page.locator('.action-widget .monaco-list-row').allTextContents().catch(() => []);
          await page.keyboard.press('Escape');
          throw new Error(`menu rows: ${JSON.stringify(rows)}`);
        }
      });
      await shot('05-quickfix-menu.png');
      await action.click();
      at('the menu to close');
      await action.waitFor({ state: 'detached' });
      // explicit waits: the editor shows the fixed text, then (after Ctrl+S) the file on disk is the engine's fix
      // applied to the page, and the spam finding leaves the Outline
      const expected = applyLspEdits(fs.readFileSync(path.join(WS, PAGE), 'utf8'), spam.fixes[0].edits);
      at('the Spam part to leave the Outline');
      await page.locator('.outline-pane .monaco-list-row', { hasText: /Spam: / }).first().waitFor({ state: 'detached' });
      at('the saved file');
      await page.keyboard.press('Control+S');
      const file = path.join(WS, PAGE);
      const deadline = Date.now() + 20000;
      while (fs.readFileSync(file, 'utf8') !== expected) {
        if (Date.now() > deadline) throw new Error('the saved file is not the page with the spam fix applied');
        await page.waitForTimeout(100); // polling interval of the explicit wait above
      }
      at('the verdict without spam in the status bar');
      await page.locator('.statusbar-item', { hasText: /% content · \d+ boilerplate/ }).first().waitFor();
      if (await page.locator('.statusbar-item', { hasText: /\d+ spam/ }).count()) throw new Error('the verdict still counts spam');
      // the verdict lens is asked for again after the edit (the editor debounces code lens requests)
      at('the verdict code lens without spam');
      await editor.locator('.codelens-decoration', { hasText: /corpus-lint: \d+% content · \d+ boilerplate/ }).first().waitFor({ timeout: 15000 });
      await shot('06-after-quickfix.png');
    });
  } catch (e) {
    failed++;
    log(`not ok - ui: ${e && e.message}`);
    await shot('99-failure.png').catch(() => {});
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
  }
  console.log(`ui (code-server + chromium): ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  process.exit(failed ? 1 : 0);
})();
