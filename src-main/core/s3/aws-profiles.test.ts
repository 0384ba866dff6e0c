import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { awsProfilesOf, listAwsProfiles } from './aws-profiles'

const CONFIG = `
# comment
[default]
region = eu-west-1

[profile minio]
region = us-east-1
services = local
; another comment
[services local]
s3 =
  endpoint_url = http://127.0.0.1:9000

[profile admin]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = default

[profile sso-user]
sso_session = corp
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start

[profile tool]
credential_process = /usr/local/bin/get-creds
endpoint_url = https://s3.example.com

[profile mfa-admin]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = default
mfa_serial = arn:aws:iam::123456789012:mfa/ops
`

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[keys-only]
aws_access_key_id = AKIAOTHER
aws_secret_access_key = other-secret

[session]
aws_access_key_id = ASIATEMP
aws_secret_access_key = temp-secret
aws_session_token = FwoGZXIvYXdzEXAMPLETOKEN
`

describe('awsProfilesOf', () => {
  it('merges both files by name, says how each gets credentials, and never carries a secret', () => {
    const profiles = awsProfilesOf(CONFIG, CREDENTIALS)
    expect(profiles).toEqual([
      { name: 'default', region: 'eu-west-1', source: 'keys' },
      { name: 'admin', source: 'role' },
      { name: 'keys-only', source: 'keys' },
      { name: 'mfa-admin', source: 'role', needsMfa: true },
      { name: 'minio', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', source: 'unknown' },
      { name: 'session', source: 'keys', temporaryKeys: true },
      { name: 'sso-user', region: 'eu-central-1', source: 'sso' },
      { name: 'tool', endpoint: 'https://s3.example.com', source: 'process' },
    ])
    expect(JSON.stringify(profiles)).not.toMatch(/wJalr|other-secret|AKIA|ASIA|temp-secret|FwoG/)
  })

  it('ignores sections that are not profiles and lines outside any section', () => {
    expect(awsProfilesOf('stray = 1\n[sso-session x]\nsso_region = eu\n[services y]\n', '')).toEqual([])
  })
})

describe('listAwsProfiles', () => {
  it('reads the files the SDK would, and treats missing ones as empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-profiles-'))
    try {
      writeFileSync(join(dir, 'config'), CONFIG)
      const result = await listAwsProfiles({
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'missing'),
      })
      expect(result.profiles.map((p) => p.name)).toEqual([
        'default',
        'admin',
        'mfa-admin',
        'minio',
        'sso-user',
        'tool',
      ])
      expect(result.files).toEqual([join(dir, 'config'), join(dir, 'missing')])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
