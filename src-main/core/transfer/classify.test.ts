import { describe, expect, it } from 'vitest'
import { AuthError, NetworkError, NotFoundError, ServerError } from '../swift/errors'
import { classifyFailure } from './classify'
import { ObjectFailedError } from './copier'
import { IntegrityError } from './integrity'
import { MetadataTooLargeError } from './metadata'

describe('classifyFailure', () => {
  it('retries what another attempt may fix', () => {
    expect(classifyFailure(new IntegrityError('md5'))).toBe('retry')
    expect(classifyFailure(new ServerError(503, 'u', undefined, 'busy'))).toBe('retry')
    expect(classifyFailure(new NetworkError('reset', 'u', 'reset'))).toBe('retry')
    expect(classifyFailure(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))).toBe(
      'retry',
    )
    expect(
      classifyFailure(
        Object.assign(new Error('x'), { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }),
      ),
    ).toBe('retry')
  })

  it('fails the object for what only concerns it', () => {
    expect(classifyFailure(new ObjectFailedError('key too long'))).toBe('fail-object')
    expect(classifyFailure(new MetadataTooLargeError(3000))).toBe('fail-object')
    expect(classifyFailure(new NotFoundError('object', 'c', 'o', 'gone'))).toBe('fail-object')
    expect(classifyFailure(new Error('odd'))).toBe('fail-object')
  })

  it('stops the job when nothing else can succeed', () => {
    expect(classifyFailure(new NotFoundError('container', 'c', undefined, 'gone'))).toBe('stop-job')
    expect(classifyFailure(new AuthError('password', 'u', 'no'))).toBe('stop-job')
  })

  it('asks the target classifier about the rest', () => {
    expect(classifyFailure(new Error('ExpiredToken'), () => 'need-credentials')).toBe('need-credentials')
  })
})
