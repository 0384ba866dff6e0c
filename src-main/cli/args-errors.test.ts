import { describe, expect, it } from 'vitest'
import { ENV, MINIMAL, run, SWIFT_SECRET, usageError } from './test-support'

describe('parseCli: unknown flags', () => {
  it.each([
    ['--maxWorker', '--maxWorkers'],
    ['--bucket', '--s3Bucket'],
    ['--region', '--regionName'],
    ['--endpoint-url', '--s3EndpointUrl'],
    ['--dryrn', '--dryRun'],
    ['-maxWorkers', '--maxWorkers'],
  ])('suggests the closest flag for %s', (typed, meant) => {
    const error = usageError([...MINIMAL, typed, '4'])
    expect(error.message).toBe(`Unknown flag ${typed}. Did you mean ${meant}?`)
    expect(error.field).toBe(typed)
  })

  it('points to --help when nothing is close', () => {
    expect(usageError([...MINIMAL, '--foo']).message).toBe(
      'Unknown flag --foo. Run swift2s3 --help for the list of flags.',
    )
  })

  it('does not echo the value of an unknown flag', () => {
    const error = usageError([...MINIMAL, `--swiftPassword=${SWIFT_SECRET}`])
    expect(error.message).toMatch(/^Unknown flag --swiftPassword\. /)
  })

  it('rejects stray arguments, with a hint for an unquoted pattern the shell expanded', () => {
    expect(usageError([...MINIMAL, 'extra']).message).toMatch(/^Unexpected argument "extra": every setting/)
    expect(usageError([...MINIMAL, '--include', 'a.jpg', 'b.jpg']).message).toContain(
      "put each pattern in quotes so the shell does not expand it, e.g. --include '*.jpg'",
    )
    expect(usageError(['--', ...MINIMAL]).message).toMatch(/^Unexpected argument "--openStackContainer"/)
  })

  it('says a switch takes no value when one follows it', () => {
    expect(usageError([...MINIMAL, '--dryRun', 'true']).message).toBe(
      'Unexpected argument "true": --dryRun takes no value; to turn it off write --dryRun=false.',
    )
    expect(usageError([...MINIMAL, '--dryRun=maybe']).field).toBe('--dryRun')
  })
})

describe('parseCli: missing or repeated values', () => {
  it('names a flag left without its value', () => {
    expect(usageError(['--openStackContainer', 'photos', '--s3Bucket']).message).toBe(
      '--s3Bucket needs a value: --s3Bucket NAME.',
    )
    expect(usageError(['--openStackContainer', 'photos', '--s3Bucket', '--maxWorkers', '4']).field).toBe(
      '--s3Bucket',
    )
    expect(usageError([...MINIMAL, '--prefix=']).message).toContain('got an empty value')
  })

  it('refuses one flag twice with different values', () => {
    expect(usageError([...MINIMAL, '--s3Bucket', 'other']).message).toBe(
      '--s3Bucket was given twice ("archive" and "other"); give it once.',
    )
    expect(usageError([...MINIMAL, '--max-workers', '4', '--maxWorkers=5']).field).toBe('--maxWorkers')
  })
})

describe('parseCli: numbers', () => {
  it.each(['0', '10000', 'abc', '2.5', '-1', ''])('refuses %j workers', (value) => {
    const error = usageError([...MINIMAL, `--maxWorkers=${value}`])
    expect(error.field).toBe('--maxWorkers')
    if (value !== '')
      expect(error.message).toBe(`--maxWorkers must be a whole number from 1 to 256 (got "${value}").`)
  })

  it('accepts the limits of the worker range', () => {
    for (const value of ['1', '256']) {
      expect(run([...MINIMAL, '--maxWorkers', value]).spec.options.maxWorkers).toBe(Number(value))
    }
  })

  it.each(['-1', 'fast', '0', '0.05', '1e3', '200000'])('refuses a bandwidth limit of %j', (value) => {
    const error = usageError([...MINIMAL, '--bandwidthLimitMb', value])
    expect(error.field).toBe('--bandwidthLimitMb')
    expect(error.message).toMatch(
      new RegExp(`^--bandwidthLimitMb must be a positive number of MB/s .*\\(got "${value}"\\)`),
    )
  })

  it('refuses a negative --maxDeletes', () => {
    expect(usageError([...MINIMAL, '--mirror', '--maxDeletes', '-3']).message).toBe(
      '--maxDeletes must be a whole number 0 or more (got "-3").',
    )
  })

  it('checks the memory settings', () => {
    expect(usageError([...MINIMAL, '--partBudgetMb', '4']).field).toBe('--partBudgetMb')
    expect(usageError([...MINIMAL, '--multipartThresholdMb', '6000']).message).toBe(
      '--multipartThresholdMb must be a whole number from 8 to 5120 (got "6000").',
    )
  })
})

describe('parseCli: containers', () => {
  it('requires a container', () => {
    const error = usageError(['--s3Bucket', 'archive'])
    expect(error.message).toBe(
      'Say which Swift container to copy: --openStackContainer NAME, --containers a,b for several, or --allContainers.',
    )
    expect(error.field).toBe('--openStackContainer')
  })

  it('refuses containers given two ways', () => {
    expect(usageError([...MINIMAL, '--containers', 'a,b']).message).toMatch(
      /^Give the containers one way only: --openStackContainer and --containers were both given\./,
    )
    expect(usageError([...MINIMAL, '--allContainers']).field).toBe('--allContainers')
    expect(usageError([...MINIMAL, '--openStackContainer', 'videos']).message).toBe(
      '--openStackContainer was given twice ("photos" and "videos"); give it once.',
    )
  })

  it('refuses names Swift cannot have', () => {
    expect(usageError(['--openStackContainer', 'photos/2024', '--s3Bucket', 'a1b']).message).toContain(
      'contains "/", which no Swift container name has',
    )
    expect(usageError(['--containers', 'a,,b', '--s3Bucket', 'archive']).field).toBe('--containers')
  })
})

