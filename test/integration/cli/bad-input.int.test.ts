import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src-main/cli/main'
import { servers } from '../support/swift-clients'

/** Bad input gets a clear message naming what is wrong, exit code 2, and nothing written (not even a log). */

const env = {
  ST_AUTH: servers.tempauth.authUrl,
  ST_USER: 'test:tester',
  ST_KEY: 'testing',
  AWS_ACCESS_KEY_ID: servers.s3.accessKeyId,
  AWS_SECRET_ACCESS_KEY: servers.s3.secretAccessKey,
}

async function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bad-'))
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  stdout.on('data', (c: Buffer) => (out += c.toString()))
  stderr.on('data', (c: Buffer) => (out += c.toString()))
  const base = [
    '--openStackContainer',
    'c',
    '--s3Bucket',
    'some-bucket',
    '--s3EndpointUrl',
    servers.s3.endpoint,
    '--logDir',
    dir,
  ]
  const code = await main([...base, ...args], {
    stdout,
    stderr,
    env: { ...env, ...extraEnv },
    cwd: dir,
    tool: { name: 'swift2s3', version: 'test' },
  })
  return { code, out, written: readdirSync(dir) }
}

describe('bad input', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['an unknown flag', ['--maxWorker', '4'], {}, /--maxWorker.*--maxWorkers/],
    ['a worker count of 0', ['--maxWorkers', '0'], {}, /--maxWorkers/],
    ['a worker count of 10,000', ['--maxWorkers', '10000'], {}, /--maxWorkers.*256/],
    ['a bandwidth of -1', ['--bandwidthLimitMb', '-1'], {}, /--bandwidthLimitMb/],
    ['a bandwidth of "fast"', ['--bandwidthLimitMb', 'fast'], {}, /--bandwidthLimitMb.*fast/],
    [
      'an uppercase metadata key',
      ['--setMetadata', 'Owner=ops'],
      {},
      /--setMetadata "Owner=ops": .*lowercase/,
    ],
    ['a reserved metadata key', ['--setMetadata', 'md5chksum=x'], {}, /--setMetadata "md5chksum=x"/],
    [
      'an unknown oversized choice',
      ['--oversizedMetadata', 'cut'],
      {},
      /--oversizedMetadata .*"fail" or "drop"/,
    ],
    ['an auth URL that is not a URL', [], { ST_AUTH: 'not a url' }, /ST_AUTH/],
    [
      'a malformed env var',
      [],
      {
        OS_INTERFACE: 'sideways',
        OS_AUTH_URL: 'https://k/v3',
        OS_APPLICATION_CREDENTIAL_ID: 'x',
        OS_APPLICATION_CREDENTIAL_SECRET: 'y',
      },
      /OS_INTERFACE/,
    ],
  ]
  for (const [what, args, extraEnv, message] of cases) {
    it(`${what}: exit 2 naming it, nothing written`, async () => {
      const run = await cli(args, extraEnv)
      expect(run.code).toBe(2)
      expect(run.out).toMatch(message)
      expect(run.written).toEqual([])
    })
  }

  it('a bucket name S3 would refuse (on AWS)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-bad-'))
    const stderr = new PassThrough()
    let out = ''
    stderr.on('data', (c: Buffer) => (out += c.toString()))
    const code = await main(['--openStackContainer', 'c', '--s3Bucket', 'My_Bucket!', '--logDir', dir], {
      stdout: new PassThrough(),
      stderr,
      env,
      cwd: dir,
      tool: { name: 'swift2s3', version: 'test' },
    })
    expect(code).toBe(2)
    expect(out).toMatch(/--s3Bucket/)
  })

  it('a CA file that is not PEM: exit 2 naming the CA bundle, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-ca-'))
    writeFileSync(join(dir, 'ca.pem'), 'this is not a certificate')
    const run = await cli(['--caFile', join(dir, 'ca.pem')])
    expect(run.code).toBe(2)
    expect(run.out).toMatch(/CA bundle holds no PEM certificate/)
    expect(run.written).toEqual([])
  })
})
