import { describe, expect, it } from 'vitest'
import { importFromCloudsYaml, listClouds } from './clouds-yaml'
import { appErrorFrom } from './test-support'

const SECRET = 'Zx9-secret_value'

/** Several clouds as people keep them in ~/.config/openstack/clouds.yaml. */
const CLOUDS_YAML = `# This is a clouds.yaml file, which can be used by OpenStack tools as a source
# of configuration on how to connect to a cloud.
clouds:
  # Horizon's download for a password user (it leaves the password out)
  openstack:
    auth:
      auth_url: https://keystone.example.com:5000/v3
      username: "alice"
      project_id: 0123456789abcdef0123456789abcdef
      project_name: "demo"
      user_domain_name: "Default"
    region_name: "RegionOne"
    interface: "public"
    identity_api_version: 3
  # Horizon's download for an application credential
  prod:
    auth:
      auth_url: https://keystone.example.com:5000/v3
      application_credential_id: "4f2b6c9d8e7a4b1c9d0e1f2a3b4c5d6e"
      application_credential_secret: "${SECRET}"
    region_name: "RegionOne"
    interface: "public"
    identity_api_version: 3
    auth_type: "v3applicationcredential"
  lab:
    auth_type: password
    auth:
      auth_url: http://10.0.0.5:5000/v3
      username: admin
      password: 0123
      project_name: admin
      project_domain_name: Default
      user_domain_id: default
    region_name: RegionTwo
    endpoint_type: internalURL
    verify: false
  private-ca:
    auth:
      auth_url: https://keystone.internal:5000/v3
      application_credential_name: migration
      application_credential_secret: ${SECRET}
      user_id: 9a8b7c
    cacert: /etc/ssl/private-ca.pem
  verify-path:
    auth:
      auth_url: https://keystone.internal:5000/v3
      application_credential_id: abc
      application_credential_secret: ${SECRET}
    verify: /etc/ssl/other-ca.pem
    object_store_endpoint_override: https://swift.internal/v1/AUTH_abc
`

function cloudsError(text: string, cloud: string, fileName?: string) {
  const error = appErrorFrom(() => importFromCloudsYaml(text, cloud, fileName))
  expect(error.code).toBe('VALIDATION')
  expect(error.message).not.toContain(SECRET)
  return error
}

/** A one-cloud file named `c` with the given YAML lines under it. */
function oneCloud(...lines: string[]): string {
  return ['clouds:', '  c:', ...lines.map((line) => `    ${line}`)].join('\n')
}

describe('listClouds', () => {
  it('lists cloud names in file order', () => {
    expect(listClouds(CLOUDS_YAML)).toStrictEqual(['openstack', 'prod', 'lab', 'private-ca', 'verify-path'])
  })

  it('keeps names that look like numbers or booleans as written', () => {
    expect(listClouds('clouds:\n  0123: {}\n  yes: {}\n  null: {}\n')).toStrictEqual(['0123', 'yes', 'null'])
  })

  it('rejects a file without clouds', () => {
    for (const text of ['', 'foo: bar', 'clouds:', 'clouds: [a, b]', '- a']) {
      const error = appErrorFrom(() => listClouds(text))
      expect(error.code).toBe('VALIDATION')
      expect(error.field).toBe('clouds')
      expect(error.message).toMatch(/^clouds\.yaml has no "clouds:" section: /)
    }
  })
})

