/**
 * The corpus-lint language server. Thin: it keeps one analysis per open document (for its current
 * version), runs the engine debounced after changes, and hands findings to protocol/ for every
 * LSP feature. Transport (stdio, node-ipc, socket) is chosen from argv by createConnection.
 */
import {
  CodeAction,
  CodeActionParams,
  createConnection,
  DocumentSymbol,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  InitializeResult,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Finding, indexOfText, LineIndex, Position, Rule, RULES, Segmenter, summarize } from './engine';
import { analyzeSteps, AnalyzeOptions } from './engine/analyze';
import { AnalysisCache } from './engine/cache';
import {
  analyzeSections,
  analyzeSectionsSteps,
  findingAt,
  findingsAround,
  relativeFindings,
  SectionCache,
  sectioned,
  SectionedAnalysis,
  SectionedPart,
  SECTION_THRESHOLD,
  sectionSummary,
  summarizeSections,
} from './engine/sections';
import { compileUserPatterns } from './engine/patterns';
import { jiebaSegmenter } from './segmenter';
import * as fs from 'fs';
import * as url from 'url';
import * as v8 from 'v8';
import * as vm from 'vm';
import { detectEncoding } from './cli/read';
import { analysisKey, defaultSettings, enabledCategories, parseSettings, SECTION, Settings } from './protocol/settings';
import { shouldAnalyze } from './protocol/gate';
import { diagnosticCount, publishDiagnostics, publishSectionDiagnostics, TOP } from './protocol/convert';
import { LineSpan, spanOf, within } from './protocol/focus';
import { hoverAt } from './protocol/hover';
import { toDocumentSymbols, toSectionSymbols } from './protocol/structure';
import { ActionContext, ActionData, CODE_ACTION_KINDS, codeActions, Op, opLspEdits, resolveAction } from './protocol/actions';
import { Script, scriptOf } from './protocol/script';
import { skippedVerdict, SHOW_VERDICT_COMMAND, VerdictNotification, VerdictParams, verdictLens, verdictOfSummary } from './protocol/verdict';
import { toWorkspaceEdit } from './protocol/convert';
import { recognize } from './engine/ner';
import { TaggerProcess } from './tagger';
import { constants as perfConstants, PerformanceObserver } from 'perf_hooks';
import { compactingGc } from './compactingGc';
import {
  DocEntities,
  EntitiesNotification,
  entitiesParams,
  EntityCache,
  entityHighlights,
  entityHoverAt,
  entityReferences,
  entitySymbols,
  entityTokens,
  mergeHover,
  tagDocument,
  tokenLegend,
} from './protocol/entities';

/**
 * V8's old generation grows to up to ~4× what is live before a full GC when the allocation rate is high:
 * with a 10 MB file open, edits in bursts took RSS 403 → 825 MB (each edit leaves the previous text and
 * the publishDiagnostics JSON as large-object garbage). --heap-growing-percent=50 lets it grow to 1.5×:
 * RSS 371–522 MB, no growth, edit latency within the noise (README Performance, figure 6). Set when the
 * first document big enough for sections is analysed, before its heap grows (V8 reads it at every full
 * GC): with only pages open the heap stays small anyway, and the tighter limit only brought more full GCs
 * into the edits after an open (40 edits of a 100 KB page: 3–4 incremental markings, 42–59 ms, against
 * 2, 17–23 ms, loaded machine). CORPUS_LINT_V8_FLAGS, when set, is applied at start instead (for measuring
 * other settings).
 */
const startFlags = process.env.CORPUS_LINT_V8_FLAGS;
if (startFlags !== undefined) v8.setFlagsFromString(startFlags);
const bigHeapFlags = v8FlagsOnce(startFlags === undefined ? '--heap-growing-percent=50' : undefined);

/** A function that sets V8 `flags` (v8.setFlagsFromString) the first time it is called; no flags: nothing. */
function v8FlagsOnce(flags: string | undefined): () => void {
  let pending = flags;
  return () => {
    if (pending === undefined) return;
    v8.setFlagsFromString(pending);
    pending = undefined;
  };
}

/**
 * V8 optimizes a function once about `--interrupt-budget` (default 67584) of its bytecode has run. An open
 * runs every rule over the whole document (long loops: the default suits it); an edit then calls most of the
 * document-level code once, and with the default the first ~30 edits after an open ran at about twice the
 * cost of later ones (V8 optimizing, deoptimizing on thin feedback and optimizing again). So once the first
 * analysis is out, the budget goes up 15×: measured in process (100 KB page, 40 edits, 3 runs each) the
 * edits' analyses took 635–807 ms in all, 250–288 ms the first ten, and 388–439 / 122–154 ms after the
 * switch; through the server (npm run bench figure 3) see README Performance. Raised at the start instead, it
 * slowed the open (figure 5: 436 against 317–355 ms). v8.setFlagsFromString takes this flag at run time
 * (checked: same effect as on the command line). CORPUS_LINT_EDIT_V8_FLAGS replaces it (for measuring).
 */
const editFlags = v8FlagsOnce(process.env.CORPUS_LINT_EDIT_V8_FLAGS ?? '--interrupt-budget=1000000');

/** Server command: apply a document-wide operation ({uri, op, rule?, version?}). */
export const APPLY_COMMAND = 'corpusLint.server.applyAction';

