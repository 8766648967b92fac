/**
 * The production Segmenter: nodejieba, loaded lazily on first use so that fast rules never
 * wait for its dictionary. The engine receives it through EngineOptions.segmenter.
 *
 * Only cut() and tag() are used: they need the word dictionary, the HMM model and the user dictionary.
 * nodejieba's load() also reads an IDF table (6 MB, ~18 MB of RSS) and stop words for keyword
 * extraction, which we never call; server/data/jieba/ holds one-line stand-ins for those two files
 * (cppjieba asserts they are not empty). cut() and tag() give the same words and tags either way.
 */
import * as path from 'path';
import { DATA_DIR } from './engine/lexicon';
import { Segmenter } from './engine/types';

interface Jieba {
  load(dicts: { idfDict?: string; stopWordDict?: string }): unknown;
  cut(s: string, hmm?: boolean): string[];
  tag(s: string): { word: string; tag: string }[];
}

let jieba: Jieba | undefined;

function load(): Jieba {
  if (!jieba) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const j: Jieba = require('nodejieba');
    j.load({ idfDict: path.join(DATA_DIR, 'jieba', 'idf.utf8'), stopWordDict: path.join(DATA_DIR, 'jieba', 'stop_words.utf8') });
    jieba = j;
  }
  return jieba;
}

export const jiebaSegmenter: Segmenter = {
  cut: (text) => load().cut(text, true),
  tag: (text) => load().tag(text),
};
