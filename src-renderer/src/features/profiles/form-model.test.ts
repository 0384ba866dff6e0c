import { describe, expect, it } from 'vitest'
import { CallError } from '../../ipc/bridge'
import { fieldMessage, placeError } from './form-support'
import { s3Draft, s3KeyOf, s3Values, validateS3 } from './s3-form'
import { swiftDraft, swiftKeyOf, swiftValues, validateSwift } from './swift-form'

const unset = () => 'unset' as const

describe('profile form models', () => {
  it('drops the part of main’s message that the field already says', () => {
    expect(
      fieldMessage('Swift profile: auth.authUrl must be a URL, e.g. https://k/v3', 'record.auth.authUrl'),
    ).toBe('Must be a URL, e.g. https://k/v3')
    expect(fieldMessage('A profile named "x" already exists.', 'record.name')).toBe(
      'A profile named "x" already exists.',
    )
  })

  it('sends only the fields of the chosen auth kind', () => {
    const values = {
      ...swiftValues(undefined, unset),
      name: ' Prod ',
      authUrl: 'https://k/v3',
      applicationCredentialId: 'id-1',
      applicationCredentialName: 'left over',
      username: 'left over',
      projectName: 'left over',
      region: 'RegionOne',
    }
    expect(swiftDraft(values)).toEqual({
      name: 'Prod',
      auth: {
        type: 'v3applicationcredential',
        authUrl: 'https://k/v3',
        applicationCredentialId: 'id-1',
        region: 'RegionOne',
      },
    })
    expect(swiftDraft({ ...values, authType: 'v1', user: 'a:b' }, 'p-1')).toEqual({
      id: 'p-1',
      name: 'Prod',
      auth: { type: 'v1', authUrl: 'https://k/v3', user: 'a:b' },
    })
    expect(swiftDraft({ ...values, authType: 'v3password' }).auth).toEqual({
      type: 'v3password',
      authUrl: 'https://k/v3',
      username: 'left over',
      userDomainName: 'Default',
      projectName: 'left over',
      projectDomainName: 'Default',
      region: 'RegionOne',
    })
  })

  it('reads a saved Swift profile back into the same values', () => {
    const draft = {
      name: 'P',
      auth: {
        type: 'v3password' as const,
        authUrl: 'https://k/v3',
        userId: 'u-1',
        projectId: 'p-1',
        interface: 'internal' as const,
      },
      caBundle: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----',
      insecure: true,
      proxyUrl: 'http://proxy:3128',
    }
    expect(swiftDraft(swiftValues(draft, unset))).toEqual(draft)
  })

  it('maps main’s field paths to the form’s inputs', () => {
    const values = swiftValues(undefined, unset)
    expect(swiftKeyOf('record.auth.authUrl', values)).toBe('authUrl')
    expect(swiftKeyOf('record.auth.type', values)).toBe('authType')
    expect(swiftKeyOf('record.caBundle', values)).toBe('caBundle')
    expect(swiftKeyOf('secrets.password', values)).toBe('secrets.password.value')
    expect(swiftKeyOf('record.auth.applicationCredentialId', { ...values, credentialBy: 'name' })).toBe(
      'applicationCredentialName',
    )
    expect(swiftKeyOf('record.somethingElse', values)).toBeNull()
    expect(s3KeyOf('record.credentials.profile')).toBe('awsProfile')
    expect(s3KeyOf('record.credentials.accessKeyId')).toBe('accessKeyId')
    expect(s3KeyOf('secrets.secretAccessKey')).toBe('secrets.secretAccessKey.value')
  })

  it('places an error on an input only when the form shows that input', () => {
    const error = new CallError({
      code: 'VALIDATION',
      message: 'Swift profile: auth.userId must not be empty',
      field: 'record.auth.userId',
    })
    expect(
      placeError(
        error,
        () => 'userId',
        () => true,
      ),
    ).toEqual({ key: 'userId', message: 'Must not be empty' })
    expect(
      placeError(
        error,
        () => 'userId',
        () => false,
      ),
    ).toEqual({
      key: null,
      message: 'Swift profile: auth.userId must not be empty',
    })
    expect(
      placeError(
        new Error('Lost the connection'),
        () => 'x',
        () => true,
      ),
    ).toEqual({
      key: null,
      message: 'Lost the connection',
    })
  })

  it('checks what main checks before anything is sent', () => {
    const swift = {
      ...swiftValues(undefined, unset),
      name: 'x',
      authType: 'v3token' as const,
      authUrl: 'https://k/v3',
    }
    expect(validateSwift({ ...swift, projectDomainName: '' })).toEqual({
      projectName: 'Enter the project that owns the containers (or its ID)',
      projectDomainName: 'Enter the project’s domain, usually Default (or its ID)',
    })
    expect(validateSwift({ ...swift, projectId: 'p-1', proxyUrl: 'socks://p' })).toEqual({
      proxyUrl: 'Must start with http:// or https://, e.g. http://proxy.example.com:3128',
    })
    const s3 = { ...s3Values(undefined, 'unset'), name: 'x', accessKeyId: 'AKIA' }
    expect(validateS3(s3)).toEqual({})
    expect(validateS3({ ...s3, serverSideEncryption: 'aws:kms', caBundle: 'not pem' })).toEqual({
      caBundle: 'Must be PEM text containing at least one -----BEGIN CERTIFICATE----- block',
    })
    expect(s3Draft({ ...s3, checksumMode: 'auto', serverSideEncryption: '', sseKmsKeyId: 'k' })).toEqual({
      name: 'x',
      provider: 'aws',
      credentials: { type: 'keys', accessKeyId: 'AKIA' },
    })
  })
})