interface Analysis {
  version: number;
  text: string;
  key: string;
  settings: Settings;
  analyzed: boolean;
  /**
   * Every finding, absolute offsets. For a big document made on first access (sections.ts): the edit →
   * diagnostics path does not need it; hovers and code actions ask for what they need (findingNear, findingOf).
   */
  readonly findings: Finding[];
  /** A big document (SECTION_THRESHOLD or more) is analysed in sections (engine/sections.ts): here they are. */
  parts?: SectionedPart[];
  /** The line index of `text`, made when first needed (lineIndexOf). */
  index?: LineIndex;
  /** The verdict, computed when first needed (after the diagnostics are sent): see verdictOfAnalysis. */
  verdict?: VerdictParams;
  script?: Script | null;
  published?: boolean;
  /** Shown findings, and how many are published (corpusLint.maxDiagnostics), once counted. */
  count?: { total: number; published: number };
  /** The lines whose diagnostics the last publish covered completely (protocol/focus.ts); partial: only some of theirs. */
  covered?: LineSpan & { partial?: boolean };
  /** People, places and organisations, once tagged (after the diagnostics are published). */
  entities?: DocEntities;
  entityJob?: Promise<DocEntities | undefined>;
}

const connection = createConnection(ProposedFeatures.all);

/**
 * Where the user is looking in each document (protocol/focus.ts): above corpusLint.maxDiagnostics the
 * diagnostics nearest it are published. The visible range our VS Code client reports
 * (corpusLint/visibleRanges), else the lines of the last edit (other clients: Neovim…), else the top.
 */
const focuses = new Map<string, { span: LineSpan; visible: boolean }>();
function focusOf(uri: string): LineSpan {
  return focuses.get(uri)?.span ?? TOP;
}

/** Text documents; each incremental change also moves the focus to its lines (unless the client reports what is visible). */
const documents = new TextDocuments({
  create: TextDocument.create,
  update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
    const c = changes[changes.length - 1];
    if (c && 'range' in c && !focuses.get(doc.uri)?.visible) {
      let lines = 0;
      for (let i = c.text.indexOf('\n'); i >= 0; i = c.text.indexOf('\n', i + 1)) lines++;
      focuses.set(doc.uri, { span: { start: c.range.start.line, end: c.range.start.line + lines }, visible: false });
    }
    return TextDocument.update(doc, changes, version);
  },
});
const analyses = new Map<string, Analysis>();
/** A scheduled run (a timer, or an immediate for no delay), cancelled by `cancel`. */
interface Pending {
  cancel(): void;
}
const timers = new Map<string, Pending>();

/**
 * (Re)starts the timer of `uri` in `map`: a pending one is cancelled; the entry is gone once it fires.
 * No delay runs it in the next turn of the event loop (setImmediate): setTimeout(…, 0) waits at least 1 ms,
 * and the first change after a publish is analysed with no delay (measured: the change → analysis gap was
 * 1.2–1.3 ms on every edit, CORPUS_LINT_TRACE).
 */
function restartTimer(map: Map<string, Pending>, uri: string, delay: number, run: () => void): void {
  cancelTimer(map, uri);
  const fire = () => {
    map.delete(uri);
    run();
  };
  if (delay <= 0) {
    const h = setImmediate(fire);
    map.set(uri, { cancel: () => clearImmediate(h) });
  } else {
    const h = setTimeout(fire, delay);
    map.set(uri, { cancel: () => clearTimeout(h) });
  }
}

function cancelTimer(map: Map<string, Pending>, uri: string): void {
  map.get(uri)?.cancel();
  map.delete(uri);
}
const settingsCache = new Map<string, Promise<Settings>>();
const failedRules = new Set<string>();
/** Per document: findings of line-local rules from its last analysis, reused for the lines an edit did not touch. */
const caches = new Map<string, AnalysisCache>();
function cacheOf(uri: string): AnalysisCache {
  let c = caches.get(uri);
  if (!c) caches.set(uri, (c = new AnalysisCache()));
  return c;
}
/** Per big document: the results of its sections, reused for the sections an edit did not touch. */
const sectionCaches = new Map<string, SectionCache>();
function sectionCacheOf(uri: string, key: string): SectionCache {
  let c = sectionCaches.get(uri);
  if (!c) sectionCaches.set(uri, (c = new SectionCache()));
  c.reset(key);
  return c;
}
let globalSettings = defaultSettings();
let hasConfiguration = false;
let hasDynamicConfiguration = false;
let hasDocumentChanges = false;
let canResolve = false;
let canRefreshTokens = false;
/** Our VS Code extension contributes the token types person / place / organization; other clients get standard types. */
let customTokenTypes = false;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  hasConfiguration = !!caps.workspace?.configuration;
  hasDynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  hasDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
  canResolve = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
  canRefreshTokens = !!caps.workspace?.semanticTokens?.refreshSupport;
  const init = params.initializationOptions as { settings?: unknown; entityTokenTypes?: unknown; trusted?: unknown } | undefined;
  workspaceTrusted = init?.trusted === true;
  if (init && init.settings) globalSettings = parseSettings((init.settings as Record<string, unknown>)[SECTION] ?? init.settings);
  customTokenTypes = init?.entityTokenTypes === 'custom';
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'corpus-lint' },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [APPLY_COMMAND, SHOW_VERDICT_COMMAND] },
      semanticTokensProvider: { legend: tokenLegend(customTokenTypes), full: true, range: true },
      documentHighlightProvider: true,
      referencesProvider: true,
    },
    serverInfo: { name: 'corpus-lint', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasConfiguration && hasDynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
  }
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!hasConfiguration) {
    const raw = (change.settings as Record<string, unknown> | undefined)?.[SECTION];
    if (raw) globalSettings = parseSettings(raw);
  }
  for (const doc of documents.all()) schedule(doc.uri, 0);
  if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
});

