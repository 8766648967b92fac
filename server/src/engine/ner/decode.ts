/**
 * BIOES tags over PER / LOC / ORG and Viterbi decoding that only walks valid tag sequences:
 * B-x and I-x are followed by I-x or E-x; O, E-x and S-x by O, B-y or S-y; a sentence starts with
 * O, B or S and ends with O, E or S.
 */
export const TYPES = ['PER', 'LOC', 'ORG'] as const;
export type NerType = (typeof TYPES)[number];

/** Tag 0 is O; tag 1 + 4·k + j is j ∈ B, I, E, S of TYPES[k]. */
export const TAGS: string[] = ['O', ...TYPES.flatMap((t) => ['B-' + t, 'I-' + t, 'E-' + t, 'S-' + t])];
export const NTAGS = TAGS.length;
export const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

const part = (t: number) => (t === 0 ? 'O' : 'BIES'[(t - 1) % 4]);
const kind = (t: number) => (t === 0 ? -1 : Math.floor((t - 1) / 4));

/** allowed[a * NTAGS + b]: may tag b follow tag a? */
export const ALLOWED: boolean[] = (() => {
  const a: boolean[] = new Array(NTAGS * NTAGS).fill(false);
  for (let p = 0; p < NTAGS; p++)
    for (let q = 0; q < NTAGS; q++) {
      const open = part(p) === 'B' || part(p) === 'I';
      a[p * NTAGS + q] = open ? kind(q) === kind(p) && (part(q) === 'I' || part(q) === 'E') : part(q) === 'O' || part(q) === 'B' || part(q) === 'S';
    }
  return a;
})();
export const CAN_START = TAGS.map((_, t) => ['O', 'B', 'S'].includes(part(t)));
export const CAN_END = TAGS.map((_, t) => ['O', 'E', 'S'].includes(part(t)));

/**
 * The best valid tag sequence. `emit[i * NTAGS + t]` is the score of tag t at position i,
 * `trans[p * NTAGS + t]` the score of t after p. Linear in n.
 */
export function viterbi(emit: ArrayLike<number>, n: number, trans: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const T = NTAGS;
  const score = new Float64Array(n * T);
  const back = new Int8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = CAN_START[t] ? emit[t] : -Infinity;
  // the allowed predecessors of each tag, in increasing order (the first best one wins, as before)
  const from = PRED_FROM;
  const pred = PRED;
  const tr = TRANS_BUF.length >= T * T ? TRANS_BUF : (TRANS_BUF = new Float64Array(T * T));
  for (let k = 0; k < T * T; k++) tr[k] = trans[k];
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    const cur = i * T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let q = from[t]; q < from[t + 1]; q++) {
        const p = pred[q];
        const s = score[prev + p] + tr[p * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[cur + t] = best + emit[cur + t];
      back[cur + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    const s = CAN_END[t] ? score[(n - 1) * T + t] : -Infinity;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  const tags = new Array<number>(n);
  tags[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]];
  return tags;
}

/** PRED[PRED_FROM[t] .. PRED_FROM[t + 1]): the tags p with ALLOWED[p · NTAGS + t], increasing. */
const PRED_FROM = new Int32Array(NTAGS + 1);
const PRED: Int32Array = (() => {
  const out: number[] = [];
  for (let t = 0; t < NTAGS; t++) {
    PRED_FROM[t] = out.length;
    for (let p = 0; p < NTAGS; p++) if (ALLOWED[p * NTAGS + t]) out.push(p);
  }
  PRED_FROM[NTAGS] = out.length;
  return Int32Array.from(out);
})();
let TRANS_BUF = new Float64Array(NTAGS * NTAGS);

export interface TagSpan {
  /** code-point offsets, end exclusive */
  start: number;
  end: number;
  type: NerType;
}

/** Spans of a valid BIOES tag sequence. */
export function tagsToSpans(tags: number[]): TagSpan[] {
  const out: TagSpan[] = [];
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const p = part(tags[i]);
    if (p === 'S') out.push({ start: i, end: i + 1, type: TYPES[kind(tags[i])] });
    else if (p === 'B') start = i;
    else if (p === 'E' && start >= 0) {
      out.push({ start, end: i + 1, type: TYPES[kind(tags[i])] });
      start = -1;
    }
  }
  return out;
}

/** BIO / BIOES labels (`B-PER`, `I-LOC`, `O`, GPE read as LOC) → BIOES tag indices. */
export function labelsToTags(labels: string[]): number[] {
  const kinds = labels.map((l) => {
    const m = /^([BIMES])[-_](\w+)/.exec(l);
    if (!m) return { p: 'O', k: '' };
    let k = m[2].toUpperCase();
    if (k === 'GPE') k = 'LOC';
    if (!(TYPES as readonly string[]).includes(k)) return { p: 'O', k: '' };
    return { p: m[1] === 'M' ? 'I' : m[1], k };
  });
  const tags: number[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const { p, k } = kinds[i];
    if (p === 'O') {
      tags.push(0);
      continue;
    }
    const begins = p === 'B' || p === 'S' || i === 0 || kinds[i - 1].k !== k || kinds[i - 1].p === 'O' || kinds[i - 1].p === 'E' || kinds[i - 1].p === 'S';
    const nx = kinds[i + 1];
    const ends = !nx || nx.k !== k || nx.p === 'B' || nx.p === 'S' || nx.p === 'O' || p === 'E' || p === 'S';
    const tag = begins && ends ? 'S' : begins ? 'B' : ends ? 'E' : 'I';
    tags.push(TAG_INDEX.get(tag + '-' + k)!);
  }
  return tags;
}
