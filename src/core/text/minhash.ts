// Near-duplicate signatures: MinHash over character 4-grams with LSH bands, so a re-posted message (same text, other
// punctuation, traditional characters, a line added) is found from a handful of bucket lookups, not a table scan.

/** Hash functions per signature; bands × rows must equal it. */
export const MINHASH_SIZE = 64;
/** 16 bands of 4 rows: two texts share a bucket with probability ≈ 1 − (1 − J⁴)¹⁶, ½ at Jaccard 0.5, 0.99 at 0.75. */
export const LSH_BANDS = 16;
const ROWS = MINHASH_SIZE / LSH_BANDS;
const SHINGLE = 4;
/** Characters longer texts are cut to: a re-post repeats the start, and the cost stays bounded. */
const MAX_CHARS = 4000;
const NOT_CONTENT = /[^\p{L}\p{N}]+/gu;

const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32((i + 1) * 0x9e3779b1));

function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The letters and digits of a normalised text, punctuation and spaces dropped, cut at MAX_CHARS. */
export function shingleSource(normalized: string): string {
  return normalized.replace(NOT_CONTENT, '').slice(0, MAX_CHARS);
}

/** The MinHash signature of a normalised text; null when it has fewer than 4 letters or digits (nothing to compare). */
export function minhashSignature(normalized: string): Uint32Array | null {
  const s = shingleSource(normalized);
  if (s.length < SHINGLE) return null;
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= s.length; i++) {
    const base = fnv1a(s, i, i + SHINGLE);
    if (seen.has(base)) continue;
    seen.add(base);
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = fmix32(base ^ SEEDS[k]);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two texts' 4-gram sets: the share of equal signature slots. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

/** The LSH bucket keys of a signature, one per band: band × 2³² + the band's hash (numbers, lighter than strings in
 * an index holding 16 per item). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]) ^ Math.imul(r + 1, 0x27d4eb2d);
    keys.push(b * 2 ** 32 + (h >>> 0));
  }
  return keys;
}
