import { ruleTable } from '../../ruleTester';
import { pinyinAnnotation } from '../../../server/src/engine/rules/artifact/pinyin-annotation';
import { doubledPunctuation } from '../../../server/src/engine/rules/artifact/doubled-punctuation';
import { separatorInsertion } from '../../../server/src/engine/rules/artifact/separator-insertion';
import { lostCharacter } from '../../../server/src/engine/rules/artifact/lost-character';
import { htmlEntity } from '../../../server/src/engine/rules/artifact/html-entity';
import { htmlTag } from '../../../server/src/engine/rules/artifact/html-tag';
import { invisibleCharacter } from '../../../server/src/engine/rules/artifact/invisible-character';
import { mojibake } from '../../../server/src/engine/rules/artifact/mojibake';
import { artifactRules } from '../../../server/src/engine/rules/artifact';
import * as assert from 'assert';
import { clean } from '../../../server/src/engine';
import * as fs from 'fs';
import * as path from 'path';

const ASTRAL = '𠮷'; // U+20BB7, two UTF-16 units

ruleTable('artifact/pinyin-annotation', pinyinAnnotation, {
  valid: [
    '本網昌都12月7日電(記者 劉倩茹 次珍)7日上午',
    '全省八个县(市)完成了任务',
    '美国国家航空航天局(NASA)发布消息',
    '该公司(Apple)发布新品',
    '水没(mo)到了膝盖', // an author's reading hint for a polyphonic character
    '见附件(a)和附件(b)',
    '陈(Chen)先生',
  ],
  invalid: [
    { text: '熱門關(guān)鍵詞', spans: ['(guān)'], output: '熱門關鍵詞' },
    { text: '烟(yan)台市', spans: ['(yan)'], output: '烟台市' },
    { text: '烟台(yān tái)市', spans: ['(yān tái)'], output: '烟台市' },
    { text: '我區(qū)召開會(huì)議', count: 2, output: '我區召開會議' },
    { text: '全（quán）國', spans: ['（quán）'], output: '全國' },
    { text: '綠(lü4)色', spans: ['(lü4)'], output: '綠色' },
    { text: '关(guan1)键', output: '关键' },
    { text: `${ASTRAL}字關(guān)鍵`, spans: ['(guān)'], output: `${ASTRAL}字關鍵` },
    { text: '第一行\r\n關(guān)鍵\r\n', spans: ['(guān)'], output: '第一行\r\n關鍵\r\n' },
    // three or more annotations: the page does it on purpose, so reading hints go too
    { text: '水没(mò)到了，我區(qū)召開會(huì)議(yì)', count: 4, output: '水没到了，我區召開會議' },
    // seed-003, first line
    { text: '陳永奇在全區(qū)新冠肺炎疫情防控工作電視電話會(huì)議上強(qiáng)調(diào)', count: 4, output: '陳永奇在全區新冠肺炎疫情防控工作電視電話會議上強調' },
  ],
});

ruleTable('artifact/doubled-punctuation', doubledPunctuation, {
  valid: [
    '他说……然后走了',
    '这是——我的家',
    '太好了!!真的吗?!',
    '真的吗？！',
    '解决了。。',
    'call f(a,,b) now',
    '费用1,,000元', // after a digit: not ours
    '召開。區黨委',
  ],
  invalid: [
    { text: '電視電話會議召開,。區黨委', spans: [','], output: '電視電話會議召開。區黨委' },
    { text: '陳永奇,,自治區副主席', spans: [','], output: '陳永奇,自治區副主席' },
    { text: '進出藏人員增多,。他要求', output: '進出藏人員增多。他要求' },
    { text: '機場,、火車站,、檢查站', count: 2, output: '機場、火車站、檢查站' },
    { text: '联动(dòng),,密切', spans: [','], output: '联动(dòng),密切' },
    { text: '生日，，他目前', output: '生日，他目前' },
    { text: `${ASTRAL}字,,好`, spans: [','], output: `${ASTRAL}字,好` },
    { text: '第一行\r\n召開,。\r\n', spans: [','], output: '第一行\r\n召開。\r\n' },
    // seed-003: the whole sentence
    {
      text: '會后,隨即召開全區新冠肺炎疫情防控工作電視電話會議,,貫徹落實全國會議精神,,全面安排部署我區當前及元旦、春節、藏歷新年疫情防控工作,。陳永奇講話,,羅梅主持。',
      count: 4,
      output: '會后,隨即召開全區新冠肺炎疫情防控工作電視電話會議,貫徹落實全國會議精神,全面安排部署我區當前及元旦、春節、藏歷新年疫情防控工作。陳永奇講話,羅梅主持。',
    },
  ],
});

ruleTable('artifact/separator-insertion', separatorInsertion, {
  valid: [
    '一心一意为人民服务',
    '统一一下口径',
    '艾尔肯·吐尼亚孜出席会议',
    '京|津|冀|晋|蒙|辽|吉|黑|沪|苏|浙',
    '京-津-冀-晋-蒙-辽-吉-黑-沪',
    '2021-10-04 发布',
    '彩票中心发布公告',
  ],
  invalid: [
    { text: '国产性一交一无一码视频', spans: ['性一交', '无一码'] },
    { text: '网上赌*博平台', spans: ['赌*博'] },
    { text: '六_合_彩开奖', spans: ['六_合_彩'] },
    { text: '正规博 彩网站', spans: ['博 彩'] },
    { text: `${ASTRAL}赌＊博`, spans: ['赌＊博'] },
    { text: '第一行\r\n赌*博\r\n', spans: ['赌*博'], output: '第一行\r\n赌*博\r\n' }, // flag only
  ],
});

