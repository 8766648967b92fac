/**
 * Access to the engine's script conversion (server/src/engine/convert.ts: toSimplified,
 * toTraditional, scriptOf — opencc-js). Loaded lazily, once; when the module is missing or fails
 * to load, script features (hover conversion, convert actions) are simply not offered.
 */
export type Script = 'traditional' | 'simplified' | 'mixed' | 'none';

interface ConvertModule {
  toSimplified(text: string): string;
  toTraditional(text: string): string;
  scriptOf(text: string): unknown;
}

let mod: ConvertModule | null | undefined;

export function converter(): ConvertModule | undefined {
  if (mod === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const m = require('../engine/convert') as Partial<ConvertModule>;
      mod = typeof m.toSimplified === 'function' && typeof m.toTraditional === 'function' && typeof m.scriptOf === 'function' ? (m as ConvertModule) : null;
    } catch {
      mod = null;
    }
  }
  return mod ?? undefined;
}

/** The script of a text, normalised to four values whatever shape scriptOf returns. */
export function scriptOf(text: string): Script | undefined {
  const m = converter();
  if (!m) return undefined;
  let v = m.scriptOf(text);
  if (v && typeof v === 'object' && 'script' in (v as object)) v = (v as { script: unknown }).script;
  const s = String(v ?? '').toLowerCase();
  if (s.startsWith('trad') || s === 't' || s === 'hant' || s === 'zh-hant') return 'traditional';
  if (s.startsWith('simp') || s === 's' || s === 'hans' || s === 'zh-hans') return 'simplified';
  if (s.startsWith('mix')) return 'mixed';
  return 'none';
}

export function toSimplified(text: string): string | undefined {
  return converter()?.toSimplified(text);
}

export function toTraditional(text: string): string | undefined {
  return converter()?.toTraditional(text);
}
