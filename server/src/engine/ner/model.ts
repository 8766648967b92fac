/**
 * The NER model: a linear scorer over feature strings × BIOES tags plus tag-transition scores
 * (an averaged structured perceptron, trained by `npm run train:ner`).
 *
 * File format (server/data/ner/model.txt.gz, gzip of UTF-8 text):
 *   corpus-lint-ner 1 TAB tag,tag,… TAB scale
 *   NTAGS² transition weights (integers, space-separated)
 *   feature TAB tag:weight,tag:weight,…      (integers; weight = round(value · scale); zero pairs left out)
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { DATA_DIR } from '../lexicon';
import { NTAGS, TAGS } from './decode';

export const MODEL_FILE = path.join(DATA_DIR, 'ner', 'model.txt.gz');
const MAGIC = 'corpus-lint-ner 1';

export class NerModel {
  constructor(
    /** feature → row in `weights` */
    readonly index: Map<string, number>,
    /** rows of NTAGS weights */
    readonly weights: Float32Array,
    /** NTAGS × NTAGS transition weights */
    readonly trans: Float32Array,
  ) {}

  get size(): number {
    return this.index.size;
  }

  /** Emission scores (n × NTAGS) of a sentence given each position's features. */
  emissions(features: string[][]): Float64Array {
    const n = features.length;
    const out = new Float64Array(n * NTAGS);
    const w = this.weights;
    for (let i = 0; i < n; i++) {
      const base = i * NTAGS;
      for (const f of features[i]) {
        const row = this.index.get(f);
        if (row === undefined) continue;
        const r = row * NTAGS;
        for (let t = 0; t < NTAGS; t++) out[base + t] += w[r + t];
      }
    }
    return out;
  }

  /** The model as text (before gzip). Weights are rounded to multiples of 1/scale; all-zero rows are dropped. */
  serialize(scale: number): string {
    const q = (x: number) => Math.round(x * scale);
    const parts: string[] = [`${MAGIC}\t${TAGS.join(',')}\t${scale}`, Array.from(this.trans, q).join(' ')];
    const rows = [...this.index.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [feat, row] of rows) {
      if (/[\t\n\r]/.test(feat)) continue;
      const pairs: string[] = [];
      for (let t = 0; t < NTAGS; t++) {
        const v = q(this.weights[row * NTAGS + t]);
        if (v !== 0) pairs.push(t.toString(16) + ':' + v);
      }
      if (pairs.length) parts.push(feat + '\t' + pairs.join(','));
    }
    return parts.join('\n') + '\n';
  }

  static parse(text: string): NerModel {
    const lines = text.split('\n');
    const [magic, tags, scaleText] = lines[0].split('\t');
    if (magic !== MAGIC) throw new Error('not a corpus-lint NER model');
    if (tags !== TAGS.join(',')) throw new Error(`NER model has tags ${tags}, expected ${TAGS.join(',')}`);
    const scale = Number(scaleText);
    const trans = new Float32Array(lines[1].split(' ').map((x) => Number(x) / scale));
    if (trans.length !== NTAGS * NTAGS) throw new Error('NER model: bad transition row');
    const index = new Map<string, number>();
    const weights = new Float32Array((lines.length - 2) * NTAGS);
    let row = 0;
    for (let l = 2; l < lines.length; l++) {
      const line = lines[l];
      if (!line) continue;
      const tab = line.lastIndexOf('\t');
      const base = row * NTAGS;
      for (const pair of line.slice(tab + 1).split(',')) {
        const colon = pair.indexOf(':');
        weights[base + parseInt(pair.slice(0, colon), 16)] = Number(pair.slice(colon + 1)) / scale;
      }
      index.set(line.slice(0, tab), row++);
    }
    return new NerModel(index, weights.subarray(0, row * NTAGS), trans);
  }
}

let shipped: NerModel | undefined;

/** The shipped model, loaded once on first use. */
export function loadModel(file = MODEL_FILE): NerModel {
  if (file === MODEL_FILE && shipped) return shipped;
  const model = NerModel.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
  if (file === MODEL_FILE) shipped = model;
  return model;
}

export function saveModel(model: NerModel, scale: number, file = MODEL_FILE): number {
  const buf = zlib.gzipSync(Buffer.from(model.serialize(scale), 'utf8'), { level: 9 });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  return buf.length;
}
