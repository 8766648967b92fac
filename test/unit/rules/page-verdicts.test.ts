/**
 * Page-level verdicts (phase 2): boilerplate/listing-page and spam/spam-page. Pages written for these tests
 * (no corpus lines). Each case runs every boilerplate and spam rule, as `clean` does, and checks the text
 * after the fixes: a junk page is wiped, an article keeps its paragraphs.
 */
import * as assert from 'assert';
import { analyze, buildContext, clean, Finding } from '../../../server/src/engine';
import { listingPage, templated } from '../../../server/src/engine/rules/boilerplate/listing-page';
import { spamPage, shingles, stuffing, seams } from '../../../server/src/engine/rules/spam/spam-page';
import { isFullSentence, pageView } from '../../../server/src/engine/rules/boilerplate/page-evidence';

const CATS = ['boilerplate', 'spam', 'artifact'] as const;

function run(text: string): { findings: Finding[]; output: string } {
  const findings = analyze(text, { categories: [...CATS] });
  return { findings, output: clean(text) };
}

function pageFindings(text: string): Finding[] {
  return run(text).findings.filter((f) => f.rule === listingPage.id || f.rule === spamPage.id);
}

/** Removes nothing but white space from the check: the page is gone. */
function wiped(output: string): boolean {
  return output.replace(/\s/g, '') === '';
}

// ---- junk pages ----

const TEASERS = [
  '茶叶知识大全',
  '本栏目共收录茶叶文章56篇',
  '绿茶的冲泡方法有哪些讲究',
  '很多人都喜欢在闲暇时泡上一杯绿茶，但是绿茶的冲泡其实很有讲究，水温太高会把茶叶烫熟，下面小编就给大家介绍一下绿茶.......',
  '喝菊花茶有什么好处和禁忌',
  '菊花茶是一种常见的花草茶，它有清热解毒的作用，很多人在夏天都会喝一些菊花茶，但是菊花茶也不是人人都适合喝的，下面我.......',
  '红茶和绿茶的区别是什么',
  '红茶和绿茶是我们生活中最常见的两种茶叶，不过很多人都分不清它们有什么不一样，其实两者的加工方法完全不同，下面我们一.......',
  '普洱茶怎么保存才不会变质',
  '普洱茶是越陈越香的茶叶，所以很多人都喜欢收藏普洱茶，但是如果保存方法不对，普洱茶就很容易受潮发霉，那么普洱茶应该怎.......',
  '乌龙茶的功效与作用有哪些',
  '乌龙茶属于半发酵茶，它既有绿茶的清香又有红茶的醇厚，深受大家的喜爱，乌龙茶不仅好喝还有很多功效，今天小编就和大家.......',
  '315 阅读 茶叶的保存方法 0 评论',
  '首页 上一页 3 4 5 6 7 8 尾页',
];

const CATALOGUE = [
  '德国品牌',
  '日本品牌',
  '称重传感器AB100系列 某某传感 不详 洽询 48小时内',
  '简要说明：AB100系列称重传感器适用于拉压两个方向的力值测量，精度高，长期稳定性好，可在恶劣环境中使用。',
  '拉力传感器CD20系列 某某传感 不详 洽询 48小时内',
  '简要说明：CD20系列拉力传感器输出对称性好，抗偏载能力强，适用于各种吊钩秤和专用秤。',
  '轮辐式传感器EF3 某某精工 不详 洽询 48小时内',
  '简要说明：合金钢材质，额定载荷5T到50T，体积小，重量轻，具有过载保护功能。',
  '高精度力传感器GH4 某某精工 不详 洽询 48小时内',
  ' 低量程的最高精度，量程范围为0到10kN，可用于工业标定和研究。',
  '力传感器JK5 某某精工 不详 洽询 48小时内',
  ' 平板式结构，安装简单，可允许较大的横向力，适合在线监测。',
  '测力环LM6 某某精工 不详 洽询 48小时内',
  ' 专门用于静态和动态力的测量，防护等级IP67，可在室外使用。',
];

const FARM = [
  '极速赛车开奖结果网址',
  '某某机械制造有限公司是集机械设计、制造、销售为一体的专业化企业，公司位于某省某市工业园区，交通便利，产品远销海内外。',
  '秒速飞艇在线预测',
  '某某环保设备厂专注从事污水处理设备的研发、制造和销售，是现代给排水工程和污水治理工程的优质配套企业。',
  '幸运飞艇开奖app',
  '某某数控附件有限公司为开发、设计、销售于一体的合资企业，主要生产机床防护罩、拖链和工作灯等产品。',
  'SG赛车历史开奖数据',
  '某某气动科技有限公司是专业研发和生产气体增压设备、液体增压设备的制造商，产品广泛用于各行各业。',
  '极速飞艇三期计划',
  '秒速赛车开奖网',
  '北京赛车规则',
  '某某贸易有限公司 1024 某某矿山机械有限公司 875 某某超声科技有限公司 634',
];

