import { describe, expect, it } from 'vitest'
import { buildAuth } from './build-auth'
import { AUTH_FIELD_KEYS, type AuthFieldKey, type FieldNaming, type FieldSource, readFields } from './fields'
import { appErrorFrom } from './test-support'

/** Names fields by their key, with a path and prefix that show which one a message uses. */
const naming: FieldNaming = {
  label: (key: AuthFieldKey) => key,
  path: (key: AuthFieldKey) => `form.${key}`,
  prefix: 'Profile: ',
}

describe('buildAuth', () => {
  it('puts the label in the message and the path in the field', () => {
    const error = appErrorFrom(() => buildAuth({ authUrl: 'https://k/v3', userId: 'u' }, naming))
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('form.password')
    expect(error.message).toBe('Profile: password is missing: set it to your OpenStack password')
  })

  it('never sets optional properties to undefined', () => {
    const auth = buildAuth({ authUrl: 'https://k/v3', userId: 'u', password: 'p', projectId: 'x' }, naming)
    expect(Object.values(auth)).not.toContain(undefined)
    expect(Object.keys(auth).sort()).toStrictEqual(['authUrl', 'password', 'projectId', 'type', 'userId'])
  })
})

describe('readFields', () => {
  it('reads the first name that is set and names unset keys by a stand-in', () => {
    const values: Record<string, string> = { NEW: ' ', OLD: ' legacy ', URL: 'https://k/v3' }
    const byKey = {} as Record<AuthFieldKey, FieldSource>
    for (const key of AUTH_FIELD_KEYS) byKey[key] = [key]
    const { fields, sourceOf } = readFields(
      {
        ...byKey,
        authUrl: ['URL'],
        projectName: ['NEW', 'OLD'],
        v1AuthUrl: { sameAs: 'authUrl' },
        username: ['USER', 'LOGIN'],
      },
      (name) => values[name],
    )
    expect(fields.projectName).toBe('legacy')
    expect(sourceOf('projectName')).toBe('OLD')
    expect(sourceOf('username')).toBe('USER')
    expect(fields.v1AuthUrl).toBeUndefined()
    expect(sourceOf('v1AuthUrl')).toBe('URL')
  })
})
