/**
 * Fixed-size bitsets over patient ordinals. Candidate sets are intersected once per match path
 * and united once per level: with 52,000 patients a set is 1,625 words, so those operations
 * cost microseconds where sorted lists or hash sets would cost milliseconds.
 */
export type Bitset = Uint32Array;

export function bitset(size: number): Bitset {
  return new Uint32Array((size + 31) >>> 5);
}

/** Every ordinal below `size`. */
export function fullBitset(size: number): Bitset {
  const b = bitset(size);
  b.fill(0xffffffff);
  const tail = size & 31;
  if (tail !== 0) b[b.length - 1] = (1 << tail) - 1;
  return b;
}

export function setBit(b: Bitset, i: number): void {
  b[i >>> 5]! |= 1 << (i & 31);
}

export function hasBit(b: Bitset, i: number): boolean {
  return (b[i >>> 5]! & (1 << (i & 31))) !== 0;
}

/** target |= source */
export function orInto(target: Bitset, source: Bitset): void {
  for (let w = 0; w < target.length; w++) target[w]! |= source[w]!;
}

/** target &= source */
export function andInto(target: Bitset, source: Bitset): void {
  for (let w = 0; w < target.length; w++) target[w]! &= source[w]!;
}

export function isEmpty(b: Bitset): boolean {
  for (let w = 0; w < b.length; w++) if (b[w] !== 0) return false;
  return true;
}

/** Calls `f` with each set ordinal, ascending. */
export function forEachBit(b: Bitset, f: (i: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let x = b[w]!;
    while (x !== 0) {
      const low = x & -x;
      f((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
}
