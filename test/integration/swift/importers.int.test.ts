import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importFromCloudsYaml } from '../../../src-main/core/swift/config/clouds-yaml'
import { importFromOpenrc } from '../../../src-main/core/swift/config/openrc'
import { requireKeystone } from '../servers-env'
import { client, servers } from '../support/swift-clients'

/** What a user imports (openrc files, clouds.yaml) authenticates against the real servers as is. */

const ks = requireKeystone(servers)

describe('imported settings work against real servers', () => {
  it('the application-credential openrc the test servers write', async () => {
    const imported = importFromOpenrc(readFileSync(ks.envFile, 'utf8'), 'env-keystone.sh')
    expect(imported.auth.type).toBe('v3applicationcredential')
    const swift = client({ auth: imported.auth })
    expect(await swift.storageUrl()).toBe(ks.storageUrl)
    await swift.close()
  })

  it('the tempauth openrc (ST_AUTH / ST_USER / ST_KEY)', async () => {
    const imported = importFromOpenrc(readFileSync(servers.tempauth.envFile, 'utf8'), 'env-tempauth.sh')
    expect(imported.auth.type).toBe('v1')
    const swift = client({ auth: imported.auth })
    expect(await swift.storageUrl()).toBe(servers.tempauth.storageUrl)
    await swift.close()
  })

  it('a clouds.yaml password entry', async () => {
    const yaml = [
      'clouds:',
      '  loopback:',
      '    auth:',
      `      auth_url: ${ks.authUrl}`,
      `      username: ${ks.demo.userName}`,
      `      password: "${ks.demo.password}"`,
      `      project_name: ${ks.demo.projectName}`,
      `      user_domain_id: ${ks.demo.domain}`,
      `      project_domain_id: ${ks.demo.domain}`,
      `    region_name: ${ks.region}`,
      '    interface: public',
    ].join('\n')
    const imported = importFromCloudsYaml(yaml, 'loopback')
    const swift = client({ auth: imported.auth })
    expect(await swift.storageUrl()).toBe(ks.storageUrl)
    await swift.close()
  })
})
