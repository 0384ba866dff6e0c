import { describe, expect, it } from 'vitest'
import { DEFAULT_MULTIPART_THRESHOLD } from '../core/transfer/engine'
import { FLAG_NAMES, FLAGS } from './flags'
import { helpText } from './help'
import { DEFAULT_MAX_DELETES, DEFAULT_MAX_WORKERS } from './options'

describe('helpText', () => {
  const text = helpText()

  it("shows the original script's example", () => {
    expect(text).toContain(
      'swift2s3 --openStackContainer oss_container_name --s3Bucket s3_bucket_name \\\n' +
        '    --maxWorkers 10 --regionName ap-southeast-1 --bandwidthLimitMb 1',
    )
  })

  it('lists every flag with its one line', () => {
    for (const name of FLAG_NAMES) {
      expect(text).toMatch(new RegExp(`^  --${name}\\b`, 'm'))
      expect(text.replace(/\s+/g, ' ')).toContain(FLAGS[name].help)
    }
  })

  it('lists the environment variables and the exit codes', () => {
    for (const name of [
      'OS_AUTH_URL',
      'OS_APPLICATION_CREDENTIAL_SECRET',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_REGION',
    ]) {
      expect(text).toContain(name)
    }
    for (const code of ['0', '1', '2', '3', '130']) expect(text).toMatch(new RegExp(`^  ${code} +\\S`, 'm'))
  })

  it('states the defaults the parser applies', () => {
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain(`(default ${DEFAULT_MAX_WORKERS})`)
    expect(flat).toContain(`(default ${DEFAULT_MAX_DELETES})`)
    expect(flat).toContain(`(default ${DEFAULT_MULTIPART_THRESHOLD / 1024 / 1024})`)
  })

  it('fits a 100-column terminal', () => {
    const long = text.split('\n').filter((line) => line.length > 100)
    expect(long).toStrictEqual([])
  })
})
