import type { Clock } from './clock'

/** A clock for tests: sleeping advances time at once, so rate logic is checked exactly and instantly. */
export class FakeClock implements Clock {
  private time = 0
  readonly sleeps: number[] = []

  now(): number {
    return this.time
  }

  advance(ms: number): void {
    this.time += ms
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
  }
}
