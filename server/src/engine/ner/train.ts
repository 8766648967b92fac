/**
 * Trains the NER model: an averaged structured perceptron over BIOES tags, Viterbi decoding,
 * features from features.ts. Deterministic: files in a fixed order, a seeded shuffle per epoch.
 *
 *   node out/server/src/engine/ner/train.js [--epochs N] [--holdout K] [--out FILE] [--data DIR] [FILES…]
 *
 * Defaults: ../shared/ner/msra-train.bio and weibo-train.bio, written to server/data/ner/model.bin.gz.
 * --holdout K keeps every K-th sentence of the first file apart and prints F1 on it after each epoch
 * (tuning happens there, never on pd-dev / msra-val, which are the measure).
 */
import * as fs from 'fs';
import * as path from 'path';
import { jiebaSegmenter } from '../../segmenter';
import { extractFeatures, nerLexicons } from './features';
import { labelsToTags, NTAGS, tagsToSpans, viterbi } from './decode';
import { loadModel, MODEL_FILE, NerModel, saveModel } from './model';

interface Sentence {
  chars: string[];
  gold: number[];
}

export function readBio(file: string): Sentence[] {
  const out: Sentence[] = [];
  let chars: string[] = [];
  let labels: string[] = [];
  const flush = () => {
    if (chars.length) out.push({ chars, gold: labelsToTags(labels) });
    chars = [];
    labels = [];
  };
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    const parts = line.split(/\s+/).filter(Boolean);
    if (parts.length === 1) {
      if (/^\s/.test(line)) {
        chars.push(' ');
        labels.push(parts[0]);
      } else {
        chars.push(parts[0]);
        labels.push('O');
      }
      continue;
    }
    chars.push(parts[0]);
    labels.push(parts[parts.length - 1]);
  }
  flush();
  return out;
}

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Span P/R/F1 of predicted vs gold tag sequences. */
export function spanF1(gold: number[][], pred: number[][]) {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = new Set(tagsToSpans(gold[s]).map((x) => `${x.start},${x.end},${x.type}`));
    const p = tagsToSpans(pred[s]).map((x) => `${x.start},${x.end},${x.type}`);
    ng += g.size;
    np += p.length;
    for (const x of p) if (g.has(x)) tp++;
  }
  const P = np ? tp / np : 0;
  const R = ng ? tp / ng : 0;
  return { p: P, r: R, f1: P + R ? (2 * P * R) / (P + R) : 0 };
}

interface Options {
  files: string[];
  epochs: number;
  holdout: number;
  minCount: number;
  scale: number;
  prune: number;
  out: string;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
  const data = path.resolve(root, '..', 'shared', 'ner');
  const o: Options = { files: [], epochs: 12, holdout: 0, minCount: 2, scale: 10, prune: 0, out: MODEL_FILE, seed: 20240601 };
  let dataDir = data;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--epochs') o.epochs = Number(argv[++i]);
    else if (a === '--holdout') o.holdout = Number(argv[++i]);
    else if (a === '--min-count') o.minCount = Number(argv[++i]);
    else if (a === '--scale') o.scale = Number(argv[++i]);
    else if (a === '--prune') o.prune = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--data') dataDir = path.resolve(argv[++i]);
    else o.files.push(path.resolve(a));
  }
  if (!o.files.length) o.files = ['msra-train.bio', 'weibo-train.bio'].map((f) => path.join(dataDir, f));
  return o;
}

