/**
 * boilerplate/template-run — runs of short lines cut from one template: an archive of issues
 * (`2022年第4期⏎2022年第3期⏎…`), a month list, numbered pages, or a language switcher
 * (`中文⏎English⏎Français⏎Español`, names from server/data/lexicons/boilerplate-languages.txt).
 *
 * Why: a menu of the site repeats one pattern line after line; prose never has five short lines in a row
 * that differ only in their numbers.
 * How: 5+ consecutive non-blank lines of at most 20 visible characters with the same shape (NFKC, digits → 0,
 * Latin runs → a, spaces collapsed) holding a Han character (bare numbers are left alone: code line numbers,
 * table cells); or 3+ consecutive
 * lines each of which is only a language name.
 * Options: none.
 * Example: `2021年第1期⏎2020年第6期⏎2020年第5期⏎2020年第4期⏎2020年第3期` → all five removed.
 */
import { Finding, Rule } from '../../types';
import { lineFinding } from '../helpers';
import { lineShape, norm } from './common';
import { lexicon } from '../../lexicon';
import { shapeOf } from './page-evidence';
import { memoByText } from '../../memo';
import { nonBlankLines } from '../../segment';

const MIN_SAME = 5;
const MIN_LANG = 3;

let languages: Set<string> | undefined;

/** A line that is only a language name (a set lookup: the list mixes scripts, an automaton would be slow). */
function isLanguage(text: string): boolean {
  if (text.length > 40) return false;
  return isLanguageM(text);
}

/** isLanguage of a short line, by its text (memoized: a trimmed copy of every short line on every analysis). */
const isLanguageM = memoByText((text: string): boolean => {
  languages ??= new Set(lexicon('boilerplate-languages').entries.map((e) => e.term.normalize('NFKC')));
  return languages.has(norm(text).trim());
});

/** A line's shape (shapeOf) when it is short (20 visible characters at most), else '': by its text, memoized. */
const shortShape = memoByText((text: string): string => (lineShape(text).ink <= 20 ? shapeOf(text) : ''));

export const templateRun: Rule = {
  id: 'boilerplate/template-run',
  category: 'boilerplate',
  scope: 'block',
  check(ctx): Finding[] {
    const lines = nonBlankLines(ctx.lines);
    const out: Finding[] = [];
    const flag = (k: number, j: number, why: string) => {
      for (let i = k; i < j; i++) out.push(lineFinding(lines[i], ctx.lines, { rule: this.id, category: 'boilerplate', score: 0.75, message: 'Menu line (a run of lines cut from one template).', messageZh: '菜单行(同一模板的连续短行)。', evidence: [why] }));
    };
    const done = new Set<number>();
    // one shape, five times in a row
    let k = 0;
    while (k < lines.length) {
      const s = shortShape(lines[k].text);
      let j = k + 1;
      // (s is not '': a line whose shortShape is s is a short line of that shape)
      if (s && /[\u4e00-\u9fff]/.test(s)) while (j < lines.length && shortShape(lines[j].text) === s) j++;
      if (s && j - k >= MIN_SAME) {
        flag(k, j, `${j - k} lines of the shape “${s}”`);
        for (let i = k; i < j; i++) done.add(i);
        k = j;
      } else k++;
    }
    // a language switcher
    k = 0;
    while (k < lines.length) {
      let j = k;
      while (j < lines.length && isLanguage(lines[j].text)) j++;
      if (j - k >= MIN_LANG) {
        const fresh = [];
        for (let i = k; i < j; i++) if (!done.has(i)) fresh.push(i);
        for (const i of fresh) flag(i, i + 1, `${j - k} language names in a row (a language switcher)`);
        k = j;
      } else k = j + 1;
    }
    return out;
  },
};
