/**
 * engine/memo.ts: a TextMemo gives the function's answer, computes it once per text, stays within its
 * bounds (entries and text length), and the memoized line facts of the rules equal a fresh computation.
 */
import * as assert from 'assert';
import { TextMemo, memoByText, newAnalysis } from '../../server/src/engine/memo';
import { isFullSentence, shapeOf } from '../../server/src/engine/rules/boilerplate/page-evidence';
import { internLine, splitLines } from '../../server/src/engine/segment';

describe('TextMemo', () => {
  it('answers the lines of the current analysis from slots kept with the interned line', () => {
    let calls = 0;
    const m = new TextMemo((s) => {
      calls++;
      return s.toUpperCase();
    });
    const text = 'slot test line one\nslot test line two\n';
    newAnalysis();
    const lines = splitLines(text);
    for (let k = 0; k < 3; k++) for (const l of lines) assert.strictEqual(m.get(l.text), l.text.toUpperCase());
    assert.strictEqual(calls, lines.length);
    // the next analysis of the same lines: the interned lines bring their slots back
    newAnalysis();
    for (const l of splitLines(text)) assert.strictEqual(m.get(l.text), l.text.toUpperCase());
    assert.strictEqual(calls, lines.length);
    // a text that is no line of the current analysis: the memo's own generations
    assert.strictEqual(m.get('slot test: not a line'), 'SLOT TEST: NOT A LINE');
    assert.strictEqual(m.get('slot test: not a line'), 'SLOT TEST: NOT A LINE');
    assert.strictEqual(calls, lines.length + 1);
  });

  it('gives the function’s answer and computes it once per text', () => {
    let calls = 0;
    const m = new TextMemo((s) => {
      calls++;
      return s.length;
    });
    assert.strictEqual(m.get('abc'), 3);
    assert.strictEqual(m.get('abc'), 3);
    assert.strictEqual(m.get('ab'), 2);
    assert.strictEqual(calls, 2);
  });

  it('keeps falsy answers (false, 0, empty string, null) as answers', () => {
    let calls = 0;
    const f = memoByText((s) => {
      calls++;
      return s === 'x' ? null : s === 'y' ? false : '';
    });
    for (let k = 0; k < 3; k++) {
      assert.strictEqual(f('x'), null);
      assert.strictEqual(f('y'), false);
      assert.strictEqual(f('z'), '');
    }
    assert.strictEqual(calls, 3);
  });

  it('is bounded: at most maxEntries texts, none longer than maxLength', () => {
    let calls = 0;
    const m = new TextMemo((s) => {
      calls++;
      return s.toUpperCase();
    }, 100, 10);
    for (let i = 0; i < 10000; i++) assert.strictEqual(m.get(`t${i}`), `T${i}`);
    assert.ok(m.size <= 100, `size ${m.size}`);
    const long = 'x'.repeat(11);
    calls = 0;
    m.get(long);
    m.get(long);
    assert.strictEqual(calls, 2, 'a long text is not kept');
    m.clear();
    assert.strictEqual(m.size, 0);
  });

  it('is bounded in characters too', () => {
    const m = new TextMemo((s) => s.length, 1000000, 5000, 10000);
    for (let i = 0; i < 100; i++) m.get(String(i).padStart(1000, 'x'));
    assert.ok(m.size <= 10 + 1, `size ${m.size}`);
  });

  it('keeps a text asked about since the last generation turned', () => {
    let calls = 0;
    const m = new TextMemo((s) => {
      calls++;
      return s;
    }, 4);
    m.get('a'); // cur {a}
    m.get('b'); // cur {a b} → full
    m.get('c'); // prev {a b}, cur {c}
    calls = 0;
    assert.strictEqual(m.get('a'), 'a'); // from prev, moved to cur
    assert.strictEqual(calls, 0);
  });

  it('memoized line facts equal a fresh computation', () => {
    const lines = ['今天天气很好，我们去公园散步，看到很多人在跑步。', '首页 | 新闻 | 联系我们', '關於我們2024年', '  ABC 123 def ', '……他说'];
    for (const l of lines) {
      const a = [isFullSentence(l), shapeOf(l)];
      const b = [isFullSentence(l), shapeOf(l)];
      assert.deepStrictEqual(a, b);
    }
    assert.strictEqual(shapeOf('關於我們2024年 ABC'), '关于我们0年 a');
  });

  it('interns line texts: equal texts of two analyses are one string, with the same content', () => {
    const a = splitLines('首页 | 新闻\n今天天气很好。\n');
    const b = splitLines('插入一行\n首页 | 新闻\n今天天气很好。\n');
    assert.strictEqual(a[0].text, '首页 | 新闻');
    assert.strictEqual(b[1].text, a[0].text);
    assert.strictEqual(b[2].text, a[1].text);
    const long = 'x'.repeat(3000);
    assert.strictEqual(internLine(long), long);
    for (let i = 0; i < 120000; i++) assert.strictEqual(internLine(`行${i}`), `行${i}`);
  });
});
