import { copyFileSync, existsSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import Conf from 'conf'
import type { ConnectionCheck, LastConnectionTest } from '../../../src-preload/contract/connections'
import { AppError } from '../errors'
import { Collection } from './collection'
import {
  CURRENT_SCHEMA_VERSION,
  emptyDocument,
  profileDocumentSchema,
  type ProfileDocument,
} from './document'
import type { JobDefinitionDraft } from './job-definition'
import { jobKind, s3Kind, swiftKind } from './kinds'
import { sameConnection, toLastTest } from './last-test'
import { documentVersion, migrateDocument } from './migrations'
import type { S3Profile, S3ProfileDraft } from './s3-profile'
import type { SwiftProfile, SwiftProfileDraft } from './swift-profile'

export interface ProfileStoreOptions {
  /** The directory: app.getPath('userData') in the app, defaultConfigDir() in the CLI. */
  cwd: string
  /** File name without `.json`. */
  configName?: string
  /** For tests; the wall clock otherwise. */
  now?: () => Date
  /** For tests; crypto.randomUUID otherwise. */
  newId?: () => string
}

export const PROFILE_FILE = 'profiles'

/**
 * Saved Swift profiles, S3 profiles and job definitions, in one versioned JSON document (`profiles.json`)
 * written through `conf`, which replaces the file atomically. Non-secret fields only: secret fields
 * hold references into the SecretVault. Every read goes to the file, so the desktop app and a CLI run on
 * the same machine see each other's changes.
 *
 * An older document is migrated when the store opens; the original is kept next to it as
 * `profiles.v<N>.backup.json` so an upgrade can never lose a profile.
 */
export class ProfileStore {
  readonly swift: Collection<'swiftProfiles', SwiftProfileDraft>
  readonly s3: Collection<'s3Profiles', S3ProfileDraft>
  readonly jobs: Collection<'jobDefinitions', JobDefinitionDraft>
  /** The document's path, for messages and support. */
  readonly path: string

  private readonly conf: Conf<Record<string, unknown>>
  private readonly nowIso: () => string

  constructor(options: ProfileStoreOptions) {
    const configName = options.configName ?? PROFILE_FILE
    try {
      this.conf = new Conf<Record<string, unknown>>({
        cwd: options.cwd,
        configName,
        // Hand edits go wrong sometimes; conf's default answer (wipe the file) would lose every profile.
        clearInvalidConfig: false,
        configFileMode: 0o600,
      })
    } catch (error) {
      throw new AppError(
        'INTERNAL',
        `The profile file in ${options.cwd} could not be read (${(error as Error).message}); fix or move it away.`,
        undefined,
        { cause: error },
      )
    }
    this.path = this.conf.path
    this.upgrade()
    const now = options.now ?? (() => new Date())
    const newId = options.newId ?? randomUUID
    this.nowIso = () => now().toISOString()
    const access = {
      read: () => this.read(),
      write: (document: ProfileDocument) => {
        this.conf.store = document
      },
      now: this.nowIso,
      newId,
    }
    this.swift = new Collection(access, swiftKind)
    this.s3 = new Collection(access, s3Kind)
    this.jobs = new Collection(access, jobKind)
  }

  /**
   * Keeps a connection test as the profile's last one, timed by the store's clock. Kept only while the
   * profile still has the settings that were tested (a save during a long test would otherwise get a
   * result about its old endpoint). Returns the profile as it is now and the test as stored.
   * @throws AppError NOT_FOUND when the profile was deleted meanwhile.
   */
  recordTest(
    tested: SwiftProfile | S3Profile,
    ok: boolean,
    checks: readonly ConnectionCheck[],
  ): { profile: SwiftProfile | S3Profile; test: LastConnectionTest; kept: boolean } {
    const test = toLastTest(this.nowIso(), ok, checks)
    let kept = false
    const keep = <P extends SwiftProfile | S3Profile>(current: P): P | undefined => {
      if (!sameConnection(tested, current)) return undefined
      kept = true
      return { ...current, lastTest: test }
    }
    const profile = 'auth' in tested ? this.swift.patch(tested.id, keep) : this.s3.patch(tested.id, keep)
    return { profile, test, kept }
  }

  /**
   * Drops a profile's last test: its secrets changed, so the test no longer describes it.
   * @throws AppError NOT_FOUND
   */
  forgetTest(kind: 'swift' | 's3', id: string): void {
    if (kind === 'swift') this.swift.patch(id, withoutTest)
    else this.s3.patch(id, withoutTest)
  }

  private upgrade(): void {
    const raw = this.conf.store
    if (Object.keys(raw).length === 0) {
      this.conf.store = emptyDocument()
      return
    }
    const version = documentVersion(raw)
    if (version === CURRENT_SCHEMA_VERSION) return
    const migrated = this.validate(migrateDocument(raw), `after upgrading it from format ${version}`)
    if (existsSync(this.path))
      copyFileSync(this.path, this.path.replace(/\.json$/, `.v${version}.backup.json`))
    this.conf.store = migrated
  }

  private read(): ProfileDocument {
    return this.validate(this.conf.store, '')
  }

  private validate(document: unknown, when: string): ProfileDocument {
    const result = profileDocumentSchema.safeParse(document)
    if (result.success) return result.data as ProfileDocument
    const issue = result.error.issues[0]
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'
    throw new AppError(
      'INTERNAL',
      `The profile file ${this.path} is not valid${when ? ` ${when}` : ''} (${where}); fix or move it away.`,
    )
  }
}

function withoutTest<P extends SwiftProfile | S3Profile>(profile: P): P | undefined {
  if (profile.lastTest === undefined) return undefined
  const { lastTest: _dropped, ...rest } = profile
  return rest as P
}
