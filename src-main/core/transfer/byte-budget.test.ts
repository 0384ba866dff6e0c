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
