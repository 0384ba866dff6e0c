import { afterEach, describe, expect, it } from 'vitest'
import { cliCommandFor, shellQuote } from '../core/profiles/cli-command'
import { resolveJobSpec } from '../core/profiles/resolve-job-spec'
import { profileSecretRefs } from '../core/profiles/secret-copy'
import { jobInput, s3Input, SWIFT_AUTHS, swiftInput, tempStore } from '../core/profiles/test-fixtures'
import { lexLine } from '../core/swift/config/shell-words'
import { MemoryVault } from '../core/secrets/memory-vault'
import { parseCli } from './args'

/**
 * "Copy as CLI command" must run the very migration the app would: the command is read back the way a
 * shell would split it, parsed by the CLI, and compared with the spec the app resolves for the same
 * saved migration.
 */

const SECRETS: Record<string, string> = {
  OS_APPLICATION_CREDENTIAL_SECRET: 'swift-secret',
  OS_PASSWORD: 'swift-password',
  OS_AUTH_TOKEN: 'swift-token',
  ST_KEY: 'swift-key',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
}
const SECRET_OF_FIELD: Record<string, string> = {
  applicationCredentialSecret: 'swift-secret',
  password: 'swift-password',
  token: 'swift-token',
  key: 'swift-key',
  secretAccessKey: 'aws-secret',
}

/** Splits the one-line command as a shell would: leading NAME=value words are the environment. */
function shellSplit(command: string): { env: Record<string, string>; argv: string[] } {
  const words = lexLine(command)?.[0]
  if (!words) throw new Error('the command is not one shell command')
  const env: Record<string, string> = {}
  const argv: string[] = []
  for (const word of words) {
    const text = word.pieces.map((piece) => {
      if (piece.kind !== 'text') throw new Error(`the command would expand ${JSON.stringify(piece)}`)
      return piece.text
    })
    if (word.assignment !== undefined && argv.length === 0) env[word.assignment] = text.join('')
    else argv.push(text.join(''))
  }
  return { env, argv }
}

const stores: Array<() => void> = []
afterEach(() => stores.splice(0).forEach((cleanup) => cleanup()))

type JobOverrides = (targetId: string) => Record<string, unknown>

async function roundTrip(auth: object, s3: Record<string, unknown> = {}, job: JobOverrides = () => ({})) {
  const { store, cleanup } = tempStore()
  stores.push(cleanup)
  const swift = store.swift.save({
    ...swiftInput('Prod "Swift"', auth),
    caBundle: undefined,
    proxyUrl: undefined,
  })
  const target = store.s3.save(s3Input('Archive', { storageClass: undefined, ...s3 }))
  const definition = store.jobs.save({ ...jobInput(swift.id, target.id), ...job(target.id) })
  const vault = new MemoryVault()
  for (const ref of [...profileSecretRefs(swift), ...profileSecretRefs(target)]) {
    await vault.set(ref, SECRET_OF_FIELD[ref.split(':').at(-1)!]!)
  }
  const resolved = await resolveJobSpec(definition, store, vault, { output: { logDir: '/logs' } })
  const command = cliCommandFor(definition, store.swift.get(swift.id), store.s3.get(target.id))
  const { env, argv } = shellSplit(command.command)
  for (const name of command.secretEnv) env[name] = SECRETS[name]!
  expect(argv[0]).toBe('swift2s3')
  const parsed = parseCli(argv.slice(1), env, '/logs')
  if (parsed.kind !== 'run' || parsed.profile !== undefined) throw new Error('expected a run')
  return { command, resolved, spec: parsed.spec }
}