/**
 * Workspace Trust: user patterns (corpusLint.customPatterns) are honoured only when the client says the
 * workspace is trusted (initializationOptions.trusted, then the corpusLint/trust notification when the
 * user grants trust). Untrusted workspaces get the built-in rules only.
 */
let workspaceTrusted = false;
connection.onNotification('corpusLint/trust', (p: { trusted?: unknown } | undefined) => {
  const trusted = !p || p.trusted !== false;
  if (trusted === workspaceTrusted) return;
  workspaceTrusted = trusted;
  for (const doc of documents.all()) schedule(doc.uri, 0);
});

/** Compiled user patterns, per distinct setting value (compiled once per settings change); errors logged once. */
const userRuleCache = new Map<string, Rule | undefined>();
function userRule(settings: Settings): Rule | undefined {
  if (!workspaceTrusted || settings.customPatterns.length === 0) return undefined;
  const key = JSON.stringify(settings.customPatterns);
  if (userRuleCache.has(key)) return userRuleCache.get(key);
  const { rule, errors } = compileUserPatterns(settings.customPatterns);
  for (const e of errors) connection.console.error(`corpus-lint: corpusLint.customPatterns: ${e}`);
  if (userRuleCache.size > 16) userRuleCache.clear();
  userRuleCache.set(key, rule);
  return rule;
}

function getSettings(uri: string): Promise<Settings> {
  if (!hasConfiguration) return Promise.resolve(globalSettings);
  let p = settingsCache.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: SECTION })
      .then(parseSettings, () => globalSettings);
    settingsCache.set(uri, p);
  }
  return p;
}

