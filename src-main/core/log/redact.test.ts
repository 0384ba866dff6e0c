import { describe, expect, it } from 'vitest'
import { REDACTED, redactHeaders, Redactor } from './redact'

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
})
