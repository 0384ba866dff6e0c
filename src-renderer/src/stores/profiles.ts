import { create } from 'zustand'
import type { ConnectionTestResult, LastConnectionTest } from '../../../src-preload/contract/connections'
import type { ProfileImportResult } from '../../../src-preload/contract/profile-import'
import type {
  DeletedRecord,
  JobEntry,
  ProfileSaveInput,
  ProfileSaveResult,
  S3Entry,
  S3ProfileDraft,
  SavedEntry,
  SecretField,
  SwiftEntry,
} from '../../../src-preload/contract/profiles'
import type { VaultInfo } from '../../../src-preload/contract/secrets'
import { call } from '../ipc/bridge'

/** A Swift or S3 profile as listed: the records that can be tested and hold secrets. */
export type ProfileEntry = SwiftEntry | S3Entry

/** Which kind of profile, Swift source or S3 destination. */
export type ProfileKind = ProfileEntry['kind']

/**
 * A "Test connection" call from this window: under way, or why the call itself failed (the profile is
 * gone, the engine unreachable), when there is no result for main to keep. Results are main's: each
 * entry's `lastTest`, the same after a reload or a restart.
 */
export interface TestCall {
  running: boolean
  error?: string
}

/** What a form shows after a save: main's notices, kept here so they survive the route change to edit. */
export interface LastSave {
  id: string
  name: string
  created: boolean
  notices: string[]
}

/** An import done on the list page, handed to the new-profile form it opens. */
export type StagedImport =
  | { kind: 'swift'; result: Extract<ProfileImportResult, { status: 'imported' }> }
  | { kind: 's3'; draft: S3ProfileDraft; source: string }

interface ProfilesState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** Why the last list failed, for the screen to say. */
  error: string | null
  swift: SwiftEntry[]
  s3: S3Entry[]
  /** Saved migrations; listed by the same call, kept for the Migrations screen. */
  jobs: JobEntry[]
  /** Test calls under way (or that could not run) by profile id; never a result, which main keeps. */
  testCalls: Record<string, TestCall>
  vault: VaultInfo | null
  vaultError: string | null
  lastSave: LastSave | null
  staged: StagedImport | null
}

const initial: ProfilesState = {
  status: 'idle',
  error: null,
  swift: [],
  s3: [],
  jobs: [],
  testCalls: {},
  vault: null,
  vaultError: null,
  lastSave: null,
  staged: null,
}

/** Saved profiles and saved migrations, mirrored from main; one copy for every screen. */
export const useProfiles = create<ProfilesState>(() => initial)

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function byName<E extends SavedEntry>(a: E, b: E): number {
  return a.record.name.localeCompare(b.record.name, undefined, { sensitivity: 'base' })
}

function upsert<E extends SavedEntry>(list: E[], entry: E): E[] {
  const rest = list.filter((item) => item.record.id !== entry.record.id)
  return [...rest, entry].sort(byName)
}

function withEntry(state: ProfilesState, entry: SavedEntry): Partial<ProfilesState> {
  switch (entry.kind) {
    case 'swift':
      return { swift: upsert(state.swift, entry) }
    case 's3':
      return { s3: upsert(state.s3, entry) }
    case 'job':
      return { jobs: upsert(state.jobs, entry) }
  }
}

/** Asks main for everything saved and replaces the local copy. */
export async function loadProfiles(): Promise<void> {
  useProfiles.setState({ status: 'loading' })
  try {
    const list = await call('profiles.list')
    useProfiles.setState({ status: 'ready', error: null, swift: list.swift, s3: list.s3, jobs: list.jobs })
  } catch (error) {
    useProfiles.setState({ status: 'error', error: message(error) })
  }
}

/** Asks main which vault keeps secrets, so screens can say whether they survive a restart. */
export async function loadVaultInfo(): Promise<void> {
  try {
    useProfiles.setState({ vault: await call('secrets.backend'), vaultError: null })
  } catch (error) {
    useProfiles.setState({ vaultError: message(error) })
  }
}

/** The user's answer to "store secrets without a keyring?"; rejects with main's CallError. */
export async function allowInsecureSecrets(allow: boolean): Promise<void> {
  useProfiles.setState({ vault: await call('secrets.allowInsecure', { allow }), vaultError: null })
}

/** A listed Swift or S3 profile by kind and id. */
export function findProfile(kind: ProfileKind, id: string): ProfileEntry | undefined {
  const state = useProfiles.getState()
  const list: ProfileEntry[] = kind === 'swift' ? state.swift : state.s3
  return list.find((entry) => entry.record.id === id)
}

/**
 * Saves a record and puts main's answer in the list. Rejects with main's CallError (VALIDATION naming
 * the field) without touching the list. Main's answer says whether the last test still stands (it
 * goes when the connection settings or a secret changed).
 */
