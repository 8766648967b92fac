import { ruleTable, findingsOf } from '../../ruleTester';
import { scriptDocument } from '../../../server/src/engine/rules/script/document';
import { scriptMixedLine } from '../../../server/src/engine/rules/script/mixed-line';
import { scriptOf, toSimplified, toTraditional, classifyChar } from '../../../server/src/engine/convert';
import { applyEdits, clean } from '../../../server/src/engine';
import * as assert from 'assert';

const ASTRAL = '𠮷';

describe('convert.ts', () => {
  it('converts both ways', () => {
    assert.strictEqual(toSimplified('關鍵會議'), '关键会议');
    assert.strictEqual(toTraditional('关键会议'), '關鍵會議');
  });
  it('judges script by script-specific characters', () => {
    assert.strictEqual(scriptOf('我區召開疫情防控工作專題匯報會議'), 'traditional');
    assert.strictEqual(scriptOf('我区召开疫情防控工作专题汇报会议'), 'simplified');
    assert.strictEqual(scriptOf('我区召开疫情防控工作專題匯報會議，进一步强化'), 'mixed');
  });
  it('characters valid in both scripts count for neither', () => {
    for (const ch of '著台里于吃乾峰群后干') assert.strictEqual(classifyChar(ch), 0, ch);
    assert.strictEqual(classifyChar('會'), 1);
    assert.strictEqual(classifyChar('会'), 2);
  });
  it('a Traditional text with 公里, 台灣, 吃飯, 著名 is Traditional, not mixed', () => {
    assert.strictEqual(scriptOf('台灣著名的山峰距離這裡三公里，我們在那裡吃飯，于是皇后來了。'), 'traditional');
  });
});

ruleTable('script/document', scriptDocument, {
  valid: ['', 'Only English text here.', '12345'],
  invalid: [
    { text: '熱門關鍵詞\n我區召開會議', spans: ['熱門關鍵詞'], output: '热门关键词\n我区召开会议' },
    { text: '  热门关键词  \n我区召开会议', spans: ['热门关键词'], output: '  熱門關鍵詞  \n我區召開會議' },
    { text: `\n${ASTRAL}我区召开会议\r\n`, spans: [`${ASTRAL}我区召开会议`] },
  ],
});

describe('script/document evidence and fixes', () => {
  const t = '我区召开疫情防控工作专题汇报会议，進一步強化防控工作會議';
  const [f] = findingsOf(scriptDocument, t);
  it('evidence[0] names the script', () => assert.strictEqual(f.evidence?.[0], 'mixed'));
  it('offers both conversions', () => {
    assert.deepStrictEqual(f.fixes?.map((x) => x.title), ['Convert to Simplified', 'Convert to Traditional']);
    assert.strictEqual(applyEdits(t, f.fixes![0].edits), '我区召开疫情防控工作专题汇报会议，进一步强化防控工作会议');
  });
  it('clean() leaves the script alone', () => assert.strictEqual(clean(t, { rules: [scriptDocument, scriptMixedLine] }), t));
});

ruleTable('script/mixed-line', scriptMixedLine, {
  valid: [
    '我區召開疫情防控工作專題匯報會議',
    '我区召开疫情防控工作专题汇报会议',
    '台灣著名的山峰距離這裡三公里',
    '區里的会议', // one of each: not enough
  ],
  invalid: [
    { text: '进一步強化常态化精準防控', spans: ['进一步強化常态化精準防控'], output: '進一步強化常態化精準防控' }, // a tie: Traditional first
    { text: '會議開始，发现问题并且处理', output: '会议开始，发现问题并且处理' },

    { text: '第一行\r\n  我區召開會議，进一步强化防控  \r\n', spans: ['我區召開會議，进一步强化防控'], output: '第一行\r\n  我區召開會議，進一步強化防控  \r\n' },
    { text: `${ASTRAL}會議開始，发现问题`, spans: [`${ASTRAL}會議開始，发现问题`] },
  ],
});