ruleTable('artifact/lost-character', lostCharacter, {
  valid: [
    '你好吗?我很好',
    '肉桂怎么吃?肉桂有什么功效?',
    '会不会引起脑卒中?通过手术可以治疗',
    'What? Yes.',
    '这是什么??',
  ],
  invalid: [
    { text: '广州\ufffd\ufffd通信', spans: ['\ufffd\ufffd'], output: '广州\ufffd\ufffd通信' },
    { text: '我们在??市开会', spans: ['??'] },
    { text: '他来自广州?通信公司', spans: ['?'] },
    { text: `${ASTRAL}\ufffd字`, spans: ['\ufffd'] },
    { text: '第一行\r\n丢\ufffd失\r\n', spans: ['\ufffd'] },
  ],
});

ruleTable('artifact/html-entity', htmlEntity, {
  valid: ['A & B 公司', '价格&折扣', '&unknownthing; 保留', '<p>&nbsp;</p>'],
  invalid: [
    { text: '记者&nbsp;张三', spans: ['&nbsp;'], output: '记者 张三' },
    { text: '卢卡&middot;东契奇', output: '卢卡·东契奇' },
    { text: 'A&amp;B公司', output: 'A&B公司' },
    { text: '&#20013;国&#x4E2D;', count: 2, output: '中国中' },
    { text: '双重&amp;nbsp;转义', spans: ['&amp;nbsp;'], output: '双重 转义' },
    { text: '零宽&#8203;字符', output: '零宽字符' },
    { text: '&#134071;字', output: `${ASTRAL}字` },
    { text: `${ASTRAL}&amp;字`, spans: ['&amp;'], output: `${ASTRAL}&字` },
    { text: '第一行\r\n甲&nbsp;乙\r\n', output: '第一行\r\n甲 乙\r\n' },
  ],
});

ruleTable('artifact/html-tag', htmlTag, {
  valid: [
    '<style id="utfaj"></style>',
    '      <noscript id="utfaj"><meter id="utfaj"></meter></noscript><rp id="utfaj"><tbody id="utfaj"></tbody></rp>',
    '如果 a < b 且 b > c 则成立',
    '如果 x<y 且 y>z 则成立',
    '<未来>是一部小说',
    '> 项目架构 ![](http://example.com/a.png) <img src="http://example.com/b.png" width="50"/> 说明',
  ],
  invalid: [
    { text: '会议强调<br/>要坚持底线思维', spans: ['<br/>'], output: '会议强调要坚持底线思维' },
    { text: '<span class="author">记者</span>张三报道，今天天气很好', count: 2, output: '记者张三报道，今天天气很好' },
    { text: '正文内容<!-- ad -->继续正文内容', output: '正文内容继续正文内容' },
    { text: `${ASTRAL}字</p><p>下一段文字`, output: `${ASTRAL}字下一段文字` },
    { text: '第一行\r\n甲<br>乙丙丁戊\r\n', output: '第一行\r\n甲乙丙丁戊\r\n' },
  ],
});

ruleTable('artifact/invisible-character', invisibleCharacter, {
  valid: ['普通文本', '👨\u200d👩\u200d👧 一家人', 'tab\tseparated'],
  invalid: [
    { text: '防\u200b控工作', spans: ['\u200b'], output: '防控工作' },
    { text: '\ufeff标题', output: '标题' },
    { text: '花蛤\u0007\u0007\u0006、蛤蜊', spans: ['\u0007\u0007\u0006'], output: '花蛤、蛤蜊' },
    { text: `${ASTRAL}\u200b\u2060字`, spans: ['\u200b\u2060'], output: `${ASTRAL}字` },
    { text: '第一行\r\n甲\u200b乙\r\n', output: '第一行\r\n甲乙\r\n' },
  ],
});

describe('artifact rules on the seed pages', () => {
  const seeds = path.join(__dirname, '../../../../../shared/corpus/dev/seeds');
  for (const id of ['seed-002', 'seed-003', 'seed-004']) {
    const file = path.join(seeds, id + '.txt');
    (fs.existsSync(file) ? it : it.skip)(`${id}: repaired content lines equal the gold clean text`, () => {
      const raw = fs.readFileSync(file, 'utf8').split('\n');
      const labels = fs.readFileSync(path.join(seeds, id + '.labels'), 'utf8').split('\n');
      const content = raw.filter((_, i) => labels[i] === 'C').join('\n');
      const repaired = clean(content, { rules: artifactRules, categories: ['artifact'] });
      const gold = fs.readFileSync(path.join(seeds, id + '.clean.txt'), 'utf8');
      const norm = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
      assert.strictEqual(norm(repaired), norm(gold));
    });
  }
});

ruleTable('artifact/mojibake', mojibake, {
  valid: ['关于我们的新闻中心', '我區召開疫情防控工作專題匯報會議', '噢，鄄城的新闻'],
  invalid: [
    { text: '鍏充簬鎴戜滑', spans: ['鍏充簬鎴戜滑'], output: '鍏充簬鎴戜滑' }, // flag only
    { text: `${ASTRAL}标题：鍏充簬`, spans: ['鍏充簬'] },
    { text: '第一行\r\n鍏充簬鎴戜滑\r\n', spans: ['鍏充簬鎴戜滑'] },
  ],
});
