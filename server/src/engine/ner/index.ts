/** Named-entity recognition: people, places and organisations (see recognize.ts, model.ts, train.ts). */
export { recognize, EntitySpan, ENTITY_TYPE, chunk, tagChars } from './recognize';
export { extractFeatures, walkFeatures, hashFeature, charType, nerLexicons, TaggedWord, StringSink } from './features';
export { viterbi, tagsToSpans, labelsToTags, TAGS, NTAGS, ALLOWED, TYPES } from './decode';
export { loadModel, saveModel, NerModel, HashSink, MODEL_FILE } from './model';
