import * as assert from 'assert';
import { indexOfText, LineIndex } from '../../server/src/engine';
import { splitLines, splitBlocks } from '../../server/src/engine/segment';
import { seededRandom } from '../random';

describe('LineIndex', () => {
  it('maps offsets to UTF-16 positions across \\n, \\r\\n and \\r', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const idx = new LineIndex(text);
    assert.strictEqual(idx.lineCount, 4);
    assert.deepStrictEqual(idx.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepStrictEqual(idx.positionAt(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepStrictEqual(idx.positionAt(text.indexOf('h')), { line: 3, character: 1 });
    assert.strictEqual(idx.lineEnd(0), 2);
    assert.strictEqual(idx.offsetAt({ line: 1, character: 99 }), 6);
  });
  it('counts astral characters as two units', () => {
    const text = '𠀀好\n😀x';
    const idx = new LineIndex(text);
    assert.deepStrictEqual(idx.positionAt(text.indexOf('好')), { line: 0, character: 2 });
    assert.deepStrictEqual(idx.positionAt(text.indexOf('x')), { line: 1, character: 2 });
    assert.strictEqual(idx.offsetAt({ line: 1, character: 2 }), text.indexOf('x'));
  });
  it('round-trips every offset', () => {
    const text = '\ufeff第一行\r\n\r\n𩸽魚 x\rlast';
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      const back = idx.offsetAt(p);
      // offsets inside a \r\n pair map to the line end
      assert.ok(back === o || (text[o - 1] === '\r' && text[o] === '\n'), `offset ${o}`);
    }
  });

  it('line starts agree with a look at every character, over random texts of \n, \r, \r\n and astral characters', () => {
    const byChar = (text: string): number[] => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      return starts;
    };
    const parts = ['\n', '\r', '\r\n', '\n\r', 'a', '中', '\u{20000}', ' ', '\r\r', '\n\n'];
    const rnd = seededRandom(7);
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let j = Math.floor(rnd() * 12); j > 0; j--) text += parts[Math.floor(rnd() * parts.length)];
      assert.deepStrictEqual(new LineIndex(text).lineStarts, byChar(text), JSON.stringify(text));
    }
  });

  it('indexOfText gives the last index of the same text again, and a new one for another text', () => {
    const a = '第一行\r\n第二行\n';
    const b = a + '第三行';
    const ia = indexOfText(a);
    assert.strictEqual(indexOfText(a), ia);
    assert.strictEqual(indexOfText(a.slice(0, 3) + a.slice(3)), ia, 'an equal text built anew');
    const ib = indexOfText(b);
    assert.notStrictEqual(ib, ia);
    assert.deepStrictEqual(ib.lineStarts, new LineIndex(b).lineStarts);
    assert.deepStrictEqual(indexOfText(a).lineStarts, [0, 5, 9]);
  });
});

describe('segmentation', () => {
  it('splits lines and blocks, blank lines separate blocks', () => {
    const text = '标题\n\n第一段\n续行\n \u3000\n尾';
    const lines = splitLines(text);
    assert.deepStrictEqual(lines.map((l) => l.text), ['标题', '', '第一段', '续行', ' \u3000', '尾']);
    assert.deepStrictEqual(lines.map((l) => l.blank), [false, true, false, false, true, false]);
    const { blocks, blockOfLine } = splitBlocks(lines);
    assert.deepStrictEqual(blocks.map((b) => [b.first, b.last]), [[0, 0], [2, 3], [5, 5]]);
    assert.deepStrictEqual(blockOfLine, [0, -1, 1, 1, -1, 2]);
  });
});
