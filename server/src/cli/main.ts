/**
 * corpus-lint on the command line. The contract (DESIGN.md) is stable:
 *   corpus-lint check [--format json|text] FILE...   findings; exit 1 when there are any
 *   corpus-lint clean FILE                           cleaned text on stdout
 */
import { Command } from 'commander';
import { analyze, clean, LineIndex, Category, CATEGORIES, DEFAULT_CATEGORIES } from '../engine';
import { jiebaSegmenter } from '../segmenter';
import { readText, ReadResult, isSupportedEncoding, KNOWN_ENCODINGS } from './read';
import { textLine, toJsonFinding } from './format';
import { expandInputs } from './files';
import { renderExplain } from './explain';

/** What `check` reports when --categories is absent: every category, entities included. */
export const CHECK_CATEGORIES: Category[] = [...DEFAULT_CATEGORIES, 'entity'];

function parseCategories(v: string | undefined): Category[] | undefined {
  if (!v) return undefined;
  const cats = v.split(',').map((s) => s.trim()).filter(Boolean) as Category[];
  for (const c of cats) if (!CATEGORIES.includes(c)) throw new Error(`unknown category "${c}" (one of ${CATEGORIES.join(', ')})`);
  return cats;
}

const ENCODING_HELP = `input encoding: auto (detected from the bytes: BOM, UTF-16, UTF-8, else chardet), ${KNOWN_ENCODINGS.join(', ')}`;

function checkEncoding(enc: string): string {
  if (!isSupportedEncoding(enc)) throw new Error(`unknown encoding "${enc}" (auto, ${KNOWN_ENCODINGS.join(', ')}, or another iconv-lite name)`);
  return enc;
}

/** Says which encoding a file was read with, when it is not plain UTF-8 (text output; JSON has an `encoding` field). */
function noteEncoding(file: string, read: ReadResult): void {
  if (read.encoding === 'utf-8' && !read.bom) return;
  process.stderr.write(`corpus-lint: ${file}: read as ${read.encoding}${read.bom ? ' (with BOM)' : ''}${read.detected ? ' (detected)' : ''}\n`);
}

export function main(argv: string[]): number {
  let exit = 0;
  const program = new Command();
  program
    .name('corpus-lint')
    .description('Find boilerplate, spam, artifacts, personal data and script issues in crawled Chinese text.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  program
    .command('check')
    .description('report findings for each file')
    .argument('<files...>', 'text files, or folders (their *.txt files, recursively)')
    .option('-f, --format <format>', 'json (one object per line, per file), text, or explain (each line with its verdict and evidence)', 'text')
    .option('--categories <list>', `comma-separated categories to check (default: ${CHECK_CATEGORIES.join(',')})`)
    .option('--no-entities', 'leave out entity findings (people, places, organisations)')
    .option('--lang <lang>', 'message language: en or zh', 'en')
    .option('--encoding <encoding>', ENCODING_HELP, 'auto')
    .action((files: string[], opts: { format: string; categories?: string; entities: boolean; lang: string; encoding: string }) => {
      checkEncoding(opts.encoding);
      if (!['json', 'text', 'explain'].includes(opts.format)) throw new Error(`unknown format "${opts.format}" (json, text or explain)`);
      // entities are reported by default (not by the explain view, which is about line verdicts)
      let categories = parseCategories(opts.categories) ?? (opts.format === 'explain' ? DEFAULT_CATEGORIES : CHECK_CATEGORIES);
      if (!opts.entities) categories = categories.filter((c) => c !== 'entity');
      let any = false;
      for (const file of expandInputs(files, (msg) => process.stderr.write(`corpus-lint: ${msg}\n`))) {
        let read;
        try {
          read = readText(file, opts.encoding);
        } catch (e) {
          process.stderr.write(`corpus-lint: ${file}: ${(e as Error).message}\n`);
          exit = 2;
          continue;
        }
        const findings = analyze(read.text, {
          categories,
          segmenter: jiebaSegmenter,
          onRuleError: (rule, err) => process.stderr.write(`corpus-lint: rule ${rule.id} failed on ${file}: ${(err as Error).message}\n`),
        });
        if (findings.length) any = true;
        const idx = new LineIndex(read.text);
        if (opts.format === 'json') {
          process.stdout.write(JSON.stringify({ file, findings: findings.map((f) => toJsonFinding(f, idx)), encoding: read.encoding }) + '\n');
        } else if (opts.format === 'explain') {
          noteEncoding(file, read);
          process.stdout.write(`== ${file}\n` + renderExplain(read.text, findings));
        } else {
          noteEncoding(file, read);
          for (const f of findings) process.stdout.write(textLine(file, f, idx, opts.lang === 'zh') + '\n');
        }
      }
      if (exit === 0 && any) exit = 1;
    });

  program
    .command('explain')
    .description('show each line with its verdict (C/B/S), coverage and the rules and evidence behind it')
    .argument('<files...>', 'text files or folders')
    .option('--encoding <encoding>', ENCODING_HELP, 'auto')
    .action((files: string[], opts: { encoding: string }) => {
      checkEncoding(opts.encoding);
      for (const file of expandInputs(files, (msg) => process.stderr.write(`corpus-lint: ${msg}\n`))) {
        const read = readText(file, opts.encoding);
        noteEncoding(file, read);
        const findings = analyze(read.text, { segmenter: jiebaSegmenter });
        process.stdout.write(`== ${file}\n` + renderExplain(read.text, findings));
      }
    });

  program
    .command('clean')
    .description('print the text with boilerplate and spam removed and artifacts repaired (script unchanged)')
    .argument('<file>', 'a text file')
    .option('--encoding <encoding>', ENCODING_HELP, 'auto')
    .action((file: string, opts: { encoding: string }) => {
      const read = readText(file, checkEncoding(opts.encoding));
      noteEncoding(file, read);
      process.stdout.write(clean(read.text, { segmenter: jiebaSegmenter }));
    });

  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message: string };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    if (err.code && err.code.startsWith('commander.')) return 2;
    process.stderr.write(`corpus-lint: ${err.message}\n`);
    return 2;
  }
  return exit;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
