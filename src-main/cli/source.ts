import type { TlsSettings } from '../core/swift/types'
import type { RawArgs } from './argv'
import { swiftFromEnv } from './env-credentials'
import { CliUsageError } from './errors'
import type { Given, JobSpecDraft } from './types'
import { absolutePath, containerList, containerName } from './values'

/** The Swift side of the spec: which containers, which objects, and how to log in. */

type Env = Record<string, string | undefined>

const CONTAINER_FLAGS = ['openStackContainer', 'containers', 'allContainers'] as const

/** Exactly one of the three container flags; undefined when none was given (a profile may say). */
export function parseContainers(raw: RawArgs, required: boolean): string[] | 'all' | undefined {
  const used = CONTAINER_FLAGS.filter((flag) =>
    flag === 'allContainers' ? raw.switches.allContainers === true : raw.values[flag] !== undefined,
  )
  if (used.length > 1) {
    throw new CliUsageError(
      `Give the containers one way only: ${used.map((flag) => `--${flag}`).join(' and ')} were both given. ` +
        'Use --openStackContainer NAME for one, --containers a,b for several, or --allContainers.',
      `--${used[1]}`,
    )
  }
  const { openStackContainer, containers } = raw.values
  if (openStackContainer !== undefined)
    return [containerName('openStackContainer', openStackContainer.trim())]
  if (containers !== undefined) return containerList(containers)
  if (raw.switches.allContainers) return 'all'
  if (!required) return undefined
  throw new CliUsageError(
    'Say which Swift container to copy: --openStackContainer NAME, --containers a,b for several, or --allContainers.',
    '--openStackContainer',
  )
}

/** Swift login and TLS: OS_* / ST_* variables, with --caFile and --insecure on top. */
function parseConnection(raw: RawArgs, env: Env, cwd: string, profileMode: boolean, given: Given) {
  const swift = swiftFromEnv(env, !profileMode)
  if (swift) given.swiftAuth = 'env'
  const tls: TlsSettings = {}
  const caFlag = raw.values.caFile?.trim()
  const caFile = caFlag ?? swift?.tls.caFile
  if (caFile !== undefined) {
    tls.caFile = absolutePath(cwd, caFile)
    given.caFile = caFlag !== undefined ? 'flag' : 'env'
  }
  // --insecure=false overrides OS_INSECURE=true: a flag beats the environment.
  const insecure = raw.switches.insecure ?? swift?.tls.insecure
  if (insecure) {
    tls.insecure = true
    given.insecure = raw.switches.insecure !== undefined ? 'flag' : 'env'
  }
  return { auth: swift?.auth, tls }
}

/** The source part of the spec; the Swift login is optional only in a --profile run. */
export function parseSource(
  raw: RawArgs,
  env: Env,
  cwd: string,
  containers: string[] | 'all' | undefined,
  profileMode: boolean,
  given: Given,
): JobSpecDraft['source'] {
  const { auth, tls } = parseConnection(raw, env, cwd, profileMode, given)
  const { include, exclude } = raw.lists
  const prefix = raw.values.prefix
  return {
    ...(auth ? { auth } : {}),
    tls,
    ...(containers !== undefined ? { containers } : {}),
    ...(prefix !== undefined ? { prefix } : {}),
    ...(include ? { include } : {}),
    ...(exclude ? { exclude } : {}),
    directoryMarkers: raw.switches.skipDirectoryMarkers ? 'skip' : 'keep',
  }
}
