import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../src-main/cli/main'
import { ProfileStore } from '../../../src-main/core/profiles'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
import { client, servers, tempauth, unique } from '../support/swift-clients'

/** `--profile NAME` runs a migration saved by the desktop app, with its secrets from the environment. */

const swift = client({ auth: tempauth() })
const container = unique('profile-src')
const bucket = unique('profile-dst')
const s3 = rawClient()
const configDir = mkdtempSync(join(tmpdir(), 'swift2s3-config-'))

beforeAll(async () => {
  await swift.putContainer(container)
  for (let i = 0; i < 5; i++) await swift.putObject(container, `doc-${i}.txt`, `document ${i}`)
  await createBucket(s3, bucket)
  const store = new ProfileStore({ cwd: configDir })
  const source = store.swift.save({
    name: 'Loopback Swift',
    auth: { type: 'v1', authUrl: servers.tempauth.authUrl, user: 'test:tester' },
  })
  const target = store.s3.save({
    name: 'Loopback S3',
    provider: 's3-compatible',
    endpoint: servers.s3.endpoint,
    region: servers.s3.region,
    credentials: { type: 'keys', accessKeyId: servers.s3.accessKeyId },
  })
  store.jobs.save({
    name: 'nightly',
    source: { profileId: source.id, containers: [container] },
    target: { profileId: target.id, bucket },
  })
}, 60_000)

afterAll(async () => {
  for (let i = 0; i < 5; i++) await swift.deleteObject(container, `doc-${i}.txt`)
  await swift.deleteContainer(container)
  await removeBucket(s3, bucket)
  await swift.close()
}, 60_000)

async function cli(args: string[], env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cli-profile-'))
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  stdout.on('data', (c: Buffer) => (out += c.toString()))
  stderr.on('data', (c: Buffer) => (out += c.toString()))
  const code = await main([...args, '--logDir', dir], {
    stdout,
    stderr,
    env: { SWIFT2S3_CONFIG_DIR: configDir, ...env },
    cwd: dir,
    tool: { name: 'swift2s3', version: 'test' },
  })
  return { code, out }
}

describe('--profile', () => {
  it('runs a saved migration with its secrets from the environment', async () => {
    const run = await cli(['--profile', 'nightly'], {
      ST_KEY: 'testing',
      AWS_SECRET_ACCESS_KEY: servers.s3.secretAccessKey,
    })
    expect(run.out).toMatch(/Verified: 5 by MD5/)
    expect(run.code).toBe(0)
  })

  it('names the missing secret and its variable when it is not given', async () => {
    const run = await cli(['--profile', 'nightly'], { AWS_SECRET_ACCESS_KEY: servers.s3.secretAccessKey })
    expect(run.code).toBe(2)
    expect(run.out).toMatch(/Loopback Swift.*ST_KEY/)
  })

  it('names the saved migrations when the name is unknown', async () => {
    const run = await cli(['--profile', 'weekly'], {})
    expect(run.code).toBe(2)
    expect(run.out).toContain('"nightly"')
  })
})
