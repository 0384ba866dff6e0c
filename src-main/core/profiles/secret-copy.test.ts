import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryVault } from '../secrets/memory-vault'
import { copyProfileSecrets, profileSecretRefs } from './secret-copy'
import { s3Input, SWIFT_AUTHS, swiftInput, tempStore } from './test-fixtures'

let env: ReturnType<typeof tempStore>

beforeEach(() => {
  env = tempStore()
})

afterEach(() => env.cleanup())

describe('profile secrets', () => {
  it('lists the references a profile owns, to clear them when it is deleted', () => {
    const swift = env.store.swift.save(swiftInput('a', SWIFT_AUTHS.password))
    const s3 = env.store.s3.save(s3Input('b', { credentials: { type: 'aws-profile', profile: 'x' } }))
    expect(profileSecretRefs(swift)).toEqual([`profile:${swift.id}:password`])
    expect(profileSecretRefs(s3)).toEqual([])
  })

  it('copies secrets to a duplicated profile', async () => {
    const vault = new MemoryVault()
    const original = env.store.s3.save(s3Input('orig'))
    await vault.set(`profile:${original.id}:secretAccessKey`, 'k')
    const copy = env.store.s3.duplicate(original.id)
    expect(await copyProfileSecrets(vault, original, copy)).toEqual([`profile:${copy.id}:secretAccessKey`])
    expect(await vault.get(`profile:${copy.id}:secretAccessKey`)).toBe('k')
  })
})
