import { createServer, type Server } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { s3Input, SWIFT_AUTHS, swiftInput } from '../../core/profiles/test-fixtures'
import { ipcHarness, valueOf } from './test-support'

/**
 * profiles.test and browse.* without servers: what is decided before the network (secrets, input) and a
 * refused connection. The real servers are exercised in test/integration/ipc.
 */

let ipc: ReturnType<typeof ipcHarness>

beforeEach(() => {
  ipc = ipcHarness()
})

afterEach(() => ipc.cleanup())

/** A loopback port with nothing listening: connections to it are refused at once. */
async function deadPort(): Promise<number> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('profiles.test', () => {
  it('stops at the secrets step when a secret is missing, naming it, and keeps that as the last test', async () => {
    const id = ipc.store.swift.save(swiftInput('Lab', SWIFT_AUTHS.v1)).id
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    const checks = [
      {
        step: 'secrets',
        status: 'failed',
        error: { code: 'AUTH', message: expect.stringContaining('needs its key'), field: 'secrets.key' },
      },
    ]
    expect(result).toEqual({
      kind: 'swift',
      id,
      ok: false,
      at: expect.any(String),
      checks,
      entry: expect.objectContaining({ kind: 'swift', lastTest: { at: result.at, ok: false, checks } }),
    })
    expect(valueOf(await ipc.call('profiles.get', { kind: 'swift', id }))).toMatchObject({
      lastTest: { at: result.at, ok: false },
    })
  })

  it('forgets the last test when a secret is set, cleared or saved, or the connection changes', async () => {
    const id = ipc.store.swift.save(swiftInput('Lab', SWIFT_AUTHS.v1)).id
    const tested = async (): Promise<boolean> => {
      const listed = valueOf(await ipc.call('profiles.list')).swift.find((e) => e.record.id === id)
      return listed?.lastTest !== undefined
    }
    const test = async (): Promise<void> => {
      valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
      expect(await tested()).toBe(true)
    }
    await test()
    valueOf(await ipc.call('secrets.set', { profileId: id, field: 'key', value: 'testing' }))
    expect(await tested()).toBe(false)

    await test()
    valueOf(await ipc.call('secrets.clear', { profileId: id, field: 'key' }))
    expect(await tested()).toBe(false)

    await test()
    const record = { ...swiftInput('Lab', SWIFT_AUTHS.v1), id }
    const saved = valueOf(await ipc.call('profiles.save', { kind: 'swift', record, secrets: { key: 'k2' } }))
    expect(saved.entry).not.toHaveProperty('lastTest')

    await test()
    const renamed = valueOf(
      await ipc.call('profiles.save', { kind: 'swift', record: { ...record, name: 'Lab 2' } }),
    )
    expect(renamed.entry).toHaveProperty('lastTest')
    const moved = valueOf(
      await ipc.call('profiles.save', {
        kind: 'swift',
        record: { ...record, auth: { ...SWIFT_AUTHS.v1, user: 'other:user' } },
      }),
    )
    expect(moved.entry).not.toHaveProperty('lastTest')
  })

  it('reports a refused connection at the authenticate step as NETWORK', async () => {
    const port = await deadPort()
    const id = ipc.store.swift.save({
      name: 'Dead',
      auth: { type: 'v1', authUrl: `http://127.0.0.1:${port}/auth/v1.0`, user: 'test:tester' },
    }).id
    await ipc.call('secrets.set', { profileId: id, field: 'key', value: 'testing' })
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    expect(result.ok).toBe(false)
    expect(result.checks.map((c) => [c.step, c.status])).toEqual([
      ['secrets', 'passed'],
      ['authenticate', 'failed'],
    ])
    expect(result.checks[1]?.error?.code).toBe('NETWORK')
  })

  it('reports a CA bundle the transport cannot read at the authenticate step, on caBundle', async () => {
    // The fixture's PEM has the markers but no certificate inside.
    const id = ipc.store.swift.save(swiftInput('Lab', SWIFT_AUTHS.v1)).id
    await ipc.call('secrets.set', { profileId: id, field: 'key', value: 'testing' })
    const result = valueOf(await ipc.call('profiles.test', { kind: 'swift', id }))
    expect(result.checks.at(-1)).toMatchObject({
      step: 'authenticate',
      status: 'failed',
      error: { code: 'VALIDATION', field: 'caBundle' },
    })
  })

  it('refuses a bucket for a Swift profile and an unknown kind', async () => {
    const id = ipc.store.swift.save(swiftInput('Lab', SWIFT_AUTHS.v1)).id
    expect(await ipc.call('profiles.test', { kind: 'swift', id, bucket: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'bucket' },
    })
    expect(await ipc.call('profiles.test', { kind: 'job', id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'kind' },
    })
  })

  it('reports a bucket name S3 cannot have as a failed bucket step on `bucket`', async () => {
    const id = ipc.store.s3.save(s3Input('AWS', { credentials: { type: 'default-chain' } })).id
    const result = valueOf(await ipc.call('profiles.test', { kind: 's3', id, bucket: 'Not_Valid' }))
    expect(result.checks.at(-1)).toMatchObject({
      step: 'bucket',
      status: 'failed',
      error: { code: 'VALIDATION', field: 'bucket' },
    })
  })
})

describe('browse channels', () => {
  it('asks for the missing secret before listing containers', async () => {
    const id = ipc.store.swift.save(swiftInput('Lab', SWIFT_AUTHS.v1)).id
    expect(await ipc.call('browse.containers', { profileId: id })).toMatchObject({
      ok: false,
      error: { code: 'AUTH', field: 'secrets.key' },
    })
  })

  it('refuses a page size out of range and a profile of the wrong kind', async () => {
    const s3 = ipc.store.s3.save(s3Input()).id
    expect(await ipc.call('browse.containers', { profileId: s3, limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'limit' },
    })
    expect(await ipc.call('browse.containers', { profileId: s3 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'profileId' },
    })
    expect(await ipc.call('browse.bucket', { profileId: s3, bucket: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'bucket' },
    })
  })
})
