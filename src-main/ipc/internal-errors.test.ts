import { describe, expect, it } from 'vitest'
import { stubHandlers } from './handlers/test-support'
import { logInternalErrors, secretValuesIn } from './internal-errors'
import { createRouter } from './router'

describe('the internal error log', () => {
  it('finds the secrets a call carries: secret-named fields, a secrets map, the value of secrets.set', () => {
    expect(
      secretValuesIn('jobs.provideCredentials', {
        id: 'job-1',
        accessKeyId: 'AKIAID',
        secretAccessKey: 'sk-value',
        sessionToken: 'st-value',
      }),
    ).toEqual(['sk-value', 'st-value'])
    expect(
      secretValuesIn('jobs.start', { definitionId: 'd', secrets: { 'profile:p:key': 'typed' } }),
    ).toEqual(['typed'])
    expect(secretValuesIn('secrets.set', { profileId: 'p', field: 'password', value: 'pw-value' })).toEqual([
      'pw-value',
    ])
    expect(secretValuesIn('profiles.get', { kind: 'swift', id: 'p' })).toEqual([])
  })

  it('writes a bug in a handler as one redacted line, without the secrets of its input', async () => {
    const lines: string[] = []
    const router = createRouter(
      stubHandlers({
        'secrets.set': ({ value }) => {
          throw new TypeError(`cannot store ${value} via https://u:p4ss@vault.test?X-Amz-Signature=s1g`)
        },
      }),
      logInternalErrors((line) => lines.push(line)),
    )
    const result = await router.dispatch('secrets.set', {
      profileId: 'p1',
      field: 'password',
      value: 'hunter2-typed',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^\[ipc\] secrets\.set failed: TypeError: cannot store \[redacted\] via/)
    for (const secret of ['hunter2-typed', 'p4ss', 's1g']) expect(lines[0]).not.toContain(secret)
  })
})
