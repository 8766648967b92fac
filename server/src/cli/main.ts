/**
 * corpus-lint on the command line. The contract (DESIGN.md) is stable:
 *   corpus-lint check [--format json|text] [--jobs N] FILE...   findings; exit 1 when there are any
 *   corpus-lint clean FILE                           cleaned text on stdout
 */
import { Command } from 'commander';
import * as fs from 'fs';
import * as os from 'os';
import { Category, CATEGORIES, DEFAULT_CATEGORIES } from '../engine';
import { analyzeDocument, cleanDocument } from '../engine/sections';
import { jiebaSegmenter } from '../segmenter';
import { readText, isSupportedEncoding, KNOWN_ENCODINGS } from './read';
import { expandInputs } from './files';
import { renderExplain } from './explain';
import { checkFile, CheckOptions, CheckResult, encodingNote } from './check';
import { checkInPool } from './pool';

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

/**
 * Worker threads `check` uses by default: one per CPU. (One per CPU but one was tried: on a 2-CPU machine
 * one job took 43.1 s over the bench's 100 MB of pages and 133.7 s with entities, against 33.5–38.6 s and
 * 56–70 s with two — npm run bench, figures 1 and 2; entity tagging, in nodejieba's native code, gains most.)
 */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * V8 flags for `check` on worker threads: with a worker on every CPU, V8's optimizing compiler thread only
 * takes turns with the workers, and costs the hand-over on top; each worker compiles on its own thread
 * instead. Over 20 MB of pages, --jobs 2 on two hyperthreads, alternated runs on an idle machine: median
 * 10.1 → 9.2 s wall and 18.3 → 16.5 s CPU; with entities (6 MB) 9.6–10.4 → 9.3 s. (--single-threaded, which
 * also keeps the GC on the workers' threads, gained as much or a little less.) V8 takes such flags only
 * when the process starts (set later, they abort it), so the binary starts itself again with them
 * (bin/corpus-lint.js). CORPUS_LINT_POOL_V8_FLAGS replaces them (empty: none, no second start).
 */
export function poolV8Flags(): string[] {
  const env = process.env.CORPUS_LINT_POOL_V8_FLAGS;
  return (env ?? '--no-concurrent-recompilation').split(/\s+/).filter(Boolean);
}

/** What the binary offers main(): starting itself again with V8 flags; resolves with that process's exit code. */
export interface Host {
  relaunch(v8Flags: string[]): Promise<number>;
}

/**
 * Runs the command line and returns its exit code. `check` over several files with more than one
 * job finishes asynchronously: main() then returns 0 at once and sets process.exitCode when the
 * last file is written (run() awaits the real code).
 */
export function main(argv: string[], host?: Host): number {
  const r = start(argv, host);
  if (typeof r === 'number') return r;
  void r.then((code) => (process.exitCode = code));
  return 0;
}

/** main(), awaitable: resolves with the exit code once every file is written. */
export async function run(argv: string[], host?: Host): Promise<number> {
  return start(argv, host);
}

/**
 * Whether `check` over `files` may run on the worker pool: more than one file, or a folder (not walked here:
 * the process started again walks it; a folder of one file then runs without the pool, as it would here).
 */
function manyFiles(files: readonly string[]): boolean {
  if (files.length > 1) return true;
  try {
    return fs.statSync(files[0]).isDirectory();
  } catch {
    return false;
  }
}

function start(argv: string[], host?: Host): number | Promise<number> {
  let exit = 0;
  let pending: Promise<number> | undefined;
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
    .option('--conversion-fixes', 'json: also print script/document\'s fixes "Convert to Simplified/Traditional", each a converted copy of the whole text (left out by default: a fifth of the output over a corpus)')
    .option('-j, --jobs <n>', `worker threads for many files (default: the number of CPUs, ${defaultJobs()} here); output stays in input order`)
    .action((files: string[], opts: { format: string; categories?: string; entities: boolean; lang: string; encoding: string; jobs?: string; conversionFixes?: boolean }) => {
      checkEncoding(opts.encoding);
      if (!['json', 'text', 'explain'].includes(opts.format)) throw new Error(`unknown format "${opts.format}" (json, text or explain)`);
      // entities are reported by default (not by the explain view, which is about line verdicts)
      let categories = parseCategories(opts.categories) ?? (opts.format === 'explain' ? DEFAULT_CATEGORIES : CHECK_CATEGORIES);
      if (!opts.entities) categories = categories.filter((c) => c !== 'entity');
      const jobs = opts.jobs === undefined ? defaultJobs() : Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs wants a whole number ≥ 1, not "${opts.jobs}"`);
      const flags = poolV8Flags();
      if (host && jobs > 1 && flags.length && !flags.every((f) => process.execArgv.includes(f)) && manyFiles(files)) {
        pending = host.relaunch(flags);
        return;
      }
      const copts: CheckOptions = { categories, format: opts.format as CheckOptions['format'], lang: opts.lang, encoding: opts.encoding, conversionFixes: !!opts.conversionFixes };
      const inputs = expandInputs(files, (msg) => process.stderr.write(`corpus-lint: ${msg}\n`));
      let any = false;
      const sink = (r: CheckResult) => {
        if (r.err) process.stderr.write(r.err);
        if (r.out) process.stdout.write(r.out);
        if (r.failed) exit = 2;
        if (r.any) any = true;
      };
      const exitCode = () => (exit === 0 && any ? 1 : exit);
      if (jobs > 1 && inputs.length > 1) {
        // files go to a pool of worker threads; main() returns before they are done (see main)
        pending = checkInPool(inputs, copts, jobs, { write: sink }).then(exitCode, (e) => {
          process.stderr.write(`corpus-lint: ${(e as Error).message}\n`);
          return 2;
        });
        return;
      }
      for (const file of inputs) sink(checkFile(file, copts));
      exit = exitCode();
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
        process.stderr.write(encodingNote(file, read));
        const findings = analyzeDocument(read.text, { segmenter: jiebaSegmenter });
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
      process.stderr.write(encodingNote(file, read));
      process.stdout.write(cleanDocument(read.text, { segmenter: jiebaSegmenter }));
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
  return pending ?? exit;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
