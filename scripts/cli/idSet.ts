/**
 * A set of record Ids that stays small at ten million Ids: each Id is kept as a 63-bit hash in
 * typed arrays (8 bytes a slot, 128 MB for 10 M Ids) instead of a string in a Set (about
 * 70 bytes each). The table is split in 256 segments that grow one at a time, so growing never
 * holds two copies of the whole table. Two different Ids share a hash with a chance of about
 * n^2 / 2^64 (1 in 200,000 for 10 M Ids). A 15-character Id and its 18-character form are the
 * same record.
 */

const SEGMENT_BITS = 8;
const SEGMENTS = 1 << SEGMENT_BITS;
const INITIAL_SLOTS = 1 << 10;
/** A segment grows when it is this full (linear probing stays short below it). */
const MAX_LOAD = 0.8;
const ID_18 = /^[a-zA-Z0-9]{18}$/;

interface Segment {
  high: Uint32Array;
  low: Uint32Array;
  size: number;
}

/** Two independent 32-bit hashes of a string (FNV-1a with a murmur3 finish, two seeds). */
function hashes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const mix = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  return [mix(a), mix(b ^ text.length)];
}

export class IdSet {
  private readonly segments: (Segment | null)[] = new Array<Segment | null>(SEGMENTS).fill(null);
  size = 0;

  /** Adds an Id; false when it was already there. */
  add(id: string): boolean {
    const [h1, h2raw] = hashes(ID_18.test(id) ? id.slice(0, 15) : id);
    // 0 marks an empty slot, so the low word is never 0.
    const h2 = h2raw === 0 ? 1 : h2raw;
    const index = h1 >>> (32 - SEGMENT_BITS);
    let segment = this.segments[index];
    if (!segment) {
      segment = {
        high: new Uint32Array(INITIAL_SLOTS),
        low: new Uint32Array(INITIAL_SLOTS),
        size: 0
      };
      this.segments[index] = segment;
    }
    if (!IdSet.insert(segment, h1, h2)) return false;
    this.size++;
    if (segment.size > segment.low.length * MAX_LOAD) IdSet.grow(segment);
    return true;
  }

  private static insert(segment: Segment, h1: number, h2: number): boolean {
    const mask = segment.low.length - 1;
    for (let slot = (h2 ^ Math.imul(h1, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const low = segment.low[slot];
      if (low === 0) {
        segment.low[slot] = h2;
        segment.high[slot] = h1;
        segment.size++;
        return true;
      }
      if (low === h2 && segment.high[slot] === h1) return false;
    }
  }

  private static grow(segment: Segment): void {
    const { high, low } = segment;
    segment.high = new Uint32Array(low.length * 2);
    segment.low = new Uint32Array(low.length * 2);
    segment.size = 0;
    for (let slot = 0; slot < low.length; slot++) {
      if (low[slot] !== 0) IdSet.insert(segment, high[slot], low[slot]);
    }
  }
}
