/**
 * Bounded memos of functions of a line's text, shared across analyses and rules.
 *
 * Most lines of a document do not change between two analyses (an edit in the editor), and many rules ask
 * the same text-only questions about every line (its normalized form, its shape, whether it is a full
 * sentence…). A `TextMemo` answers such a question once per distinct text: document-level rules then read
 * the facts of unchanged lines instead of recomputing them on every analysis.
 *
 * Bounds: texts longer than `maxLength` are not kept (a whole page: each edit would leave a stale copy
 * behind), and at most `maxEntries` texts of at most `maxChars` characters in all are kept, in two
 * generations — when the newer one is full, the older one is dropped and the newer one becomes the older
 * (a line asked about since stays).
 * The function must be pure (same text, same answer) and its answers must not be mutated by callers.
 */
/**
 * Per-line slots: the answers of every TextMemo about one line's text, kept with the interned line
 * (segment.ts) and found through a small map of the current analysis's lines (`lineSlots`). A one-shot
 * analysis (the CLI) sees mostly new lines: each memo's own generations — maps of tens of thousands of
 * texts, out of the CPU's caches — cost ~0.3 µs per look-up or insert, ~20 look-ups per line and rule
 * family; the slots cost one look-up in a map of one document's lines and an array index.
 */
export type LineSlots = unknown[];
/** Most lines registered per analysis (a bigger document: the memos' own generations answer past this). */
const MAX_LINE_SLOTS = 20000;
let lineSlots = new Map<string, LineSlots>();

/** Starts an analysis (buildContext): the lines registered since are those of the document being analysed. */
export function newAnalysis(): void {
  if (lineSlots.size) lineSlots = new Map();
}

/** A line of the document being analysed, with its interned slots (segment.ts splitLines). */
export function registerLine(text: string, slots: LineSlots): void {
  if (lineSlots.size >= MAX_LINE_SLOTS) return;
  lineSlots.set(text, slots);
}

let nextMemoId = 0;

/**
 * A string made by replace() or concatenation is a rope of its pieces in V8 until something flattens it: an
 * answer kept as such costs several times its characters (30,000 lines without their spaces: 14.8 MB as
 * ropes, 2.6 MB flat, measured). A kept string answer is flattened once: charCodeAt flattens a rope, and the
 * next GC drops its pieces. (Stored to `flatSink` so that the compiler cannot drop the read.)
 */
let flatSink = 0;
function flat<V>(v: V): V {
  if (typeof v === 'string') flatSink = v.charCodeAt(0);
  return v;
}

/**
 * Empty slots for a new interned line, one per memo made so far. `[]` grown by `slots[id] = v` took
 * V8's growth slack: ~500 bytes a line instead of 16 + 8 × 38 (13.6 MB for the ~27,000 interned lines of
 * the 10 MB bench file, measured in a heap snapshot). A memo made later still gets its slot (the array grows).
 */
export function newLineSlots(): LineSlots {
  return new Array(nextMemoId);
}

export class TextMemo<V> {
  /** this memo's index in a line's slots */
  readonly id = nextMemoId++;
  private cur = new Map<string, V>();
  private prev = new Map<string, V>();
  private readonly half: number;
  private readonly halfChars: number;
  /** characters of the texts in `cur` */
  private chars = 0;
  constructor(
    private readonly fn: (text: string) => V,
    maxEntries = 50000,
    private readonly maxLength = 20000,
    maxChars = 4000000,
  ) {
    this.half = Math.max(1, maxEntries >> 1);
    this.halfChars = Math.max(1, maxChars >> 1);
  }

  get(text: string): V {
    const slots = lineSlots.get(text);
    if (slots !== undefined) {
      let v = slots[this.id] as V | undefined;
      if (v === undefined) {
        // (not looked up in the generations: a line's text gets there only when asked about while it was not
        // a line of the current analysis, rarely; two look-ups that miss cost more than most answers)
        v = flat(this.fn(text));
        slots[this.id] = v;
      }
      return v;
    }
    const hit = this.cur.get(text);
    if (hit !== undefined) return hit;
    if (text.length > this.maxLength) return this.fn(text);
    let v = this.prev.get(text);
    if (v === undefined) v = flat(this.fn(text));
    if (this.cur.size >= this.half || this.chars + text.length > this.halfChars) {
      this.prev = this.cur;
      this.cur = new Map();
      this.chars = 0;
    }
    this.cur.set(text, v);
    this.chars += text.length;
    return v;
  }

  /** How many texts are kept (both generations; a text may be counted in both). */
  get size(): number {
    return this.cur.size + this.prev.size;
  }

  clear(): void {
    this.cur.clear();
    this.prev.clear();
    this.chars = 0;
  }
}

/**
 * `fn` memoized by its argument's text (see TextMemo). The function returned answers a line of the current
 * analysis that was asked before from its slot itself, without calling `get`: the language server's edits
 * run this code mostly unoptimized (server.ts editFlags), where a call per look-up cost ~0.45 ms an edit on
 * the bench's 100 KB page (measured, CPU profile of the server).
 */
export function memoByText<V>(fn: (text: string) => V, maxEntries?: number, maxLength?: number, maxChars?: number): (text: string) => V {
  const memo = new TextMemo(fn, maxEntries, maxLength, maxChars);
  const id = memo.id;
  return (text) => {
    const slots = lineSlots.get(text);
    if (slots !== undefined) {
      const v = slots[id];
      if (v !== undefined) return v as V;
    }
    return memo.get(text);
  };
}