let segmenter: Segmenter | null | undefined;
/** nodejieba, if it loads in this runtime (a native module); otherwise rules run without segmentation. */
function getSegmenter(): Segmenter | undefined {
  if (segmenter === undefined) {
    try {
      jiebaSegmenter.cut('测试');
      segmenter = jiebaSegmenter;
    } catch (err) {
      segmenter = null;
      connection.console.error(`corpus-lint: word segmentation (nodejieba) is unavailable, rules that need it will be weaker: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return segmenter ?? undefined;
}

/**
 * Tests only (test/e2e/faults.test.ts): CORPUS_LINT_TEST_THROWING_RULE=1 in the server's environment
 * adds a rule that throws on every document, to check that the server survives it. Off by default.
 */
const TEST_RULES: Rule[] | undefined =
  process.env.CORPUS_LINT_TEST_THROWING_RULE === '1'
    ? [...RULES, { id: 'spam/test-throws', category: 'spam', scope: 'document', check: () => { throw new Error('injected failure (CORPUS_LINT_TEST_THROWING_RULE)'); } }]
    : undefined;

function engineOptions(uri: string, settings: Settings): AnalyzeOptions {
  const categories = enabledCategories(settings);
  const extra = userRule(settings);
  const rules = extra ? [...(TEST_RULES ?? RULES), extra] : TEST_RULES;
  return {
    ...(rules ? { rules } : {}),
    categories,
    cache: cacheOf(uri),
    // only the entity rule segments words: the other rules never wait for the jieba dictionary
    segmenter: categories.includes('entity') ? getSegmenter() : undefined,
    onRuleError: (rule: Rule, err: unknown) => {
      if (failedRules.has(rule.id)) return;
      failedRules.add(rule.id);
      connection.console.error(`corpus-lint: rule ${rule.id} failed (${uri}): ${err instanceof Error ? err.stack ?? err.message : String(err)}; its findings are skipped (logged once per rule).`);
    },
  };
}

function runEngine(uri: string, text: string, settings: Settings): Finding[] {
  try {
    return analyze(text, engineOptions(uri, settings));
  } catch (err) {
    connection.console.error(`corpus-lint: analysis failed (${uri}): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return [];
  }
}

/** How long the last analysis of each document took (ms): small documents get a small debounce. */
const lastCost = new Map<string, number>();
/** Work between two pauses of a background analysis, in ms: the server stays responsive and can drop stale work. */
const SLICE_MS = 10;

/**
 * Runs an analysis generator (one step per rule) in slices, pausing every SLICE_MS, and drops the work
 * as soon as a newer version arrives; undefined then. An analysis shorter than one slice never pauses.
 */
async function runSliced<T>(uri: string, version: number, steps: Generator<void, T, void>, failed: T): Promise<T | undefined> {
  const stale = () => documents.get(uri)?.version !== version;
  try {
    let t = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() - t >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (stale()) return undefined;
        t = performance.now();
      }
    }
  } catch (err) {
    connection.console.error(`corpus-lint: analysis failed (${uri}): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return failed;
  }
}

/** Same findings as runEngine, in slices (see runSliced). */
function runEngineSliced(uri: string, version: number, text: string, settings: Settings): Promise<Finding[] | undefined> {
  return runSliced(uri, version, analyzeSteps(text, engineOptions(uri, settings)), []);
}

/** A big document, section by section: sections unchanged since the last analysis are reused (SectionCache). */
function sectionSteps(uri: string, text: string, settings: Settings, key: string): Generator<void, SectionedAnalysis, void> {
  return analyzeSectionsSteps(text, sectionOptions(uri, settings), sectionCacheOf(uri, key));
}

/** Engine options for the sections of a big document: each section has its own line cache (SectionCache). */
function sectionOptions(uri: string, settings: Settings): AnalyzeOptions {
  const { cache: _wholeDocumentCache, ...options } = engineOptions(uri, settings);
  return options;
}

function runSections(uri: string, text: string, settings: Settings, key: string): SectionedAnalysis {
  try {
    return analyzeSections(text, sectionOptions(uri, settings), sectionCacheOf(uri, key));
  } catch (err) {
    connection.console.error(`corpus-lint: analysis failed (${uri}): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return sectioned([]);
  }
}

/**
 * The analysis of the document's current version (computed now if needed); undefined when the document
 * is gone. `sliced`: analyse in slices and give up (undefined) when a newer version arrives meanwhile.
 */
async function ensure(uri: string, sliced = false): Promise<Analysis | undefined> {
  if (!documents.get(uri)) return undefined;
  const settings = await getSettings(uri);
  const doc = documents.get(uri); // it may have changed while we waited
  if (!doc) return undefined;
  const key = analysisKey(settings) + '|' + JSON.stringify(settings) + '|' + (workspaceTrusted ? 'trusted' : 'untrusted');
  const cached = analyses.get(uri);
  if (cached && cached.version === doc.version && cached.key === key) return cached;
  const text = doc.getText();
  const analyzed = shouldAnalyze(doc.languageId, text, settings.onlyChinese);
  const t0 = performance.now();
  let findings: Finding[] = [];
  let sa: SectionedAnalysis | undefined;
  const big = text.length >= SECTION_THRESHOLD;
  if (big) bigHeapFlags();
  if (analyzed && sliced) {
    const r = big
      ? await runSliced(uri, doc.version, sectionSteps(uri, text, settings, key), sectioned([]))
      : await runEngineSliced(uri, doc.version, text, settings);
    if (!r) return undefined; // a newer version is on its way
    const again = analyses.get(uri); // a request may have analysed this version meanwhile
    if (again && again.version === doc.version && again.key === key) return again;
    if (Array.isArray(r)) findings = r;
    else sa = r;
  } else if (analyzed && big) sa = runSections(uri, text, settings, key);
  else if (analyzed) findings = runEngine(uri, text, settings);
  lastCost.set(uri, performance.now() - t0);
  trace(uri, 'analysis');
  if (big) caches.delete(uri); // the whole-document line cache is not used for sections
  else sectionCaches.delete(uri);
  const parts = sa?.parts;
  const a: Analysis = sa
    ? { version: doc.version, text, key, settings, analyzed, parts, get findings() { return sa!.findings; } }
    : { version: doc.version, text, key, settings, analyzed, findings };
  analyses.set(uri, a);
  return a;
}

/** Finding `i` of an analysis (a diagnostic's data.i). */
function findingOf(a: Analysis, i: number): Finding | undefined {
  return a.parts ? findingAt(a.parts, i) : a.findings[i];
}

/** Findings that may cover `pos` (all of them for a document in one piece; its sections' for a big one). */
function findingsNear(a: Analysis, pos: Position): readonly Finding[] {
  return a.parts ? findingsAround(a.parts, lineIndexOf(a).offsetAt(pos)) : a.findings;
}

function lineIndexOf(a: Analysis): LineIndex {
  return (a.index ??= indexOfText(a.text));
}

/** The verdict of an analysis (content share, counts; for a big document per section, kept with each section). */
function verdictOfAnalysis(uri: string, a: Analysis): VerdictParams {
  if (!a.verdict) {
    const lang = a.settings.messageLanguage;
    if (!a.analyzed) a.verdict = skippedVerdict(uri, a.version);
    else {
      const count = countOf(a);
      const summary = a.parts ? summarizeSections(a.text, a.parts) : summarize(a.text, a.findings);
      const c = a.covered;
      const note = count.published < count.total && c ? { ...count, lines: { start: c.start, end: c.end }, ...(c.partial ? { partial: true } : {}) } : count;
      a.verdict = verdictOfSummary(uri, a.version, summary, lang, a.parts?.length, note);
    }
  }
  return a.verdict;
}

/** How many findings are shown as diagnostics, and how many of them are published. */
function countOf(a: Analysis): { total: number; published: number } {
  return (a.count ??= diagnosticCount(a.parts ? relativeFindings(a.parts) : a.findings, a.settings));
}

function schedule(uri: string, delay: number): void {
  restartTimer(timers, uri, delay, () => void validate(uri));
}

/**
 * CORPUS_LINT_TRACE=1: timings of the edit path on stderr (change received → analysis → verdict →
 * diagnostics → message written), for measuring the server's own cost. Off by default.
 */
const TRACE = process.env.CORPUS_LINT_TRACE === '1';
// and V8's garbage collections (kind and pause), which land anywhere in that path
if (TRACE) {
  // (perf_hooks' own numbers: minor 1, major 4, incremental 8, weak callbacks 16 — a table of V8's own
  // 1/2/4/8 printed every full GC as "incremental" and every incremental marking step as "weak callbacks")
  const kinds: Record<number, string> = {
    [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) process.stderr.write(`TRACE gc ${kinds[((e as unknown as { detail?: { kind?: number } }).detail)?.kind ?? 0] ?? '?'} ${e.duration.toFixed(1)}ms\n`);
  }).observe({ entryTypes: ['gc'] });
}
const traceT = new Map<string, number>();
function trace(uri: string, what: string): void {
  if (!TRACE) return;
  const now = performance.now();
  process.stderr.write(`TRACE ${what} +${(now - (traceT.get(uri) ?? now)).toFixed(1)}ms\n`);
  traceT.set(uri, now);
}

