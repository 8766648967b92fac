/**
 * The NER model: a linear scorer over features × BIOES tags plus tag-transition scores
 * (an averaged structured perceptron, trained by `npm run train:ner`).
 *
 * Features are looked up by a 64-bit hash (two 32-bit lanes, see features.ts) in an open-addressing
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
import { FeatureSink, feed1, feed2, hashFeature, Template, TaggedWord, walkFeatures, nerLexicons } from './features';

export const MODEL_FILE = path.join(DATA_DIR, 'ner', 'model.bin.gz');
const FORMAT = 'corpus-lint-ner/1';

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Words per slot of the feature table: two hash lanes, NTAGS weights, padding (64 bytes, one cache line). */
const STRIDE = 16;

export class NerModel {
  /** Slots of [lane 1, lane 2, weight × NTAGS, pad]; lanes (0, 0) mark an empty slot. */
  private readonly keys: Uint32Array;
  private readonly table: Float32Array;
  private readonly mask: number;

  constructor(
    /** feature name of each row */
    readonly names: string[],
    /** rows of NTAGS weights */
    readonly weights: Float32Array,
    /** NTAGS × NTAGS transition weights */
    readonly trans: Float32Array,
  ) {
    let cap = 1024;
    while (cap < names.length * 1.9) cap <<= 1;
    this.mask = cap - 1;
    const buf = new ArrayBuffer(cap * STRIDE * 4);
    this.keys = new Uint32Array(buf);
    this.table = new Float32Array(buf);
    for (let r = 0; r < names.length; r++) {
      const [a, b] = hashFeature(names[r]);
      this.insert(a, b, r);
    }
  }

  private insert(a: number, b: number, row: number): void {
    if (a === 0 && b === 0) return;
    let slot = fmix(a ^ b) & this.mask;
    for (;;) {
      const k = slot * STRIDE;
      if (this.keys[k] === 0 && this.keys[k + 1] === 0) {
        this.keys[k] = a;
        this.keys[k + 1] = b;
        for (let t = 0; t < NTAGS; t++) this.table[k + 2 + t] = this.weights[row * NTAGS + t];
        return;
      }
      if (this.keys[k] === a && this.keys[k + 1] === b) return; // first row wins
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the weights of the feature with hash lanes (a, b), if known, to out[base .. base + NTAGS). */
  add(out: Float64Array, base: number, a: number, b: number): void {
    a >>>= 0;
    b >>>= 0;
    const keys = this.keys;
    let slot = fmix(a ^ b) & this.mask;
    for (;;) {
      const k = slot * STRIDE;
      const k1 = keys[k];
      const k2 = keys[k + 1];
      if (k1 === a && k2 === b) {
        const tb = this.table;
        for (let t = 0; t < NTAGS; t++) out[base + t] += tb[k + 2 + t];
        return;
      }
      if (k1 === 0 && k2 === 0) return;
      slot = (slot + 1) & this.mask;
    }
  }

  get size(): number {
    return this.names.length;
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

  /** The model file's bytes (before gzip). Weights are rounded to multiples of 1/scale. */
  toBuffer(scale: number): Buffer {
    const keep: number[] = [];
    const q = (x: number) => Math.max(-32767, Math.min(32767, Math.round(x * scale)));
    for (let r = 0; r < this.names.length; r++) {
      if (/[\n]/.test(this.names[r])) continue;
      let any = false;
      for (let t = 0; t < NTAGS && !any; t++) if (q(this.weights[r * NTAGS + t]) !== 0) any = true;
      if (any) keep.push(r);
    }
    keep.sort((x, y) => (this.names[x] < this.names[y] ? -1 : this.names[x] > this.names[y] ? 1 : 0));
    const header = Buffer.from(JSON.stringify({ format: FORMAT, tags: TAGS, scale, rows: keep.length }), 'utf8');
    const names = Buffer.from(keep.map((r) => this.names[r]).join('\n'), 'utf8');
    const w = new Int16Array(keep.length * NTAGS);
    keep.forEach((r, k) => {
      for (let t = 0; t < NTAGS; t++) w[k * NTAGS + t] = q(this.weights[r * NTAGS + t]);
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
    const names = header.rows ? buf.toString('utf8', pos, pos + nlen).split('\n') : [];
    pos += nlen;
    if (names.length !== header.rows) throw new Error('NER model: feature count does not match');
    const weights = new Float32Array(header.rows * NTAGS);
    for (let k = 0; k < weights.length; k++, pos += 2) weights[k] = buf.readInt16LE(pos) / header.scale;
    const trans = new Float32Array(NTAGS * NTAGS);
    for (let k = 0; k < trans.length; k++, pos += 2) trans[k] = buf.readInt16LE(pos) / header.scale;
    return new NerModel(names, weights, trans);
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
      h1 = feed1(t.e1, a);
      h2 = feed2(t.e2, a);
      if (b !== undefined) {
        h1 = feed1(h1, b);
        h2 = feed2(h2, b);
        if (c !== undefined) {
          h1 = feed1(h1, c);
          h2 = feed2(h2, c);
          if (d !== undefined) {
            h1 = feed1(h1, d);
            h2 = feed2(h2, d);
            if (e !== undefined) {
              h1 = feed1(h1, e);
              h2 = feed2(h2, e);
            }
          }
        }
      }
    }
    this.model.add(this.out, this.base, h1, h2);
  }
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
