/**
 * script/mixed-line — a line that mixes Traditional-only and Simplified-only characters the way a
 * half-done machine conversion does (`进一步強化常态化精準防控`).
 *
 * Why: such lines are a conversion artifact; a corpus wants one script. Counted as in convert.ts
 * (characters valid in both scripts count for neither); a line is mixed when the minority script has
 * at least 2 characters and 20% of the script-specific ones. Fixes (never applied by clean()):
 * "Convert line to Simplified" / "… to Traditional", the majority script first (a tie: Traditional).
 * Options: none.
 *
 *   會議開始，发现问题并且处理 → "Convert line to Simplified" → 会议开始，发现问题并且处理
 */
import { Fix, Finding, Rule } from '../../types';
import { finding } from '../helpers';
import { toSimplified, toTraditional } from '../../convert';
import { lineCounts } from './document';

const ID = 'script/mixed-line';
const MIN_MINORITY = 2;
const MIN_SHARE = 0.2;

export const scriptMixedLine: Rule = {
  id: ID,
  category: 'script',
  scope: 'line',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  check(ctx) {
    const out: Finding[] = [];
    // (indexed: the line cache hands the rule every line, those it serves blank, on every edit)
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      if (line.blank) continue;
      const c = lineCounts(line.text); // (memoized: script/document counted the line already)
      const minority = Math.min(c.traditional, c.simplified);
      if (minority < MIN_MINORITY || minority / (c.traditional + c.simplified) < MIN_SHARE) continue;
      const lead = line.text.length - line.text.trimStart().length;
      const start = line.start + lead;
      const end = line.start + line.text.trimEnd().length;
      const body = ctx.text.slice(start, end);
      const toS: Fix = { title: 'Convert line to Simplified', edits: [{ start, end, newText: toSimplified(body) }] };
      const toT: Fix = { title: 'Convert line to Traditional', edits: [{ start, end, newText: toTraditional(body) }] };
      out.push(
        finding({
          rule: ID,
          category: 'script',
          message: `Line mixes Traditional (${c.traditional}) and Simplified (${c.simplified}) characters`,
          messageZh: `本行繁简混杂（繁体特有字 ${c.traditional} 个，简体特有字 ${c.simplified} 个）`,
          start,
          end,
          score: Math.min(1, (2 * minority) / (c.traditional + c.simplified)),
          evidence: [`traditional=${c.traditional}`, `simplified=${c.simplified}`],
          severity: 'information',
          fixes: c.traditional >= c.simplified ? [toT, toS] : [toS, toT],
        }),
      );
    }
    return out;
  },
};