describe('importFromCloudsYaml', () => {
  it('imports an application credential cloud', () => {
    expect(importFromCloudsYaml(CLOUDS_YAML, 'prod')).toStrictEqual({
      auth: {
        type: 'v3applicationcredential',
        authUrl: 'https://keystone.example.com:5000/v3',
        applicationCredentialId: '4f2b6c9d8e7a4b1c9d0e1f2a3b4c5d6e',
        applicationCredentialSecret: SECRET,
        region: 'RegionOne',
        interface: 'public',
      },
      tls: {},
      source: 'clouds.yaml: prod',
    })
  })

  it('imports a password cloud with endpoint_type and verify: false, keeping the password as written', () => {
    expect(
      importFromCloudsYaml(CLOUDS_YAML, 'lab', '/home/alice/.config/openstack/clouds.yaml'),
    ).toStrictEqual({
      auth: {
        type: 'v3password',
        authUrl: 'http://10.0.0.5:5000/v3',
        username: 'admin',
        userDomainId: 'default',
        password: '0123',
        projectName: 'admin',
        projectDomainName: 'Default',
        region: 'RegionTwo',
        interface: 'internal',
      },
      tls: { insecure: true },
      source: '/home/alice/.config/openstack/clouds.yaml: lab',
    })
  })

  it('imports a credential by name with cacert', () => {
    expect(importFromCloudsYaml(CLOUDS_YAML, 'private-ca')).toStrictEqual({
      auth: {
        type: 'v3applicationcredential',
        authUrl: 'https://keystone.internal:5000/v3',
        applicationCredentialName: 'migration',
        applicationCredentialSecret: SECRET,
        userId: '9a8b7c',
      },
      tls: { caFile: '/etc/ssl/private-ca.pem' },
      source: 'clouds.yaml: private-ca',
    })
  })

  it('treats a verify path as the CA bundle and uses the object store endpoint override', () => {
    const config = importFromCloudsYaml(CLOUDS_YAML, 'verify-path')
    expect(config.tls).toStrictEqual({ caFile: '/etc/ssl/other-ca.pem' })
    expect(config.auth).toMatchObject({ storageUrl: 'https://swift.internal/v1/AUTH_abc' })
  })

  it('reads verify the way the OpenStack tools do', () => {
    const base = [
      'auth:',
      '  auth_url: https://k:5000/v3',
      '  application_credential_id: a',
      `  application_credential_secret: ${SECRET}`,
    ]
    const tlsOf = (...lines: string[]) => importFromCloudsYaml(oneCloud(...base, ...lines), 'c').tls
    for (const off of ['false', 'False', 'no', 'off'])
      expect(tlsOf(`verify: ${off}`)).toStrictEqual({ insecure: true })
    for (const on of ['true', 'yes', 'True']) expect(tlsOf(`verify: ${on}`)).toStrictEqual({})
    expect(tlsOf('verify: /ca.pem', 'cacert: /preferred.pem')).toStrictEqual({ caFile: '/preferred.pem' })
    expect(tlsOf('verify: false', 'cacert: /ca.pem')).toStrictEqual({ caFile: '/ca.pem', insecure: true })
    expect(tlsOf('verify:')).toStrictEqual({})
  })

  it('prefers object_store_interface, then interface, then endpoint_type', () => {
    const base = [
      'auth:',
      '  auth_url: https://k/v3',
      '  application_credential_id: a',
      '  application_credential_secret: s',
    ]
    const interfaceOf = (...lines: string[]) => {
      const { auth } = importFromCloudsYaml(oneCloud(...base, ...lines), 'c')
      return auth.type === 'v3applicationcredential' ? auth.interface : undefined
    }
    expect(interfaceOf('endpoint_type: adminURL')).toBe('admin')
    expect(interfaceOf('endpoint_type: adminURL', 'interface: internal')).toBe('internal')
    expect(interfaceOf('interface: internal', 'object_store_interface: public')).toBe('public')
  })

  it('imports a token cloud and a v1 cloud', () => {
    const token = oneCloud(
      'auth_type: v3token',
      'auth:',
      '  auth_url: https://k/v3',
      `  token: ${SECRET}`,
      '  project_id: p',
    )
    expect(importFromCloudsYaml(token, 'c').auth).toStrictEqual({
      type: 'v3token',
      authUrl: 'https://k/v3',
      token: SECRET,
      projectId: 'p',
    })
    const v1 = oneCloud(
      'auth_type: v1',
      'auth:',
      '  auth_url: http://127.0.0.1:8080/auth/v1.0',
      '  username: test:tester',
      `  password: ${SECRET}`,
    )
    expect(importFromCloudsYaml(v1, 'c').auth).toStrictEqual({
      type: 'v1',
      authUrl: 'http://127.0.0.1:8080/auth/v1.0',
      user: 'test:tester',
      key: SECRET,
    })
    const v1Error = cloudsError(oneCloud('auth_type: v1', 'auth:', '  username: test:tester'), 'c')
    expect(v1Error.field).toBe('clouds.c.auth.auth_url')
  })

  it('infers a token cloud and falls back to the legacy tenant names', () => {
    const text = oneCloud('auth:', '  auth_url: https://k/v3', `  token: ${SECRET}`, '  tenant_id: t')
    expect(importFromCloudsYaml(text, 'c').auth).toMatchObject({ type: 'v3token', projectId: 't' })
  })

  it('follows anchors and merge keys', () => {
    const text = [
      'defaults: &defaults',
      '  region_name: RegionOne',
      '  auth: &auth',
      '    auth_url: https://k/v3',
      'clouds:',
      '  c:',
      '    <<: *defaults',
      '    auth:',
      '      <<: *auth',
      '      application_credential_id: a',
      `      application_credential_secret: ${SECRET}`,
    ].join('\n')
    expect(importFromCloudsYaml(text, 'c').auth).toStrictEqual({
      type: 'v3applicationcredential',
      authUrl: 'https://k/v3',
      applicationCredentialId: 'a',
      applicationCredentialSecret: SECRET,
      region: 'RegionOne',
    })
  })
})