describe('cliCommandFor', () => {
  it.each(Object.entries(SWIFT_AUTHS))('carries a %s login and every job setting', async (_kind, auth) => {
    const { command, resolved, spec } = await roundTrip(auth)
    expect(spec.source.auth).toEqual(resolved.source.auth)
    const { auth: _a, tls: _t, ...source } = spec.source
    const { auth: _b, tls: _u, ...expectedSource } = resolved.source
    expect(source).toEqual(expectedSource)
    expect(spec.target).toMatchObject({
      bucket: resolved.target.bucket,
      bucketMode: resolved.target.bucketMode,
      destPrefix: resolved.target.destPrefix,
      region: resolved.target.region,
    })
    expect(spec.options).toMatchObject({
      maxWorkers: resolved.options.maxWorkers,
      bandwidthLimitMb: resolved.options.bandwidthLimitMb,
      mirror: resolved.options.mirror,
      deep: resolved.options.deep,
    })
    // No secret value is in the command itself.
    for (const secret of Object.values(SECRETS)) expect(command.command).not.toContain(secret)
  })

  it('carries an S3-compatible endpoint, a per-container bucket pattern and the transfer limits', async () => {
    const { resolved, spec, command } = await roundTrip(
      SWIFT_AUTHS.appCredentialById,
      { provider: 's3-compatible', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1' },
      (targetId) => ({
        target: { profileId: targetId, bucket: "media-{container}'s", bucketMode: 'per-container' },
        options: { maxWorkers: 32, bandwidthLimitMb: 2.5, partBudgetMb: 256, multipartThresholdMb: 64 },
      }),
    )
    expect(spec.target).toMatchObject({
      endpoint: resolved.target.endpoint,
      // Unset in the profile means path style with an endpoint, for both.
      forcePathStyle: resolved.target.forcePathStyle ?? true,
      bucket: resolved.target.bucket,
      bucketMode: 'per-container',
    })
    expect(spec.options).toMatchObject({
      maxWorkers: 32,
      bandwidthLimitMb: 2.5,
      partBudgetMb: 256,
      multipartThresholdMb: 64,
    })
    expect(command.secretEnv).toEqual(['OS_APPLICATION_CREDENTIAL_SECRET', 'AWS_SECRET_ACCESS_KEY'])
  })

  it('carries the metadata choices: user metadata off, extra pairs in order, oversized objects dropped', async () => {
    const metadata = {
      userMetadata: 'skip',
      extra: [
        { key: 'migrated-from', value: 'swift-prod' },
        { key: 'note', value: "Bob's $HOME copy" },
      ],
      oversized: 'drop',
    }
    const { resolved, spec, command } = await roundTrip(SWIFT_AUTHS.v1, {}, () => ({
      options: { metadata },
    }))
    expect(command.command).toContain(
      "--noUserMetadata --setMetadata migrated-from=swift-prod --setMetadata 'note=Bob'\\''s $HOME copy' --oversizedMetadata drop",
    )
    expect(spec.options.metadata).toEqual(metadata)
    expect(resolved.options.metadata).toEqual(metadata)
  })

  it('adds no metadata flag for the defaults', async () => {
    const { spec, command } = await roundTrip(SWIFT_AUTHS.v1)
    expect(command.command).not.toMatch(/Metadata/)
    expect(spec.options.metadata).toEqual({ userMetadata: 'copy', extra: [], oversized: 'fail' })
  })

  it('leaves out --maxWorkers for a migration saved without a worker count: the CLI runs 16', async () => {
    const { command, resolved, spec } = await roundTrip(SWIFT_AUTHS.v1, {}, () => ({
      options: { mirror: { enabled: true } },
    }))
    expect(command.command).not.toContain('--maxWorkers')
    expect([spec.options.maxWorkers, resolved.options.maxWorkers]).toEqual([16, 16])
  })

  it('says in words what the command line cannot carry', async () => {
    const { store, cleanup } = tempStore()
    stores.push(cleanup)
    const swift = store.swift.save(swiftInput())
    const target = store.s3.save(s3Input())
    const definition = store.jobs.save(jobInput(swift.id, target.id))
    const { notes } = cliCommandFor(definition, store.swift.get(swift.id), store.s3.get(target.id))
    expect(notes.join('\n')).toMatch(/CA bundle.*--caFile/)
    expect(notes.join('\n')).toMatch(/storage class/)
    expect(notes.join('\n')).toMatch(/HTTPS_PROXY=http:\/\/proxy.example.com:3128/)
  })
})

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest so a shell reads them back unchanged', () => {
    expect(shellQuote('media-2024')).toBe('media-2024')
    for (const value of ["it's", 'a b', '$HOME', '`x`', '*.jpg', '', 'ünï']) {
      const words = lexLine(`x ${shellQuote(value)}`)?.[0]
      expect(words?.[1]?.pieces).toEqual([{ kind: 'text', text: value }])
    }
  })
})
