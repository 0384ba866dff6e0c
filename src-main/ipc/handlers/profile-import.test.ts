import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { profileSecretRef } from '../../core/profiles'
import { IMPORT_HOLD_MS } from './pending-imports'
import { ipcHarness, valueOf } from './test-support'

const PASSWORD = 'openrc-pass-Hy6t'
const APP_SECRET = 'app-cred-secret-Kd2p'

/** Horizon's v3 openrc, once with the password written in and once prompting for it. */
function openrc(password: 'inline' | 'prompt'): string {
  return [
    '#!/usr/bin/env bash',
    'export OS_AUTH_URL=https://keystone.example.com:5000/v3',
    'export OS_PROJECT_ID=0123456789abcdef',
    'export OS_PROJECT_NAME="media"',
    'export OS_USER_DOMAIN_NAME="Default"',
    'export OS_PROJECT_DOMAIN_ID="default"',
    'export OS_USERNAME="alice"',
    ...(password === 'inline'
      ? [`export OS_PASSWORD='${PASSWORD}'`]
      : [
          'echo "Please enter your OpenStack Password: "',
          'read -sr OS_PASSWORD_INPUT',
          'export OS_PASSWORD=$OS_PASSWORD_INPUT',
        ]),
    'export OS_REGION_NAME="RegionOne"',
    'export OS_INTERFACE=public',
    'export OS_IDENTITY_API_VERSION=3',
  ].join('\n')
}

const CLOUDS_YAML = `clouds:
  openstack:
    auth:
      auth_url: https://keystone.example.com:5000/v3
      username: "alice"
      project_name: "demo"
      user_domain_name: "Default"
      project_domain_name: "Default"
    region_name: "RegionOne"
  prod:
    auth:
      auth_url: https://keystone.example.com:5000/v3
      application_credential_id: "4f2b6c9d"
      application_credential_secret: "${APP_SECRET}"
    cacert: /etc/ssl/private-ca.pem
    auth_type: "v3applicationcredential"
`

let now = Date.parse('2030-01-01T00:00:00Z')
let ipc: ReturnType<typeof ipcHarness>

beforeEach(() => {
  ipc = ipcHarness({ now: () => now })
})

afterEach(() => {
  for (const reply of ipc.replies) {
    expect(reply).not.toContain(PASSWORD)
    expect(reply).not.toContain(APP_SECRET)
  }
  ipc.cleanup()
})