// A page cut from a sliding window over other texts: the end of one line opens the next.
const S1 = '那一年冬天特别冷，河面结了厚厚的冰，村里的孩子们每天放学都跑到河边去滑冰。';
const S2 = '老支书担心出事，专门在河边立了一块木牌，提醒大家注意安全，还安排了专人看守。';
const S3 = '后来天气渐渐转暖，冰面开始融化，孩子们只好把冰鞋收了起来，等待下一个冬天。';
const S4 = '这届运动会的主题是用汗水书写青春，来自全市各个学校的两千多名学生参加了比赛。';
const SALAD = [
  '管道配件',
  '下面简述几种常见的材料。' + S1,
  S1 + S2,
  '为什么早上起床会觉得口干舌燥？',
  S2 + S3 + '随后',
  '防水卷材',
  '，' + S3 + S4,
  '某地一货车侧翻 司机已被控制',
];

// Fragments stitched together: a full stop followed by a comma, a line opening with 的, a random token.
const STITCHED = [
  '某市钢结构工程专业承包资质转让专业从事',
  '第十二条　档案管理部门应当加强对档案工作的日常指导和监督检查，发现问题的，应当及时督促整改。',
  '的以来，对乡村振兴工作做出了一系列部署。会议表示要推动产业发展。首要的问题就是因地制宜。，着力提高干部队伍解决问题的能力，加强组织领导。',
  'Xk4pTbRmWqZ8nLvC技术，施工，管理等角度。某协会理事长等出席开班仪式对各个环节的重点某公司副总工程师。共80余人参加培训。',
];

// A category page: the category with its count, a section label, one excerpt cut off mid-clause.
const CATEGORY = [
  '茶叶知识 (3篇) 展开 列表',
  '绿茶冲泡图解',
  '很多人都喜欢在闲暇时泡上一杯绿茶。但是绿茶的冲泡其实很有讲究，水温太高会把茶叶烫熟。一、冲泡绿茶要先了解茶叶的品种和',
];

// A generated yellow-page entry.
const DIRECTORY = [
  '某某面馆(东街店)',
  '某某面馆(东街店)的邮政编码: 100000,电话区号: 010,主要服务范围为餐饮服务,餐饮服务场所,我们的客户遍布全市, 最主要服务区域包括但不限于[‘东大街与西路交汇处’, ‘幸福家园3号楼’, ‘人民公园南门’, ‘火车站对面’]',
  '花园小区’, ‘阳光家园’, ‘东湖新村’, ‘北门菜市场’]附近的朋友上门咨询!',
  '分类 某省 标签 面馆推荐、 特色面食、 美食地图',
  '某某拉面馆',
  '某某米粉店',
];

// ---- pages that keep their content ----

const ARTICLE = [
  '市政府部署夏季防汛工作',
  '本报讯 市政府昨天召开常务会议，研究部署今年夏季防汛工作，要求各区县压实责任、加强巡查，确保群众生命财产安全。',
  '会议指出，今年汛期降雨偏多，各地要提前转移危险区域群众，做好物资储备和应急演练，坚决防止发生重大险情。',
  '会议要求，各部门要加强值班值守，遇到险情第一时间上报，做到早发现、早处置。',
];

const RELATED = [
  '相关新闻',
  '全省防汛工作会议召开 2021-06-01',
  '我市启动防汛四级应急响应 2021-06-03',
  '气象台发布暴雨蓝色预警 2021-06-05',
  '多部门联合开展防汛演练 2021-06-07',
  '水利局检查重点水库安全 2021-06-09',
  '防汛物资储备全部到位 2021-06-11',
  '上一篇：我市召开安全生产会议',
  '下一篇：夏季防汛知识问答',
  '版权所有 某某日报社 备案号：某ICP备12345678号',
];

// Machine-reworded but coherent: odd word choices, whole sentences, no recycled fragments.
const REWORDED = [
  '慢性咽炎平时该当留意什么',
  '慢性咽炎是一种常见的疾病，良多患者在日常生活中并不太留意，导致病情重复发作，给生活带来不小的困扰。',
  '首先要留意季节的天气变化，调整好身体的防寒保暖事宜，以防止感冒引发病情减轻。',
  '其次要保持规律的作息，尽可能避免过份劳累，饮食上应少吃辛辣和过咸的食物，多喝温水。',
  '通过以上内容的引见，置信大家对慢性咽炎的日常护理已经有所理解了，患者应该只管少去空气混浊的地方。',
];

