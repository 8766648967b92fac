/**
 * boilerplate/directory-entry — lines of a generated directory / yellow-page entry: record fields
 * (`某某店的邮政编码: 150105,电话区号: 0471,主要服务范围为…`) and serialized lists pasted into the text
 * (`包括但不限于[‘南二环与丰州路交汇处’, ‘颐和家园14号楼’, …]`).
 *
 * Why: directory sites fill one template per business from a database; the record's fields and a list
 * printed as a program's literal (`[‘…’, ‘…’]`) are the template's, not anybody's writing.
 * How: on a line, 2+ directory field labels (server/data/lexicons/boilerplate-directory.txt) each followed by a
 * colon or 为/是, at least one of them strong (`邮政编码`, `电话区号`, `注册资本`…); or 3+ list-literal
 * separators (`’, ‘`, `', '`, `", "`) between Chinese items where the list is glued to Chinese text or the line
 * starts or ends inside the list (a code sample has its own line: `x = ['北京', '上海']` is left alone).
 * Options: none.
 * Example: `某某店的邮政编码: 100000,电话区号: 010,主要服务范围为餐饮服务` → (line removed)
 */
import { Rule } from '../../types';
import { lineRule } from '../helpers';
import { cues, norm } from './common';

const SEP = /[’'"”]\s*[,，]\s*[‘'"“]/g;
/** SEP without the global flag: a test that keeps no state. */
const HAS_SEP = new RegExp(SEP.source);

/** Fields of a directory record on one normalized line: label followed by a colon or 为/是. */
export function directoryFields(n: string): { terms: string[]; strong: boolean } {
  const ms = cues('boilerplate-directory', n).filter((m) => /^\s*(?:[:：]|为|是)/.test(n.slice(m.end)));
  return { terms: ms.map((m) => m.term), strong: ms.some((m) => m.weight >= 1) };
}

/** A serialized list (`[‘甲’, ‘乙’, ‘丙’]`) pasted into Chinese text, or a line cut inside one. */
export function listLiteral(text: string): number {
  if (!HAS_SEP.test(text)) return 0; // most lines: no separator, and no list of matches made
  const seps = [...text.matchAll(SEP)];
  if (seps.length < 3) return 0;
  // the items are Chinese
  const han = seps.filter((m) => /[\u4e00-\u9fff]/.test(text.slice(Math.max(0, (m.index ?? 0) - 4), m.index ?? 0))).length;
  if (han < 3) return 0;
  const t = text.trim();
  const open = t.indexOf('[');
  const close = t.lastIndexOf(']');
  const glued = (open > 0 && /[\u4e00-\u9fff]/.test(t.slice(Math.max(0, open - 2), open))) || (close >= 0 && /[\u4e00-\u9fff]/.test(t.slice(close + 1, close + 3)));
  const cutInside = (close >= 0 && (open < 0 || open > close)) || (open >= 0 && close < open);
  const code = /^[\w.]+\s*=|^\s*[\[(]/.test(t) && !/[\u4e00-\u9fff]{2}/.test(t.replace(/[‘'"“][^’'"”]*[’'"”]/g, ''));
  return (glued || cutInside) && !code ? seps.length : 0;
}

export const directoryEntry: Rule = lineRule({
  id: 'boilerplate/directory-entry',
  category: 'boilerplate',
  score: 0.8,
  message: 'Generated directory entry (record fields or a pasted list).',
  messageZh: '自动生成的名录条目(记录字段或程序列表)。',
  judge(text) {
    // a record always has a colon somewhere; the cheap test spares the lexicon on most lines
    const f = /[:：]/.test(text) ? directoryFields(norm(text)) : { terms: [], strong: false };
    if (f.terms.length >= 2 && f.strong) return `directory fields: ${f.terms.join(' ')}`;
    const k = listLiteral(text);
    return k ? `a serialized list pasted into the text (${k} separators)` : undefined;
  },
});
