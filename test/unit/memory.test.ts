/**
 * What the engine keeps between analyses stays small: a lazy whole-text fix keeps its lines, not a copy of
 * the text (rules/helpers.ts textOfLines); an interned line's memo slots are one per memo (memo.ts).
 */
import * as assert from 'assert';
import { newAnalysis, newLineSlots, TextMemo } from '../../server/src/engine/memo';
import { splitLines } from '../../server/src/engine/segment';

describe('memory', () => {
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
});