describe('page verdicts (phase 2)', () => {
  describe('boilerplate/listing-page', () => {
    it('wipes a title + truncated-excerpt listing page, stray lines included', () => {
      const text = TEASERS.join('\n') + '\n';
      const got = pageFindings(text);
      assert.ok(got.length > 0, 'a page verdict');
      assert.strictEqual(got[0].rule, 'boilerplate/listing-page');
      assert.ok(got[0].evidence!.some((e) => /already judged junk/.test(e)), JSON.stringify(got[0].evidence));
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('wipes a product catalogue (records with one template tail, descriptions between)', () => {
      const text = CATALOGUE.join('\n');
      const got = pageFindings(text);
      assert.ok(got.some((f) => f.evidence!.some((e) => /6 records ending in the template “洽询 0小时内”/.test(e))), JSON.stringify(got.map((f) => f.evidence)));
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('keeps a news article followed by a related-links list', () => {
      const text = [...ARTICLE, '', ...RELATED].join('\n');
      assert.deepStrictEqual(pageFindings(text), []);
      const out = run(text).output;
      for (const p of ARTICLE.slice(1)) assert.ok(out.includes(p), `article paragraph kept: ${p}\n---\n${out}`);
    });

    it('keeps the article when a long teaser list follows it', () => {
      const text = [...ARTICLE, '', ...TEASERS.slice(2, 12)].join('\n');
      const out = run(text).output;
      for (const p of ARTICLE.slice(1)) assert.ok(out.includes(p), `article paragraph kept: ${p}\n---\n${out}`);
    });

    it('keeps a page of short lines that is not templated (no page verdict)', () => {
      const text = ['解决依赖报错', '前言', '每次打开新项目安装依赖都报错', '解决', '安装检查工具', '检查依赖', '找到缺失的依赖', '安装缺失依赖'].join('\n');
      assert.deepStrictEqual(pageFindings(text), []);
    });

    it('wipes a category page: a count header, a label and an excerpt cut off mid-clause (3 lines)', () => {
      const text = CATEGORY.join('\n');
      const got = pageFindings(text);
      assert.ok(got.length > 0 && got[0].rule === 'boilerplate/listing-page', JSON.stringify(got.map((f) => f.rule)));
      assert.ok(got[0].evidence!.some((e) => /listing cue: boilerplate\/category-count/.test(e)), JSON.stringify(got[0].evidence));
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('wipes a generated directory entry (record fields, a pasted list, names)', () => {
      const text = DIRECTORY.join('\n');
      assert.ok(pageFindings(text).some((f) => f.evidence!.some((e) => /boilerplate\/directory-entry/.test(e))));
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('keeps an article whose sidebar lists a category with its count', () => {
      const text = [...ARTICLE, '防汛知识 (12篇)'].join('\n');
      assert.deepStrictEqual(pageFindings(text), []);
      const out = run(text).output;
      for (const p of ARTICLE.slice(1)) assert.ok(out.includes(p), out);
    });

    it('templated() counts cut-off and shared-template lines', () => {
      const text = ['甲公司证券营业部', '乙公司证券营业部', '丙公司证券营业部', '一段说明文字，共有十个字左右。', '摘要被截断了...'].join('\n');
      const view = pageView(buildContext(text));
      assert.strictEqual(templated(view.lines), 4);
    });
  });

  describe('spam/spam-page', () => {
    it('wipes a gambling-keyword content farm, filler lines included', () => {
      const text = FARM.join('\n');
      const got = pageFindings(text);
      assert.ok(got.length > 0 && got.every((f) => f.rule === 'spam/spam-page'), JSON.stringify(got.map((f) => f.rule)));
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('wipes shingled sentence salad', () => {
      const text = SALAD.join('\n');
      const got = pageFindings(text);
      assert.ok(got.length > 0, 'a page verdict');
      assert.ok(got[0].evidence!.some((e) => /overlap like shingles/.test(e)), JSON.stringify(got[0].evidence));
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('keeps a machine-reworded but coherent article', () => {
      const text = REWORDED.join('\n');
      assert.deepStrictEqual(pageFindings(text), []);
      assert.strictEqual(run(text).output, text);
    });

    it('keeps an article with one injected keyword line', () => {
      const text = [...ARTICLE.slice(0, 2), '极速赛车开奖结果网址', ...ARTICLE.slice(2)].join('\n');
      assert.deepStrictEqual(pageFindings(text), []);
      const out = run(text).output;
      for (const p of ARTICLE.slice(1)) assert.ok(out.includes(p), out);
    });

    it('keeps a forum thread that quotes a post (a quote is not a shingle)', () => {
      const post = '这个问题我也遇到过，后来发现是服务器配置的问题，把超时时间调大一点就好了，大家可以试试看。';
      const text = ['下载失败怎么办', post, '引用：' + post + '谢谢，已经解决了，确实是超时的问题。', '我还以为是我网络的问题，原来是服务器太忙了。'].join('\n');
      assert.deepStrictEqual(pageFindings(text), []);
    });

    it('wipes a page stuffed with its title phrase after sentence ends', () => {
      const T = '哪种茶减肥效果最好';
      const text = [
        T,
        '很多人都想通过喝茶来减肥，但是市面上的茶叶种类繁多，不知道该怎么选择，下面就一起来看看吧，' + T + '。',
        '一、绿茶含有丰富的茶多酚，可以促进脂肪的分解，适合饭后饮用。' + T + '。',
        '二、乌龙茶能够加快新陈代谢，但是空腹饮用容易伤胃，要注意适量，' + T,
        '建议选择正规品牌的减肥茶，并配合适当的运动。',
      ].join('\n');
      assert.deepStrictEqual(stuffing(text.split('\n')), { title: T, count: 3, lines: 3 });
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('keeps an article that works its subject into its sentences', () => {
      const T = '哪种茶减肥效果最好';
      const text = [
        T,
        '记者走访了本市多家茶叶店，店主们对哪种茶减肥效果最好说法不一，有人推荐绿茶，也有人推荐乌龙茶。',
        '营养专家表示，哪种茶减肥效果最好并没有定论，喝茶只能起到辅助作用，关键还是控制饮食和坚持运动。',
      ].join('\n');
      assert.strictEqual(stuffing(text.split('\n')).count, 0);
      assert.strictEqual(run(text).output, text);
    });

    it('wipes text stitched from fragments (seams: 。， / a line opening with 的 / a random token)', () => {
      const text = STITCHED.join('\n');
      const got = pageFindings(text);
      assert.ok(got.length > 0 && got.every((f) => f.rule === 'spam/spam-page' || f.rule === 'spam/random-token'), JSON.stringify(got.map((f) => f.rule)));
      assert.ok(got.some((f) => f.evidence!.some((e) => /seams of stitched text/.test(e))), JSON.stringify(got.map((f) => f.evidence)));
      assert.ok(wiped(run(text).output), run(text).output);
    });

    it('keeps an article with one 。， slip and a product code (one kind of seam is not a spun page)', () => {
      const text = [ARTICLE[0], ARTICLE[1] + '会后，。各区县连夜部署。', '新款iPhone13ProMax手机今天开售，市民排队购买。', ARTICLE[2], ARTICLE[3]].join('\n');
      assert.deepStrictEqual(pageFindings(text), []);
    });

    it('seams() counts lines whose first word is a particle (word list, no segmenter)', () => {
      assert.deepStrictEqual(seams(['了新的突破口，大家想了很多办法。', '正常的一句话，没有什么问题。', '结合实际。，着力提高'], 1), { stopComma: 1, particleStart: 1, clauseStart: 0, randomTokens: 1 });
      // a word that only starts with a particle character opens a sentence like any other
      assert.strictEqual(seams(['的确如此，大家都这么认为。', '地方政府出台了新的政策。', '了解情况以后再作决定。', '得到了大家的一致认可。', '着手准备下一阶段的工作。'], 1).particleStart, 0);
      assert.strictEqual(seams(['的以来，对新型城镇化建设做出部署。', '地停在路旁，等了很久。'], 1).particleStart, 2);
      // no other seam: particle openings alone are not looked at
      assert.strictEqual(seams(['的以来，对新型城镇化建设做出部署。', '正常的一句话，没有什么问题。'], 0).particleStart, 0);
    });

    it('shingles() counts only end-to-start overlaps with text beyond them', () => {
      assert.strictEqual(shingles(['开头的十个字以上的内容。' + S1, S1 + '结尾的十个字以上的内容。']), 1);
      assert.strictEqual(shingles([S1, S1 + '结尾的十个字以上的内容。']), 0);
      assert.strictEqual(shingles([S1, S2, S3]), 0);
    });
  });

  it('isFullSentence: running text yes; titles, cut-off excerpts and fragments no', () => {
    assert.ok(isFullSentence(ARTICLE[1]));
    assert.ok(!isFullSentence(ARTICLE[0]));
    assert.ok(!isFullSentence(TEASERS[1]));
    assert.ok(!isFullSentence('，' + S3));
  });
});
