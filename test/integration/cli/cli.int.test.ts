import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseLine } from '../../../src-main/core/jobs/log-line'
import type { RunReport } from '../../../src-main/core/reports/types'
import { main } from '../../../src-main/cli/main'
import { S3Target } from '../../../src-main/core/s3'
import { createBucket, rawClient, removeBucket, targetOptions } from '../s3/s3-support'
import { faults, startFaultProxy } from '../support/fault-proxy'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { buildFixture, removeFixture, type FixtureObject } from '../transfer/fixtures'

/** The CLI end to end against the real servers: exit codes, log file, reports, verification. */

const swift = client({ auth: tempauth() })
const container = unique('cli-src')
const bucket = unique('cli-dst')
const s3 = rawClient()
let objects: FixtureObject[] = []

const env = {
  ST_AUTH: servers.tempauth.authUrl,
  ST_USER: 'test:tester',
  ST_KEY: 'testing',
  AWS_ACCESS_KEY_ID: servers.s3.accessKeyId,
  AWS_SECRET_ACCESS_KEY: servers.s3.secretAccessKey,
}

async function cli(args: string[], endpoint = servers.s3.endpoint, toBucket = bucket) {
  const dir = mkdtempSync(join(tmpdir(), 'cli-run-'))
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c: Buffer) => (out += c.toString()))
  stderr.on('data', (c: Buffer) => (err += c.toString()))
  const code = await main(
    [
      '--openStackContainer',
      container,
      '--s3Bucket',
      toBucket,
      '--s3EndpointUrl',
      endpoint,
      '--logDir',
      dir,
      '--maxWorkers',
      '8',
      ...args,
    ],
    { stdout, stderr, env, cwd: dir, tool: { name: 'swift2s3', version: 'test' } },
  )
  const files = readdirSync(dir)
  const reportFile = files.find((f) => f.endsWith('.json'))
  const report = reportFile
    ? (JSON.parse(readFileSync(join(dir, reportFile), 'utf8')) as RunReport & {
        objects: { key: string; verification: string }[]
      })
    : undefined
  return { code, out, err, dir, files, report }
}

beforeAll(async () => {
  objects = await buildFixture(swift, container)
  await createBucket(s3, bucket)
}, 120_000)

afterAll(async () => {
  await removeFixture(swift, container)
  await removeBucket(s3, bucket)
  await swift.close()
}, 120_000)

