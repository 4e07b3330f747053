import { describe, expect, it } from 'vitest';
import { Rng, WeightedTable, mixSeed } from '../src/cohort/random';

describe('seeded PRNG', () => {
  it('replays the same sequence for the same seed, and another for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('mixes (seed, index) pairs into distinct seeds', () => {
    const seen = new Set<number>();
    for (let s = 0; s < 5; s++) for (let i = 0; i < 2000; i++) seen.add(mixSeed(s, i));
    expect(seen.size).toBe(10_000);
  });

  it('draws integers within inclusive bounds, hitting both ends', () => {
    const r = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v >= 3 && v <= 7).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws normals with the requested mean and SD, and log-normals around their median', () => {
    const r = new Rng(7);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => r.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.95);
    expect(sd).toBeLessThan(2.05);
    const ln = Array.from({ length: n }, () => r.logNormal(5, 0.8)).sort((a, b) => a - b);
    expect(ln[n / 2]!).toBeGreaterThan(4.8);
    expect(ln[n / 2]!).toBeLessThan(5.2);
  });

  it('picks from a weighted table in proportion to the weights', () => {
    const table = new WeightedTable([
      ['a', 1],
      ['b', 3],
      ['c', 0],
      ['d', 6],
    ] as const);
    expect(table.share(1)).toBeCloseTo(0.3, 10);
    const r = new Rng(9);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 50_000; i++) counts[r.weighted(table)]!++;
    expect(counts.c).toBe(0);
    expect(counts.a! / 50_000).toBeCloseTo(0.1, 1);
    expect(counts.b! / 50_000).toBeCloseTo(0.3, 1);
    expect(counts.d! / 50_000).toBeCloseTo(0.6, 1);
    expect(() => new WeightedTable([['x', 0]])).toThrow();
    expect(() => new WeightedTable([['x', -1]])).toThrow();
  });

  it('samples distinct items', () => {
    const r = new Rng(5);
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
  });
});
