/**
 * The one currency of corpus-lint: a Finding. Engine → server, CLI and tests all speak it.
 * Offsets are UTF-16 code-unit offsets into the document text (JavaScript string indices);
 * `LineIndex` turns them into LSP positions.
 */
export type Category = 'boilerplate' | 'spam' | 'artifact' | 'pii' | 'entity' | 'script';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type EntityType = 'person' | 'place' | 'organization';

export const CATEGORIES: readonly Category[] = ['boilerplate', 'spam', 'artifact', 'pii', 'entity', 'script'];

/** A replacement of text[start, end) by newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  /** `category/name`, e.g. `spam/gambling-names`. */
  rule: string;
  category: Category;
  severity: Severity;
  /** English message. */
  message: string;
  /** Chinese message (shown when the user chooses Chinese). */
  messageZh?: string;
  start: number;
  end: number;
  /** 0..1 confidence. */
  score?: number;
  /** Human-readable reasons: matched words, block evidence. */
  evidence?: string[];
  entityType?: EntityType;
  /** The first fix is the one `clean` and "fix all" apply. */
  fixes?: Fix[];
}

/** What one line of the document is. `end` excludes the line break; `next` is where the next line starts. */
export interface Line {
  index: number;
  start: number;
  end: number;
  next: number;
  text: string;
  /** true when the line holds no visible character. */
  blank: boolean;
}

/** A maximal run of non-blank lines. */
export interface Block {
  index: number;
  /** index of first and last line (inclusive). */
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Word segmentation, injected so the engine stays pure (nodejieba in production). */
export interface Segmenter {
  cut(text: string): string[];
  tag(text: string): { word: string; tag: string }[];
}

export interface EngineOptions {
  /** Categories to run; all but `entity` by default. */
  categories?: Category[];
  segmenter?: Segmenter;
}

export interface AnalysisContext {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly blocks: readonly Block[];
  /** block index of each line (-1 for blank lines). */
  readonly blockOfLine: readonly number[];
  readonly options: EngineOptions;
  /** Findings of rules that ran in earlier phases. */
  readonly prior: readonly Finding[];
  /** Word segmentation, when a segmenter was given. */
  readonly segmenter?: Segmenter;
}

export interface Rule {
  id: string;
  category: Category;
  scope: 'span' | 'line' | 'block' | 'document';
  /** Rules of a higher phase see the findings of lower phases in `ctx.prior`. Default 0. */
  phase?: number;
  /**
   * `line`: the rule's findings on a non-blank line depend only on that line's text and its line break
   * (not on other lines, blocks, `ctx.prior` or the line's position), they lie within that line, and a
   * blank line yields none. The engine may then reuse them from an earlier analysis of an unchanged line
   * (see cache.ts) and run the rule over the other lines only, the cached ones shown to it as blank.
   * Leave it out when in doubt: the rule then runs over the whole document every time.
   */
  locality?: 'line';
  check(ctx: AnalysisContext): Finding[];
}
