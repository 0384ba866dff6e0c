import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../src-main/cli/main'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
import { faults, startFaultProxy } from '../support/fault-proxy'
import { client, servers, tempauth, unique } from '../support/swift-clients'

/** The CLI when things go wrong: expired credentials without a terminal, and kill -9 mid-upload. */

const root = join(import.meta.dirname, '..', '..', '..')
const swift = client({ auth: tempauth() })
const container = unique('cli-res-src')
const s3 = rawClient()
const env = {
  ST_AUTH: servers.tempauth.authUrl,
  ST_USER: 'test:tester',
  ST_KEY: 'testing',
  AWS_ACCESS_KEY_ID: servers.s3.accessKeyId,
  AWS_SECRET_ACCESS_KEY: servers.s3.secretAccessKey,
}
const names = Array.from({ length: 12 }, (_, i) => `file-${i}.bin`)

beforeAll(async () => {
  await swift.putContainer(container)
  for (const name of names) await swift.putObject(container, name, randomBytes(50_000))
  await swift.putObject(container, 'big.bin', randomBytes(40 * 1024 * 1024))
}, 60_000)

afterAll(async () => {
  for (const name of [...names, 'big.bin']) await swift.deleteObject(container, name)
  await swift.deleteContainer(container)
  await swift.close()
}, 60_000)

/** A slow run of the built CLI in a child process (4 MB/s, 8 MiB parts), for signals and kill -9. */
async function slowChild(prefix: string) {
  const bucket = unique(prefix)
  await createBucket(s3, bucket)
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
  const args = [
    '--s3Bucket',
    bucket,
    '--s3EndpointUrl',
    servers.s3.endpoint,
    '--bandwidthLimitMb',
    '4',
    '--multipartThresholdMb',
    '8',
  ]
  const child = spawn(
    process.execPath,
    [join(root, 'out', 'main', 'cli.js'), '--openStackContainer', container, '--logDir', dir, ...args],
    {
      env: { ...env, PATH: process.env['PATH'] },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (out += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const logs = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n')
  return { bucket, dir, args, child, exited, output: () => out, logs }
}

async function runCli(args: string[], dir: string) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  stdout.on('data', (c: Buffer) => (out += c.toString()))
  stderr.on('data', (c: Buffer) => (out += c.toString()))
  const code = await main(['--openStackContainer', container, '--logDir', dir, ...args], {
    stdout,
    stderr,
    env,
    cwd: dir,
    tool: { name: 'swift2s3', version: 'test' },
  })
  return { code, out }
}

describe('CLI resilience', () => {
  it('credentials that expire mid-run without a terminal: exit code 3 and how to resume', async () => {
    const bucket = unique('cli-res-dst')
    await createBucket(s3, bucket)
    let puts = 0
    const proxy = await startFaultProxy(servers.s3.endpoint, (r) =>
      r.method === 'PUT' && ++puts > 3
        ? faults.awsError({ status: 400, code: 'ExpiredToken' })(r)
        : undefined,
    )
    const dir = mkdtempSync(join(tmpdir(), 'cli-res-'))
    const run = await runCli(
      ['--s3Bucket', bucket, '--s3EndpointUrl', proxy.url, '--exclude', 'big.bin'],
      dir,
    )
    await proxy.close()
    expect(run.code).toBe(3)
    expect(run.out).toMatch(/run the same command again/)
    await removeBucket(s3, bucket)
  }, 60_000)

  it('kill -9 mid-upload, then the same command: the orphaned upload is aborted and everything verifies', async () => {
    const { bucket, dir, args, child, exited, logs } = await slowChild('cli-kill')
    const journalDir = join(dir, '.swift2s3')
    const started = () =>
      existsSync(journalDir) &&
      readdirSync(journalDir).some((f) => readFileSync(join(journalDir, f), 'utf8').includes('"started"'))
    for (let i = 0; i < 200 && !started(); i++) await sleep(100)
    expect(started()).toBe(true)
    await sleep(500)
    child.kill('SIGKILL')
    await exited
    const before = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))
    expect(before.Uploads?.length).toBeGreaterThan(0)
    const rerun = await runCli(args, dir)
    expect(rerun.code).toBe(0)
    const log = logs()
    expect(log).toMatch(/Aborted multipart upload of big.bin left open by an earlier run/)
    const after = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))
    expect(after.Uploads ?? []).toEqual([])
    await removeBucket(s3, bucket)
  }, 120_000)

  it('Ctrl-C stops cleanly: exit 130, no open upload, and the log says how to resume', async () => {
    const { bucket, child, exited, output, logs } = await slowChild('cli-int')
    for (let i = 0; i < 200 && !output().includes('Created object'); i++) await sleep(100)
    await sleep(1500)
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(output()).toMatch(/run the same command again to resume/i)
    const log = logs()
    expect(log).toMatch(/Run the same job again to resume/)
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([])
    await removeBucket(s3, bucket)
  }, 60_000)
})
