/** The engine's public face. Pure: text in, findings out. */
export * from './types';
export { indexOfText, LineIndex, Position } from './lineIndex';
export { analyze, clean, fixAll, summarize, buildContext, DEFAULT_CATEGORIES, CLEAN_CATEGORIES, AnalyzeOptions, Summary } from './analyze';
export { applyEdits, fixesMadeOnRead, normalizeEdits, primaryEdits } from './edits';
export { judgeInput } from './input';
export { RULES } from './rules';
