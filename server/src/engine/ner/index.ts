/** Named-entity recognition: people, places and organisations (see recognize.ts, model.ts, train.ts). */
export { recognize, EntitySpan, ENTITY_TYPE, chunk, tagChars } from './recognize';
export { extractFeatures, charType, nerLexicons, TaggedWord } from './features';
export { viterbi, tagsToSpans, labelsToTags, TAGS, NTAGS, ALLOWED, TYPES } from './decode';
export { loadModel, saveModel, NerModel, MODEL_FILE } from './model';
