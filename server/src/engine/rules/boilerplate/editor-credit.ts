/**
 * boilerplate/editor-credit — editor credits such as `(责编: 李文治)`, `责任编辑：杨丹宇`, `[作者: X 责任编辑: Y]`.
 *
 * Why: the web desk's credit line is template text. Reporter bylines in the body (`(记者 姚彤 王兴瑞 报道)`,
 * `新华社发（刘满仓摄）`) are content and are not flagged: only editor roles count (boilerplate-editor.txt).
 * How: a short line (≤ 50 visible characters) that starts, after an optional bracket, with an editor role
 * (a strong entry: 责编, 编辑, 审核…) followed by a colon or a space and a name; or a line holding two or more
 * role: name fields, one of them an editor role. `作者`/`来源` alone are bylines (boilerplate/metadata judges them).
 * Options: none.
 * Example: `(责编: 李文治)` → (line removed)
 */
import { cueRule, cues, mayHaveCue } from './common';

export const editorCredit = cueRule({
  name: 'editor-credit',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  maxInk: 50,
  message: 'Editor credit line.',
  messageZh: '编辑署名行。',
  extra: (n) => {
    if (!mayHaveCue('boilerplate-editor', n)) return undefined; // no role word: no verdict (most lines)
    const s = n.replace(/^[\s(（\[【<「]+/, '');
    const ms = cues('boilerplate-editor', s);
    const field = (m: { end: number }) => /^\s*[:：]|^\s+[\u4e00-\u9fff]/.test(s.slice(m.end));
    // an author or a source alone (`作者 王之言`, `作者：白居易`) is a byline, not the desk's credit
    const first = ms.find((m) => m.start === 0 && m.weight >= 1 && field(m));
    if (first) return `cue: ${first.term}`;
    const fields = ms.filter(field);
    if (fields.length >= 2 && fields.some((m) => m.weight >= 1) && /[:：]/.test(s)) return `cues: ${fields.map((m) => m.term).join(' ')}`;
    return undefined;
  },
});
