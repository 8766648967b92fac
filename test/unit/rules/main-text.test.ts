/**
 * boilerplate/context: where the main text is — the headline anchor, rows of links, forum threads,
 * the end of an article. Examples written for these tests (no crawled page is copied here).
 */
import * as assert from 'assert';
import { findingsOf, ruleTable } from '../../ruleTester';
import { boilerplateRules } from '../../../server/src/engine/rules/boilerplate';
import { endCue, linkList, truncated } from '../../../server/src/engine/rules/boilerplate/context';
import { leadExcerpt } from '../../../server/src/engine/rules/boilerplate/lead-excerpt';
import { postHeader } from '../../../server/src/engine/rules/boilerplate/thread';
import { lineShape } from '../../../server/src/engine/rules/boilerplate/common';

const HEADLINE = '市政府部署夏季防汛工作';
const BODY = '市政府昨天召开常务会议,研究部署今年夏季防汛工作,要求各区县压实责任、加强巡查,确保群众生命财产安全。';
const BODY2 = '会议指出,今年汛期降雨偏多,各地要提前转移危险区域群众,做好物资储备和应急演练,坚决防止发生重大险情。';
const BODY3 = '会议要求,各级防汛指挥机构实行二十四小时值班,遇到强降雨天气时领导干部到岗带班,信息及时上报。';
const MORE = [
  '气象部门预计,今年主汛期全市降水量较常年偏多两成左右,局地可能出现极端强降雨,防汛形势不容乐观。',
  '水务部门已完成全部中小水库的汛前检查,对发现的隐患逐一登记造册,明确整改责任人和完成时限。',
  '应急管理部门组织开展了跨区域联合演练,检验了抢险队伍的快速集结能力和物资调运能力。',
  '住建部门对在建工地的深基坑、高支模和临时用房进行排查,要求施工单位落实汛期停工避险措施。',
  '交通部门对易积水路段设置警示标志,并在暴雨期间安排专人值守,必要时实施临时交通管制。',
];

/** The text of every boilerplate finding of `lines` (the page's verdict), one per line. */
function flagged(lines: string[]): { text: string; got: string } {
  const text = lines.join('\n');
  // the page-level listing verdict (boilerplate/listing-page) is left out: these pages are short on purpose
  const got = findingsOf(boilerplateRules, text).filter((f) => f.rule !== 'boilerplate/listing-page').map((f) => text.slice(f.start, f.end)).join('\n');
  return { text, got };
}

