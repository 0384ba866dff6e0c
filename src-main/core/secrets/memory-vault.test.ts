import { describe, expect, it } from 'vitest'
import { MemoryVault } from './memory-vault'

describe('MemoryVault', () => {
  it('holds secrets for the session only', async () => {
    const vault = new MemoryVault()
    expect(await vault.status('r')).toBe('unset')
    expect(await vault.set('r', 's3cret')).toBe('session')
    expect(await vault.get('r')).toBe('s3cret')
    expect(await vault.status('r')).toBe('session')
    await vault.clear('r')
    expect(await vault.get('r')).toBeUndefined()
    expect(vault.backend()).toEqual({ kind: 'memory', persistent: false, secure: true })
  })

  it('keeps each vault to itself', async () => {
    const a = new MemoryVault()
    await a.set('r', 'x')
    expect(await new MemoryVault().get('r')).toBeUndefined()
  })
})
