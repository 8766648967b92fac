/**
 * boilerplate/context: where the main text is — the headline anchor, rows of links, forum threads,
 * the end of an article. Examples written for these tests (no crawled page is copied here).
 */
import * as assert from 'assert';
import { findingsOf } from '../../ruleTester';
import { boilerplateRules } from '../../../server/src/engine/rules/boilerplate';
import { linkList } from '../../../server/src/engine/rules/boilerplate/context';

const HEADLINE = '市政府部署夏季防汛工作';
const BODY = '市政府昨天召开常务会议,研究部署今年夏季防汛工作,要求各区县压实责任、加强巡查,确保群众生命财产安全。';
const BODY2 = '会议指出,今年汛期降雨偏多,各地要提前转移危险区域群众,做好物资储备和应急演练,坚决防止发生重大险情。';
const BODY3 = '会议要求,各级防汛指挥机构实行二十四小时值班,遇到强降雨天气时领导干部到岗带班,信息及时上报。';

/** The text of every boilerplate/context finding of `lines`, one per line. */
function flagged(lines: string[]): { text: string; got: string } {
  const text = lines.join('\n');
  const got = findingsOf(boilerplateRules, text, 'boilerplate/context').map((f) => text.slice(f.start, f.end)).join('\n');
  return { text, got };
}

function assertKept(got: string, keep: string[]) {
  for (const k of keep) assert.ok(!got.includes(k), `flagged: ${k}\n--- findings:\n${got}`);
}
function assertFlagged(got: string, drop: string[]) {
  for (const d of drop) assert.ok(got.includes(d), `kept: ${d}\n--- findings:\n${got}`);
}

describe('boilerplate/context: rows of links', () => {
  it('linkList: a row of site names is a row of links; a verse or a sentence is not', () => {
    assert.ok(linkList('市政府门户网 市人大常委会网 市政协网 市人民检察院阳光检务网 市中级人民法院网'));
    assert.ok(linkList('教程首页 《入门 Web 开发实战》 《进阶 Web 开发实战》 《商城项目实战》'));
    assert.ok(!linkList('床前明月光 疑是地上霜 举头望明月 低头思故乡 一二三四五'.slice(0, 23)));
    assert.ok(!linkList('市政府昨天召开常务会议 研究部署今年夏季防汛工作, 要求各区县压实责任 加强巡查 确保安全'));
    assert.ok(!linkList('export http_proxy=http://127.0.0.1:8080 export https_proxy=http://127.0.0.1:8080 a b c'));
  });
  it('a long row of links above the headline is not the article', () => {
    const row = '市政府门户网站 市人大常委会网站 市政协门户网站 市人民检察院阳光检务网 市中级人民法院网 市公安局网上办事大厅 市教育局信息公开网 市卫生健康委员会网站';
    const { got } = flagged([`${HEADLINE}_要闻_某某日报网`, '首页', '新闻', row, row.replace(/市/g, '县'), '新闻 > 要闻', HEADLINE, '2024-05-15 10:00 来源:某某网', BODY, BODY2, BODY3]);
    assertFlagged(got, [row]);
    assertKept(got, [BODY, BODY2, BODY3]);
  });
});

describe('boilerplate/context: the headline anchor', () => {
  it('the main text starts under the repeated title, not in a site blurb above it', () => {
    const blurb = '某某日报网是经批准的重点新闻网站,每天发布本地要闻、国内国际新闻和便民服务信息,欢迎广大读者提供新闻线索。';
    const { got } = flagged([`${HEADLINE}_要闻_某某日报网`, blurb, '当前位置:首页', HEADLINE, '发布时间:2024-05-15', BODY, BODY2]);
    assertFlagged(got, [blurb]);
    assertKept(got, [HEADLINE, BODY, BODY2]);
  });
});
