import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ipcHarness, valueOf } from './test-support'

let ipc: ReturnType<typeof ipcHarness>
beforeEach(() => {
  ipc = ipcHarness()
})
afterEach(() => ipc.cleanup())

describe('browse.bucketMapping', () => {
  it('names each container’s bucket as a run will: transliterated, hashed where invalid or shared', async () => {
    const { rows } = valueOf(
      await ipc.call('browse.bucketMapping', {
        containers: ['photos-2024', 'Photos_2024', 'a', '日本'],
        pattern: 'swift-{container}',
      }),
    )
    expect(rows[0]).toEqual({ container: 'photos-2024', bucket: 'swift-photos-2024', changed: false })
    expect(rows[1]).toMatchObject({ container: 'Photos_2024', changed: true })
    expect(rows[1]!.bucket).toMatch(/^swift-photos-2024-[0-9a-f]{6}$/)
    expect(rows[2]).toEqual({ container: 'a', bucket: 'swift-a', changed: false })
    expect(rows[3]!.bucket).toMatch(/^swift-container-[0-9a-f]{6}$/)
    expect(new Set(rows.map((row) => row.bucket)).size).toBe(rows.length)
  })

  it('puts a pattern main refuses on the pattern field', async () => {
    for (const pattern of ['swift-', 'Swift_{container}']) {
      expect(await ipc.call('browse.bucketMapping', { containers: ['a'], pattern })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', field: 'pattern' },
      })
    }
  })
})