describe('profiles.import of an openrc', () => {
  it('returns a draft without the password, and stores the password only when the profile is saved', async () => {
    const result = valueOf(await ipc.call('profiles.import', { kind: 'openrc', text: openrc('inline') }))
    if (result.status !== 'imported') throw new Error('expected a draft')
    expect(result.draft).toEqual({
      name: 'media',
      auth: {
        type: 'v3password',
        authUrl: 'https://keystone.example.com:5000/v3',
        username: 'alice',
        userDomainName: 'Default',
        projectId: '0123456789abcdef',
        projectName: 'media',
        projectDomainId: 'default',
        region: 'RegionOne',
        interface: 'public',
      },
    })
    expect(result.secrets).toEqual([{ field: 'password', label: 'password', found: true }])
    expect(result.importId).toEqual(expect.any(String))

    const saved = valueOf(
      await ipc.call('profiles.save', { kind: 'swift', record: result.draft, importId: result.importId }),
    ).entry
    expect(await ipc.vault.get(profileSecretRef(saved.record.id, 'password'))).toBe(PASSWORD)
    expect(saved.kind === 'swift' && saved.secrets).toEqual([
      { field: 'password', label: 'password', status: 'session' },
    ])
  })

  it('lets a password typed in the form win over the one in the file', async () => {
    const result = valueOf(await ipc.call('profiles.import', { kind: 'openrc', text: openrc('inline') }))
    if (result.status !== 'imported') throw new Error('expected a draft')
    const saved = valueOf(
      await ipc.call('profiles.save', {
        kind: 'swift',
        record: result.draft,
        importId: result.importId,
        secrets: { password: 'typed-in-form' },
      }),
    ).entry
    expect(await ipc.vault.get(profileSecretRef(saved.record.id, 'password'))).toBe('typed-in-form')
  })

  it("imports Horizon's openrc that prompts for the password, reporting the password as not found", async () => {
    const result = valueOf(await ipc.call('profiles.import', { kind: 'openrc', text: openrc('prompt') }))
    expect(result).toMatchObject({
      status: 'imported',
      draft: { auth: { type: 'v3password', username: 'alice' } },
      secrets: [{ field: 'password', found: false }],
    })
    expect(result).not.toHaveProperty('importId')
    expect(JSON.stringify(result)).not.toContain('OS_PASSWORD_INPUT')
  })

  it('forgets the imported secrets once saved, and after they were held too long', async () => {
    const first = valueOf(await ipc.call('profiles.import', { kind: 'openrc', text: openrc('inline') }))
    if (first.status !== 'imported') throw new Error('expected a draft')
    valueOf(await ipc.call('profiles.save', { kind: 'swift', record: first.draft, importId: first.importId }))
    const again = await ipc.call('profiles.save', {
      kind: 'swift',
      record: { ...first.draft, name: 'other' },
      importId: first.importId,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'importId' } })

    const second = valueOf(await ipc.call('profiles.import', { kind: 'openrc', text: openrc('inline') }))
    if (second.status !== 'imported') throw new Error('expected a draft')
    now += IMPORT_HOLD_MS + 1
    const late = await ipc.call('profiles.save', {
      kind: 'swift',
      record: { ...second.draft, name: 'late' },
      importId: second.importId,
    })
    expect(late).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'importId' } })
    expect(ipc.store.swift.findByName('late')).toBeUndefined()
  })

  it('reports what the file lacks against the text, naming the variable', async () => {
    const result = await ipc.call('profiles.import', { kind: 'openrc', text: 'export OS_USERNAME=alice\n' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'text', message: expect.stringContaining('OS_AUTH_URL') },
    })
  })

  it('refuses an empty text and a path-like extra field', async () => {
    expect(await ipc.call('profiles.import', { kind: 'openrc', text: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'text' },
    })
    expect(
      await ipc.call('profiles.import', { kind: 'openrc', text: 'x', path: '/home/alice/openrc.sh' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'path' } })
  })
})

describe('profiles.import of a clouds.yaml', () => {
  it('asks which cloud when the file has several', async () => {
    expect(valueOf(await ipc.call('profiles.import', { kind: 'clouds.yaml', text: CLOUDS_YAML }))).toEqual({
      status: 'choose-cloud',
      clouds: ['openstack', 'prod'],
    })
  })

  it('imports the chosen cloud, holding its secret and noting the CA file it cannot read', async () => {
    const result = valueOf(
      await ipc.call('profiles.import', { kind: 'clouds.yaml', text: CLOUDS_YAML, cloud: 'prod' }),
    )
    expect(result).toMatchObject({
      status: 'imported',
      draft: {
        name: 'prod',
        auth: { type: 'v3applicationcredential', applicationCredentialId: '4f2b6c9d' },
      },
      secrets: [{ field: 'applicationCredentialSecret', found: true }],
      importId: expect.any(String),
      source: 'clouds.yaml: prod',
      clouds: ['openstack', 'prod'],
      notes: [expect.stringContaining('/etc/ssl/private-ca.pem')],
    })
  })

  it('imports a cloud without its password, as Horizon writes it', async () => {
    const result = valueOf(
      await ipc.call('profiles.import', { kind: 'clouds.yaml', text: CLOUDS_YAML, cloud: 'openstack' }),
    )
    expect(result).toMatchObject({
      status: 'imported',
      draft: { auth: { type: 'v3password', username: 'alice', projectName: 'demo' } },
      secrets: [{ field: 'password', found: false }],
    })
  })

  it('names an unknown cloud against `cloud` and broken YAML against `text`', async () => {
    expect(
      await ipc.call('profiles.import', { kind: 'clouds.yaml', text: CLOUDS_YAML, cloud: 'staging' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'cloud' } })
    expect(
      await ipc.call('profiles.import', { kind: 'clouds.yaml', text: 'clouds:\n\tbad: [' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'text' } })
  })
})
