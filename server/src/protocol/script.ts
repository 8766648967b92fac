/**
 * Script helpers for the protocol layer, over the engine's convert.ts (opencc-js). Kept behind
 * this module so hovers and actions degrade (no conversion offered) if conversion ever fails.
 */
import * as convert from '../engine/convert';

export type Script = convert.Script;

export function scriptOf(text: string): Script | undefined {
  try {
    return convert.scriptOf(text);
  } catch {
    return undefined;
  }
}

export function toSimplified(text: string): string | undefined {
  try {
    return convert.toSimplified(text);
  } catch {
    return undefined;
  }
}

export function toTraditional(text: string): string | undefined {
  try {
    return convert.toTraditional(text);
  } catch {
    return undefined;
  }
}
