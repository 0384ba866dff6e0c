/**
 * Open or closed: workers pass an open gate at once and wait at a closed one. Pause and
 * waiting-for-credentials both close it; nothing new is dispatched until it opens again.
 */
export class Gate {
  private waiters: (() => void)[] = []
  private isOpen = true

  get open(): boolean {
    return this.isOpen
  }

  close(): void {
    this.isOpen = false
  }

  openUp(): void {
    this.isOpen = true
    for (const wake of this.waiters.splice(0)) wake()
  }

  async wait(signal?: AbortSignal): Promise<void> {
    while (!this.isOpen) {
      signal?.throwIfAborted()
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        signal?.addEventListener('abort', () => resolve(), { once: true })
      })
    }
  }
}