/**
 * Documents whose debounced analysis is running, with how many validations of each are (a newer one may
 * start while an older one holds its diagnostics back, see validate).
 */
const running = new Map<string, number>();
function enter(uri: string): void {
  running.set(uri, (running.get(uri) ?? 0) + 1);
}
function leave(uri: string): void {
  const n = (running.get(uri) ?? 1) - 1;
  if (n > 0) running.set(uri, n);
  else running.delete(uri);
}

/** When each document last changed (performance.now()). */
const changedAt = new Map<string, number>();
/**
 * Diagnostics of a change go out no sooner than this after it arrived, so that changes sent together
 * arrive first and supersede it. The wait overlaps the analysis, which starts at once: it only holds back
 * an analysis shorter than itself.
 */
const HOLD_MS = SLICE_MS;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function validate(uri: string): Promise<void> {
  enter(uri);
  trace(uri, 'validate');
  let a: Analysis | undefined;
  try {
    a = await ensure(uri, true);
    if (!a) return;
    trace(uri, 'analysed');
    const hold = (changedAt.get(uri) ?? 0) + HOLD_MS - performance.now();
    if (hold >= 1) await new Promise<void>((resolve) => setTimeout(resolve, hold));
    // then two turns of the event loop: the connection handles each message it has read in a turn of its
    // own (setImmediate), queued after ours when it was read during our wait; a change that has arrived
    // makes this version stale, and publish() then skips it (the change has scheduled its own analysis)
    await turn();
    await turn();
  } finally {
    leave(uri);
  }
  const sent = publish(uri, a);
  if (TRACE) void sent.then(() => trace(uri, 'written'));
  wakeIdle(uri);
  // entities only after the diagnostics are out: a long message is written in pieces as the pipe drains,
  // and loading the tagger (nodejieba, the NER model: seconds) would hold the rest back
  if (a.analyzed && a.settings.entities.enabled) void sent.then(() => scheduleEntities(uri, a));
  if (a.parts) void sent.then(() => scheduleIdleGc());
}

/**
 * Memory of big documents. Every edit of a big document leaves large garbage: the previous text (2 bytes
 * a character), the publishDiagnostics JSON and its buffer — each in V8's large-object space, which only a
 * full GC frees, and V8 runs one late (RSS climbed ~10 MB per edit of a 2 MB file, then fell: a sawtooth
 * of 230–490 MB). Once the server is still (no change for IDLE_GC_MS after the diagnostics are written),
 * one full GC brings the heap back to what is live. It costs 40–160 ms with a 2 MB file open (measured,
 * loaded machine): a change arriving meanwhile waits, so it waits for a pause longer than the gaps
 * between keystrokes, and any change cancels it. Only after the analysis of a document in sections;
 * measured in README (Performance, figure 6).
 */
const IDLE_GC_MS = 500;
let gcFn: (() => void) | null | undefined;
let gcTimer: NodeJS.Timeout | undefined;
function cancelIdleGc(): void {
  if (gcTimer) clearTimeout(gcTimer);
  gcTimer = undefined;
}
function scheduleIdleGc(): void {
  cancelIdleGc();
  gcTimer = setTimeout(() => {
    gcTimer = undefined;
    if (timers.size || running.size) return; // an analysis is pending: its publish schedules the next one
    if (gcFn === undefined) {
      try {
        v8.setFlagsFromString('--expose-gc');
        gcFn = vm.runInNewContext('gc') as () => void;
      } catch {
        gcFn = null;
      }
    }
    const t = performance.now();
    if (gcFn) compactingGc(gcFn);
    if (TRACE) process.stderr.write(`TRACE idle gc ${(performance.now() - t).toFixed(1)}ms\n`);
  }, IDLE_GC_MS);
}

/**
 * Entities are tagged in the background once the document has been still for ENTITY_IDLE_MS (or at once
 * when a request needs them: hover, semantic tokens, outline… call entitiesOf), so tagging the version
 * just published never delays the diagnostics of the next edit.
 */
const ENTITY_IDLE_MS = 250;
const entityTimers = new Map<string, Pending>();
function scheduleEntities(uri: string, a: Analysis): void {
  restartTimer(entityTimers, uri, a.entities || a.entityJob ? 0 : ENTITY_IDLE_MS, () => {
    if (analyses.get(uri) === a && documents.get(uri)?.version === a.version && !timers.has(uri)) void startEntities(uri, a);
  });
}

