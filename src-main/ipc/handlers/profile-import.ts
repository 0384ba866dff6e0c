import type { ImportedSecret, ProfileImportResult } from '../../../src-preload/contract/profile-import'
import type { SecretValues, SwiftAuthSettings } from '../../../src-preload/contract/profiles'
import { AppError } from '../../core/errors'
import { listAwsProfiles } from '../../core/s3/aws-profiles'
import { SWIFT_SECRET_FIELDS } from '../../core/profiles/swift-profile'
import { listClouds } from '../../core/swift/config/clouds-yaml'
import type { ImportedSwiftConfig } from '../../core/swift/types'
import type { Handlers } from '../router'
import { importCloudText, importOpenrcText, type LenientImport } from './import-config'
import type { PendingImports } from './pending-imports'
import { asSecretField } from './records'

const MAX_NAME = 100

/**
 * Problems in the file are reported against `text` (the message names the variable or setting), an
 * unknown cloud against `cloud`: those are the inputs a form can point at.
 */
function asInputError(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION' || error.field === 'cloud') return error
  return new AppError(error.code, error.message, 'text', { cause: error })
}

function chooseCloud(
  text: string,
  cloud: string | undefined,
): { cloud: string; clouds: string[] } | string[] {
  const clouds = listClouds(text)
  if (cloud !== undefined) {
    if (clouds.includes(cloud)) return { cloud, clouds }
    const known = clouds.length ? `it defines ${clouds.map((c) => `'${c}'`).join(', ')}` : 'it defines none'
    throw new AppError('VALIDATION', `The clouds.yaml has no cloud named '${cloud}': ${known}.`, 'cloud')
  }
  const only = clouds.length === 1 ? clouds[0] : undefined
  if (only !== undefined) return { cloud: only, clouds }
  if (clouds.length === 0) {
    throw new AppError('VALIDATION', 'The clouds.yaml defines no clouds under "clouds:".', 'text')
  }
  return clouds
}

/**
 * The profile form's draft from an import: every setting but the secrets, which are held in main
 * (see PendingImports) and only reported as found or not.
 */
function toResult(
  { config, standIn }: LenientImport,
  name: string,
  imports: PendingImports,
  clouds?: string[],
): ProfileImportResult {
  const auth: Record<string, unknown> = { ...config.auth }
  const secrets: ImportedSecret[] = []
  const found: SecretValues = {}
  for (const [key, label] of Object.entries(SWIFT_SECRET_FIELDS[config.auth.type])) {
    const field = asSecretField(key)
    const value = auth[key]
    delete auth[key]
    const present = typeof value === 'string' && value !== '' && value !== standIn
    if (present) found[field] = value
    secrets.push({ field, label, found: present })
  }
  const notes: string[] = []
  if (config.tls.caFile !== undefined) {
    notes.push(
      `The file trusts the CA bundle ${config.tls.caFile}. The app does not open paths named in an imported ` +
        'file: choose that file in the CA bundle field.',
    )
  }
  if (config.tls.insecure) {
    notes.push(
      'The file turns certificate checks off, and so does this profile. Turn them on unless you must.',
    )
  }
  return {
    status: 'imported',
    draft: {
      name: name.slice(0, MAX_NAME),
      // The importers build the same auth shapes the profile schema takes, secrets removed above.
      auth: auth as SwiftAuthSettings,
      ...(config.tls.insecure ? { insecure: true } : {}),
    },
    secrets,
    ...(Object.keys(found).length > 0 ? { importId: imports.hold(found) } : {}),
    source: config.source,
    ...(clouds !== undefined ? { clouds } : {}),
    notes,
  }
}

/** A name for the draft; the user can change it before saving. */
function openrcName(config: ImportedSwiftConfig): string {
  const auth = config.auth
  if ('projectName' in auth && auth.projectName) return auth.projectName
  if (auth.type === 'v1') return auth.user
  if ('username' in auth && auth.username) return auth.username
  return 'Imported Swift profile'
}

/** `profiles.import`: Swift settings from an openrc or clouds.yaml text; `profiles.awsProfiles`: ~/.aws. */
export function importHandlers(
  imports: PendingImports,
): Pick<Handlers, 'profiles.import' | 'profiles.awsProfiles'> {
  return {
    'profiles.import': ({ kind, text, cloud }) => {
      try {
        if (kind === 'openrc') {
          const imported = importOpenrcText(text)
          return toResult(imported, openrcName(imported.config), imports)
        }
        const choice = chooseCloud(text, cloud)
        if (Array.isArray(choice)) return { status: 'choose-cloud', clouds: choice }
        return toResult(importCloudText(text, choice.cloud), choice.cloud, imports, choice.clouds)
      } catch (error) {
        throw asInputError(error)
      }
    },

    // Names, regions and kinds only: the files' keys stay where they are and the SDK reads them at run time.
    'profiles.awsProfiles': () => listAwsProfiles(),
  }
}
