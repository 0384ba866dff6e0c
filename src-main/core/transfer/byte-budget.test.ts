import { describe, expect, it } from 'vitest'
import { ByteBudget } from './byte-budget'

describe('ByteBudget', () => {
  it('grants within the budget and makes the rest wait, first come first served', async () => {
    const budget = new ByteBudget(100)
    const a = await budget.acquire(60)
    const order: string[] = []
    const b = budget.acquire(60).then((release) => (order.push('b'), release))
    const c = budget.acquire(10).then((release) => (order.push('c'), release))
    await Promise.resolve()
    expect(order).toEqual([])
    expect(budget.inUse).toBe(60)
    a()
    const releaseB = await b
    const releaseC = await c
    expect(order).toEqual(['b', 'c'])
    expect(budget.inUse).toBe(70)
    releaseB()
    releaseC()
    expect(budget.inUse).toBe(0)
  })

  it('serves a request larger than the whole budget alone instead of deadlocking', async () => {
    const budget = new ByteBudget(100)
    const release = await budget.acquire(500)
    expect(budget.inUse).toBe(500)
    release()
    release()
    expect(budget.inUse).toBe(0)
  })

  it('an aborted wait leaves the queue and takes nothing', async () => {
    const budget = new ByteBudget(10)
    const held = await budget.acquire(10)
    const controller = new AbortController()
    const waiting = budget.acquire(5, controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(waiting).rejects.toThrow('cancelled')
    held()
    expect(budget.inUse).toBe(0)
    const again = await budget.acquire(10)
    again()
  })
})

describe('ByteBudget buffers', () => {
  it('recycles part buffers instead of allocating new ones', async () => {
    const budget = new ByteBudget(16 * 1024 * 1024)
    const first = await budget.acquireBuffer(8 * 1024 * 1024)
    const { buffer } = first
    first.release()
    const second = await budget.acquireBuffer(8 * 1024 * 1024)
    expect(second.buffer).toBe(buffer)
    second.release()
    expect(budget.inUse).toBe(0)
  })

  it('keeps free buffers within the budget', async () => {
    const MiB = 1024 * 1024
    const budget = new ByteBudget(10 * MiB)
    const a = await budget.acquireBuffer(4 * MiB)
    const b = await budget.acquireBuffer(4 * MiB)
    a.release()
    b.release()
    // A 6 MiB buffer needs room: one of the free 4 MiB buffers is dropped.
    const c = await budget.acquireBuffer(6 * MiB)
    const d = await budget.acquireBuffer(4 * MiB)
    expect(d.buffer === a.buffer || d.buffer === b.buffer).toBe(true)
    c.release()
    d.release()
  })
})
