import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * Reads the description of the real loopback test servers that `scripts/test-servers.sh start` writes
 * to `$TEST_SERVERS_DIR/servers.json` (default `<repo>/.test-servers/servers.json`).
 *
 * The file is parsed with a schema so a stale file from an older script fails here with a readable
 * message instead of as `undefined` deep inside a test.
 */

const s3EndpointSchema = z.object({
  endpoint: z.url(),
  region: z.string(),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  forcePathStyle: z.boolean(),
})

const tempauthUserSchema = z.object({
  /** "account:user", also the S3 access key on the tempauth proxies. */
  user: z.string(),
  /** tempauth key, also the S3 secret. */
  key: z.string(),
  /** Swift account, e.g. AUTH_test. */
  account: z.string(),
  groups: z.array(z.string()),
})

const tempauthProxySchema = z.object({
  url: z.url(),
  authUrl: z.url(),
  infoUrl: z.url(),
  storageUrl: z.url(),
  users: z.array(tempauthUserSchema),
  envFile: z.string(),
  s3: s3EndpointSchema,
})

const keystoneSchema = z.object({
  /** Ends in /v3. */
  authUrl: z.url(),
  region: z.string(),
  interface: z.string(),
  envFile: z.string(),
  admin: z.object({ user: z.string(), password: z.string(), project: z.string(), domain: z.string() }),
  demo: z.object({
    userId: z.string(),
    userName: z.string(),
    password: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    domain: z.string(),
  }),
  applicationCredential: z.object({ id: z.string(), name: z.string(), secret: z.string() }),
  ec2: z.object({ access: z.string(), secret: z.string() }),
  /** Base URL of the Keystone-backed Swift proxy. */
  proxyUrl: z.url(),
  /** The demo project's account on the Keystone-backed proxy (what the catalog resolves to). */
  storageUrl: z.url(),
  s3: s3EndpointSchema.extend({ envFile: z.string() }),
})

const serversSchema = z.object({
  version: z.literal(1),
  dir: z.string(),
  host: z.string(),
  ports: z.object({
    proxy: z.number(),
    keystoneProxy: z.number(),
    faultProxy: z.number(),
    keystone: z.number(),
    object: z.number(),
    container: z.number(),
    account: z.number(),
    memcached: z.number(),
  }),
  /** Main proxy: tempauth + s3api + slo + dlo. */
  tempauth: tempauthProxySchema,
  /** S3 on the main proxy with test:tester / testing. */
  s3: s3EndpointSchema.extend({ envFile: z.string() }),
  /** Proxy reserved for fault tests: stopped, restarted and re-keyed by them. */
  fault: tempauthProxySchema,
  /** null when the servers were started with TS_NO_KEYSTONE=1. */
  keystone: keystoneSchema.nullable(),
  logDir: z.string(),
})

/** Everything the integration tests need to reach the loopback servers. */
export type ServersInfo = z.infer<typeof serversSchema>
/** Keystone half of {@link ServersInfo}. */
export type KeystoneInfo = z.infer<typeof keystoneSchema>
/** Static S3 endpoint and credentials. */
export type S3EndpointInfo = z.infer<typeof s3EndpointSchema>

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Path of servers.json, honouring TEST_SERVERS_DIR like the script does. */
export function serversJsonPath(): string {
  const dir = process.env['TEST_SERVERS_DIR'] ?? join(repoRoot, '.test-servers')
  return join(resolve(repoRoot, dir), 'servers.json')
}

/**
 * Load and validate servers.json.
 * @throws Error telling how to start the servers when the file is missing or malformed.
 */
export function loadServers(): ServersInfo {
  const path = serversJsonPath()
  if (!existsSync(path)) {
    throw new Error(
      `Test servers are not running: ${path} does not exist. ` +
        'Start them with `bash scripts/test-servers.sh start` (stop with `... stop`).',
    )
  }
  const parsed = serversSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) {
    throw new Error(
      `${path} does not match what the tests expect (written by an older script?). ` +
        `Re-run \`bash scripts/test-servers.sh start\`. Details: ${z.prettifyError(parsed.error)}`,
    )
  }
  return parsed.data
}

/**
 * The Keystone part of the servers, for tests that need it.
 * @throws Error when the servers were started without Keystone.
 */
export function requireKeystone(servers: ServersInfo): KeystoneInfo {
  if (servers.keystone === null) {
    throw new Error('Keystone is not running (started with TS_NO_KEYSTONE=1); restart the servers without it')
  }
  return servers.keystone
}
