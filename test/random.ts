/** Deterministic randomness for the property tests: the same seed gives the same texts and edits. */

/** A linear congruential generator: numbers in [0, 1) from `seed`. */
export function seededRandom(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/**
 * A random edit of `text`: one of `pieces` inserted (share `insert`), up to 40 characters deleted (share
 * `remove`), or up to 40 characters replaced by a piece (the rest).
 */
export function randomEdit(text: string, rnd: () => number, pieces: readonly string[], insert = 0.4, remove = 0.3): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const k = rnd();
  if (k < insert) return text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at);
  const len = Math.floor(rnd() * 40);
  if (k < insert + remove) return text.slice(0, at) + text.slice(at + len);
  return text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at + len);
}
