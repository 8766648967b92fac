/** Rule tables of the spam rules. Example lines are hand-written or taken from the seed pages. */
import { ruleTable } from '../../ruleTester';
import { injectedHtml } from '../../../server/src/engine/rules/spam/injectedHtml';
import { adLexicon } from '../../../server/src/engine/rules/spam/adLexicon';
import { gluedSpan } from '../../../server/src/engine/rules/spam/gluedSpan';
import { seoKeywords } from '../../../server/src/engine/rules/spam/seoKeywords';
import { siteNames } from '../../../server/src/engine/rules/spam/siteNames';
import { keywordTitles } from '../../../server/src/engine/rules/spam/keywordTitles';
import { spamRules } from '../../../server/src/engine/rules/spam';
import { randomToken } from '../../../server/src/engine/rules/spam/random-token';

const CRACKDOWN = '市公安局近日破获一起网络赌博案件，抓获犯罪嫌疑人12名，涉案赌资逾千万元。';
const BREAST = '专家提醒，乳腺癌早期筛查非常重要，女性应定期到医院进行乳腺检查。';
const SEX = '该校开设性别平等教育课程，帮助学生树立正确的性别观念。';
const NEWS = '自治区党委召开全区视频会议，安排部署疫情防控工作。';

ruleTable('spam/injected-html', injectedHtml, {
  valid: [NEWS, '文中提到<b>重点</b>工作要落实到位，各部门要认真执行。', '}'],
  invalid: [
    { text: '<style id="utfaj"></style>\n正文第一段。', count: 1, spans: ['<style id="utfaj"></style>'], output: '正文第一段。' },
    {
      text: '  <p id="abc"></p>\n  <noscript id="abc"><meter id="abc"></meter></noscript>\n正文。',
      count: 1,
      output: '正文。',
    },
  ],
});

ruleTable('spam/ad-lexicon', adLexicon, {
  valid: [CRACKDOWN, BREAST, SEX, NEWS, '今年体彩销量同比增长，公益金用于体育事业。', '警方提醒：切勿登录境外赌博网站，谨防上当受骗。'],
  invalid: [
    {
      text: '国产精品福利在线无码卡一,亚洲欧洲无码中文字幕,高清人人天天夜夜狠狠\n正文。',
      count: 1,
      output: '正文。',
    },
    { text: '标题\n秒速赛车开奖结果网址\n正文。', spans: ['秒速赛车开奖结果网址'], output: '标题\n正文。' },
    { text: '本文关键词：某某,必威betway中文版,香菇,牛肉', count: 1 },
    { text: '小额贷款 无抵押 秒下款 黑户可办', count: 1 },
  ],
});

ruleTable('spam/glued-span', gluedSpan, {
  valid: [
    CRACKDOWN,
    NEWS,
    '王者威尼斯人现金网网址：相关新闻',
    // porn vocabulary used as words of a sentence, not dressed as a site name
    '这部小说讲述了一个人妻与丈夫重归于好的故事，情节曲折，人物形象鲜明动人。',
    '书中收集了很多爱情故事，有异性爱的、也有同性爱的，还有神话传说和科幻题材。',
  ],
  invalid: [
    {
      text: '据消息：3月1日1时39分，王者威尼斯人现金网网址：某县某制药有限公司发生一起爆炸事故，造成1人受伤。',
      count: 1,
      spans: ['王者威尼斯人现金网网址：'],
      output: '据消息：3月1日1时39分，某县某制药有限公司发生一起爆炸事故，造成1人受伤。',
    },
    { text: '‘华体会’某省开展绿色矿山建设情况抽查工作', spans: ['‘华体会’'], output: '某省开展绿色矿山建设情况抽查工作' },
  ],
});

ruleTable('spam/seo-keywords', seoKeywords, {
  valid: [
    '标签: 防控  疫情  落实  确保  田锦尘 ',
    '网站首页  |  付款方式  |  关于我们  |  联系方式  |  使用协议',
    '互联网新闻信息服务许可证 | 增值电信业务经营许可证 | 广播电视节目制作经营许可证',
    '某省人民政府网 某省人民政府办公厅网 某省人民政府外事办网 某市人民政府网',
    '关键词：除锈剂厂家,某市除锈剂厂家,某省除锈剂',
    NEWS,
  ],
  invalid: [
    { text: '推广 热搜: 广州  SEO  贷款    深圳  医院  用户体验  机器人  网站建设  百度竞价推广 \n正文。', count: 1, output: '正文。' },
    { text: '热门城市：甲市口罩价格 乙市口罩价格 丙市口罩价格 丁市口罩价格', count: 1 },
  ],
});

ruleTable('spam/site-names', [adLexicon, siteNames], {
  valid: [NEWS, '金沙江 太阳能 国际合作 平台建设'],
  invalid: [{ text: '盛世棋牌 好运国际 某某游戏客户端 鸿运登入', ruleId: 'spam/site-names', count: 1 }],
});

ruleTable('spam/keyword-titles', keywordTitles, {
  valid: ['导读:这是一段普通的导读-内容', NEWS],
  invalid: [
    {
      text: ['「高考满分作文」春天的故事', '导读:高考满分作文-春天', '春天来了，万物复苏。', '[小学生日记300字]秋天的雨', '导读:小学生日记300字-秋天', '「初中满分作文」我的老师', '导读:初中满分作文-老师'].join('\n'),
      count: 6,
    },
  ],
});

ruleTable('spam/spread', spamRules, {
  valid: [NEWS + '\n' + CRACKDOWN],
  invalid: [
    {
      text: ['秒速赛车开奖结果网址', '某某机械有限公司是一家专业生产轴承的企业，欢迎来电。', '极速飞艇开奖app', '某某公司专注于水处理设备的研发与销售。', '澳洲幸运10在线预测', 'SG飞艇娱乐平台', '澳洲10彩开奖'].join('\n'),
      ruleId: 'spam/spread',
      spans: ['某某机械有限公司是一家专业生产轴承的企业，欢迎来电。', '某某公司专注于水处理设备的研发与销售。', '澳洲10彩开奖'],
    },
  ],
});

ruleTable('spam/random-token', randomToken, {
  valid: [
    NEWS,
    '新款iPhone13ProMax手机今天正式开售，起售价格与上一代持平。',
    '显卡型号为RTX3080Ti，显存容量达到12GB。',
    '文件校验值为a3f5c9e1b2d4f6a8c0e2，请下载后核对。',
    '视频地址 https://example.com/watch?v=dQw4w9WgXcQ 可以在线观看。',
  ],
  invalid: [
    { text: 'qP3xkRmTbWzA7vN技术、施工、管理等多个角度进行分析。', spans: ['qP3xkRmTbWzA7vN'], output: '技术、施工、管理等多个角度进行分析。' },
    { text: '专家出席了开班仪式。Gh7TkPwQzN4bLcX', count: 1 },
  ],
});
