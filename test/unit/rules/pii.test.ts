import { ruleTable } from '../../ruleTester';
import { email } from '../../../server/src/engine/rules/pii/email';
import { url } from '../../../server/src/engine/rules/pii/url';
import { idCard } from '../../../server/src/engine/rules/pii/id-card';
import { mobile } from '../../../server/src/engine/rules/pii/mobile';
import { phone } from '../../../server/src/engine/rules/pii/phone';
import { piiRules } from '../../../server/src/engine/rules/pii';
import { clean } from '../../../server/src/engine';
import * as assert from 'assert';

const ASTRAL = '𠮷';

ruleTable('pii/email', email, {
  valid: ['请发邮件联系我们', '用户名@小明', 'a@b', '价格 5@10元'],
  invalid: [
    { text: '投稿邮箱:ldzjw@foxmail.com', spans: ['ldzjw@foxmail.com'], output: '投稿邮箱:[EMAIL]' },
    { text: '联系yueyan.chen@tiancity.com。', spans: ['yueyan.chen@tiancity.com'], output: '联系[EMAIL]。' },
    { text: `${ASTRAL}邮箱 a.b+c@mail.example.cn`, spans: ['a.b+c@mail.example.cn'] },
    { text: '第一行\r\n邮箱:kf@people.cn\r\n', spans: ['kf@people.cn'], output: '第一行\r\n邮箱:[EMAIL]\r\n' },
  ],
});

ruleTable('pii/url', url, {
  valid: ['访问我们的网站了解更多', 'version 1.2.3', 'http://', 'www.'],
  invalid: [
    { text: '详见https://example.com/a?id=1。', spans: ['https://example.com/a?id=1'], output: '详见[URL]。' },
    { text: '网址:www.xiongan.gov.cn，欢迎访问', spans: ['www.xiongan.gov.cn'] },
    { text: '(见 http://example.com/wiki/A_(B))', spans: ['http://example.com/wiki/A_(B)'] },
    { text: `${ASTRAL} http://example.org/x.`, spans: ['http://example.org/x'] },
    { text: '第一行\r\nhttp://example.org\r\n', spans: ['http://example.org'] },
  ],
});

ruleTable('pii/id-card', idCard, {
  valid: [
    '订单号110105194912310021', // 18 digits, bad checksum
    '编号123456789012345678',
    '流水号1101051949123100211', // 19 digits
    '日期 2021-10-04',
  ],
  invalid: [
    { text: '身份证号11010519491231002X', spans: ['11010519491231002X'], output: '身份证号[ID]' },
    { text: '身份证：11010519491231002x。', spans: ['11010519491231002x'] },
    { text: `${ASTRAL}11010519491231002X`, spans: ['11010519491231002X'] },
    { text: '第一行\r\n11010519491231002X\r\n', output: '第一行\r\n[ID]\r\n' },
  ],
});

ruleTable('pii/mobile', mobile, {
  valid: [
    '编号123138123456789', // inside a longer run
    '订单号11010519491231002X',
    '日期 2021-10-04',
    '电话12345678901', // 12x is not a mobile prefix
    '人口13812345678900',
  ],
  invalid: [
    { text: '手机:13853306319', spans: ['13853306319'], output: '手机:[PHONE]' },
    { text: '联系电话 138-1234-5678 张先生', spans: ['138-1234-5678'] },
    { text: '+86 13812345678', spans: ['+86 13812345678'] },
    { text: `${ASTRAL}15238691497`, spans: ['15238691497'] },
    { text: '第一行\r\n18122015068\r\n', output: '第一行\r\n[PHONE]\r\n' },
  ],
});

ruleTable('pii/phone', phone, {
  valid: [
    '日期 2021-10-04',
    '2021-10-04 10:30',
    '共计 12345678 元',
    '编号 0123',
    'ISBN 978-7-02-008120-0',
  ],
  invalid: [
    { text: '电话:0433—8157607', spans: ['0433—8157607'], output: '电话:[PHONE]' },
    { text: '举报电话:010-12345678', spans: ['010-12345678'] },
    { text: '电话(021)5555-1234', spans: ['(021)5555-1234'] },
    { text: '热线400-660-0108', spans: ['400-660-0108'] },
    { text: '总机 010-65363263转8001', spans: ['010-65363263转8001'] },
    { text: `${ASTRAL}020-87373397`, spans: ['020-87373397'] },
    { text: '第一行\r\n020-87373397\r\n', output: '第一行\r\n[PHONE]\r\n' },
  ],
});

describe('pii rules and clean()', () => {
  it('clean() never redacts personal data', () => {
    const text = '邮箱 kf@people.cn 电话 010-12345678 手机 13853306319';
    assert.strictEqual(clean(text, { rules: piiRules }), text);
  });
});