/** `keep` lines are not flagged (a short line only counts when a whole flagged line is that line). */
function assertKept(got: string, keep: string[]) {
  const lines = got.split('\n');
  for (const k of keep) assert.ok(!lines.some((l) => l === k.trim() || (k.length >= 15 && l.includes(k))), `flagged: ${k}\n--- findings:\n${got}`);
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

describe('boilerplate/context: forum threads', () => {
  it('postHeader: a name and a time is a post header; an article source or a year range is not', () => {
    const h = (t: string) => postHeader(lineShape(t));
    assert.deepStrictEqual(h('阿明 | 3天前'), { named: true });
    assert.deepStrictEqual(h('小雨 #4 2 月前'), { named: true });
    assert.deepStrictEqual(h('2周前 评论'), { named: false });
    assert.deepStrictEqual(h('发表于 2023-9-2 08:15:33 | 只看该作者 来自 - 江西'), { named: false });
    assert.deepStrictEqual(h('2023年10月2日星期一 13点56分'), { named: false });
    assert.strictEqual(h('2023-05-12 17:19 来源:某某日报'), undefined);
    assert.strictEqual(h('2023-05-12 17:19·某某通讯社'), undefined);
    assert.strictEqual(h('2024-05-24 14:56:18 广告'), undefined);
    assert.strictEqual(h('(一)1921-1949年:新民主主义革命时期'), undefined);
    assert.strictEqual(h('2023-05-12 市政府召开常务会议研究部署今年夏季防汛工作和城市安全生产'), undefined);
  });

  it('header-style thread: short replies and a code line are post text; headers, separators and the menu are not', () => {
    const { got } = flagged([
      '打印机脱机怎么办 - 某某技术社区',
      '首页', '问答', '文章', '专栏', '登录', '注册',
      '打印机脱机怎么办',
      '阿明 | 积分 83 | 3天前',
      '办公室的打印机总是显示脱机',
      'net stop spooler && net start spooler',
      '分享 关注问题 写回答',
      '小雨 | 2天前',
      '重启打印服务',
      '|',
      '阿明 [作者] | 2天前',
      '好了 谢谢',
      '|',
      '老周 | 1天前',
      '哈哈',
      '|',
      '没有更多了',
    ]);
    assertKept(got, ['打印机脱机怎么办', '办公室的打印机总是显示脱机', 'net stop spooler', '重启打印服务', '好了 谢谢', '哈哈']);
    assertFlagged(got, ['首页', '阿明 | 积分 83 | 3天前', '小雨 | 2天前', '老周 | 1天前', '分享 关注问题 写回答']);
  });

  it('footer-style thread: the text above `N周前 评论` is a reply; user cards and names are not', () => {
    const post = (name: string, card: string, says: string[]) => [name, card, ...says, '2周前 评论', '评论', '举报'];
    const { got } = flagged([
      '网线接口松动 | 某某社区',
      '首页', '话题', '招聘',
      '网线接口松动',
      '阿明 的个人博客 / 120 / 3 / 创建于 2周前',
      '水晶头没压紧',
      'ping 192.168.1.1 -t',
      '举报',
      ...post('小雨', '版主 2.3k 声望', ['换个水晶头试试', '压线钳要用力']),
      ...post('老周', '读者 58 声望', ['我也遇到过！']),
      ...post('阿强', '读者 12 声望', ['用测线仪看看']),
      '请勿发布不友善的内容',
    ]);
    assertKept(got, ['水晶头没压紧', 'ping 192.168.1.1 -t', '换个水晶头试试', '压线钳要用力', '我也遇到过！', '用测线仪看看']);
    assertFlagged(got, ['版主 2.3k 声望', '读者 58 声望', '2周前 评论', '首页']);
  });

  it('comments under an article are not post text', () => {
    const comment = (name: string, when: string, says: string) => [name, when, says, '回复', '举报'];
    const { got } = flagged([
      `${HEADLINE}_要闻_某某日报网`,
      HEADLINE,
      '2024-05-15 10:00 来源:某某日报',
      BODY, BODY2, BODY3, ...MORE,
      '全部评论 3',
      ...comment('网友甲', '3天前', '说得好'),
      ...comment('网友乙', '2天前', '支持一下'),
      ...comment('网友丙', '1天前', '早该这样了'),
    ]);
    assertKept(got, [BODY, BODY2, BODY3]);
    assertFlagged(got, ['说得好', '支持一下', '早该这样了']);
  });

  it('a list of dated headlines is not a thread', () => {
    const { got } = flagged([
      `${HEADLINE}_要闻_某某日报网`,
      HEADLINE, BODY, BODY2, BODY3,
      '相关新闻',
      '2024-05-14 09:30', '全市启动汛前安全大检查',
      '2024-05-13 16:20', '气象台发布暴雨蓝色预警',
      '2024-05-12 08:00', '水库除险加固工程全部完工',
    ]);
    assertKept(got, [BODY, BODY2, BODY3]);
    assertFlagged(got, ['全市启动汛前安全大检查', '气象台发布暴雨蓝色预警']);
  });
});

describe('boilerplate/context: where an article ends', () => {
  it('endCue: short headers of "other / related" lists', () => {
    for (const t of ['王小明的其他文章', '作者的其它作品', '作者其他文章', '相关问题', '更多文章>>', '热门推荐：']) assert.ok(endCue(t), t);
    for (const t of ['其他', '更多回答', '相关部门的其他工作安排已经落实到位', '推荐理由', HEADLINE]) assert.ok(!endCue(t), t);
  });
  it('a list of dated headlines after `某某的其他文章` is not content', () => {
    const items = ['家用投影仪选购指南 2023-04-28 08:03', '入门级无人机横评 2023-04-27 17:50', '降噪耳机价格再创新低 2023-04-26 09:21', '平板电脑开学季促销 2023-04-25 05:20'];
    const { got } = flagged([`${HEADLINE}`, '作者: 王小明', BODY, BODY2, BODY3, '12 16:39', '12 15:22', '王小明的其他文章', ...items]);
    assertKept(got, [HEADLINE, BODY, BODY2, BODY3]);
    assertFlagged(got, ['王小明的其他文章', ...items, '12 16:39']);
  });
});

describe('boilerplate/context: cut-off teasers', () => {
  it('truncated: dots or a lone … after a word; not the Chinese ellipsis of prose', () => {
    assert.ok(truncated('据介绍,新建的体育公园将于年底前向市民免费开放,届时......'));
    assert.ok(truncated('市民可以通过手机预约入园,每天限流三千人...'));
    assert.ok(truncated('全市中小学将推迟半小时上课…'));
    assert.ok(!truncated('他想了想,说:“我……”'));
    assert.ok(!truncated('会议指出,今年汛期降雨偏多……'));
    assert.ok(!truncated(BODY));
  });
  it('headline + cut-off excerpt pairs after the article are a list, not a second article', () => {
    const teasers = [
      '体育公园年底开放',
      '新建的体育公园占地三百亩,设有足球场、篮球场和环湖跑道,将于年底前向市民免费开放,园区管理方表示......',
      '地铁三号线试运行',
      '地铁三号线全长二十八公里,设站二十一座,试运行期间将进行列车运行图测试和应急演练,正式开通时间......',
      '老旧小区加装电梯',
      '今年全市计划为一千栋老旧住宅加装电梯,符合条件的居民可以向街道提出申请,财政将按每台给予补贴......',
    ];
    const { got } = flagged([HEADLINE, BODY, BODY2, '标签: 防汛 会议', '上一篇: 全市开展汛前检查', ...teasers]);
    assertKept(got, [HEADLINE, BODY, BODY2]);
    assertFlagged(got, [teasers[1], teasers[3], teasers[5]]);
  });
});

ruleTable('boilerplate/lead-excerpt', leadExcerpt, {
  valid: [
    `${HEADLINE}\n${BODY}\n${BODY2}`,
    // a headline repeated at the start of a line is not an excerpt
    `${HEADLINE}\n${HEADLINE}:${BODY}`,
    // too short to tell
    `会议指出,今年汛期\n会议指出,今年汛期降雨偏多。`,
  ],
  invalid: [
    {
      text: `${HEADLINE}\n${BODY2.slice(0, 34)}...\n${BODY2}\n${BODY}`,
      spans: [`${BODY2.slice(0, 34)}...`],
      output: `${HEADLINE}\n${BODY2}\n${BODY}`,
    },
    { text: `${HEADLINE}\n${BODY2.slice(0, 40)}\n图片来源:网络\n${BODY2}`, count: 1 },
  ],
});

describe('boilerplate/context: a short first line is the title', () => {
  it('the first line of the page is kept as the headline above an excerpt', () => {
    const { got } = flagged(['野炊攻略', `${BODY2.slice(0, 34)}...`, BODY2, BODY, '上一篇: 露营装备清单 下一篇: 山地徒步']);
    assertKept(got, ['野炊攻略', BODY, BODY2]);
  });
});

describe('boilerplate/context: two-post threads and menus of titles', () => {
  it('a question with one answer (Discuz style) is a thread: both posts kept, user cards flagged', () => {
    const card = (name: string, n: number) => [name, `${name} 当前离线`, '积分', String(n), '帖子', String(n), '新手上路', '发消息'];
    const { got } = flagged([
      '显卡驱动装不上怎么办 - 求助专区 - 某某游戏论坛 - Powered by Discuz!',
      '论坛首页', '游戏下载', '充值中心', '搜索',
      '显卡驱动装不上怎么办',
      ...card('云中鹤', 5),
      '楼主',
      '发表于 2023-9-2 08:15:33 | 只看该作者 来自 - 江西',
      '新买的电脑装显卡驱动一直提示失败',
      '回复', '举报',
      ...card('路过的', 8),
      '沙发',
      '发表于 2 天前 | 只看该作者 来自 - 湖南',
      '先把旧驱动卸载干净再装',
      '回复', '举报',
      '返回列表',
    ]);
    assertKept(got, ['显卡驱动装不上怎么办', '新买的电脑装显卡驱动一直提示失败', '先把旧驱动卸载干净再装']);
    assertFlagged(got, ['云中鹤 当前离线', '路过的 当前离线', '论坛首页']);
  });
  it('a long menu of book titles above the headline is flagged', () => {
    const menu = 'Web 教程首页 《L01 Web 开发入门 Laravel》 《L02 Web 开发进阶 Laravel》 《L03 API 开发 Laravel》 《L04 Vue.js 入门》';
    const { got } = flagged([`${HEADLINE}_要闻_某某日报网`, menu, '首页', HEADLINE, BODY, BODY2, BODY3]);
    assertFlagged(got, [menu, '首页']);
    assertKept(got, [HEADLINE, BODY, BODY2, BODY3]);
  });
});

describe('boilerplate/context: the headline anchor inside the stretch', () => {
  it('a row of links with a few long names is still a row of links', () => {
    assert.ok(linkList('市政府门户网 市人大 市政协 市检察院 市法院 市公安局 市教育局 市卫生健康委员会国有资产监督管理办公室网站'));
  });
  it('the title repeated in a box after the article does not cut the article off', () => {
    const long = '会议强调,各地各部门要把防汛工作作为当前的头等大事来抓,主要负责同志要亲自研究部署、亲自检查落实,确保各项措施落到实处,确保人民群众生命财产安全,确保城市运行安全有序,以实际行动迎接汛期考验。';
    const { got } = flagged([`${HEADLINE}_要闻_某某日报网`, HEADLINE, BODY, BODY2, BODY3, '点赞', '收藏', '评论', HEADLINE, long]);
    assertKept(got, [BODY, BODY2, BODY3]);
  });
});

describe('boilerplate/context: around the text', () => {
  it('`上一文章:` / `下一文章:` lines end the article and are flagged', () => {
    const { got } = flagged([HEADLINE, BODY, BODY2, '上一文章:汛前检查全面展开', '下一文章:城区排水管网完成清淤']);
    assertFlagged(got, ['上一文章:汛前检查全面展开', '下一文章:城区排水管网完成清淤']);
    assertKept(got, [HEADLINE, BODY, BODY2]);
  });
  it('a bare time, a number or a link right above the text is no lead-in; a first line with commas is the title', () => {
    const title = '防汛,排涝,抢险这几件事的做法';
    const a = flagged(['30 16:18:34', BODY, BODY2, BODY3]);
    assertFlagged(a.got, ['30 16:18:34']);
    const b = flagged([title, '18', '本文链接:https://blog.example.com/article/details/12345', '版权', BODY, BODY2, BODY3]);
    assertFlagged(b.got, ['18', '本文链接:https://blog.example.com/article/details/12345']);
    assertKept(b.got, [title, BODY]);
  });
  it('a page title repeated cut off under itself: the first line stays', () => {
    const cutTitle = '这是一场参会单位满意度很高的防汛交流会…';
    const { got } = flagged([cutTitle, cutTitle, BODY, BODY2, BODY3]);
    assertKept(got, [BODY]);
    assert.strictEqual(got.split('\n').filter((l) => l === cutTitle).length, 1, got);
  });
});

describe('boilerplate/context: a single post under its headline', () => {
  it('a blog post of commands under `作者 / 创建于 …` is the text, not the archive far below', () => {
    const { got } = flagged([
      '清理 npm 缓存的办法 | 某某技术论坛',
      '首页', '话题', '教程', '登录', '注册',
      '清理 npm 缓存的办法',
      '阿明 的个人博客 / 37 / 0 / 创建于 3个月前',
      '前言#',
      '依赖装不上的时候先清缓存',
      '清理#',
      'npm cache clean --force',
      'rm -rf node_modules',
      'npm install',
      '本作品采用《CC 协议》，转载必须注明作者和本文链接',
      '推荐文章：',
      '文章归档',
      '2 篇 2024 年 5 月 3 篇 2023 年 5 月 5 篇 2023 年 4 月 6 篇 2023 年 3 月 7 篇 2023 年 2 月 8 篇 2023 年 1 月 4 篇 2022 年 12 月 9 篇 2022 年 11 月，共计五十余篇文章',
    ]);
    assertKept(got, ['清理 npm 缓存的办法', '依赖装不上的时候先清缓存', 'npm cache clean --force', 'rm -rf node_modules', 'npm install']);
    assertFlagged(got, ['首页', '文章归档']);
  });
});

describe('boilerplate/context: Flarum-style posts', () => {
  it('the text under `发布 #N …` is kept past a short name line', () => {
    const post = (n: number, who: string, says: string) => [`${n + 10} 天前`, `发布 #${n} 2024年5月${n + 10}日星期三 20点20分`, who, says, '回复', `${who} 回复了此帖`];
    const { got } = flagged([
      '有没有强制登录的插件？ - 某某中文社区',
      '首页', '标签', '登录', '注册',
      '有没有强制登录的插件？',
      ...post(1, '阿明', '访问社区时想让游客先登录才能看帖子,有什么插件可以做到吗?'),
      ...post(2, '小雨', 'composer require some/private-plugin'),
      ...post(3, '阿明', '装好了,可以用,谢谢!'),
      ...post(4, '小雨', '不客气'),
    ]);
    assertKept(got, ['访问社区时想让游客先登录才能看帖子,有什么插件可以做到吗?', 'composer require some/private-plugin', '装好了,可以用,谢谢!']);
    assertFlagged(got, ['发布 #2', '首页']);
  });
});

describe('boilerplate/context: reference sections', () => {
  it('`参考资料` and wiki citations `^ …` after the article are flagged; `注释` is not an end', () => {
    assert.ok(endCue('参考资料') && endCue('外部链接[编辑]') && !endCue('注释'));
    const refs = ['^ 市政府部署防汛工作. 某某日报. 2024-05-15 [2024-05-16].', '^ 跳转到: 2.0 2.1 全市汛前检查通报. 某某网. 2024-05-10.'];
    const { got } = flagged([HEADLINE, BODY, BODY2, BODY3, '参考资料[编辑]', ...refs]);
    assertKept(got, [BODY, BODY2, BODY3]);
    assertFlagged(got, ['参考资料[编辑]', ...refs]);
  });
});

describe('boilerplate/context: long pages', () => {
  it('a thread of 3,000 posts is read in one pass (no spread of all post lines, no scan from the top per finding)', () => {
    const lines = ['路由器掉线 - 某某社区', '首页', '路由器掉线'];
    for (let k = 0; k < 3000; k++) lines.push(`用户${k % 50} | ${(k % 9) + 1}天前`, `第${k}楼的回复内容`, '回复 举报');
    const t0 = Date.now();
    const { got } = flagged(lines);
    assert.ok(Date.now() - t0 < 15000, `took ${Date.now() - t0} ms`);
    assertKept(got, ['第1234楼的回复内容']);
  });
});
