// How each tool is started for one run. Both get the same source, the same concurrency (16) and the same
// endpoints; `route` says where Swift and S3 are reached (directly, or through a counting/delay proxy).
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const CONCURRENCY = 16

/** Environment variables a run inherits: nothing else, so no stray OS_*, ST_* or AWS_* setting leaks in. */
function baseEnv() {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TZ']
  return Object.fromEntries(
    keep.filter((name) => process.env[name] !== undefined).map((n) => [n, process.env[n]]),
  )
}

/** The CLI needs node ≥ 22.12 (package.json engines); `npm run` puts the project's own node first on PATH. */
export function nodeForCli(root) {
  const major = Number(process.versions.node.split('.')[0])
  const local = join(root, 'node_modules', '.bin', 'node')
  return major >= 22 || !existsSync(local) ? process.execPath : local
}

export function oursCommand({ root, servers, route, container, bucket, logDir }) {
  const user = servers.tempauth.users.find((u) => u.user === 'test:tester')
  const argv = [
    nodeForCli(root),
    join(root, 'out', 'main', 'cli.js'),
    '--openStackContainer',
    container,
    '--s3Bucket',
    bucket,
    '--s3EndpointUrl',
    route.s3Url,
    '--maxWorkers',
    String(CONCURRENCY),
    '--logDir',
    logDir,
  ]
  const env = {
    ...baseEnv(),
    ST_AUTH: route.authUrl,
    ST_USER: user.user,
    ST_KEY: user.key,
    // Swift answers a login with its own storage URL; a proxied run must keep talking to the proxy.
    OS_STORAGE_URL: route.storageUrl,
    AWS_ACCESS_KEY_ID: servers.s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: servers.s3.secretAccessKey,
  }
  return { argv, env }
}

export function rcloneCommand({ servers, route, container, bucket, configFile }) {
  const user = servers.tempauth.users.find((u) => u.user === 'test:tester')
  const argv = [
    'rclone',
    '--config',
    configFile,
    'copy',
    `src:${container}`,
    `dst:${bucket}`,
    '--transfers',
    String(CONCURRENCY),
    '--checkers',
    String(CONCURRENCY),
    '--checksum',
  ]
  // Built from baseEnv, so AWS_CA_BUNDLE (set on this machine) is absent: rclone 1.60's S3 backend fails
  // with LoadCustomCABundleError when it is set.
  const env = {
    ...baseEnv(),
    RCLONE_CONFIG_SRC_TYPE: 'swift',
    RCLONE_CONFIG_SRC_AUTH: route.authUrl,
    RCLONE_CONFIG_SRC_USER: user.user,
    RCLONE_CONFIG_SRC_KEY: user.key,
    RCLONE_CONFIG_SRC_STORAGE_URL: route.storageUrl,
    RCLONE_CONFIG_DST_TYPE: 's3',
    RCLONE_CONFIG_DST_PROVIDER: 'Other',
    RCLONE_CONFIG_DST_ENDPOINT: route.s3Url,
    RCLONE_CONFIG_DST_ACCESS_KEY_ID: servers.s3.accessKeyId,
    RCLONE_CONFIG_DST_SECRET_ACCESS_KEY: servers.s3.secretAccessKey,
    RCLONE_CONFIG_DST_REGION: servers.s3.region,
    RCLONE_CONFIG_DST_FORCE_PATH_STYLE: 'true',
  }
  return { argv, env }
}