describe('swift2s3 CLI', () => {
  it('migrates a container: exit 0, a log named as the original, reports that match the bucket', async () => {
    const run = await cli([])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const log = run.files.find((f) => f.endsWith('.log'))!
    expect(log).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\d-_\\d\\d-\\d\\d-\\d\\d_${container.replace(/[^A-Za-z0-9._-]/g, '_')}_to_${bucket}\\.log$`,
      ),
    )
    const lines = readFileSync(join(run.dir, log), 'utf8').trim().split('\n')
    for (const line of lines) expect(parseLine(line), line).toBeDefined()
    const text = lines.join('\n')
    expect(text).toMatch(/ - swift2s3 - INFO - Starting migration of /)
    expect(text).toMatch(/Bucket .* exists/)
    expect(text).toMatch(/Created object unicode\/日本語\/ファイル.txt in bucket/)
    expect(text).toMatch(/Object count: \d+ in Swift container .*\(equal\)/)
    expect(text).not.toContain('testing')
    expect(run.files.filter((f) => /\.(json|csv|html)$/.test(f))).toHaveLength(3)
    const report = run.report!
    expect(report.totals.objects).toBe(objects.length)
    expect(report.totals.copied).toBe(objects.length)
    expect(report.totals.verification['verified-md5'] + report.totals.verification['verified-recorded']).toBe(
      objects.length,
    )
    let inBucket = 0
    const target = new S3Target(targetOptions(bucket), { env: {} })
    for await (const _entry of target.list()) inBucket++
    target.close()
    expect(report.totals.targetCount).toBe(inBucket)
    expect(run.out).toMatch(/Verified: \d+ by MD5/)
  })

  it('--verifyOnly after a run: every object verified, and nothing written', async () => {
    const proxy = await startFaultProxy(servers.s3.endpoint)
    const run = await cli(['--verifyOnly'], proxy.url)
    await proxy.close()
    expect(run.code).toBe(0)
    expect(run.report!.mode).toBe('verify-only')
    expect(run.report!.objects.every((o) => o.verification.startsWith('verified'))).toBe(true)
    expect(proxy.seen.filter((line) => !/^(GET|HEAD) /.test(line))).toEqual([])
  })

  it('an object altered out of band is reported mismatched, with exit code 1', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'empty.txt', Body: 'not empty any more' }))
    const run = await cli(['--verifyOnly'])
    expect(run.code).toBe(1)
    expect(run.report!.objects.find((o) => o.key === 'empty.txt')?.verification).toBe('mismatched')
    expect(run.out).toContain('empty.txt')
  })

  it('--deep catches an altered object whose metadata was left intact', async () => {
    const target = 'spaces and+plus%.txt'
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: target }))
    const original = objects.find((o) => o.name === target)!.content
    const forged = Buffer.from(original.toString().replace(/c/g, 'C'))
    // Same size, same recorded MD5 and source ETag: only reading the bytes can tell.
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: target, Body: forged, Metadata: head.Metadata }),
    )
    expect((await cli(['--verifyOnly', '--exclude', 'empty.txt'])).code).toBe(0)
    const deep = await cli(['--verifyOnly', '--deep', '--exclude', 'empty.txt'])
    expect(deep.code).toBe(1)
    expect(deep.report!.objects.find((o) => o.key === target)?.verification).toBe('mismatched')
  })

  it('--include, --exclude and --skipDirectoryMarkers decide what is copied, and mirror mode never deletes what they leave out', async () => {
    const filtered = unique('cli-filtered')
    await createBucket(s3, filtered)
    try {
      // Already in the bucket and excluded: not an extra, so mirror mode must leave it alone.
      await s3.send(new PutObjectCommand({ Bucket: filtered, Key: 'unicode/kept.txt', Body: 'kept' }))
      const run = await cli(
        [
          ...['--include', '**/*.txt', '--include', 'folder/', '--exclude', 'unicode/**'],
          ...['--skipDirectoryMarkers', '--mirror', '--maxDeletes', '10'],
        ],
        servers.s3.endpoint,
        filtered,
      )
      expect(run.err).toBe('')
      expect(run.code).toBe(0)
      const keys: string[] = []
      const target = new S3Target(targetOptions(filtered), { env: {} })
      for await (const entry of target.list()) keys.push(entry.key)
      target.close()
      expect(keys.sort()).toEqual(
        ['emoji 😀 é.txt', 'empty.txt', 'q?hash#amp&.txt', 'spaces and+plus%.txt', 'unicode/kept.txt'].sort(),
      )
      expect(run.report!.totals.copied).toBe(4)
      expect(run.report!.totals.objects).toBe(4)
    } finally {
      await removeBucket(s3, filtered)
    }
  })

  it('a bad flag names the flag and exits 2', async () => {
    const run = await cli(['--maxWorkers', '0'])
    expect(run.code).toBe(2)
    expect(run.err).toContain('--maxWorkers')
  })

  it('a container that does not exist exits 2 and writes nothing', async () => {
    const proxy = await startFaultProxy(
      servers.s3.endpoint,
      faults.respond({ status: 500 }, { match: (r) => r.method !== 'GET' && r.method !== 'HEAD' }),
    )
    const dir = mkdtempSync(join(tmpdir(), 'cli-run-'))
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    let err = ''
    stderr.on('data', (c: Buffer) => (err += c.toString()))
    stdout.resume()
    const code = await main(
      [
        '--openStackContainer',
        'no-such-container-xyz',
        '--s3Bucket',
        bucket,
        '--s3EndpointUrl',
        proxy.url,
        '--logDir',
        dir,
      ],
      {
        stdout,
        stderr,
        env,
        cwd: dir,
        tool: { name: 'swift2s3', version: 'test' },
      },
    )
    await proxy.close()
    expect(code).toBe(2)
    expect(err).toContain('no-such-container-xyz')
    expect(proxy.seen.filter((line) => !/^(GET|HEAD) /.test(line))).toEqual([])
  })

  it('--dryRun plans and writes nothing', async () => {
    await swift.putObject(container, 'new-after-run.txt', 'new')
    const proxy = await startFaultProxy(servers.s3.endpoint)
    const run = await cli(['--dryRun'], proxy.url)
    await proxy.close()
    await swift.deleteObject(container, 'new-after-run.txt')
    expect(run.code).toBe(0)
    expect(proxy.seen.filter((line) => !/^(GET|HEAD) /.test(line))).toEqual([])
    const planned = (run.report!.objects as unknown as { key: string; status: string }[]).filter(
      (o) => o.status === 'planned',
    )
    expect(planned.map((o) => o.key)).toContain('new-after-run.txt')
    expect(run.out).toMatch(/Dry run completed/)
  })
})
