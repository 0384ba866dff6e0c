import { AppError } from '../errors'

type Json = Record<string, unknown>

/** Raised by one whenever a stored field changes meaning or shape; a step below then gets added. */
export const SETTINGS_FORMAT = 1

/**
 * Steps from each older settings format to the next, keyed by the format they start from, as the
 * profile store does (core/profiles/migrations.ts). A new field with a default needs no step: reading
 * fills in defaults for missing fields. A step is needed when a field is renamed, split or changes unit.
 */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, (document: Json) => Json>> = {}

/** The format a stored document says it has; an empty file is the current one. */
export function settingsFormat(document: Json): number {
  const version = document['schemaVersion']
  if (version === undefined) return SETTINGS_FORMAT
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError(
      'INTERNAL',
      `The settings file has an invalid schemaVersion ${JSON.stringify(version)}.`,
    )
  }
  return version
}

/**
 * Brings a stored document up to {@link SETTINGS_FORMAT}. Throws UNAVAILABLE for a document written
 * by a newer version of the app, which this one must not rewrite in its older shape.
 */
export function migrateSettings(
  document: Json,
  migrations: Readonly<Record<number, (document: Json) => Json>> = SETTINGS_MIGRATIONS,
  current = SETTINGS_FORMAT,
): Json {
  let version = settingsFormat(document)
  if (version > current) {
    throw new AppError(
      'UNAVAILABLE',
      `The settings were written by a newer version of swift2s3 (format ${version}, this version reads ` +
        `up to ${current}). Update the app, or move the settings file away to start from the defaults.`,
    )
  }
  let migrated = document
  while (version < current) {
    const step = migrations[version]
    if (step === undefined) throw new AppError('INTERNAL', `No migration from settings format ${version}.`)
    migrated = step(migrated)
    const next = settingsFormat(migrated)
    // A step that forgot to raise the version would otherwise loop forever.
    if (next <= version) {
      throw new AppError('INTERNAL', `Settings migration from format ${version} did not advance.`)
    }
    version = next
  }
  return migrated
}
