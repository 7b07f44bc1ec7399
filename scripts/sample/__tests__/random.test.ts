import { SeededRandom } from '../random';

const draws = (rng: SeededRandom, count: number): number[] =>
  Array.from({ length: count }, () => rng.next());

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    expect(draws(new SeededRandom(7, 'deals'), 50)).toEqual(
      draws(new SeededRandom(7, 'deals'), 50)
    );
  });

  it('gives different sequences for different streams of one seed', () => {
    expect(draws(new SeededRandom(7, 'deals'), 5)).not.toEqual(
      draws(new SeededRandom(7, 'accounts'), 5)
    );
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = new SeededRandom(1);
    const values = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it('samples distinct items without replacement', () => {
    const picked = new SeededRandom(2).sample(['a', 'b', 'c', 'd', 'e'], 5);
    expect([...picked].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses to sample more items than there are', () => {
    expect(() => new SeededRandom(2).sample(['a'], 2)).toThrow(/cannot pick 2 of 1/);
  });

  it('draws log-normal values around the median', () => {
    const rng = new SeededRandom(3);
    const values = Array.from({ length: 2001 }, () => rng.logNormal(100, 0.5)).sort(
      (a, b) => a - b
    );
    expect(values[1000]).toBeGreaterThan(90);
    expect(values[1000]).toBeLessThan(110);
    expect(values.every((value) => value > 0)).toBe(true);
  });
});
