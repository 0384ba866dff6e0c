import { describe, expect, it } from 'vitest'
import { REDACTED, redactError, redactHeaders, Redactor, redactText } from './redact'

describe('redaction', () => {
  it('masks secret headers by name, whatever the case', () => {
    expect(
      redactHeaders({ 'X-Auth-Token': 't', 'x-subject-token': 's', Authorization: 'a', etag: 'e' }),
    ).toEqual({
      'X-Auth-Token': REDACTED,
      'x-subject-token': REDACTED,
      Authorization: REDACTED,
      etag: 'e',
    })
  })

  it('masks registered secrets in free text, also URL-encoded, longest first', () => {
    const r = new Redactor()
    r.add('s3cr3t/value', 's3cr3t', undefined, 'ab')
    expect(r.text('a s3cr3t/value b s3cr3t%2Fvalue c s3cr3t d ab')).toBe(
      `a ${REDACTED} b ${REDACTED} c ${REDACTED} d ab`,
    )
  })

  it('masks what always looks like a secret in free text, and leaves the rest readable', () => {
    const text = [
      'PUT https://s3.test/b/k?X-Amz-Credential=AKIA%2F20250101&X-Amz-Signature=abc123&partNumber=2 failed',
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIA/x, Signature=deadbeef',
      '{"x-auth-token":"gAAAAtoken","etag":"e1"}',
      'via http://bob:hunter2@proxy.test:3128/ with Bearer eyJhbGciOi.payload.sig',
      'authorization failed for container photos',
    ].join('\n')
    const out = redactText(text)
    for (const secret of ['AKIA%2F', 'abc123', 'deadbeef', 'gAAAAtoken', 'hunter2', 'eyJhbGciOi'])
      expect(out).not.toContain(secret)
    expect(out).toContain('partNumber=2 failed')
    expect(out).toContain('"etag":"e1"')
    expect(out).toContain(`http://${REDACTED}@proxy.test:3128/`)
    expect(out).toContain('authorization failed for container photos')
  })

  it('turns an error into its message and stack, with its causes, never its properties', () => {
    const cause = new Error('connect to https://k:pw-in-url@s3.test failed')
    const error = Object.assign(new Error('upload of typed-secret-123 broke', { cause }), {
      request: { headers: { authorization: 'AWS4 sig-in-a-property' } },
    })
    const r = new Redactor()
    r.add('typed-secret-123')
    const out = redactError(error, r)
    expect(out).toContain(`upload of ${REDACTED} broke`)
    expect(out).toContain('caused by: Error: connect to https://')
    expect(out).toMatch(/at .*redact\.test\.ts/)
    for (const secret of ['typed-secret-123', 'pw-in-url', 'sig-in-a-property'])
      expect(out).not.toContain(secret)
    expect(redactError('plain text')).toBe('plain text')
    expect(redactError({ token: 'object-secret' })).toBe('(thrown [object Object])')
  })
})
