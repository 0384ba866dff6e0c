import { describe, expect, it } from 'vitest'
import { WorkerCaps } from './job-manager-caps'

describe('WorkerCaps', () => {
  it('clamps a job to the workers left and queues jobs once none are', () => {
    const caps = new WorkerCaps<string>(10)
    caps.enqueue('a', 8)
    caps.enqueue('b', 8)
    caps.enqueue('c', 4)
    expect(caps.admit()).toEqual([
      { key: 'a', workers: 8 },
      { key: 'b', workers: 2 },
    ])
    expect(caps.inUse).toBe(10)
    expect(caps.position('c')).toBe(1)
    caps.release('a')
    expect(caps.admit()).toEqual([{ key: 'c', workers: 4 }])
    expect(caps.position('c')).toBeNull()
  })

  it('is first in, first out: a small job never overtakes a queued big one', () => {
    const caps = new WorkerCaps<string>(4)
    caps.enqueue('big', 4)
    expect(caps.admit()).toEqual([{ key: 'big', workers: 4 }])
    caps.enqueue('next', 4)
    caps.enqueue('small', 1)
    expect(caps.admit()).toEqual([])
    expect([caps.position('next'), caps.position('small')]).toEqual([1, 2])
    caps.release('big')
    expect(caps.admit()).toEqual([{ key: 'next', workers: 4 }])
  })

  it('starts queued jobs when the cap is raised, and takes one out when cancelled', () => {
    const caps = new WorkerCaps<string>(2)
    caps.enqueue('a', 2)
    caps.enqueue('b', 2)
    caps.enqueue('c', 2)
    caps.admit()
    expect(caps.dequeue('b')).toBe(true)
    expect(caps.dequeue('b')).toBe(false)
    caps.setCap(3)
    expect(caps.admit()).toEqual([{ key: 'c', workers: 1 }])
  })

  it('refuses a cap below one', () => {
    expect(() => new WorkerCaps(0)).toThrow(RangeError)
    expect(() => new WorkerCaps(1).setCap(1.5)).toThrow(RangeError)
  })
})
