import tls from 'node:tls'
import { describe, expect, it } from 'vitest'
import { S3ConfigError } from './errors'
import { effectiveChecksumMode, isAwsEndpoint, resolveS3Options } from './options'
import type { S3TargetOptions } from './types'

const keys = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret/with+chars' }

function fieldOf(options: S3TargetOptions): string | undefined {
  try {
    resolveS3Options(options)
  } catch (error) {
    expect(error).toBeInstanceOf(S3ConfigError)
    expect((error as S3ConfigError).code).toBe('VALIDATION')
    return (error as S3ConfigError).field
  }
  return undefined
}

describe('resolveS3Options: defaults', () => {
  it('AWS: us-east-1, virtual-host style, the SDK’s checksums, 50 sockets', () => {
    expect(resolveS3Options({ bucket: 'my-bucket' })).toEqual({
      bucket: 'my-bucket',
      prefix: '',
      region: 'us-east-1',
      forcePathStyle: false,
      checksumMode: 'sdk-default',
      extraCaCerts: [],
      insecure: false,
      maxSockets: 50,
      isAws: true,
    })
  })

  it('an S3-compatible endpoint: path style and WHEN_REQUIRED checksums unless told otherwise', () => {
    const resolved = resolveS3Options({
      bucket: 'bkt',
      endpoint: 'http://127.0.0.1:18080',
      credentials: keys,
    })
    expect(resolved).toMatchObject({ forcePathStyle: true, checksumMode: 'when-required', isAws: false })
    expect(resolved.credentials).toEqual(keys)
    expect(
      resolveS3Options({
        bucket: 'bkt',
        endpoint: 'https://minio.local',
        forcePathStyle: false,
        checksumMode: 'sdk-default',
      }),
    ).toMatchObject({ forcePathStyle: false, checksumMode: 'sdk-default' })
  })

  it('parses the CA bundle once, up front', () => {
    const [root] = tls.rootCertificates
    expect(resolveS3Options({ bucket: 'bkt', caBundle: `${root}\n` }).extraCaCerts).toEqual([root])
  })
})

describe('checksum mode', () => {
  it('auto keeps the SDK defaults on AWS only', () => {
    expect(effectiveChecksumMode('auto', undefined)).toBe('sdk-default')
    expect(effectiveChecksumMode(undefined, 'https://s3.eu-west-1.amazonaws.com')).toBe('sdk-default')
    expect(effectiveChecksumMode('auto', 'https://s3.cn-north-1.amazonaws.com.cn')).toBe('sdk-default')
    expect(effectiveChecksumMode('auto', 'https://storage.googleapis.com')).toBe('when-required')
    expect(effectiveChecksumMode('auto', 'https://acc.r2.cloudflarestorage.com')).toBe('when-required')
    expect(effectiveChecksumMode('auto', 'http://127.0.0.1:18080')).toBe('when-required')
    // A look-alike host is not AWS.
    expect(effectiveChecksumMode('auto', 'https://amazonaws.com.evil.example')).toBe('when-required')
  })

  it('an explicit mode wins everywhere', () => {
    expect(effectiveChecksumMode('when-required', undefined)).toBe('when-required')
    expect(effectiveChecksumMode('sdk-default', 'http://127.0.0.1:18080')).toBe('sdk-default')
    expect(isAwsEndpoint('not a url')).toBe(false)
  })
})

