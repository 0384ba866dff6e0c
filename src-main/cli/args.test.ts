import { describe, expect, it } from 'vitest'
import type { JobSpec } from '../core/jobs/job-spec'
import { AWS_SECRET, AWS_TOKEN, CWD, ENV, KEYSTONE, MINIMAL, parse, run, SWIFT_SECRET } from './test-support'

const ORIGINAL_EXAMPLE = [
  '--openStackContainer',
  'oss_container_name',
  '--s3Bucket',
  's3_bucket_name',
  '--maxWorkers',
  '10',
  '--regionName',
  'ap-southeast-1',
  '--bandwidthLimitMb',
  '1',
]

describe('parseCli: the original script', () => {
  it("turns the original's example command line into the same migration", () => {
    // s3_bucket_name has an underscore, which AWS refuses; S3-compatible servers (here via
    // AWS_ENDPOINT_URL, as the AWS CLI reads it) accept it.
    const { spec, json, given } = run(ORIGINAL_EXAMPLE, { ...ENV, AWS_ENDPOINT_URL: 'http://127.0.0.1:9000' })
    const expected: JobSpec = {
      source: {
        auth: {
          type: 'v3applicationcredential',
          authUrl: KEYSTONE,
          applicationCredentialId: 'abc123',
          applicationCredentialSecret: SWIFT_SECRET,
        },
        tls: {},
        containers: ['oss_container_name'],
        directoryMarkers: 'keep',
      },
      target: {
        bucketMode: 'single',
        bucket: 's3_bucket_name',
        region: 'ap-southeast-1',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
        credentials: {
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          secretAccessKey: AWS_SECRET,
          sessionToken: AWS_TOKEN,
        },
      },
      options: {
        maxWorkers: 10,
        bandwidthLimitMb: 1,
        dryRun: false,
        verifyOnly: false,
        deep: false,
        mirror: { enabled: false, maxDeletions: 1000 },
        metadata: { userMetadata: 'copy', extra: [], oversized: 'fail' },
      },
      output: { logDir: CWD },
    }
    expect(spec).toStrictEqual(expected)
    expect(json).toBe(false)
    expect(given).toStrictEqual({
      openStackContainer: 'flag',
      s3Bucket: 'flag',
      maxWorkers: 'flag',
      regionName: 'flag',
      bandwidthLimitMb: 'flag',
      containers: 'flag',
      s3EndpointUrl: 'env',
      s3Credentials: 'env',
      swiftAuth: 'env',
    })
  })

  it('runs the example against AWS once the bucket has a name AWS accepts', () => {
    const argv = ORIGINAL_EXAMPLE.map((arg) => (arg === 's3_bucket_name' ? 's3-bucket-name' : arg))
    const { target } = run(argv).spec
    expect(target).toMatchObject({
      bucket: 's3-bucket-name',
      region: 'ap-southeast-1',
      forcePathStyle: false,
    })
    expect(target.endpoint).toBeUndefined()
  })
})

describe('parseCli: defaults', () => {
  it('fills in what the original did not ask for', () => {
    const { spec, json, caFile, s3CaFile } = run(MINIMAL)
    expect(spec.options).toStrictEqual({
      maxWorkers: 16,
      bandwidthLimitMb: null,
      dryRun: false,
      verifyOnly: false,
      deep: false,
      mirror: { enabled: false, maxDeletions: 1000 },
      metadata: { userMetadata: 'copy', extra: [], oversized: 'fail' },
    })
    expect(spec.target).toStrictEqual({
      bucketMode: 'single',
      bucket: 'archive',
      region: 'us-east-1',
      forcePathStyle: false,
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: AWS_SECRET,
        sessionToken: AWS_TOKEN,
      },
    })
    expect(spec.source.directoryMarkers).toBe('keep')
    expect(spec.output).toStrictEqual({ logDir: CWD })
    expect({ json, caFile, s3CaFile }).toStrictEqual({ json: false, caFile: undefined, s3CaFile: undefined })
  })
})

