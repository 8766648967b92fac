/**
 * Big documents in sections (engine/sections.ts) and their diagnostics (protocol/convert.ts):
 * boundaries are deterministic and content-defined (an edit changes its own section and at worst a
 * neighbour), a sectioned analysis is the concatenation of the sections' analyses, the section cache
 * changes nothing, and a document below the threshold is analysed exactly as analyze() does.
 * Small thresholds (a few KB) keep the tests fast; the server and CLI use the same code with the defaults.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean, Finding, LineIndex, summarize } from '../../server/src/engine';
import {
  analyzeDocument,
  analyzeSections,
  cleanDocument,
  resplitSections,
  Section,
  SectionCache,
  SECTION_MAX,
  SECTION_MIN,
  SECTION_THRESHOLD,
  splitSections,
  summarizeSections,
} from '../../server/src/engine/sections';
import { shiftFinding } from '../../server/src/engine/edits';
import { Diagnostic } from 'vscode-languageserver';
import { diagnosticCount, publishDiagnostics, publishSectionDiagnostics, TOP, toDiagnostics, toSectionDiagnostics } from '../../server/src/protocol/convert';
import { LineSpan, selectNearest, spanOf, within } from '../../server/src/protocol/focus';
import { defaultSettings, parseSettings } from '../../server/src/protocol/settings';
import { verdictOfSummary } from '../../server/src/protocol/verdict';
import { toDocumentSymbols, toSectionSymbols } from '../../server/src/protocol/structure';
import { SEEDS_DIR, seedIds } from '../seeds';

const OPTS = { threshold: 3000, min: 1500, max: 4000 };

/** The seed pages and the LSP fixture page, concatenated with blank lines (as crawl dumps are), `copies` times. */
function bigDoc(copies = 3, eol = '\n'): string {
  const pages = [...seedIds().map((id) => fs.readFileSync(path.join(SEEDS_DIR, `${id}.txt`), 'utf8')), fs.readFileSync(path.join(SEEDS_DIR, '..', 'lsp', 'junk-page.txt'), 'utf8')];
  const out: string[] = [];
  for (let k = 0; k < copies; k++) for (const p of pages) out.push(p.trimEnd().replace(/[0-9]/g, (d) => String((Number(d) + k) % 10)));
  return out.join('\n\n').replace(/\r?\n/g, eol) + eol;
}

/** bigDoc's pages without their blank lines, repeated (digits shifted) to `units` code units: one long run of lines. */
function noBlankDoc(units: number): string {
  const page = bigDoc(1).replace(/\n\s*\n/g, '\n');
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < units; k++) {
    const p = page.replace(/[0-9]/g, (d) => String((Number(d) + k) % 10)).replace(/\n/g, `（${k}）\n`);
    out.push(p);
    n += p.length;
  }
  return out.join('');
}

const texts = (text: string, secs: Section[]) => secs.map((s) => text.slice(s.start, s.end));

function checkShape(text: string, secs: Section[], opts = OPTS): void {
  assert.ok(secs.length > 0);
  assert.strictEqual(secs[0].start, 0);
  assert.strictEqual(secs[secs.length - 1].end, text.length);
  const idx = new LineIndex(text);
  const longestLine = Math.max(...text.split(/\r\n|\r|\n/).map((l) => l.length));
  for (let i = 0; i < secs.length; i++) {
    const s = secs[i];
    if (i > 0) assert.strictEqual(s.start, secs[i - 1].end, 'contiguous');
    assert.strictEqual(idx.positionAt(s.start).character, 0, 'starts at a line start');
    assert.strictEqual(idx.positionAt(s.start).line, s.line, 'line of the start');
    if (i < secs.length - 1) {
      assert.ok(s.end - s.start >= opts.min, `section ${i} has at least min code units`);
      assert.ok(s.end - s.start <= opts.max + opts.min / 2 + longestLine + 2, `section ${i} is at most max + min/2 and one line long (lines are not split)`);
    }
  }
}

