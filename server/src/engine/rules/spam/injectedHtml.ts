/**
 * spam/injected-html — HTML / CSS / JS injected by a hacked page.
 *
 * Why: link-farm injections leave lines made of empty tags with random ids
 * (`<style id="utfaj"></style>`, `<p id="x"></p>`) or script/style bodies. They are never article text.
 * A line is flagged when markup covers most of its visible characters (≥ 60%) and little text remains;
 * consecutive such lines of one block become one finding. Stray tags inside a real sentence are an
 * artifact (another rule), not spam.
 * Options: none.
 *
 * Before → after:
 *   <style id="utfaj"></style>⏎<p id="utfaj"></p>⏎正文…   →   正文…
 */
import { Rule, Finding } from '../../types';
import { linesFinding } from '../helpers';
import { countHan } from '../../text';
import { memoByText } from '../../memo';

const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?\/?>/g;
const CODE = /^\s*(?:function\s*\(|var\s+\w+\s*=|document\.write|window\.location|\$\(|if\s*\(|[.#][\w-]+\s*\{[^}]*\}\s*$)/;

export function isMarkupLine(text: string): { tags: string[] } | undefined {
  // without a `<` there is no tag (most lines): only the code test, without copies of the line
  if (!text.includes('<')) return CODE.test(text) && countHan(text) === 0 && /[;{}()=]/.test(text) ? { tags: [text.trim().slice(0, 20)] } : undefined;
  const ink = text.replace(/\s/g, '');
  if (!ink) return undefined;
  const tags = text.match(TAG) ?? [];
  const tagInk = tags.join('').replace(/\s/g, '').length;
  const rest = text.replace(TAG, '');
  if (tags.length && tagInk / ink.length >= 0.6 && countHan(rest) <= 6) return { tags };
  if (CODE.test(text) && countHan(text) === 0 && /[;{}()=]/.test(text)) return { tags: [text.trim().slice(0, 20)] };
  return undefined;
}

/** isMarkupLine by line text (asked of every line on every analysis; the answer is not mutated). */
const markupOf = memoByText((text: string) => isMarkupLine(text) ?? null);

export const injectedHtml: Rule = {
  id: 'spam/injected-html',
  category: 'spam',
  scope: 'line',
  check(ctx) {
    const out: Finding[] = [];
    let runStart = -1;
    let ev: string[] = [];
    const flush = (last: number) => {
      if (runStart < 0) return;
      out.push(
        linesFinding(ctx.lines, runStart, last, {
          rule: 'spam/injected-html',
          category: 'spam',
          message: 'Injected HTML/CSS/JS from a hacked page',
          messageZh: '被黑网页注入的 HTML/CSS/JS 代码',
          score: 0.95,
          evidence: [...new Set(ev)].slice(0, 6),
          fixTitle: 'Remove injected markup',
        }),
      );
      runStart = -1;
      ev = [];
    };
    for (let lineI = 0, linesArr = ctx.lines; lineI < linesArr.length; lineI++) {
      const line = linesArr[lineI];
      const m = line.blank ? undefined : markupOf(line.text) ?? undefined;
      if (m) {
        if (runStart >= 0 && ctx.blockOfLine[line.index] !== ctx.blockOfLine[runStart]) flush(line.index - 1);
        if (runStart < 0) runStart = line.index;
        ev.push(...m.tags.map((t) => t.replace(/\s+id="[^"]*"/, '')));
      } else if (runStart >= 0) {
        let last = line.index - 1;
        while (last > runStart && ctx.lines[last].blank) last--;
        flush(last);
      }
    }
    if (runStart >= 0) {
      let last = ctx.lines.length - 1;
      while (last > runStart && ctx.lines[last].blank) last--;
      flush(last);
    }
    return out;
  },
};
