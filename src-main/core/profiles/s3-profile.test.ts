import { describe, expect, it } from 'vitest'
import { s3ProfileInputSchema } from './s3-profile'
import { s3Input } from './test-fixtures'
import { parseOrThrow } from './validation'

const parse = (input: unknown) => parseOrThrow(s3ProfileInputSchema, input, 'S3 profile')

describe('S3 profile schema', () => {
  it('accepts AWS with keys, storage class and KMS encryption', () => {
    const input = s3Input('a', {
      serverSideEncryption: 'aws:kms',
      sseKmsKeyId: 'alias/archive',
      checksumMode: 'auto',
    })
    expect(parse(input)).toMatchObject({ provider: 'aws', sseKmsKeyId: 'alias/archive' })
  })

  it('accepts an S3-compatible server with path style, CA bundle, insecure switch and proxy', () => {
    const input = s3Input('minio', {
      provider: 's3-compatible',
      endpoint: 'https://minio.local:9000',
      forcePathStyle: true,
      checksumMode: 'when-required',
      insecure: true,
      proxyUrl: 'http://proxy.example.com:3128',
    })
    expect(parse(input)).toMatchObject({ endpoint: 'https://minio.local:9000', forcePathStyle: true })
  })

  it('accepts a ~/.aws profile name and the default chain instead of keys', () => {
    expect(
      parse(s3Input('p', { credentials: { type: 'aws-profile', profile: 'backup' } })).credentials,
    ).toEqual({
      type: 'aws-profile',
      profile: 'backup',
    })
    expect(parse(s3Input('d', { credentials: { type: 'default-chain' } })).credentials.type).toBe(
      'default-chain',
    )
  })

  it('needs an endpoint for an S3-compatible server', () => {
    expect(() => parse(s3Input('x', { provider: 's3-compatible' }))).toThrow(
      expect.objectContaining({
        field: 'endpoint',
        message: 'S3 profile: endpoint is required for an S3-compatible server',
      }),
    )
  })

  it('refuses the secret access key as a value', () => {
    const input = s3Input('x', {
      credentials: { type: 'keys', accessKeyId: 'AKIA', secretAccessKey: 'wJalr' },
    })
    expect(() => parse(input)).toThrow(
      expect.objectContaining({
        field: 'credentials.secretAccessKey',
        message: expect.stringMatching(/is a secret/),
      }),
    )
  })

  it('refuses a session token smuggled in as an extra field', () => {
    const input = s3Input('x', { credentials: { type: 'keys', accessKeyId: 'AKIA', sessionToken: 'FwoG' } })
    expect(() => parse(input)).toThrow(expect.objectContaining({ field: 'credentials.sessionToken' }))
  })

  it('names the field of a wrong checksum mode and a stray KMS key', () => {
    expect(() => parse(s3Input('x', { checksumMode: 'always' }))).toThrow(
      expect.objectContaining({
        field: 'checksumMode',
        message: expect.stringMatching(/auto, sdk-default, when-required/),
      }),
    )
    expect(() => parse(s3Input('x', { sseKmsKeyId: 'k' }))).toThrow(
      expect.objectContaining({ field: 'sseKmsKeyId' }),
    )
  })

  it('names a missing access key id', () => {
    expect(() => parse(s3Input('x', { credentials: { type: 'keys' } }))).toThrow(
      expect.objectContaining({
        field: 'credentials.accessKeyId',
        message: 'S3 profile: credentials.accessKeyId is required',
      }),
    )
  })
})