/** A deterministic random source. */
function rng(seed: number): () => number {
  let x = seed;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('sections: splitting', () => {
  it('a document below the threshold is one section', () => {
    const t = bigDoc(1);
    assert.ok(t.length < SECTION_THRESHOLD);
    assert.deepStrictEqual(splitSections(t), [{ start: 0, end: t.length, line: 0 }]);
    assert.deepStrictEqual(splitSections(''), [{ start: 0, end: 0, line: 0 }]);
  });

  it('cuts a big document into contiguous sections at line starts, deterministically', () => {
    for (const eol of ['\n', '\r\n']) {
      const t = bigDoc(3, eol);
      const a = splitSections(t, OPTS);
      assert.ok(a.length >= 5, `several sections (${a.length})`);
      checkShape(t, a);
      assert.deepStrictEqual(splitSections(t, OPTS), a, 'the same text, the same sections');
      // a cut that does not follow a blank line is made in a long section (a run without blank lines)
      for (const s of a.slice(1)) {
        const before = t.slice(0, s.start).replace(/\r?\n$/, '');
        const prevLine = before.slice(before.lastIndexOf('\n') + 1);
        if (s.start - a[a.indexOf(s) - 1].start < OPTS.max * 0.75) assert.strictEqual(prevLine.trim(), '', 'a cut follows a blank line');
      }
    }
  });

  it('cuts a document without blank lines at line starts, at most the maximum apart', () => {
    const t = Array.from({ length: 400 }, (_, i) => `第${i}行，今天天气很好，我们去公园散步。`).join('\n');
    const a = splitSections(t, OPTS);
    assert.ok(a.length > 1);
    checkShape(t, a);
  });

  it('a 200 K-unit document without a blank line (the default sizes): sections of at most SECTION_MAX + SECTION_MIN/2 (36 K), content-defined', () => {
    const t = noBlankDoc(200_000);
    assert.ok(!/\n\s*\n/.test(t) && t.length >= 200_000);
    const a = splitSections(t);
    checkShape(t, a, { threshold: SECTION_THRESHOLD, min: SECTION_MIN, max: SECTION_MAX });
    assert.ok(a.length >= 200_000 / SECTION_MAX, `${a.length} sections`);
    for (const s of a) assert.ok(s.end - s.start <= SECTION_MAX + SECTION_MIN / 2, `a section of ${s.end - s.start} units`);
    // an edit re-splits only near itself: the other sections keep their text
    const old = new Set(texts(t, a));
    const r = rng(3);
    const pieces = ['。', '\n', '首页 | 新闻 | 联系我们\n', '', '今天天气很好。\n第二行。'];
    for (let k = 0; k < 30; k++) {
      const at = Math.floor(r() * t.length);
      const u = t.slice(0, at) + pieces[k % pieces.length] + t.slice(at + (k % 3 === 0 ? Math.floor(r() * 100) : 0));
      const after = splitSections(u);
      const changed = texts(u, after).filter((x) => !old.has(x));
      assert.ok(changed.length <= 3, `edit ${k} at ${at}: ${changed.length} sections changed`);
      const prev = a.map((section) => ({ section, text: t.slice(section.start, section.end) }));
      assert.deepStrictEqual(resplitSections(u, prev), after, `edit ${k}: resplit = split`);
    }
  });

  it('an edit changes only its own section (at worst its neighbour too); the other sections keep their text', () => {
    const t = bigDoc(4);
    const before = splitSections(t, OPTS);
    const old = new Set(texts(t, before));
    const r = rng(7);
    const pieces = ['。', '\n', '\n\n', '首页 | 新闻 | 联系我们\n', ''];
    for (let k = 0; k < 40; k++) {
      const at = Math.floor(r() * t.length);
      const del = Math.floor(r() * 30);
      const u = t.slice(0, at) + pieces[k % pieces.length] + t.slice(at + (k % 3 === 0 ? del : 0));
      const after = splitSections(u, OPTS);
      checkShape(u, after);
      const changed = texts(u, after).filter((x) => !old.has(x));
      assert.ok(changed.length <= 2, `edit ${k} at ${at}: ${changed.length} sections changed`);
      assert.ok(after.length >= before.length - 2 && after.length <= before.length + 2);
    }
  });
});

describe('sections: splitting again after an edit', () => {
  it('resplitSections (rescanning around the change only) = splitSections, over random edits', () => {
    for (const eol of ['\n', '\r\n']) {
      let t = bigDoc(4, eol);
      let prev = splitSections(t, OPTS).map((section) => ({ section, text: t.slice(section.start, section.end) }));
      const r = rng(eol.length * 5);
      const pieces = ['。', eol, eol + eol, '首页 | 新闻 | 联系我们' + eol, '', '今天天气很好。' + eol + eol + '第二段。'];
      for (let k = 0; k < 60; k++) {
        const at = Math.floor(r() * t.length);
        const del = k % 3 === 0 ? Math.floor(r() * 200) : 0;
        t = t.slice(0, at) + pieces[k % pieces.length] + t.slice(at + del);
        if (eol === '\r\n') t = t.replace(/\r?\n/g, '\r\n');
        const got = resplitSections(t, prev, OPTS);
        assert.deepStrictEqual(got, splitSections(t, OPTS), `edit ${k} at ${at}`);
        prev = got.map((section) => ({ section, text: t.slice(section.start, section.end) }));
      }
      assert.deepStrictEqual(resplitSections(t, prev, OPTS), prev.map((p) => p.section), 'the same text: the same sections');
    }
  });
});

describe('sections: analysis', () => {
  it('below the threshold, analyzeDocument is analyze and cleanDocument is clean', () => {
    const t = bigDoc(1);
    assert.deepStrictEqual(analyzeDocument(t), analyze(t));
    assert.strictEqual(cleanDocument(t), clean(t));
  });

  it('findings of a sectioned analysis are the sections’ analyses, shifted and concatenated', () => {
    const t = bigDoc(3);
    const secs = splitSections(t, OPTS);
    const expected: Finding[] = [];
    for (const s of secs) for (const f of analyze(t.slice(s.start, s.end))) expected.push(shiftFinding(f, s.start));
    const got = analyzeSections(t, {}, undefined, OPTS);
    assert.deepStrictEqual(got.findings, expected);
    assert.deepStrictEqual(analyzeDocument(t, {}, OPTS), expected);
    assert.strictEqual(got.parts.length, secs.length);
    // every finding, and every fix edit, lies inside its section
    got.parts.forEach((p) => {
      for (const f of p.result.abs) {
        assert.ok(f.start >= p.section.start && f.end <= p.section.end, `${f.rule} inside its section`);
        for (const fx of f.fixes ?? []) for (const e of fx.edits) assert.ok(e.start >= p.section.start && e.end <= p.section.end);
      }
    });
    // clean of a big document applies the sections' fixes
    const cleaned = cleanDocument(t, {}, OPTS);
    assert.strictEqual(cleaned, secs.map((s) => clean(t.slice(s.start, s.end))).join(''));
    assert.ok(cleaned.length < t.length);
  });

  it('with a section cache: the same findings after edits, and only the touched sections are analysed again', () => {
    let t = bigDoc(4);
    const cache = new SectionCache();
    cache.reset('k');
    analyzeSections(t, {}, cache, OPTS);
    const r = rng(11);
    for (let k = 0; k < 12; k++) {
      const at = t.indexOf('\n', Math.floor(r() * t.length));
      if (at < 0) continue;
      t = t.slice(0, at) + (k % 4 === 3 ? '\n今天天气很好。\n' : '。') + t.slice(at);
      const before = cache.stats.misses;
      const got = analyzeSections(t, {}, cache, OPTS);
      assert.deepStrictEqual(got.findings, analyzeSections(t, {}, undefined, OPTS).findings, `edit ${k}`);
      const analysed = cache.stats.misses - before;
      assert.ok(analysed >= 1 && analysed <= 2, `edit ${k}: ${analysed} sections analysed`);
      assert.strictEqual(got.parts.filter((p) => !p.reused).length, analysed);
      assert.strictEqual(cache.size, got.parts.length, 'only the current sections are kept');
    }
    // a run without blank lines, cut at line starts: the same, on a small scale
    let u = noBlankDoc(20_000);
    const runCache = new SectionCache();
    runCache.reset('k');
    analyzeSections(u, {}, runCache, OPTS);
    for (let k = 0; k < 6; k++) {
      const at = u.indexOf('\n', Math.floor(r() * u.length));
      if (at < 0) continue;
      u = u.slice(0, at) + (k % 2 ? '\n今天天气很好。' : '。') + u.slice(at);
      const before = runCache.stats.misses;
      const got = analyzeSections(u, {}, runCache, OPTS);
      assert.deepStrictEqual(got.findings, analyzeSections(u, {}, undefined, OPTS).findings, `run edit ${k}`);
      const analysed = runCache.stats.misses - before;
      assert.ok(analysed >= 1 && analysed <= 3, `run edit ${k}: ${analysed} sections analysed`);
      assert.ok(got.parts.every((p) => p.section.end - p.section.start <= OPTS.max + OPTS.min / 2 + 200), 'no section longer than max + min/2 and a line');
    }
    cache.reset('other options');
    assert.strictEqual(cache.size, 0, 'results of other options are dropped');
  });

  it('summarizeSections adds the sections’ counts and weighs their content shares', () => {
    const t = bigDoc(3);
    const { findings, parts } = analyzeSections(t, {}, undefined, OPTS);
    const s = summarizeSections(t, parts);
    const whole = summarize(t, findings);
    assert.deepStrictEqual(s.counts, whole.counts);
    assert.ok(Math.abs(s.contentShare - whole.contentShare) < 1e-9, `${s.contentShare} ≈ ${whole.contentShare}`);
  });
});

describe('sections: diagnostics', () => {
  it('toSectionDiagnostics equals toDiagnostics over the whole text, also after the sections moved', () => {
    const settings = defaultSettings();
    let t = bigDoc(3, '\r\n');
    const cache = new SectionCache();
    cache.reset('k');
    for (let k = 0; k < 3; k++) {
      const { findings, parts } = analyzeSections(t, {}, cache, OPTS);
      const input = parts.map((p) => ({ text: () => t.slice(p.section.start, p.section.end), line: p.section.line, rel: p.result.rel, memo: p.result }));
      const got = toSectionDiagnostics(input, k + 1, settings, 's');
      assert.deepStrictEqual(got, toDiagnostics(findings, new LineIndex(t), k + 1, settings));
      assert.ok(got.length > 10);
      // new lines near the start: every later section moves down
      t = t.slice(0, 10) + '\r\n新的一行。\r\n' + t.slice(10);
    }
  });
});

describe('diagnostics limit (corpusLint.maxDiagnostics)', () => {
  /** Brute force: the `n` diagnostics nearest the focus lines (ties in document order), in document order. */
  function nearest(all: Diagnostic[], focus: LineSpan, n: number): Diagnostic[] {
    const d = (x: Diagnostic) => Math.max(0, focus.start - x.range.end.line, x.range.start.line - focus.end);
    return all
      .map((x, k) => ({ x, k }))
      .sort((a, b) => d(a.x) - d(b.x) || a.k - b.k)
      .slice(0, n)
      .sort((a, b) => a.k - b.k)
      .map((a) => a.x);
  }

  it('the default is VS Code’s own limit (1000 per file); 0 is no limit; nothing changes under the limit', () => {
    assert.strictEqual(defaultSettings().maxDiagnostics, 1000);
    assert.strictEqual(parseSettings({ maxDiagnostics: 0 }).maxDiagnostics, 0, '0: no limit');
    assert.strictEqual(parseSettings({ maxDiagnostics: -3 }).maxDiagnostics, defaultSettings().maxDiagnostics);
    const t = bigDoc(1);
    const { findings, parts } = analyzeSections(t, {}, undefined, OPTS);
    const idx = new LineIndex(t);
    const unlimited = parseSettings({ maxDiagnostics: 0 });
    const all = toDiagnostics(findings, idx, 1, unlimited);
    assert.ok(all.length > 30 && all.length < 1000);
    const input = parts.map((p) => ({ text: () => t.slice(p.section.start, p.section.end), line: p.section.line, rel: p.result.rel, memo: p.result }));
    // under the limit: every diagnostic, in the findings' order, whatever the focus
    for (const focus of [TOP, { start: 200, end: 230 }]) {
      assert.deepStrictEqual(toDiagnostics(findings, idx, 1, defaultSettings(), focus), all);
      assert.deepStrictEqual(toSectionDiagnostics(input, 1, defaultSettings(), 'd', focus), all);
    }
  });

  it('publishes the N nearest the focus (top, an edit, a visible range), the same for a document in sections; says which lines in the verdict', () => {
    const t = bigDoc(3);
    const { findings, parts } = analyzeSections(t, {}, undefined, OPTS);
    const idx = new LineIndex(t);
    const all = toDiagnostics(findings, idx, 1, parseSettings({ maxDiagnostics: 0 }));
    const settings = parseSettings({ maxDiagnostics: 25 });
    const input = parts.map((p) => ({ text: () => t.slice(p.section.start, p.section.end), line: p.section.line, rel: p.result.rel, memo: p.result }));
    const last = idx.lineCount - 1;
    for (const focus of [TOP, { start: 10, end: 10 }, { start: Math.floor(last / 2), end: Math.floor(last / 2) + 40 }, { start: last, end: last }, { start: last - 5, end: last + 100 }]) {
      const expected = nearest(all, focus, 25);
      const whole = publishDiagnostics(findings, idx, 1, settings, focus);
      const sectioned = publishSectionDiagnostics(input, 1, settings, 'capped', focus);
      assert.deepStrictEqual(whole.diagnostics, expected, `focus ${JSON.stringify(focus)}`);
      assert.deepStrictEqual(sectioned.diagnostics, expected, `focus ${JSON.stringify(focus)}, in sections`);
      assert.deepStrictEqual(sectioned.covered, whole.covered);
      // every diagnostic that touches the covered lines is published
      assert.strictEqual(sectioned.partial, whole.partial);
      if (whole.partial) continue; // the focus alone has more than 25
      const { start, end } = whole.covered;
      assert.ok(start <= Math.min(focus.start, last) && end >= Math.min(focus.end, last) && start >= 0 && end <= last, JSON.stringify(whole.covered));
      const touching = all.filter((d) => d.range.end.line >= start && d.range.start.line <= end);
      for (const d of touching) assert.ok(expected.includes(d), `a diagnostic of the covered lines ${JSON.stringify(whole.covered)} is published (focus ${JSON.stringify(focus)}): ${JSON.stringify(d.range)}`);
    }
    // only the sections near the focus are converted
    const fresh = parts.map((p) => ({ text: () => t.slice(p.section.start, p.section.end), line: p.section.line, rel: p.result.rel, memo: {} as { memo?: unknown } }));
    publishSectionDiagnostics(fresh, 1, settings, 'lazy', TOP);
    assert.ok(fresh.filter((f) => f.memo.memo).length < parts.length / 2, 'far sections untouched');

    const count = diagnosticCount(findings, settings);
    assert.deepStrictEqual(count, { total: all.length, published: 25 });
    const lines = publishDiagnostics(findings, idx, 1, settings, { start: 1234, end: 1260 }).covered;
    const v = verdictOfSummary('file:///x', 1, summarizeSections(t, parts), 'en', parts.length, { ...count, lines });
    const n = (x: number) => x.toLocaleString('en-US');
    assert.ok(v.text.endsWith(`analysed in ${parts.length} sections · diagnostics for lines ${n(lines.start + 1)}–${n(lines.end + 1)}: 25 of ${n(all.length)} problems (corpusLint.maxDiagnostics); the outline and the Remove-all actions cover the whole file`), v.text);
    assert.deepStrictEqual(v.diagnostics, { published: 25, total: all.length, lines });
    const zh = verdictOfSummary('file:///x', 1, summarizeSections(t, parts), 'zh', parts.length, { ...count, lines });
    assert.match(zh.text, /第 [\d,]+–[\d,]+ 行的诊断:25 \/ [\d,]+ 个问题/);
    const whole = verdictOfSummary('file:///x', 1, summarizeSections(t, parts), 'en', undefined, diagnosticCount(findings, parseSettings({ maxDiagnostics: 0 })));
    assert.ok(!/diagnostics for|sections/.test(whole.text), 'no note when nothing is held back');
  });
});

describe('focus: selectNearest', () => {
  const diag = (a: number, b = a) => ({ range: { start: { line: a }, end: { line: b } } });
  it('takes the focus first, then outwards; ties in document order; covered lines', () => {
    const items = [diag(0), diag(5), diag(10), diag(10), diag(12, 20), diag(30), diag(31)];
    const one = [{ first: 0, last: 40, items: () => items }];
    const pick = (f: LineSpan, n: number) => selectNearest(one, f, n);
    assert.deepStrictEqual(pick({ start: 10, end: 10 }, 3).picked.map((p) => p.k), [2, 3, 4]);
    assert.deepStrictEqual(pick({ start: 10, end: 10 }, 3).covered, { start: 9, end: 11 }, 'every diagnostic nearer than the farthest picked (2 lines)');
    assert.deepStrictEqual(pick({ start: 25, end: 25 }, 2).picked.map((p) => p.k), [4, 5], 'a range reaching the focus counts from its end');
    assert.deepStrictEqual(pick({ start: 0, end: 0 }, 0).picked.length, items.length, '0: all');
    assert.deepStrictEqual(pick({ start: 0, end: 0 }, 100).picked.length, items.length);
    // in groups (sections): the same choice, far groups never asked
    let asked = 0;
    const groups = [
      { first: 0, last: 10, items: () => (asked++, items.slice(0, 2)) },
      { first: 10, last: 30, items: () => items.slice(2, 5) },
      { first: 30, last: 40, items: () => items.slice(5) },
    ];
    const g = selectNearest(groups, { start: 28, end: 31 }, 2);
    assert.deepStrictEqual(g.picked, [{ g: 2, k: 0 }, { g: 2, k: 1 }]);
    assert.strictEqual(asked, 0, 'the first group is farther than the two picked');
    assert.deepStrictEqual(spanOf([{ start: { line: 40, character: 0 }, end: { line: 60, character: 0 } }, { start: { line: 80, character: 0 }, end: { line: 90, character: 3 } }]), { start: 40, end: 90 });
    assert.strictEqual(spanOf([]), undefined);
    assert.ok(within({ start: 41, end: 50 }, { start: 40, end: 90 }) && !within({ start: 39, end: 50 }, { start: 40, end: 90 }) && !within({ start: 1, end: 2 }, undefined));
  });
});

describe('sections: outline', () => {
  it('toSectionSymbols is each section’s outline, lines shifted, also after the sections moved', () => {
    let t = bigDoc(3);
    const cache = new SectionCache();
    cache.reset('k');
    for (let k = 0; k < 2; k++) {
      const { parts } = analyzeSections(t, {}, cache, OPTS);
      const got = toSectionSymbols(parts.map((p) => ({ text: () => t.slice(p.section.start, p.section.end), line: p.section.line, rel: p.result.rel, memo: p.result })));
      const expected = parts.flatMap((p) =>
        toDocumentSymbols(t.slice(p.section.start, p.section.end), p.result.rel).map((s) => {
          const dl = p.section.line;
          const range = { start: { line: s.range.start.line + dl, character: s.range.start.character }, end: { line: s.range.end.line + dl, character: s.range.end.character } };
          const detail = s.detail!.replace(/^lines? (\d+)(?:–(\d+))?/, (_m, a: string, b?: string) => (b ? `lines ${Number(a) + dl}–${Number(b) + dl}` : `line ${Number(a) + dl}`));
          return { ...s, detail, range, selectionRange: range };
        }),
      );
      assert.deepStrictEqual(got, expected);
      assert.ok(got.length > parts.length, 'several parts per section');
      const idx = new LineIndex(t);
      for (const s of got) assert.ok(s.range.end.line < idx.lineCount);
      t = '新的一行。\n' + t; // every section moves down one line
    }
  });
});