describe('importFromCloudsYaml errors', () => {
  it('names the missing field by its path in the file', () => {
    const error = cloudsError(
      oneCloud(
        'auth:',
        '  auth_url: https://k/v3',
        '  application_credential_id: a',
        '  application_credential_secret:',
      ),
      'c',
    )
    expect(error.field).toBe('clouds.c.auth.application_credential_secret')
    expect(error.message).toMatch(/^clouds\.yaml cloud 'c': auth\.application_credential_secret is missing: /)
  })

  it('asks for the password Horizon leaves out', () => {
    const error = cloudsError(CLOUDS_YAML, 'openstack', 'clouds.yaml')
    expect(error.field).toBe('clouds.openstack.auth.password')
    expect(error.message).toBe(
      "clouds.yaml cloud 'openstack': auth.password is missing: set it to your OpenStack password",
    )
  })

  it('names related fields by their clouds.yaml names', () => {
    const error = cloudsError(
      oneCloud(
        'auth:',
        '  auth_url: https://k/v3',
        '  username: u',
        `  password: ${SECRET}`,
        '  project_id: p',
      ),
      'c',
    )
    expect(error.field).toBe('clouds.c.auth.user_domain_name')
    expect(error.message).toBe(
      "clouds.yaml cloud 'c': auth.user_domain_name is missing: set it to the domain of auth.username, " +
        'usually Default (or set auth.user_domain_id)',
    )
  })

  it('treats unquoted null as unset', () => {
    const text = oneCloud(
      'auth:',
      '  auth_url: https://k/v3',
      '  user_id: u',
      `  password: ${SECRET}`,
      '  project_name: p',
      '  project_domain_id: null',
      '  project_domain_name: ~',
    )
    expect(cloudsError(text, 'c').field).toBe('clouds.c.auth.project_domain_name')
  })

  it('lists the clouds when the name is unknown', () => {
    const error = cloudsError(CLOUDS_YAML, 'staging', 'my-clouds.yaml')
    expect(error.field).toBe('clouds.staging')
    expect(error.message).toBe(
      "my-clouds.yaml has no cloud named 'staging': it defines 'openstack', 'prod', 'lab', 'private-ca', 'verify-path'",
    )
    expect(cloudsError('clouds: {}', 'x').message).toBe("clouds.yaml has no cloud named 'x': it defines none")
  })

  it('says where the YAML is broken without quoting it', () => {
    const text = ['clouds:', '  c:', '    auth:', `      password: "${SECRET}`, '      username: u'].join(
      '\n',
    )
    const error = cloudsError(text, 'c')
    expect(error.message).toMatch(/^clouds\.yaml is not valid YAML \(line \d+, column \d+\): /)
    expect(error.field).toBeUndefined()
    const tabs = cloudsError('clouds:\n\tc:\n\t\tauth: {}', 'c')
    expect(tabs.message).toBe(
      'clouds.yaml is not valid YAML (line 2, column 1): a tab is used for indentation; use spaces instead',
    )
    const duplicate = cloudsError('clouds:\n  c: {}\n  c: {}\n', 'c')
    expect(duplicate.message).toContain('line 3')
    expect(duplicate.message).toContain('appears twice')
    expect(cloudsError('clouds:\n  c: *missing\n', 'c').message).toMatch(/alias/)
  })

  it('rejects bad URLs and interfaces', () => {
    const base = [
      'auth_type: v3applicationcredential',
      'auth:',
      '  application_credential_id: a',
      `  application_credential_secret: ${SECRET}`,
    ]
    const badUrl = cloudsError(oneCloud(...base, '  auth_url: keystone.example.com'), 'c')
    expect(badUrl.field).toBe('clouds.c.auth.auth_url')
    expect(badUrl.message).toMatch(/^clouds\.yaml cloud 'c': auth\.auth_url is not a valid URL/)
    const badInterface = cloudsError(
      oneCloud(...base, '  auth_url: https://k/v3', 'endpoint_type: privateURL'),
      'c',
    )
    expect(badInterface.field).toBe('clouds.c.endpoint_type')
    expect(badInterface.message).toContain("endpoint_type 'privateURL' is not an endpoint interface")
    const badOverride = cloudsError(
      oneCloud(...base, '  auth_url: https://k/v3', 'object_store_endpoint_override: swift.internal'),
      'c',
    )
    expect(badOverride.field).toBe('clouds.c.object_store_endpoint_override')
  })

  it('rejects an unknown auth type', () => {
    const error = cloudsError(oneCloud('auth_type: v3oidcpassword', 'auth:', '  auth_url: https://k/v3'), 'c')
    expect(error.field).toBe('clouds.c.auth_type')
    expect(error.message).toContain('v3applicationcredential, v3password, v3token or v1')
  })

  it('rejects settings of the wrong shape', () => {
    expect(cloudsError('clouds:\n  c:\n', 'c').field).toBe('clouds.c')
    expect(cloudsError('clouds:\n  c: just-a-string\n', 'c').field).toBe('clouds.c')
    const auth = cloudsError(oneCloud('auth: https://k/v3'), 'c')
    expect(auth.field).toBe('clouds.c.auth')
    expect(auth.message).toBe("clouds.yaml cloud 'c': auth must be a section of settings")
    const list = cloudsError(oneCloud('auth:', '  auth_url: https://k/v3', '  password: [a, b]'), 'c')
    expect(list.field).toBe('clouds.c.auth.password')
  })
})
