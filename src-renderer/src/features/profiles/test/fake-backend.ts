import type { Api } from '../../../../../src-preload/contract/api'
import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../../../../src-preload/contract/channels'
import type {
  ConnectionCheck,
  ConnectionTestInput,
  ConnectionTestResult,
  LastConnectionTest,
} from '../../../../../src-preload/contract/connections'
import type {
  ProfileId,
  S3Entry,
  S3Profile,
  SecretField,
  SecretSlot,
  SecretStatus,
  SwiftEntry,
  SwiftProfile,
} from '../../../../../src-preload/contract/profiles'
import type { VaultInfo } from '../../../../../src-preload/contract/secrets'
import { fail, ok, type ErrorCode } from '../../../../../src-preload/contract/result'

/** Thrown by an override to answer `{ ok: false }` with a code and field, as main's router would. */
export class FakeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

type Handlers = {
  [C in InvokeChannel]?: (input: InvokeInput<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>>
}

const SWIFT_SECRETS: Record<SwiftProfile['auth']['type'], { field: SecretField; label: string }> = {
  v3applicationcredential: { field: 'applicationCredentialSecret', label: 'application credential secret' },
  v3password: { field: 'password', label: 'password' },
  v3token: { field: 'token', label: 'Keystone token' },
  v1: { field: 'key', label: 'key' },
  preauth: { field: 'token', label: 'auth token' },
}

const NOW = '2026-01-01T00:00:00.000Z'
/** When the fake says a test ran; tests that show times pin the clock near it. */
export const TESTED_AT = '2026-01-01T09:30:00.000Z'

/** What a scripted test found, before the fake keeps it as the profile's last test. */
export interface FakeOutcome {
  ok: boolean
  checks: ConnectionCheck[]
  storageUrl?: string
  containerCount?: number
}

/** A saved Swift profile with an application credential, for tests that start with one. */
export function swiftProfile(overrides: Partial<SwiftProfile> = {}): SwiftProfile {
  return {
    id: 'swift-1' as ProfileId,
    name: 'Production OpenStack',
    auth: {
      type: 'v3applicationcredential',
      authUrl: 'https://keystone.example.com:5000/v3',
      applicationCredentialId: 'abc123',
      applicationCredentialSecret: { secretRef: 'profile:swift-1:applicationCredentialSecret' },
      region: 'RegionOne',
    },
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  }
}

/** A saved S3-compatible profile with keys. */
export function s3Profile(overrides: Partial<S3Profile> = {}): S3Profile {
  return {
    id: 's3-1' as ProfileId,
    name: 'Archive',
    provider: 's3-compatible',
    endpoint: 'https://s3.example.com',
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: {
      type: 'keys',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: { secretRef: 'profile:s3-1:secretAccessKey' },
    },
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  }
}

function slotsOf(profile: SwiftProfile | S3Profile, secrets: Map<string, string>): SecretSlot[] {
  const slot = (field: SecretField, label: string): SecretSlot => ({
    field,
    label,
    status: secrets.has(`${profile.id}:${field}`) ? ('set' as SecretStatus) : 'unset',
  })
  if ('auth' in profile) {
    const { field, label } = SWIFT_SECRETS[profile.auth.type]
    return [slot(field, label)]
  }
  return profile.credentials.type === 'keys' ? [slot('secretAccessKey', 'secret access key')] : []
}

/**
 * A small stand-in for main's profile handlers: keeps profiles and secret values in memory (the values
 * only so tests can prove they arrived; like main it answers with statuses), records every call, and
 * lets a test replace any channel's answer.
 */
export function fakeBackend(
  options: {
    swift?: SwiftProfile[]
    s3?: S3Profile[]
    secrets?: string[]
    /** Last tests main keeps, by profile id. */
    tests?: Record<string, LastConnectionTest>
  } = {},
) {
  const swift = [...(options.swift ?? [])]
  const s3 = [...(options.s3 ?? [])]
  const secrets = new Map<string, string>((options.secrets ?? []).map((key) => [key, 'stored']))
  // Main keeps the last test with the profile; so does the fake, and drops it as main does.
  const tests = new Map<string, LastConnectionTest>(Object.entries(options.tests ?? {}))
  let outcome: (input: ConnectionTestInput) => FakeOutcome | Promise<FakeOutcome> = () => ({
    ok: true,
    checks: [{ step: 'secrets', status: 'passed', detail: 'The secrets are in the vault.' }],
  })
  const calls: { channel: InvokeChannel; input: unknown }[] = []
  let nextId = 1
  let vault: VaultInfo = { kind: 'os-keychain', persistent: true, secure: true, detail: 'gnome_libsecret' }
  const overrides: Handlers = {}

  const tested = (id: string) => {
    const test = tests.get(id)
    return test === undefined ? {} : { lastTest: test }
  }
  const swiftEntry = (record: SwiftProfile): SwiftEntry => ({
    kind: 'swift',
    record,
    secrets: slotsOf(record, secrets),
    ...tested(record.id),
  })
  const s3Entry = (record: S3Profile): S3Entry => ({
    kind: 's3',
    record,
    secrets: slotsOf(record, secrets),
    ...tested(record.id),
  })
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Swift to S3',
      version: '1.0.0',
      platform: 'linux',
      mode: 'desktop',
      versions: { node: '24' },
    }),
    'profiles.list': () => ({
      swift: [...swift].sort(byName).map(swiftEntry),
      s3: [...s3].sort(byName).map(s3Entry),
      jobs: [],
    }),
    'profiles.save': (input) => {
      if (input.kind === 'job') throw new FakeFailure('INTERNAL', 'no jobs in this fake')
      const list: (SwiftProfile | S3Profile)[] = input.kind === 'swift' ? swift : s3
      const clash = list.find(
        (p) => p.name.toLowerCase() === input.record.name.toLowerCase() && p.id !== input.record.id,
      )
      if (clash) {
        throw new FakeFailure(
          'CONFLICT',
          `A profile named "${clash.name}" already exists; choose another name.`,
          'record.name',
        )
      }
      const id = (input.record.id ?? `new-${nextId++}`) as ProfileId
      const saved = { ...input.record, id, createdAt: NOW, updatedAt: `2026-01-01T00:00:0${nextId}.000Z` }
      const index = list.findIndex((p) => p.id === id)
      if (index >= 0) list[index] = saved as SwiftProfile & S3Profile
      else list.push(saved as SwiftProfile & S3Profile)
      for (const [field, value] of Object.entries(input.secrets ?? {})) {
        secrets.set(`${id}:${field}`, value)
        tests.delete(id)
      }
      const entry = input.kind === 'swift' ? swiftEntry(saved as SwiftProfile) : s3Entry(saved as S3Profile)
      return { entry, notices: [] }
    },
    'profiles.delete': ({ kind, id }) => {
      const list: (SwiftProfile | S3Profile)[] = kind === 'swift' ? swift : s3
      const index = list.findIndex((p) => p.id === id)
      const [removed] = list.splice(index, 1)
      if (removed === undefined) throw new FakeFailure('NOT_FOUND', `No profile with id ${id}`, 'id')
      return { kind, id, name: removed.name }
    },
    'profiles.duplicate': ({ kind, id }) => {
      const list: (SwiftProfile | S3Profile)[] = kind === 'swift' ? swift : s3
      const original = list.find((p) => p.id === id)
      if (original === undefined) throw new FakeFailure('NOT_FOUND', `No profile with id ${id}`, 'id')
      const copy = { ...original, id: `copy-${nextId++}` as ProfileId, name: `${original.name} (copy)` }
      list.push(copy as SwiftProfile & S3Profile)
      return { entry: 'auth' in copy ? swiftEntry(copy) : s3Entry(copy as S3Profile), notices: [] }
    },
    'profiles.test': async (input): Promise<ConnectionTestResult> => {
      const { kind, id } = input
      const found = (kind === 'swift' ? swift : s3).find((p) => p.id === id)
      if (found === undefined) throw new FakeFailure('NOT_FOUND', `No profile with id ${id}`, 'id')
      const result = await outcome(input)
      tests.set(id, { at: TESTED_AT, ok: result.ok, checks: result.checks })
      const entry = kind === 'swift' ? swiftEntry(found as SwiftProfile) : s3Entry(found as S3Profile)
      return { kind, id, at: TESTED_AT, ...result, entry }
    },
    'secrets.backend': () => vault,
    'secrets.allowInsecure': ({ allow }: { allow: boolean }) => {
      vault = { ...vault, persistent: allow }
      return vault
    },
    'secrets.clear': ({ profileId, field }) => {
      secrets.delete(`${profileId}:${field}`)
      tests.delete(profileId)
      return { profileId, field, label: field, status: 'unset' }
    },
  }

  const api: Api = {
    mode: 'desktop',
    invoke: (async (channel: InvokeChannel, input?: unknown) => {
      calls.push({ channel, input })
      const handler = (overrides[channel] ?? handlers[channel]) as ((input: unknown) => unknown) | undefined
      if (!handler) return fail('UNAVAILABLE', `the fake has no ${channel}`)
      try {
        return ok(await handler(input))
      } catch (error) {
        if (error instanceof FakeFailure) return fail(error.code, error.message, error.field)
        throw error
      }
    }) as Api['invoke'],
    on: () => () => {},
  }

  return {
    api,
    calls,
    swift,
    s3,
    /** Secret values main received, by `<profileId>:<field>`. */
    secrets,
    /** The inputs of every call of one channel, in order. */
    callsOf<C extends InvokeChannel>(channel: C): InvokeInput<C>[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.input as InvokeInput<C>)
    },
    /** Replaces the answer of one channel. */
    answer<C extends InvokeChannel>(
      channel: C,
      handler: (input: InvokeInput<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>>,
    ): void {
      ;(overrides as Record<string, unknown>)[channel] = handler
    },
    setVault(next: VaultInfo): void {
      vault = next
    },
    /** What "Test connection" finds from now on; main's handling (keeping it, the entry) stays the fake's. */
    scriptTest(next: (input: ConnectionTestInput) => FakeOutcome | Promise<FakeOutcome>): void {
      outcome = next
    },
    /** The last tests the fake keeps, by profile id. */
    tests,
  }
}

/** What `fakeBackend` returns. */
export type FakeBackend = ReturnType<typeof fakeBackend>
