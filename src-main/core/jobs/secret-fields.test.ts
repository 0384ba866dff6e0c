import { describe, expect, it } from 'vitest'
import { isSecretFieldKey } from './secret-fields'

describe('isSecretFieldKey', () => {
  it.each([
    'token',
    'authToken',
    'X-Auth-Token',
    'x_storage_token',
    'sessionTokens',
    'authtoken',
    'secret',
    'clientSecret',
    'applicationCredentialSecret',
    'OS_APPLICATION_CREDENTIAL_SECRET',
    'password',
    'OS_PASSWORD',
    'authorization',
    'Authorization',
    'authorizationHeader',
    'credentials',
    'secretAccessKey',
    'AWS_SECRET_ACCESS_KEY',
    'accessKey',
    'apiKey',
    'api_key',
    'apikey',
    'sseCustomerKey',
    'x-auth-key',
    'tokenValue',
    'cookie',
    'x-amz-security-token',
  ])('%s is secret', (key) => {
    expect(isSecretFieldKey(key)).toBe(true)
  })

  it.each([
    'key',
    'objectKey',
    'keyCount',
    'keys',
    'keyPrefix',
    'monkey',
    'tokenExpiresAt',
    'tokenCount',
    'credentialId',
    'OS_APPLICATION_CREDENTIAL_ID',
    'accessKeyId',
    'passwordLength',
    'bucket',
    'container',
    'size',
    'value',
    '',
  ])('%s is not secret', (key) => {
    expect(isSecretFieldKey(key)).toBe(false)
  })
})
