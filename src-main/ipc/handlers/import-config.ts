import { randomUUID } from 'node:crypto'
import { AppError } from '../../core/errors'
import { importFromCloudsYaml } from '../../core/swift/config/clouds-yaml'
import { importFromVariables } from '../../core/swift/config/env'
import { readOpenrc } from '../../core/swift/config/openrc'
import { isMapping, parseYamlStrings } from '../../core/swift/config/yaml-text'
import type { ImportedSwiftConfig } from '../../core/swift/types'

/**
 * Reads Swift settings from the text of an openrc or clouds.yaml even when the file leaves the secret
 * out, as Horizon's downloads do (its openrc prompts for the password, its clouds.yaml omits it). Core's
 * importers insist on a secret, since a CLI run needs one; a profile form does not, the user types it.
 * So a missing secret is filled with a random stand-in and the import retried; the caller learns which
 * values are stand-ins and never keeps them.
 *
 * Belongs in core/swift/config (an `allowMissingSecrets` option of the importers); it lives here only
 * until core can take it.
 */

/** The importer's settings, and the stand-in used for secrets the file did not contain. */
export interface LenientImport {
  config: ImportedSwiftConfig
  /** Any secret of `config.auth` equal to this was not in the file. */
  standIn: string
}

// The variables (openrc) and settings (clouds.yaml) that hold a secret, as the importers name them.
const OPENRC_SECRETS = new Set(['OS_PASSWORD', 'OS_APPLICATION_CREDENTIAL_SECRET', 'OS_AUTH_TOKEN', 'ST_KEY'])
const CLOUD_SECRETS = new Set(['password', 'application_credential_secret', 'token'])
// Each stand-in moves the importer one step further; a file lacks at most one secret per auth kind.
const MAX_STAND_INS = 3

/** Imports an openrc file's text, tolerating a missing secret. */
export function importOpenrcText(text: string): LenientImport {
  const { values, unresolved } = readOpenrc(text)
  const variables = Object.fromEntries(values)
  const standIn = randomUUID()
  for (let round = 0; ; round++) {
    try {
      return { config: importFromVariables(variables, 'openrc file', 'openrc file: '), standIn }
    } catch (error) {
      const field = error instanceof AppError ? error.field : undefined
      const fillable = field !== undefined && OPENRC_SECRETS.has(field) && variables[field] === undefined
      if (fillable && round < MAX_STAND_INS) {
        variables[field] = standIn
        continue
      }
      const needs = field === undefined ? undefined : unresolved.get(field)
      if (!(error instanceof AppError) || needs === undefined) throw error
      // As core's importFromOpenrc says it: the value comes from something only a running shell knows.
      throw new AppError(
        error.code,
        `${error.message} (the file sets it from ${needs}, which is only known when the file runs in a shell)`,
        error.field,
        { cause: error },
      )
    }
  }
}

/** Imports one cloud of a clouds.yaml's text, tolerating a missing secret. */
export function importCloudText(text: string, cloud: string): LenientImport {
  const standIn = randomUUID()
  let source = text
  let document: unknown
  for (let round = 0; ; round++) {
    try {
      return { config: importFromCloudsYaml(source, cloud), standIn }
    } catch (error) {
      const prefix = `clouds.${cloud}.auth.`
      const field = error instanceof AppError ? error.field : undefined
      const setting = field?.startsWith(prefix) ? field.slice(prefix.length) : undefined
      if (setting === undefined || !CLOUD_SECRETS.has(setting) || round >= MAX_STAND_INS) throw error
      document ??= parseYamlStrings(text, 'clouds.yaml')
      const auth = cloudAuth(document, cloud)
      if (auth === undefined || auth[setting] != null) throw error
      auth[setting] = standIn
      // JSON is YAML, so the filled-in document goes back through the same importer.
      source = JSON.stringify(document)
    }
  }
}

function cloudAuth(document: unknown, cloud: string): Record<string, unknown> | undefined {
  const clouds = isMapping(document) ? document['clouds'] : undefined
  const settings = isMapping(clouds) && Object.hasOwn(clouds, cloud) ? clouds[cloud] : undefined
  const auth = isMapping(settings) ? settings['auth'] : undefined
  return isMapping(auth) ? auth : undefined
}
