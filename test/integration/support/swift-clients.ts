import { randomBytes } from 'node:crypto'
import { SwiftClient, type SwiftClientOptions } from '../../../src-main/core/swift'
import type { AppCredentialAuth, PasswordAuth, V1Auth } from '../../../src-main/core/swift/types'
import { loadServers, requireKeystone } from '../servers-env'

/** Clients for the real loopback servers, one per auth kind, and throwaway containers. */
export const servers = loadServers()

export function tempauth(user = 'test:tester'): V1Auth {
  const found = servers.tempauth.users.find((u) => u.user === user)
  if (!found) throw new Error(`no tempauth user ${user} in servers.json`)
  return { type: 'v1', authUrl: servers.tempauth.authUrl, user: found.user, key: found.key }
}

export function appCredential(): AppCredentialAuth {
  const ks = requireKeystone(servers)
  return {
    type: 'v3applicationcredential',
    authUrl: ks.authUrl,
    applicationCredentialId: ks.applicationCredential.id,
    applicationCredentialSecret: ks.applicationCredential.secret,
  }
}

export function password(): PasswordAuth {
  const ks = requireKeystone(servers)
  return {
    type: 'v3password',
    authUrl: ks.authUrl,
    username: ks.demo.userName,
    userDomainId: ks.demo.domain,
    password: ks.demo.password,
    projectName: ks.demo.projectName,
    projectDomainId: ks.demo.domain,
  }
}

/** Retries are fast in tests: the servers are local and a slow backoff only slows the suite. */
export function client(options: Partial<SwiftClientOptions> & Pick<SwiftClientOptions, 'auth'>): SwiftClient {
  return new SwiftClient({ retry: { baseMs: 20, capMs: 200 }, ...options })
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`
}

/** Empties and deletes a container, for afterAll hooks. */
export async function removeContainer(swift: SwiftClient, container: string): Promise<void> {
  const names: string[] = []
  for await (const entry of swift.listObjects(container)) if (entry.kind === 'object') names.push(entry.name)
  for (let i = 0; i < names.length; i += 16) {
    await Promise.all(names.slice(i, i + 16).map((name) => swift.deleteObject(container, name)))
  }
  await swift.deleteContainer(container)
}

export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks)
}
