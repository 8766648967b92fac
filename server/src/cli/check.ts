/**
 * One file of `check`: read, analyse, format. The same function runs in the main thread (one job)
 * and in the worker pool (pool.ts), so the output of a file does not depend on where it ran.
 */
import { Category, LineIndex } from '../engine';
import { analyzeDocument } from '../engine/sections';
import { jiebaSegmenter } from '../segmenter';
import { readText, ReadResult } from './read';
import { textLine, toJsonFinding } from './format';
import { renderExplain } from './explain';

export interface CheckOptions {
  categories: Category[];
  format: 'json' | 'text' | 'explain';
  lang: string;
  /** --encoding: auto or a name (see read.ts) */
  encoding: string;
  /** --conversion-fixes: JSON prints the fixes made when read (whole-text conversions; format.ts) */
  conversionFixes?: boolean;
}

export interface CheckResult {
  /** what goes to stdout for this file */
  out: string;
  /** what goes to stderr for this file (unreadable file, failed rules) */
  err: string;
  /** the file had findings */
  any: boolean;
  /** the file could not be read */
  failed: boolean;
}

export function checkFile(file: string, opts: CheckOptions): CheckResult {
  let read;
  try {
    read = readText(file, opts.encoding);
  } catch (e) {
    return { out: '', err: `corpus-lint: ${file}: ${(e as Error).message}\n`, any: false, failed: true };
  }
  let err = '';
  // big files (many pages concatenated) are analysed in sections, as the language server does
  const findings = analyzeDocument(read.text, {
    categories: opts.categories,
    // nodejieba (and the NER model) load on first use: only when the entity category runs
    segmenter: jiebaSegmenter,
    onRuleError: (rule, e) => (err += `corpus-lint: rule ${rule.id} failed on ${file}: ${(e as Error).message}\n`),
  });
  let out = '';
  if (opts.format === 'json') {
    const idx = new LineIndex(read.text);
    out = JSON.stringify({ file, findings: findings.map((f) => toJsonFinding(f, idx, !!opts.conversionFixes)), encoding: read.encoding }) + '\n';
  } else if (opts.format === 'explain') {
    err += encodingNote(file, read);
    out = `== ${file}\n` + renderExplain(read.text, findings);
  } else {
    err += encodingNote(file, read);
    const idx = new LineIndex(read.text);
    for (const f of findings) out += textLine(file, f, idx, opts.lang === 'zh') + '\n';
  }
  return { out, err, any: findings.length > 0, failed: false };
}

/** Says which encoding a file was read with, when it is not plain UTF-8 (text output; JSON has an `encoding` field). */
export function encodingNote(file: string, read: ReadResult): string {
  if (read.encoding === 'utf-8' && !read.bom) return '';
  return `corpus-lint: ${file}: read as ${read.encoding}${read.bom ? ' (with BOM)' : ''}${read.detected ? ' (detected)' : ''}\n`;
}
