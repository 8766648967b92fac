/**
 * The production Segmenter: nodejieba, loaded lazily on first use so that fast rules never
 * wait for its dictionary. The engine receives it through EngineOptions.segmenter.
 */
import { Segmenter } from './engine/types';

let jieba: { cut(s: string, hmm?: boolean): string[]; tag(s: string): { word: string; tag: string }[] } | undefined;

function load() {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  if (!jieba) jieba = require('nodejieba');
  return jieba!;
}

export const jiebaSegmenter: Segmenter = {
  cut: (text) => load().cut(text, true),
  tag: (text) => load().tag(text),
};