describe('parseCli: every flag', () => {
  it('reads each flag into its place in the spec', () => {
    const { spec, json, caFile } = run([
      ...['--containers', 'photos, backups,photos'],
      ...['--s3Bucket', 'acme-{container}', '--bucketPerContainer'],
      ...['--maxWorkers', '64', '--regionName', 'eu-west-1', '--bandwidthLimitMb', '2.5'],
      ...['--s3EndpointUrl', 'https://minio.example.com:9000', '--s3ForcePathStyle'],
      ...['--prefix', '2024/', '--destPrefix', 'from-swift/'],
      ...['--include', '**/*.jpg', '--include', '**/*.png', '--exclude', 'tmp/**'],
      ...['--mirror', '--maxDeletes', '0', '--deep'],
      ...['--logDir', 'logs', '--reportDir', '/srv/reports'],
      ...['--json', '--skipDirectoryMarkers', '--partBudgetMb', '1024', '--multipartThresholdMb', '128'],
      ...['--caFile', 'certs/ca.pem', '--insecure'],
      ...['--no-user-metadata', '--setMetadata', 'migrated-from=swift-prod', '--set-metadata=site=Zürich'],
      ...['--oversizedMetadata', 'drop'],
    ])
    expect(spec.source).toMatchObject({
      containers: ['photos', 'backups'],
      prefix: '2024/',
      include: ['**/*.jpg', '**/*.png'],
      exclude: ['tmp/**'],
      directoryMarkers: 'skip',
      tls: { caFile: `${CWD}/certs/ca.pem`, insecure: true },
    })
    expect(spec.target).toMatchObject({
      bucketMode: 'per-container',
      bucket: 'acme-{container}',
      region: 'eu-west-1',
      endpoint: 'https://minio.example.com:9000',
      forcePathStyle: true,
      destPrefix: 'from-swift/',
      insecure: true,
    })
    expect(spec.options).toStrictEqual({
      maxWorkers: 64,
      bandwidthLimitMb: 2.5,
      dryRun: false,
      verifyOnly: false,
      deep: true,
      mirror: { enabled: true, maxDeletions: 0 },
      metadata: {
        userMetadata: 'skip',
        extra: [
          { key: 'migrated-from', value: 'swift-prod' },
          { key: 'site', value: 'Zürich' },
        ],
        oversized: 'drop',
      },
      partBudgetMb: 1024,
      multipartThresholdMb: 128,
    })
    expect(spec.output).toStrictEqual({ logDir: `${CWD}/logs`, reportDir: '/srv/reports' })
    expect(json).toBe(true)
    expect(caFile).toBe(`${CWD}/certs/ca.pem`)
  })

  it('copies every container of the account with --allContainers', () => {
    expect(run(['--allContainers', '--s3Bucket', 'archive']).spec.source.containers).toBe('all')
  })

  it('plans only with --dryRun, and verifies only with --verifyOnly', () => {
    expect(run([...MINIMAL, '--dryRun', '--mirror']).spec.options).toMatchObject({
      dryRun: true,
      mirror: { enabled: true, maxDeletions: 1000 },
    })
    expect(run([...MINIMAL, '--verifyOnly', '--deep']).spec.options).toMatchObject({
      verifyOnly: true,
      deep: true,
    })
  })

  it('names each bucket after its container when --bucketPerContainer has no --s3Bucket', () => {
    const { target } = run(['--containers', 'photos,backups', '--bucketPerContainer']).spec
    expect(target).toMatchObject({ bucketMode: 'per-container', bucket: '{container}' })
  })
})

describe('parseCli: spellings', () => {
  const camel = run([
    ...['--openStackContainer', 'photos', '--s3Bucket', 'archive', '--maxWorkers', '8'],
    ...['--bandwidthLimitMb', '3', '--dryRun', '--skipDirectoryMarkers', '--destPrefix', 'x/'],
  ]).spec

  it('accepts kebab-case aliases', () => {
    const kebab = run([
      ...['--open-stack-container', 'photos', '--s3-bucket', 'archive', '--max-workers', '8'],
      ...['--bandwidth-limit-mb', '3', '--dry-run', '--skip-directory-markers', '--dest-prefix', 'x/'],
    ]).spec
    expect(kebab).toStrictEqual(camel)
  })

  it('accepts --flag=value', () => {
    const inline = run([
      ...['--openStackContainer=photos', '--s3Bucket=archive', '--maxWorkers=8', '--bandwidthLimitMb=3'],
      ...['--dryRun=true', '--skipDirectoryMarkers', '--destPrefix=x/'],
    ]).spec
    expect(inline).toStrictEqual(camel)
  })

  it('ignores case, dashes and underscores in flag names', () => {
    const loose = run(['--openstack-container', 'photos', '--S3BUCKET', 'archive', '--max_workers', '8'])
    expect(loose.spec.options.maxWorkers).toBe(8)
    expect(loose.spec.target.bucket).toBe('archive')
  })

  it('keeps an = inside a value', () => {
    expect(run([...MINIMAL, '--prefix=a=b']).spec.source.prefix).toBe('a=b')
  })

  it('never lets a switch take the next argument as its value', () => {
    const { spec } = run(['--dryRun', '--openStackContainer', 'photos', '--json', '--s3Bucket', 'archive'])
    expect(spec.options.dryRun).toBe(true)
    expect(spec.source.containers).toStrictEqual(['photos'])
  })

  it('turns a switch off with =false', () => {
    const endpoint = ['--s3EndpointUrl', 'https://minio.example.com']
    expect(run([...MINIMAL, ...endpoint]).spec.target.forcePathStyle).toBe(true)
    expect(run([...MINIMAL, ...endpoint, '--s3ForcePathStyle=false']).spec.target.forcePathStyle).toBe(false)
    expect(run([...MINIMAL, '--dryRun=no']).spec.options.dryRun).toBe(false)
  })

  it('accepts the same value twice', () => {
    expect(run([...MINIMAL, '--s3Bucket', 'archive']).spec.target.bucket).toBe('archive')
  })
})

describe('parseCli: help and version', () => {
  it('answers --help and -h before looking at anything else', () => {
    for (const argv of [['--help'], ['-h'], ['--nonsense', '--maxWorkers', '0', '--help'], ['--HELP']]) {
      const result = parse(argv, {})
      expect(result.kind).toBe('help')
      if (result.kind === 'help') expect(result.text).toContain('--openStackContainer')
    }
  })

  it('answers --version', () => {
    expect(parse(['--version'], {})).toStrictEqual({ kind: 'version' })
  })

  it('reads no flags after --', () => {
    expect(parse(['--help', '--', 'x'], {}).kind).toBe('help')
    expect(() => parse(['--', '--help'], {})).toThrow('Unexpected argument "--help"')
  })
})