describe('resolveS3Options: what is refused, by field', () => {
  it('AWS bucket names follow AWS’s rules', () => {
    for (const bucket of [
      '',
      'ab',
      'My-Bucket',
      'under_score',
      '-start',
      'end-',
      'two..dots',
      '192.168.1.1',
      'xn--abc',
      'x'.repeat(64),
      'a-s3alias',
    ]) {
      expect(fieldOf({ bucket }), bucket).toBe('bucket')
    }
    expect(fieldOf({ bucket: 'my.bucket-1' })).toBeUndefined()
  })

  it('other servers get lenient names, but never a slash, a space or nothing', () => {
    const endpoint = 'https://s3.example.com'
    expect(fieldOf({ bucket: 'Legacy_Bucket', endpoint })).toBeUndefined()
    for (const bucket of ['', '  ', 'bucket/prefix', 'with space', 'tab\there']) {
      expect(fieldOf({ bucket, endpoint }), bucket).toBe('bucket')
    }
  })

  it('a slash in the bucket points at the prefix field', () => {
    expect(() => resolveS3Options({ bucket: 'media/photos' })).toThrow(/prefix field/)
  })

  it('endpoint must be a plain http(s) URL', () => {
    for (const endpoint of [
      's3.example.com',
      'ftp://s3.example.com',
      'https://user:pw@s3.example.com',
      'https://s3.example.com/?x=1',
    ]) {
      expect(fieldOf({ bucket: 'bkt', endpoint }), endpoint).toBe('endpoint')
    }
    expect(() =>
      resolveS3Options({ bucket: 'bkt', endpoint: 'https://user:hunter2@s3.example.com' }),
    ).toThrow(expect.not.objectContaining({ message: expect.stringContaining('hunter2') }))
  })

  it('region: a code, not a display name', () => {
    expect(fieldOf({ bucket: 'bkt', region: 'US East (N. Virginia)' })).toBe('region')
    expect(fieldOf({ bucket: 'bkt', region: 'eu-west-1' })).toBeUndefined()
    expect(fieldOf({ bucket: 'bkt', endpoint: 'https://ceph.local', region: 'RegionOne' })).toBeUndefined()
  })

  it('credentials: both keys, no stray whitespace, never echoed; not together with a profile', () => {
    expect(fieldOf({ bucket: 'bkt', credentials: { accessKeyId: '', secretAccessKey: 's' } })).toBe(
      'credentials.accessKeyId',
    )
    expect(fieldOf({ bucket: 'bkt', credentials: { accessKeyId: 'a', secretAccessKey: 'abc def\n' } })).toBe(
      'credentials.secretAccessKey',
    )
    expect(() =>
      resolveS3Options({ bucket: 'bkt', credentials: { accessKeyId: 'a', secretAccessKey: 'abc def\n' } }),
    ).toThrow(expect.not.objectContaining({ message: expect.stringContaining('abc def') }))
    expect(fieldOf({ bucket: 'bkt', credentials: keys, profile: 'work' })).toBe('profile')
    expect(fieldOf({ bucket: 'bkt', profile: 'has space' })).toBe('profile')
    expect(resolveS3Options({ bucket: 'bkt', profile: 'work' }).profile).toBe('work')
  })

  it('storage class, encryption, checksum mode, sockets, proxy and CA bundle', () => {
    expect(fieldOf({ bucket: 'bkt', storageClass: 'STANDARD_IA' })).toBeUndefined()
    expect(fieldOf({ bucket: 'bkt', storageClass: 'SUPER_CHEAP' })).toBe('storageClass')
    expect(fieldOf({ bucket: 'bkt', endpoint: 'https://ceph.local', storageClass: 'COLD' })).toBeUndefined()
    expect(fieldOf({ bucket: 'bkt', serverSideEncryption: 'rot13' as 'AES256' })).toBe('serverSideEncryption')
    expect(fieldOf({ bucket: 'bkt', sseKmsKeyId: 'arn:aws:kms:…', serverSideEncryption: 'AES256' })).toBe(
      'sseKmsKeyId',
    )
    expect(fieldOf({ bucket: 'bkt', sseKmsKeyId: 'k', serverSideEncryption: 'aws:kms' })).toBeUndefined()
    expect(fieldOf({ bucket: 'bkt', checksumMode: 'always' as 'auto' })).toBe('checksumMode')
    expect(fieldOf({ bucket: 'bkt', maxSockets: 0 })).toBe('maxSockets')
    expect(fieldOf({ bucket: 'bkt', maxSockets: 2.5 })).toBe('maxSockets')
    expect(fieldOf({ bucket: 'bkt', proxyUrl: 'socks5://proxy:1080' })).toBe('proxyUrl')
    expect(
      fieldOf({ bucket: 'bkt', caBundle: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----' }),
    ).toBe('caBundle')
  })
})