describe('parseCli: the target', () => {
  it('requires --s3Bucket', () => {
    const error = usageError(['--openStackContainer', 'photos'])
    expect(error.message).toBe('--s3Bucket is required (the target bucket), e.g. --s3Bucket my-bucket.')
    expect(error.field).toBe('--s3Bucket')
  })

  it('refuses a bucket name S3 would refuse, with the rule it breaks', () => {
    const error = usageError(['--openStackContainer', 'photos', '--s3Bucket', 'My_Bucket!'])
    expect(error.field).toBe('--s3Bucket')
    expect(error.message).toMatch(
      /^--s3Bucket: "My_Bucket!" is not a valid S3 bucket name: use only lowercase/,
    )
  })

  it('refuses an endpoint that is not a URL, naming where it came from', () => {
    const flag = usageError([...MINIMAL, '--s3EndpointUrl', 'minio:9000 '])
    expect(flag.field).toBe('--s3EndpointUrl')
    expect(flag.message).toMatch(/^--s3EndpointUrl: /)
    expect(usageError([...MINIMAL, '--s3EndpointUrl', 'ftp://files.example.com']).message).toContain(
      'must start with http:// or https://',
    )
    expect(usageError(MINIMAL, { ...ENV, AWS_ENDPOINT_URL_S3: 'not a url' }).field).toBe(
      'AWS_ENDPOINT_URL_S3',
    )
  })

  it('refuses a region name that is not a code', () => {
    expect(usageError([...MINIMAL, '--regionName', 'Europe (Ireland)']).field).toBe('--regionName')
    expect(usageError(MINIMAL, { ...ENV, AWS_REGION: 'EU West' }).field).toBe('AWS_REGION')
  })

  it('points a bucket refused on AWS to --s3EndpointUrl, since other servers may accept it', () => {
    expect(usageError(['--openStackContainer', 'photos', '--s3Bucket', 's3_bucket_name']).message).toMatch(
      /use only lowercase .* If the bucket is on an S3-compatible server, give its address with --s3EndpointUrl\.$/,
    )
  })

  it('checks the bucket pattern of --bucketPerContainer', () => {
    expect(
      usageError(['--containers', 'a1b,c2d', '--s3Bucket', 'Acme-{container}', '--bucketPerContainer'])
        .message,
    ).toMatch(/^--s3Bucket: "Acme-\{container\}" is not a valid S3 bucket name: use only lowercase/)
    expect(
      usageError(['--containers', 'a1b,c2d', '--s3Bucket', 'archive', '--bucketPerContainer']).message,
    ).toMatch(/^--bucketPerContainer needs \{container\} in --s3Bucket/)
    expect(usageError([...MINIMAL.slice(0, 2), '--s3Bucket', 'x-{container}']).message).toMatch(
      /^--s3Bucket contains \{container\}, which only means something with --bucketPerContainer/,
    )
  })
})

describe('parseCli: modes that contradict each other', () => {
  it.each([
    [['--dryRun', '--verifyOnly'], '--verifyOnly'],
    [['--mirror', '--verifyOnly'], '--verifyOnly'],
    [['--deep', '--dryRun'], '--dryRun'],
    [['--maxDeletes', '5'], '--maxDeletes'],
  ])('refuses %j', (flags, field) => {
    expect(usageError([...MINIMAL, ...flags]).field).toBe(field)
  })
})

describe('parseCli: metadata', () => {
  it.each([
    ['owner', '--setMetadata "owner": write it as key=value, e.g. migrated-from=swift-prod.'],
    [
      'Owner=ops',
      '--setMetadata "Owner=ops": write the key in lowercase (owner); S3 lower-cases metadata names anyway.',
    ],
    [
      'swift-etag=x',
      '--setMetadata "swift-etag=x": swift-etag is the tool\'s own integrity record, always written; choose another key.',
    ],
    ['note=', '--setMetadata "note=": the value after "=" is empty.'],
  ])('refuses --setMetadata %j, quoting the pair', (pair, message) => {
    const error = usageError([...MINIMAL, '--setMetadata', pair])
    expect(error.field).toBe('--setMetadata')
    expect(error.message).toBe(message)
  })

  it('refuses a key given twice and an unknown oversized choice', () => {
    expect(usageError([...MINIMAL, '--setMetadata', 'a=1', '--setMetadata', 'a=2']).message).toBe(
      '--setMetadata "a=2": the key a is given twice; keep one value.',
    )
    const error = usageError([...MINIMAL, '--oversizedMetadata', 'truncate'])
    expect(error.field).toBe('--oversizedMetadata')
    expect(error.message).toBe('--oversizedMetadata must be "fail" or "drop" (got "truncate").')
  })
})

describe('parseCli: secrets stay out of messages', () => {
  it('masks a secret pasted into a flag', () => {
    const error = usageError(['--openStackContainer', 'photos', '--s3Bucket', SWIFT_SECRET])
    expect(error.message).toContain('[redacted]')
    expect(error.cause).toBeUndefined()
  })

  it('masks a secret that ends up in an unexpected argument', () => {
    expect(usageError([...MINIMAL, SWIFT_SECRET]).message).toBe(
      'Unexpected argument "[redacted]": every setting is given as a flag; run swift2s3 --help for the list.',
    )
  })
})
