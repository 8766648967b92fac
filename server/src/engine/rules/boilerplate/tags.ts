/**
 * boilerplate/tags — tag and keyword lines.
 *
 * Why: `标签: 防控 疫情 落实`, `关键词:…` list the page's tags, not its text.
 * How: a cue from boilerplate-tags.txt at the start of a line (≤ 80 visible characters), followed by a
 * colon, a space or the end of the line.
 * Options: none.
 * Example: `标签: 防控  疫情  落实` → (line removed)
 */
import { cueRule, cues, mayHaveCue } from './common';

export const tags = cueRule({
  name: 'tags',
  locality: 'line', // findings depend on the line alone (engine/cache.ts)
  maxInk: 80,
  message: 'Tag / keyword line.',
  messageZh: '标签/关键词行。',
  extra: (n) => {
    const s = n.replace(/^[\s#【\[(]+/, '');
    // the cue must start what is left: most lines' first character starts none
    if (!mayHaveCue('boilerplate-tags', s, 0, 1)) return undefined;
    const m = cues('boilerplate-tags', s).find((x) => x.start === 0);
    if (!m) return undefined;
    const rest = s.slice(m.end);
    if (/^\s*[:】\]):]/.test(rest) || /^\s+\S/.test(rest) || rest.trim() === '') {
      if (/[。！？]$/.test(rest.trim()) && rest.length > 30) return undefined;
      return `cue: ${m.term}`;
    }
    return undefined;
  },
});