export function train(o: Options): void {
  const t0 = Date.now();
  const log = (msg: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
  let trainSet: Sentence[] = [];
  let heldSet: Sentence[] = [];
  o.files.forEach((file, k) => {
    const sents = readBio(file);
    log(`${path.basename(file)}: ${sents.length} sentences`);
    if (k === 0 && o.holdout > 0) {
      sents.forEach((s, i) => ((i + 1) % o.holdout === 0 ? heldSet : trainSet).push(s));
    } else trainSet.push(...sents);
  });
  const lex = nerLexicons();

  // features → ids (counted), per position
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const featsOf = (s: Sentence) => extractFeatures(s.chars, jiebaSegmenter.tag(s.chars.join('')), lex);
  const offsets: Int32Array[] = [];
  let flat = new Int32Array(1 << 24);
  let used = 0;
  for (const s of trainSet) {
    const feats = featsOf(s);
    const off = new Int32Array(s.chars.length + 1);
    off[0] = used;
    for (let i = 0; i < feats.length; i++) {
      for (const f of feats[i]) {
        let id = ids.get(f);
        if (id === undefined) {
          id = counts.length;
          ids.set(f, id);
          counts.push(0);
        }
        counts[id]++;
        if (used === flat.length) {
          const bigger = new Int32Array(flat.length * 2);
          bigger.set(flat);
          flat = bigger;
        }
        flat[used++] = id;
      }
      off[i + 1] = used;
    }
    offsets.push(off);
  }
  // keep features seen at least minCount times
  const remap = new Int32Array(counts.length).fill(-1);
  const names: string[] = [];
  for (const [f, id] of ids) {
    if (counts[id] >= o.minCount) {
      remap[id] = names.length;
      names.push(f);
    }
  }
  for (let k = 0; k < used; k++) flat[k] = remap[flat[k]];
  ids.clear();
  const nf = names.length;
  log(`${trainSet.length} training sentences, ${counts.length} features, ${nf} kept (count ≥ ${o.minCount})`);

  const T = NTAGS;
  const w = new Float64Array(nf * T);
  const u = new Float64Array(nf * T);
  const tw = new Float64Array(T * T);
  const tu = new Float64Array(T * T);
  let c = 1;

  const emitOf = (si: number, n: number, weights: Float64Array) => {
    const off = offsets[si];
    const e = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      for (let k = off[i]; k < off[i + 1]; k++) {
        const f = flat[k];
        if (f < 0) continue;
        const r = f * T;
        for (let t = 0; t < T; t++) e[i * T + t] += weights[r + t];
      }
    }
    return e;
  };

  const averaged = () => {
    const aw = new Float32Array(nf * T);
    for (let k = 0; k < aw.length; k++) aw[k] = w[k] - u[k] / c;
    const at = new Float32Array(T * T);
    for (let k = 0; k < at.length; k++) at[k] = tw[k] - tu[k] / c;
    return { aw, at };
  };

  const heldFeats = heldSet.map(featsOf);
  const rand = mulberry32(o.seed);
  const order = trainSet.map((_, i) => i);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const si of order) {
      const s = trainSet[si];
      const n = s.chars.length;
      const pred = viterbi(emitOf(si, n, w), n, tw);
      const gold = s.gold;
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== gold[i]) wrong = true;
      if (wrong) {
        errors++;
        const off = offsets[si];
        for (let i = 0; i < n; i++) {
          if (pred[i] !== gold[i]) {
            for (let k = off[i]; k < off[i + 1]; k++) {
              const f = flat[k];
              if (f < 0) continue;
              w[f * T + gold[i]] += 1;
              u[f * T + gold[i]] += c;
              w[f * T + pred[i]] -= 1;
              u[f * T + pred[i]] -= c;
            }
          }
          if (i > 0 && (pred[i] !== gold[i] || pred[i - 1] !== gold[i - 1])) {
            tw[gold[i - 1] * T + gold[i]] += 1;
            tu[gold[i - 1] * T + gold[i]] += c;
            tw[pred[i - 1] * T + pred[i]] -= 1;
            tu[pred[i - 1] * T + pred[i]] -= c;
          }
        }
      }
      c++;
    }
    let msg = `epoch ${epoch}: ${errors} sentences wrong`;
    if (heldSet.length) {
      const model = toModel();
      const pred = heldSet.map((s, k) => viterbi(model.emissions(heldFeats[k]), s.chars.length, model.trans));
      const r = spanF1(heldSet.map((s) => s.gold), pred);
      msg += ` | held-out F1 ${r.f1.toFixed(4)} (P ${r.p.toFixed(4)} R ${r.r.toFixed(4)})`;
    }
    log(msg);
  }

  function toModel(): NerModel {
    const { aw, at } = averaged();
    return new NerModel(names, aw, at);
  }

  const model = toModel();
  if (model.collisions) throw new Error(`${model.collisions} features share another feature's 48-bit key (lane 1 and lane 2's check, model.ts): change the seeds in features.ts`);
  const weights = model.weights!;
  if (o.prune > 0) for (let k = 0; k < weights.length; k++) if (Math.abs(weights[k]) < o.prune) weights[k] = 0;
  const bytes = saveModel(model, o.scale, o.out);
  log(`wrote ${o.out} (${(bytes / 1048576).toFixed(2)} MB)`);
  if (heldSet.length) {
    const saved = loadModel(o.out);
    const pred = heldSet.map((s, k) => viterbi(saved.emissions(heldFeats[k]), s.chars.length, saved.trans));
    const r = spanF1(heldSet.map((s) => s.gold), pred);
    log(`saved model (${saved.size} features): held-out F1 ${r.f1.toFixed(4)} (P ${r.p.toFixed(4)} R ${r.r.toFixed(4)})`);
  }
}

if (require.main === module) train(parseArgs(process.argv.slice(2)));
