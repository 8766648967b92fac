/**
 * The NER model: a linear scorer over features × BIOES tags plus tag-transition scores
 * (an averaged structured perceptron, trained by `npm run train:ner`).
 *
 * Features are looked up by a hash (two 32-bit lanes, see features.ts; the table keeps 48 bits of it) in an open-addressing
 * table, so tagging builds no feature strings: walkFeatures() feeds a HashSink that adds each known
 * feature's weights straight into the emission scores.
 *
 * File format (server/data/ner/model.bin.gz, gzip of):
 *   uint32 LE header length, header JSON {format, tags, scale, rows}
 *   the feature names, UTF-8, joined by "\n", preceded by their uint32 byte length
 *   int16 LE weights, rows × NTAGS (value = weight · scale, rounded)
 *   int16 LE transition weights, NTAGS × NTAGS
 * Rows whose weights all round to zero are left out.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { DATA_DIR } from '../lexicon';
import { NTAGS, TAGS } from './decode';
import { FeatureSink, hashFeature, Template, TaggedWord, walkFeatures, nerLexicons } from './features';

export const MODEL_FILE = path.join(DATA_DIR, 'ner', 'model.bin.gz');
const FORMAT = 'corpus-lint-ner/1';

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h; // int32: (h >>> 0) & mask would pick the same slot
}

/** NTAGS as a constant of this module (the compiled import is a property load in every loop). */
const NT = 13;
if (NT !== NTAGS) throw new Error('NER model: NT must equal NTAGS');

/**
 * The feature table is one array of 32-byte slots (16 int16 words; a slot is half a cache line, so a
 * lookup that finds its feature reads one line): words 0–1 lane 1 (int32), word 2 a 16-bit check from
 * lane 2 (never 0: 0 marks an empty slot), words 3–15 the feature's NTAGS int16 weights (a loaded
 * model) or, at words 4–5, its row of float32 weights (a model built by the trainer).
 */
const SLOT16 = 16;
/** The 16-bit check of lane 2 kept in a slot: its high half, low bit set (so never 0). */
const check16 = (b: number): number => ((b >> 16) | 1) << 16 >> 16;

