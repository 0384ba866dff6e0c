import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invokeChannels, type InvokeChannel, type InvokeOutput } from '../../../src-preload/contract/channels'
import type { Result } from '../../../src-preload/contract/result'
import { AppError } from '../../core/errors'
import { ProfileStore } from '../../core/profiles'
import { s3Input, SWIFT_AUTHS, swiftInput } from '../../core/profiles/test-fixtures'
import { MemoryVault, type SecretVault } from '../../core/secrets'
import { SettingsStore } from '../../core/settings'
import { createRouter, type Handlers } from '../router'
import { testAppInfo } from '../../../test/fixtures/app-info'
import { createHandlers, type JobsDeps, type SettingsDeps } from '.'

/**
 * Test helpers for the router and its transports; not used by the app. Core keeps its fixtures in the
 * same way (core/profiles/test-fixtures.ts).
 */

/** Every channel refusing to run, with `overrides` in place: for tests of a transport, not of handlers. */
export function stubHandlers(overrides: Partial<Handlers>): Handlers {
  const stubs: Record<string, (input: unknown) => unknown> = {}
  for (const channel of Object.keys(invokeChannels)) {
    stubs[channel] = () => {
      throw new Error(`${channel} is not under test`)
    }
  }
  return { ...(stubs as unknown as Handlers), ...overrides }
}

/** The real handlers over a profile store in a fresh temporary directory and a memory vault. */
/** For tests of other domains: the jobs channels answer UNAVAILABLE. */
export const noJobs: JobsDeps = {
  manager: () => {
    throw new AppError('UNAVAILABLE', 'No job manager in this test.')
  },
  logDir: '/nonexistent/logs',
}

/** Settings in `dir` (a test's data folder), as browser mode has them: no folder dialog. */
export function tempSettings(dir: string, chooseDirectory?: SettingsDeps['chooseDirectory']): SettingsDeps {
  return { store: new SettingsStore({ cwd: dir }), dataDir: dir, ...(chooseDirectory && { chooseDirectory }) }
}

interface HarnessOptions {
  vault?: SecretVault
  now?: () => number
  jobs?: JobsDeps
  settings?: (dir: string) => SettingsDeps
}

export function tempHandlers(options: HarnessOptions = {}): {
  handlers: Handlers
  store: ProfileStore
  vault: SecretVault
  dir: string
  cleanup: () => void
} {
  const dir = mkdtempSync(join(tmpdir(), 'ipc-profiles-'))
  const store = new ProfileStore({ cwd: dir })
  const vault = options.vault ?? new MemoryVault()
  const handlers = createHandlers({
    info: testAppInfo('browser'),
    profiles: () => store,
    vault,
    jobs: options.jobs ?? noJobs,
    settings: options.settings?.(dir) ?? tempSettings(dir),
    ...(options.now !== undefined && { now: options.now }),
  })
  return { handlers, store, vault, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The router over {@link tempHandlers}, recording every reply as the renderer would receive it (JSON),
 * so a test can assert that no secret ever went back.
 */
export function ipcHarness(options: HarnessOptions = {}) {
  const temp = tempHandlers(options)
  const internalErrors: unknown[] = []
  const router = createRouter(temp.handlers, (_channel, error) => internalErrors.push(error))
  const replies: string[] = []
  return {
    ...temp,
    internalErrors,
    replies,
    async call<C extends InvokeChannel>(channel: C, input?: unknown): Promise<Result<InvokeOutput<C>>> {
      const result = await router.dispatch(channel, input)
      replies.push(JSON.stringify(result))
      return result as Result<InvokeOutput<C>>
    },
  }
}

/** The value of a successful call; a failed one throws with its code and message, for a readable test failure. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

/**
 * A tempauth Swift profile ("Loopback") and an S3 profile ("Archive") saved through the channels, with
 * their secrets unless `swiftKey` is false (the Swift key then stays out of the vault).
 */
export async function saveTwoProfiles(
  ipc: ReturnType<typeof ipcHarness>,
  secrets: { swiftKey: string; s3Secret: string },
  options: { swiftKey?: boolean } = {},
): Promise<{ swiftId: string; s3Id: string }> {
  const swift = valueOf(
    await ipc.call('profiles.save', {
      kind: 'swift',
      record: swiftInput('Loopback', SWIFT_AUTHS.v1),
      secrets: options.swiftKey === false ? {} : { key: secrets.swiftKey },
    }),
  )
  const s3 = valueOf(
    await ipc.call('profiles.save', {
      kind: 's3',
      record: s3Input('Archive'),
      secrets: { secretAccessKey: secrets.s3Secret },
    }),
  )
  return { swiftId: swift.entry.record.id, s3Id: s3.entry.record.id }
}
