/**
 * Typed arrays that grow in chunks, for per-line data of logs with millions of lines: 8 bytes a line
 * for an offset instead of a boxed number in an array, and no copy of the whole array per line.
 */

type TypedArray = Float64Array | Uint32Array | Uint8Array

interface TypedArrayClass<T extends TypedArray> {
  new (length: number): T
}

const MIN_CAPACITY = 1024

class Growable<T extends TypedArray> {
  private data: T
  private count = 0

  constructor(
    private readonly Kind: TypedArrayClass<T>,
    capacity = MIN_CAPACITY,
  ) {
    this.data = new Kind(Math.max(capacity, 1))
  }

  get length(): number {
    return this.count
  }

  /** The value at `i`; 0 outside the filled part (callers check the length). */
  at(i: number): number {
    return i >= 0 && i < this.count ? (this.data[i] as number) : 0
  }

  push(value: number): void {
    if (this.count === this.data.length) this.grow(this.count + 1)
    this.data[this.count++] = value
  }

  /** The filled part, without copying; valid until the next push. */
  view(): T {
    return this.data.subarray(0, this.count) as T
  }

  clear(): void {
    this.count = 0
    this.data = new this.Kind(MIN_CAPACITY)
  }

  /** Drops everything from `length` on. */
  truncate(length: number): void {
    this.count = Math.min(this.count, Math.max(0, length))
  }

  // Doubling up to 1M entries, then 1M at a time: a few copies in all, and at most 1M spare entries.
  private grow(needed: number): void {
    const step = Math.min(this.data.length, 1 << 20)
    const next = new this.Kind(Math.max(needed, this.data.length + step))
    next.set(this.data)
    this.data = next
  }
}

/** Byte offsets (exact up to 2^53, so files of any size). */
export class OffsetArray extends Growable<Float64Array> {
  constructor(capacity?: number) {
    super(Float64Array, capacity)
  }
}

/** Line numbers. */
export class LineNumberArray extends Growable<Uint32Array> {
  constructor(capacity?: number) {
    super(Uint32Array, capacity)
  }
}

/** One small code per line (its level). */
export class ByteArray extends Growable<Uint8Array> {
  constructor(capacity?: number) {
    super(Uint8Array, capacity)
  }
}