/** Streams the UTF-16 code units of UTF-8 bytes buf[from .. to) through both hash lanes, as feed1/feed2 do. */
function hashUtf8(buf: Uint8Array, from: number, to: number, out: Uint32Array): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  let k = from;
  while (k < to) {
    const b0 = buf[k];
    let cp: number;
    if (b0 < 0x80) {
      cp = b0;
      k += 1;
    } else if (b0 < 0xe0) {
      cp = ((b0 & 0x1f) << 6) | (buf[k + 1] & 0x3f);
      k += 2;
    } else if (b0 < 0xf0) {
      cp = ((b0 & 0x0f) << 12) | ((buf[k + 1] & 0x3f) << 6) | (buf[k + 2] & 0x3f);
      k += 3;
    } else {
      cp = ((b0 & 0x07) << 18) | ((buf[k + 1] & 0x3f) << 12) | ((buf[k + 2] & 0x3f) << 6) | (buf[k + 3] & 0x3f);
      k += 4;
    }
    if (cp >= 0x10000) {
      const hi = 0xd800 + ((cp - 0x10000) >> 10);
      const lo = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      h1 = Math.imul(h1 ^ hi, 16777619);
      h2 = Math.imul(h2 ^ hi, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      h1 = Math.imul(h1 ^ lo, 16777619);
      h2 = Math.imul(h2 ^ lo, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    } else {
      h1 = Math.imul(h1 ^ cp, 16777619);
      h2 = Math.imul(h2 ^ cp, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

/**
 * A linear scorer. In memory: one open-addressing table of 32-byte slots (lane 1, a 16-bit check of
 * lane 2, and the feature's weights in the slot itself, so that a lookup reads one cache line instead of
 * a key and then a row elsewhere; load ≤ 0.55). Weights are int16 as stored in the file (a loaded model;
 * each value read through a table of the float32 it stands for, so scores are bit-identical to float32
 * weights) or float32 rows beside the table (a model built by the trainer). Feature names are kept only
 * when the model is built from them (training, tests); a loaded model hashes the names straight from the
 * file's bytes.
 *
 * Collisions: two features of the model with the same 48-bit key (lane 1 and the check) are counted in
 * `collisions` (the trainer refuses to write such a model; the shipped model has none, see
 * ner.test.ts). A string that is not a feature of the model matches one with probability ~ 2^-47 per
 * slot probed (about 2 probes a lookup).
 */
export class NerModel {
  /** The slots (SLOT16 int16 words each) as int16 words, and the same bytes as int32 words. */
  private readonly t16: Int16Array;
  private readonly t32: Int32Array;
  private readonly mask: number;
  /** int16 weights kept in the slots: the float32 value of each int16 (index + 32768), or null */
  private readonly lut: Float32Array | null;
  /** float32 weights (rows × NTAGS) of a model built by the trainer, or null */
  private readonly wf: Float32Array | null;
  private readonly rows: number;
  /** model features that share another's hash (lane 1 and the check of lane 2; the first one keeps the slot) */
  collisions = 0;

  /**
   * A model over `names` (row r is names[r]) with float32 `weights` (rows × NTAGS), or, from a model
   * file, the UTF-8 names joined by "\n" with int16 weights and their scale.
   */
  constructor(
    /** feature name of each row (undefined for a model loaded from its file) */
    readonly names: string[] | undefined,
    /** rows of NTAGS weights (float32), undefined for a model loaded from its file */
    readonly weights: Float32Array | undefined,
    /** NTAGS × NTAGS transition weights */
    readonly trans: Float32Array,
    packed?: { names: Uint8Array; rows: number; w16: Int16Array; scale: number },
  ) {
    this.rows = packed ? packed.rows : names!.length;
    let cap = 1024;
    while (cap < this.rows * 1.8) cap <<= 1;
    this.mask = cap - 1;
    const bytes = new ArrayBuffer(cap * SLOT16 * 2);
    this.t16 = new Int16Array(bytes);
    this.t32 = new Int32Array(bytes);
    if (packed) {
      this.wf = null;
      this.lut = new Float32Array(65536);
      for (let v = -32768; v < 32768; v++) this.lut[v + 32768] = v / packed.scale;
      const h = new Uint32Array(2);
      const buf = packed.names;
      const w16 = packed.w16;
      let from = 0;
      let r = 0;
      for (let k = 0; k <= buf.length && r < this.rows; k++) {
        if (k < buf.length && buf[k] !== 0x0a) continue;
        hashUtf8(buf, from, k, h);
        const slot = this.insert(h[0], h[1]);
        if (slot >= 0) this.t16.set(w16.subarray(r * NT, r * NT + NT), slot * SLOT16 + 3);
        r++;
        from = k + 1;
      }
      if (r !== this.rows) throw new Error('NER model: feature count does not match');
    } else {
      this.lut = null;
      this.wf = weights!;
      for (let r = 0; r < names!.length; r++) {
        const [a, b] = hashFeature(names![r]);
        const slot = this.insert(a, b);
        if (slot >= 0) this.t32[slot * (SLOT16 / 2) + 2] = r;
      }
    }
  }

  /** Claims the slot of the feature with hash lanes (a, b): its index, or -1 when another feature has the same hash. */
  private insert(a: number, b: number): number {
    a |= 0;
    const c = check16(b);
    const t16 = this.t16;
    const t32 = this.t32;
    let slot = fmix(a ^ (b | 0)) & this.mask;
    for (;;) {
      const k = slot * SLOT16;
      if (t16[k + 2] === 0) {
        t32[k >> 1] = a;
        t16[k + 2] = c;
        return slot;
      }
      if (t32[k >> 1] === a && t16[k + 2] === c) {
        this.collisions++;
        return -1; // first row wins
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the weights of the feature with hash lanes (a, b), if known, to out[base .. base + NTAGS). */
  add(out: Float64Array, base: number, a: number, b: number): void {
    a |= 0;
    const c = check16(b);
    const t16 = this.t16;
    const t32 = this.t32;
    const mask = this.mask;
    let slot = fmix(a ^ (b | 0)) & mask;
    for (;;) {
      const k = slot << 4; // SLOT16
      const ck = t16[k + 2];
      if (ck === 0) return;
      if (ck === c && t32[k >> 1] === a) {
        const lut = this.lut;
        if (lut !== null) {
          for (let t = 0; t < NT; t++) out[base + t] += lut[t16[k + 3 + t] + 32768];
        } else {
          const wf = this.wf!;
          const r = t32[(k >> 1) + 2] * NT;
          for (let t = 0; t < NT; t++) out[base + t] += wf[r + t];
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Number of features (rows). */
  get size(): number {
    return this.rows;
  }

  /** Emission scores (n × NTAGS) of a sentence given each position's features as strings. */
  emissions(features: string[][]): Float64Array {
    const n = features.length;
    const out = new Float64Array(n * NTAGS);
    for (let i = 0; i < n; i++) {
      for (const f of features[i]) {
        const [a, b] = hashFeature(f);
        this.add(out, i * NTAGS, a, b);
      }
    }
    return out;
  }

  /** Emission scores of a sentence, straight from the characters and their segmentation. */
  score(chars: string[], words: TaggedWord[] | undefined): Float64Array {
    const sink = new HashSink(this, chars.length);
    walkFeatures(chars, words, sink, nerLexicons());
    return sink.out;
  }

  /** The model file's bytes (before gzip). Weights are rounded to multiples of 1/scale. Needs the names. */
  toBuffer(scale: number): Buffer {
    if (!this.names || !this.weights) throw new Error('NER model: a model loaded from its file cannot be written again');
    const names0 = this.names;
    const weights0 = this.weights;
    const keep: number[] = [];
    const q = (x: number) => Math.max(-32767, Math.min(32767, Math.round(x * scale)));
    for (let r = 0; r < names0.length; r++) {
      if (/[\n]/.test(names0[r])) continue;
      let any = false;
      for (let t = 0; t < NTAGS && !any; t++) if (q(weights0[r * NTAGS + t]) !== 0) any = true;
      if (any) keep.push(r);
    }
    keep.sort((x, y) => (names0[x] < names0[y] ? -1 : names0[x] > names0[y] ? 1 : 0));
    const header = Buffer.from(JSON.stringify({ format: FORMAT, tags: TAGS, scale, rows: keep.length }), 'utf8');
    const names = Buffer.from(keep.map((r) => names0[r]).join('\n'), 'utf8');
    const w = new Int16Array(keep.length * NTAGS);
    keep.forEach((r, k) => {
      for (let t = 0; t < NTAGS; t++) w[k * NTAGS + t] = q(weights0[r * NTAGS + t]);
    });
    const tr = Int16Array.from(this.trans, q);
    const len = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(n);
      return b;
    };
    const le = (a: Int16Array) => {
      const b = Buffer.alloc(a.length * 2);
      for (let k = 0; k < a.length; k++) b.writeInt16LE(a[k], k * 2);
      return b;
    };
    return Buffer.concat([len(header.length), header, len(names.length), names, le(w), le(tr)]);
  }

  static fromBuffer(buf: Buffer): NerModel {
    let pos = 0;
    const hlen = buf.readUInt32LE(pos);
    pos += 4;
    const header = JSON.parse(buf.toString('utf8', pos, pos + hlen)) as { format: string; tags: string[]; scale: number; rows: number };
    pos += hlen;
    if (header.format !== FORMAT) throw new Error(`not a corpus-lint NER model (${header.format})`);
    if (header.tags.join(',') !== TAGS.join(',')) throw new Error(`NER model has tags ${header.tags}, expected ${TAGS.join(',')}`);
    const nlen = buf.readUInt32LE(pos);
    pos += 4;
    const names = buf.subarray(pos, pos + nlen);
    pos += nlen;
    const w16 = new Int16Array(header.rows * NTAGS);
    for (let k = 0; k < w16.length; k++, pos += 2) w16[k] = buf.readInt16LE(pos);
    const trans = new Float32Array(NTAGS * NTAGS);
    for (let k = 0; k < trans.length; k++, pos += 2) trans[k] = buf.readInt16LE(pos) / header.scale;
    return new NerModel(undefined, undefined, trans, { names, rows: header.rows, w16, scale: header.scale });
  }
}

/** Adds the weights of each feature to the emission scores as walkFeatures() produces them. */
export class HashSink implements FeatureSink {
  readonly out: Float64Array;
  private base = 0;
  constructor(private readonly model: NerModel, n: number) {
    this.out = new Float64Array(n * NTAGS);
  }
  at(i: number): void {
    this.base = i * NTAGS;
  }
  f(t: Template, a?: string, b?: string, c?: string, d?: string, e?: string): void {
    let h1: number;
    let h2: number;
    if (a === undefined) {
      h1 = t.h1;
      h2 = t.h2;
    } else {
      h1 = lane1(t.e1, a);
      h2 = lane2(t.e2, a);
      if (b !== undefined) {
        h1 = lane1(h1, b);
        h2 = lane2(h2, b);
        if (c !== undefined) {
          h1 = lane1(h1, c);
          h2 = lane2(h2, c);
          if (d !== undefined) {
            h1 = lane1(h1, d);
            h2 = lane2(h2, d);
            if (e !== undefined) {
              h1 = lane1(h1, e);
              h2 = lane2(h2, e);
            }
          }
        }
      }
    }
    this.model.add(this.out, this.base, h1, h2);
  }
}

/** feed1 and feed2 of features.ts, local to this module so that they inline into HashSink.f (same values). */
function lane1(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return h;
}
function lane2(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) {
    h = Math.imul(h ^ s.charCodeAt(k), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h;
}

let shipped: NerModel | undefined;

/** The shipped model, loaded once on first use. */
export function loadModel(file = MODEL_FILE): NerModel {
  if (file === MODEL_FILE && shipped) return shipped;
  const model = NerModel.fromBuffer(zlib.gunzipSync(fs.readFileSync(file)));
  if (file === MODEL_FILE) shipped = model;
  return model;
}

/** Writes the model (gzip, deterministic bytes); returns the file size. */
export function saveModel(model: NerModel, scale: number, file = MODEL_FILE): number {
  const buf = zlib.gzipSync(model.toBuffer(scale), { level: 9 });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  return buf.length;
}
