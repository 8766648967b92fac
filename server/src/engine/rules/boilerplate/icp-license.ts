/**
 * boilerplate/icp-license — ICP / 公安备案 registration numbers and licence lines.
 *
 * Why: `藏ICP备09000733号`, `京公网安备 11010502000001号`, `增值电信业务经营许可证` appear on every page of a site.
 * How: cues from boilerplate-icp.txt, or an ICP-number pattern, on a line of at most 200 visible characters.
 * Options: none.
 * Example: `备案号:藏ICP备09000733号丨公安备案:54010202000003号` → (line removed)
 */
import { cueRule } from './common';

export const icpLicense = cueRule({
  name: 'icp-license',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  lex: 'boilerplate-icp',
  maxInk: 200,
  spareSentences: false,
  message: 'ICP / public-security registration or licence number.',
  messageZh: 'ICP/公安备案号或许可证号。',
  extra: (n) => (/[\u4e00-\u9fff]ICP[备證证]?\s*[\d-]{5,}/i.test(n) ? 'ICP number' : undefined),
});
