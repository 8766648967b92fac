/**
 * boilerplate/context keeps a hard-wrapped run's verdict with the record of its first line's text (wrapMemo):
 * the answer must follow the run's texts, not leak from another document whose run starts with the same line.
 */
import * as assert from 'assert';
import { analyze, buildContext } from '../../server/src/engine';
import { mainText } from '../../server/src/engine/rules/boilerplate/context';

// a long line that does not end a sentence, then a line that ends the sentence (A) or not (B)
const X = '今天上午市政府召开专题会议研究部署夏季防汛工作并要求各区县';
const Y = '压实责任做好准备。';
const Z = '压实责任做好准备';
const REST = ['会议指出,今年汛期降雨偏多,各地要提前转移危险区域群众,做好物资储备和应急演练,坚决防止发生重大险情。', '责任编辑:王明'];
const A = [X, Y, ...REST].join('\n');
const B = [X, Z, ...REST].join('\n');

function paras(text: string): boolean[] {
  return mainText(buildContext(text)).infos.map((x) => x.para);
}

describe('boilerplate/context memo of hard-wrapped runs', () => {
  it('a run is judged by all of its texts: A (a sentence) and B (none) start with the same line', () => {
    const b1 = paras(B);
    const a = paras(A);
    const b2 = paras(B);
    assert.deepStrictEqual(a.slice(0, 2), [true, true]);
    assert.deepStrictEqual(b1.slice(0, 2), [false, false]);
    assert.deepStrictEqual(b2, b1);
    assert.deepStrictEqual(paras(A), a);
  });

  it('analyze(B) after analyze(A) = analyze(B) before it', () => {
    const before = JSON.stringify(analyze(B));
    analyze(A);
    assert.strictEqual(JSON.stringify(analyze(B)), before);
  });
});