export async function saveProfile(input: ProfileSaveInput): Promise<ProfileSaveResult> {
  const result = await call('profiles.save', input)
  const { entry } = result
  useProfiles.setState((state) => ({
    ...withEntry(state, entry),
    lastSave: {
      id: entry.record.id,
      name: entry.record.name,
      created: input.record.id === undefined,
      notices: result.notices,
    },
  }))
  return result
}

/** Forgets the notices of the last save (the form was edited or left). */
export function dismissLastSave(): void {
  useProfiles.setState({ lastSave: null })
}

/** Adds a line to the last save's notices (something that went wrong after the record was saved). */
export function noteAfterSave(notice: string): void {
  useProfiles.setState((state) =>
    state.lastSave === null
      ? {}
      : { lastSave: { ...state.lastSave, notices: [...state.lastSave.notices, notice] } },
  )
}

/** Deletes a record (and, in main, its secrets) and removes it from the list. */
export async function deleteProfile(kind: SavedEntry['kind'], id: string): Promise<DeletedRecord> {
  const removed = await call('profiles.delete', { kind, id })
  useProfiles.setState((state) => {
    const testCalls = { ...state.testCalls }
    delete testCalls[id]
    const keep = <E extends SavedEntry>(list: E[]): E[] => list.filter((entry) => entry.record.id !== id)
    return { swift: keep(state.swift), s3: keep(state.s3), jobs: keep(state.jobs), testCalls }
  })
  return removed
}

/** Copies a record under a new name ("prod (copy)"); main copies the secrets too. */
export async function duplicateProfile(kind: SavedEntry['kind'], id: string): Promise<ProfileSaveResult> {
  const result = await call('profiles.duplicate', { kind, id })
  useProfiles.setState((state) => withEntry(state, result.entry))
  return result
}

/**
 * Runs main's connection test. Main keeps the outcome as the profile's last test and answers with the
 * profile as it now is, which replaces the listed one. Resolves with the result, or undefined when the
 * call itself failed (kept as the call's `error`).
 */
export async function testProfile(
  kind: ProfileKind,
  id: string,
  bucket?: string,
): Promise<ConnectionTestResult | undefined> {
  const setCall = (next: TestCall | undefined): void =>
    useProfiles.setState((state) => {
      const testCalls = { ...state.testCalls }
      if (next === undefined) delete testCalls[id]
      else testCalls[id] = next
      return { testCalls }
    })
  setCall({ running: true })
  try {
    const result = await call('profiles.test', bucket ? { kind, id, bucket } : { kind, id })
    useProfiles.setState((state) => withEntry(state, result.entry))
    setCall(undefined)
    return result
  } catch (error) {
    setCall({ running: false, error: message(error) })
    return undefined
  }
}

/** A profile's last test as main keeps it, and this window's call if one is under way or failed. */
export function useProfileTest(
  kind: ProfileKind,
  id: string | undefined,
): { test: LastConnectionTest | undefined; call: TestCall | undefined } {
  const test = useProfiles((state) =>
    id === undefined
      ? undefined
      : (kind === 'swift' ? state.swift : state.s3).find((e) => e.record.id === id)?.lastTest,
  )
  const testCall = useProfiles((state) => (id === undefined ? undefined : state.testCalls[id]))
  return { test, call: testCall }
}

/** Removes one secret of a saved profile from the vault and updates its listed status. */
export async function clearSecret(kind: ProfileKind, profileId: string, field: SecretField): Promise<void> {
  const update = await call('secrets.clear', { profileId, field })
  useProfiles.setState((state) => {
    // Main forgot the last test too: it was a test of the secret just cleared.
    const patch = <E extends ProfileEntry>(list: E[]): E[] =>
      list.map((entry) => {
        if (entry.record.id !== profileId) return entry
        const { lastTest: _forgotten, ...rest } = entry
        return {
          ...rest,
          secrets: entry.secrets.map((slot) =>
            slot.field === field ? { ...slot, status: update.status } : slot,
          ),
        } as E
      })
    return kind === 'swift' ? { swift: patch(state.swift) } : { s3: patch(state.s3) }
  })
}

/** Hands an import done on the list page to the form it opens. */
export function stageImport(staged: StagedImport): void {
  useProfiles.setState({ staged })
}

/**
 * The staged import of a kind, if any. Read without taking it: a form reads it while rendering (twice
 * under StrictMode) and calls {@link clearStagedImport} from an effect.
 */
export function stagedImport<K extends StagedImport['kind']>(
  kind: K,
): Extract<StagedImport, { kind: K }> | null {
  const staged = useProfiles.getState().staged
  return staged?.kind === kind ? (staged as Extract<StagedImport, { kind: K }>) : null
}

/** Forgets the staged import once a form has taken it in. */
export function clearStagedImport(): void {
  useProfiles.setState({ staged: null })
}

/** Back to the state before anything was loaded; for tests. */
export function resetProfiles(): void {
  useProfiles.setState(initial, true)
}