// ---------------------------------------------------------------- entities

// nodejieba and the NER model live in a child process (tagger.ts); in this one only if it cannot start
const tagger = new TaggerProcess({
  fallback: (texts) => texts.map((text) => recognize(text, getSegmenter())),
  log: (message) => connection.console.error(message),
});
process.on('exit', () => tagger.dispose());
const entityCache = new EntityCache({ batch: tagger.recognize });
const idleWaiters = new Map<string, (() => void)[]>();

/** Resolves when no debounced analysis is pending for the document. */
function whenIdle(uri: string): Promise<void> {
  if (!timers.has(uri)) return Promise.resolve();
  return new Promise((resolve) => {
    const list = idleWaiters.get(uri) ?? [];
    list.push(resolve);
    idleWaiters.set(uri, list);
  });
}

function wakeIdle(uri: string): void {
  const list = idleWaiters.get(uri);
  if (!list) return;
  idleWaiters.delete(uri);
  for (const f of list) f();
}

/** Tags the analysis's text (once; concurrent callers share the job); undefined when a newer version cancelled it. */
function startEntities(uri: string, a: Analysis): Promise<DocEntities | undefined> {
  if (a.entities) return Promise.resolve(a.entities);
  if (!a.entityJob) {
    const isCurrent = () => analyses.get(uri) === a && documents.get(uri)?.version === a.version;
    a.entityJob = tagDocument(a.text, a.version, entityCache, { isCurrent }).then(
      (ents) => {
        if (!ents) {
          a.entityJob = undefined;
          return undefined;
        }
        a.entities = ents;
        void connection.sendNotification(EntitiesNotification, entitiesParams(uri, ents));
        return ents;
      },
      (err) => {
        a.entityJob = undefined;
        connection.console.error(`corpus-lint: entity tagging failed (${uri}): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        return undefined;
      },
    );
  }
  return a.entityJob;
}

/**
 * The entities of the document's current version: waits for a pending debounced analysis,
 * publishes its diagnostics first, then tags (or joins the running job). Undefined when entities
 * are off, the document is not analysed or gone, or the request was cancelled.
 */
async function entitiesOf(uri: string, token?: { isCancellationRequested: boolean }): Promise<{ a: Analysis; ents: DocEntities } | undefined> {
  for (let tries = 0; tries < 50; tries++) {
    await whenIdle(uri);
    if (token?.isCancellationRequested) return undefined;
    const a = await ensure(uri);
    if (!a || !a.analyzed || !a.settings.entities.enabled) return undefined;
    publish(uri, a); // a no-op when already published: diagnostics always go out before entities are computed
    const ents = await startEntities(uri, a);
    if (ents) return { a, ents };
  }
  return undefined;
}

/**
 * Publishes the diagnostics of an analysis — only if it is for the current version — and schedules its
 * verdict (scheduleVerdict). Resolves when the diagnostics are written out.
 */
function publish(uri: string, a: Analysis): Promise<void> {
  const doc = documents.get(uri);
  if (!doc || doc.version !== a.version || a.published) return Promise.resolve(); // stale: a newer version is on its way
  a.published = true;
  const focus = focusOf(uri);
  const out = !a.analyzed
    ? undefined
    : a.parts
      ? publishSectionDiagnostics(sectionViews(a.parts, a.text), a.version, a.settings, a.key, focus)
      : publishDiagnostics(a.findings, lineIndexOf(a), a.version, a.settings, focus);
  const diagnostics = out?.diagnostics ?? [];
  if (out && a.settings.maxDiagnostics && diagnostics.length >= a.settings.maxDiagnostics) {
    // possibly capped: the verdict says which lines the published diagnostics cover
    if (a.covered?.start !== out.covered.start || a.covered?.end !== out.covered.end || !a.covered?.partial !== !out.partial) a.verdict = undefined;
    a.covered = out.partial ? { ...out.covered, partial: true } : out.covered;
  }
  trace(uri, `diagnostics (${diagnostics.length})`);
  editFlags();
  return connection.sendDiagnostics({ uri, version: a.version, diagnostics }).then(
    () => scheduleVerdict(uri, a),
    () => undefined,
  );
}

/**
 * The verdict is computed and sent once the document has been still for VERDICT_IDLE_MS after its
 * diagnostics were written, not right after them: while the user types, the next change arrives a few ms
 * after the diagnostics (2–10 ms in the edit benchmark), and the verdict computed then (summarize: ~0.6 ms
 * on a 100 KB page, 1–3 ms on the first edits after an open, measured; a big document's sections in
 * slices) held that change up. A newer version drops it; its own publish schedules the next one. The
 * status bar shows it 50 ms later, which nobody sees.
 */
const VERDICT_IDLE_MS = 50;
const verdictTimers = new Map<string, Pending>();
function scheduleVerdict(uri: string, a: Analysis): void {
  restartTimer(verdictTimers, uri, VERDICT_IDLE_MS, () => {
    if (analyses.get(uri) !== a || documents.get(uri)?.version !== a.version) return;
    void verdictInSlices(uri, a).then((v) => (v ? connection.sendNotification(VerdictNotification, v) : undefined));
  });
}

/**
 * The verdict, for a document in sections summarised section by section in slices of SLICE_MS: the first
 * verdict of a 10 MB file summarises ~220 sections (~300 ms under load, measured: it held up the first
 * edit after opening by as much). A change arriving meanwhile is handled first, and this verdict is then
 * dropped (undefined: the newer version sends its own). The summaries stay with the sections' results,
 * so the next version summarises only the sections it changed.
 */
async function verdictInSlices(uri: string, a: Analysis): Promise<VerdictParams | undefined> {
  if (!a.verdict && a.analyzed && a.parts) {
    const parts = a.parts;
    const steps = (function* () {
      for (const p of parts) {
        sectionSummary(a.text, p);
        yield;
      }
      return true;
    })();
    if (!(await runSliced(uri, a.version, steps, false)) || analyses.get(uri) !== a) return undefined;
  }
  return verdictOfAnalysis(uri, a);
}

documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  trace(uri, `change v${e.document.version}`);
  cancelIdleGc();
  cancelTimer(verdictTimers, uri);
  const known = analyses.get(uri);
  changedAt.set(uri, performance.now());
  // The first change after the diagnostics went out is analysed at once; its diagnostics are held back
  // until HOLD_MS after it arrived (the hold overlaps the analysis), so that changes sent together arrive
  // first and it is not published when superseded (see validate; with no hold at all, two changes sent
  // back to back published the first one under load: measured, test/e2e/server.test.ts). Changes that come
  // while an analysis is pending, running or held are typing: they wait for a pause of
  // corpusLint.debounceMs, at most as long as an analysis of this document takes (a small document is
  // analysed at once).
  const typing = timers.has(uri) || running.has(uri);
  const cap = Math.round(lastCost.get(uri) ?? SLICE_MS);
  schedule(uri, !known || !typing ? 0 : Math.min(known.settings.debounceMs, cap));
});

/**
 * corpusLint/visibleRanges {uri, ranges}: what the editor shows of a document (our VS Code client sends
 * it, debounced, when the user scrolls or switches editors). It becomes the document's focus; when the
 * document has more diagnostics than are published and the new range leaves the lines the last publish
 * covered, the diagnostics nearest it are published again (no analysis: ≤ maxDiagnostics conversions).
 */
connection.onNotification('corpusLint/visibleRanges', (p: { uri?: unknown; ranges?: unknown } | undefined) => {
  if (!p || typeof p.uri !== 'string' || !Array.isArray(p.ranges)) return;
  const span = spanOf(p.ranges as { start: { line: number }; end: { line: number } }[]);
  if (!span) return;
  const uri = p.uri;
  focuses.set(uri, { span, visible: true });
  const a = analyses.get(uri);
  if (!a || !a.published || documents.get(uri)?.version !== a.version) return; // the next publish uses the new focus
  const count = a.analyzed ? countOf(a) : undefined;
  if (!count || count.published >= count.total || within(span, a.covered)) return;
  a.published = false;
  trace(uri, 'refocus');
  void publish(uri, a);
});

documents.onDidClose((e) => {
  const uri = e.document.uri;
  focuses.delete(uri);
  cancelTimer(timers, uri);
  cancelTimer(entityTimers, uri);
  cancelTimer(verdictTimers, uri);
  analyses.delete(uri);
  caches.delete(uri);
  sectionCaches.delete(uri);
  lastCost.delete(uri);
  changedAt.delete(uri);
  settingsCache.delete(uri);
  wakeIdle(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onHover(async (params, token) => {
  const uri = params.textDocument.uri;
  const a = await ensure(uri);
  if (!a || !a.analyzed) return null;
  if (!a.settings.entities.enabled) return hoverAt(a.text, findingsNear(a, params.position), params.position, a.settings.messageLanguage, lineIndexOf(a));
  const e = await entitiesOf(uri, token);
  const cur = e?.a ?? a;
  const lang = cur.settings.messageLanguage;
  // entity findings (when the entity category is on) are covered by the entity hover
  const near = findingsNear(cur, params.position);
  const other = hoverAt(cur.text, near.filter((f) => f.category !== 'entity'), params.position, lang, lineIndexOf(cur));
  if (!e) return other;
  return mergeHover(e.ents.index, entityHoverAt(e.ents, e.ents.index.offsetAt(params.position), lang), other);
});

/** The sections of a big document as protocol/ takes them (text on demand, first line, findings, per-section memo). */
function sectionViews(parts: readonly SectionedPart[], text: string) {
  return parts.map((p) => ({ text: () => text.slice(p.section.start, p.section.end), line: p.section.line, rel: p.result.rel, memo: p.result }));
}

/** The outline: for a document in sections, each section's (kept per section, protocol/structure.ts). */
function symbolsOf(a: Analysis): DocumentSymbol[] {
  if (!a.parts) return toDocumentSymbols(a.text, a.findings);
  return toSectionSymbols(sectionViews(a.parts, a.text));
}

connection.onDocumentSymbol(async (params, token) => {
  const uri = params.textDocument.uri;
  const a = await ensure(uri);
  if (!a || !a.analyzed) return [];
  const symbols = symbolsOf(a);
  if (!a.settings.entities.enabled) return symbols;
  const e = await entitiesOf(uri, token);
  if (!e) return symbols;
  const section = entitySymbols(e.ents, e.a.settings.messageLanguage);
  const parts = e.a === a ? symbols : symbolsOf(e.a);
  return section ? [...parts, section] : parts;
});

connection.languages.semanticTokens.on(async (params, token) => {
  const e = await entitiesOf(params.textDocument.uri, token);
  return { data: e ? entityTokens(e.ents) : [] };
});

connection.languages.semanticTokens.onRange(async (params, token) => {
  const e = await entitiesOf(params.textDocument.uri, token);
  if (!e) return { data: [] };
  const idx = e.ents.index;
  return { data: entityTokens(e.ents, idx.offsetAt(params.range.start), idx.offsetAt(params.range.end)) };
});

connection.onDocumentHighlight(async (params, token) => {
  const e = await entitiesOf(params.textDocument.uri, token);
  if (!e) return null;
  return entityHighlights(e.ents, e.ents.index.offsetAt(params.position));
});

connection.onReferences(async (params, token) => {
  const e = await entitiesOf(params.textDocument.uri, token);
  if (!e) return null;
  return entityReferences(e.ents, params.textDocument.uri, e.ents.index.offsetAt(params.position), params.context?.includeDeclaration !== false);
});

connection.onCodeLens(async (params) => {
  const a = await ensure(params.textDocument.uri);
  if (!a || !a.analyzed || !a.settings.codeLens) return [];
  return [verdictLens(verdictOfAnalysis(params.textDocument.uri, a))];
});

/**
 * The document's script, for the convert actions. A document in sections takes it from its sections'
 * script/document findings (kept per section) when the script category runs: scriptOf over a 10 MB text
 * costs 0.1–0.5 s, and editors ask for code actions after every edit.
 */
function scriptOfAnalysis(a: Analysis): Script | undefined {
  if (a.script === undefined) {
    try {
      const fromSections = a.parts && a.settings.categories.script ? summarizeSections(a.text, a.parts).script : undefined;
      a.script = ((fromSections as Script | undefined) ?? scriptOf(a.text)) ?? null;
    } catch {
      a.script = null;
    }
  }
  return a.script ?? undefined;
}

function actionContext(uri: string, a: Analysis, lazy: boolean): ActionContext {
  return {
    uri,
    version: a.version,
    documentChanges: hasDocumentChanges,
    text: a.text,
    get findings() {
      return a.findings;
    },
    findingAt: (i) => findingOf(a, i),
    scan: a.parts ? () => relativeFindings(a.parts!) : undefined,
    lang: a.settings.messageLanguage,
    script: scriptOfAnalysis(a),
    index: lineIndexOf(a),
    lazy,
  };
}

connection.onCodeAction(async (params: CodeActionParams) => {
  const uri = params.textDocument.uri;
  const a = await ensure(uri);
  if (!a || !a.analyzed) return [];
  return codeActions(actionContext(uri, a, canResolve), params.context.diagnostics, params.context.only);
});

connection.onCodeActionResolve(async (action: CodeAction) => {
  const data = action.data as ActionData | undefined;
  if (!data || typeof data.uri !== 'string') return action;
  const a = await ensure(data.uri);
  if (!a || !a.analyzed) return action;
  return resolveAction(action, actionContext(data.uri, a, false));
});

connection.onExecuteCommand(async (params) => {
  if (params.command === SHOW_VERDICT_COMMAND) {
    const uri = String(params.arguments?.[0] ?? '');
    const a = await ensure(uri);
    if (a) void connection.window.showInformationMessage(verdictOfAnalysis(uri, a).text);
    return null;
  }
  if (params.command === APPLY_COMMAND) {
    const arg = (params.arguments?.[0] ?? {}) as Partial<ActionData>;
    if (typeof arg.uri !== 'string' || typeof arg.op !== 'string') return { applied: false, reason: 'bad arguments' };
    const a = await ensure(arg.uri);
    if (!a) return { applied: false, reason: 'document not open' };
    if (!a.analyzed && arg.op !== 'toSimplified' && arg.op !== 'toTraditional') return { applied: false, reason: 'document not analysed' };
    if (typeof arg.version === 'number' && arg.version !== a.version) return { applied: false, reason: `stale version ${arg.version} (now ${a.version})` };
    const edits = opLspEdits(arg as Op, actionContext(arg.uri, a, false));
    if (!edits.length) return { applied: true, edits: 0 };
    const res = await connection.workspace.applyEdit({
      label: `corpus-lint: ${arg.op}`,
      edit: toWorkspaceEdit({ uri: arg.uri, version: a.version, documentChanges: hasDocumentChanges }, edits),
    });
    return { applied: res.applied, edits: edits.length, reason: res.failureReason };
  }
  return null;
});

/**
 * corpusLint/detectEncoding {uri} → {encoding} | null: the encoding of a file on disk, recognised
 * from its bytes (the CLI's detection), for the client's "Reopen with Encoding" on
 * artifact/wrong-encoding. Reads only the document's own file; file: URIs only.
 */
connection.onRequest('corpusLint/detectEncoding', (p: { uri?: unknown }) => {
  if (typeof p?.uri !== 'string' || !p.uri.startsWith('file:')) return null;
  try {
    const fd = fs.openSync(url.fileURLToPath(p.uri), 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      return { encoding: detectEncoding(buf.subarray(0, n)).encoding };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
});

documents.listen(connection);
connection.listen();
