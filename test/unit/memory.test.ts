/**
 * What the engine keeps between analyses stays small: a lazy whole-text fix keeps its lines, not a copy of
 * the text (rules/helpers.ts textOfLines); an interned line's memo slots are one per memo (memo.ts).
 */
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { memoByText, newAnalysis, newLineSlots, TextMemo } from '../../server/src/engine/memo';
import { textOfLines } from '../../server/src/engine/rules/helpers';
import { splitLines } from '../../server/src/engine/segment';
import { compactingGc } from '../../server/src/compactingGc';
import { analyze } from '../../server/src/engine/analyze';
import { toSimplified } from '../../server/src/engine/convert';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
};

describe('memory', () => {
  it('textOfLines gives the text back, whatever its line breaks', () => {
    for (const text of ['', 'a', 'a\n', 'a\nb', 'a\n\nb\n', '一行\r\n二行\r\n', 'x\ry\r\nz\n', '\n\n', '關鍵會議\n\n正文。\r', ' 前后空格 \n\t\n']) {
      const lines = splitLines(text);
      assert.strictEqual(textOfLines(lines, text)(), text, JSON.stringify(text));
    }
  });

  it('textOfLines keeps the lines, not the text (a section’s copy of its text: 8 MB at 10 MB)', () => {
    // the heap freed when the text goes and only textOf is kept: the text's 2 bytes a character, less an
    // array of the lines; if textOf kept the text, nothing (≤ 0). The first run in a process can keep the
    // text by something else for a while (seen: −164 KB, and 471 KB of 1,058 KB in a full CI run), so one
    // run warms up, and half the text's characters in bytes is the line between the two outcomes.
    const freedBy = (salt: string): { freed: number; expected: number; textOf: () => string } => {
      const lines = Array.from({ length: 20000 }, (_, i) => `第${i}行：繁簡混雜的一行文字，用來測試記憶體。${salt}`);
      let text: string | undefined = (' ' + lines.join('\n') + '\n').slice(1); // a copy, as sections.ts makes
      const parsed = splitLines(text);
      const before = heapUsed(); // the text, its lines
      const textOf = textOfLines(parsed, text);
      const expected = text.length;
      text = undefined; // eslint-disable-line no-useless-assignment
      return { freed: before - heapUsed(), expected, textOf };
    };
    freedBy('warm-up');
    const { freed, expected, textOf } = freedBy('');
    assert.ok(freed > expected / 2, `freed ${freed} bytes, the text is ${2 * expected}`);
    assert.strictEqual(textOf().length, expected);
  });

  it('script/document’s fix converts the whole text, made from the lines', () => {
    const text = '關鍵會議在台北舉行。\r\n\n第二段：這是繁體。\n';
    const f = analyze(text).find((x) => x.rule === 'script/document');
    assert.ok(f && f.fixes && f.fixes.length, 'a script finding with fixes');
    assert.deepStrictEqual(f.fixes[0].edits, [{ start: 0, end: text.length, newText: toSimplified(text) }]);
  });

  it('an interned line has a slot per memo, and a memo made after it still answers from it', () => {
    const n = newLineSlots().length;
    let calls = 0;
    const m = new TextMemo((s) => {
      calls++;
      return s.length;
    });
    assert.strictEqual(newLineSlots().length, n + 1);
    newAnalysis();
    const [line] = splitLines('a line interned before the memo was asked');
    assert.strictEqual(m.get(line.text), line.text.length);
    assert.strictEqual(m.get(line.text), line.text.length);
    assert.strictEqual(calls, 1);
  });

  it('compactingGc leaves the old generation’s pages with little free space', () => {
    const old = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
    // objects promoted to the old generation, then every other one dropped: fragmented pages
    let keep: { a: number; b: string }[] | undefined = Array.from({ length: 400000 }, (_, i) => ({ a: i, b: 'x' + i }));
    gc();
    gc();
    keep = keep.filter((_, i) => i % 2 === 0);
    gc();
    const plain = old();
    compactingGc(gc);
    const compacted = old();
    const free = (s: v8.HeapSpaceInfo) => s.space_size - s.space_used_size;
    assert.ok(free(compacted) < free(plain) / 2, `free after a plain GC ${free(plain)}, after compactingGc ${free(compacted)}`);
    assert.strictEqual(keep.length, 200000);
    keep = undefined; // eslint-disable-line no-useless-assignment
  });

  it('a memo keeps its string answers flat, not as ropes of the pieces replace() made them of', () => {
    const squash = memoByText((s) => s.replace(/[\s\u3000]/g, ''), 100000, 20000, 1e8);
    const lines = Array.from({ length: 30000 }, (_, i) => `第${i}行 这是 一行 带 空格 的 文字，用来 测试 字符串 ${i} 的 内存。`);
    const before = heapUsed();
    for (const l of lines) squash(l);
    const kept = heapUsed() - before;
    assert.ok(kept < 8e6, `kept ${kept} bytes (as ropes ~15 MB, flat ~3 MB)`);
    assert.strictEqual(squash(lines[7]), '第7行这是一行带空格的文字，用来测试字符串7的内存。');
  });
});
