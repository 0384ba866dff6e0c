import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** One profile of the AWS shared config files, without any secret. */
export interface AwsProfileInfo {
  name: string
  region?: string
  endpoint?: string
  /** How it gets credentials; all but `keys` refresh themselves (role, SSO, credential_process). */
  source: 'keys' | 'role' | 'sso' | 'process' | 'unknown'
  /** A role assumed with an MFA code (`mfa_serial`): someone has to type the code, so it cannot run alone. */
  needsMfa?: true
  /** Keys with an `aws_session_token`: temporary keys that expire, which nothing in the file renews. */
  temporaryKeys?: true
}

type Sections = Map<string, Map<string, string>>

/**
 * Parses the INI dialect of ~/.aws/config and ~/.aws/credentials: `[section]` headers, `key = value`
 * lines, `#`/`;` comments, and indented sub-keys (`s3 =` followed by `  endpoint_url = …`) stored as
 * `s3.endpoint_url`.
 */
export function parseAwsIni(text: string): Sections {
  const sections: Sections = new Map()
  let current: Map<string, string> | undefined
  let parent: string | undefined
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(raw)) continue
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw)
    if (header) {
      const name = header[1]!.trim()
      current = sections.get(name) ?? new Map()
      sections.set(name, current)
      parent = undefined
      continue
    }
    const pair = /^(\s*)([^=\s][^=]*?)\s*=\s*(.*)$/.exec(raw)
    if (!pair || !current) continue
    const [, indent, key, value] = pair as unknown as [string, string, string, string]
    if (indent !== '' && parent !== undefined) {
      current.set(`${parent}.${key.toLowerCase()}`, value.trim())
      continue
    }
    parent = value.trim() === '' ? key.toLowerCase() : undefined
    current.set(key.toLowerCase(), value.trim())
  }
  return sections
}

function sourceOf(
  config: Map<string, string> | undefined,
  credentials: Map<string, string> | undefined,
): Pick<AwsProfileInfo, 'source' | 'needsMfa' | 'temporaryKeys'> {
  const has = (key: string) => config?.has(key) === true || credentials?.has(key) === true
  if (has('credential_process')) return { source: 'process' }
  if (has('sso_session') || has('sso_start_url')) return { source: 'sso' }
  // The SDK asks for a code to assume such a role; with nobody there it cannot get keys.
  if (has('role_arn')) return { source: 'role', ...(has('mfa_serial') && { needsMfa: true }) }
  // A session token means the keys came from STS (a login, a federation tool) and run out.
  if (has('aws_access_key_id'))
    return { source: 'keys', ...(has('aws_session_token') && { temporaryKeys: true }) }
  return { source: 'unknown' }
}

/** Profiles of both files, merged by name and sorted (`default` first); secrets are never read out. */
export function awsProfilesOf(configText: string, credentialsText: string): AwsProfileInfo[] {
  const config = parseAwsIni(configText)
  const credentials = parseAwsIni(credentialsText)
  const configByProfile = new Map<string, Map<string, string>>()
  for (const [section, values] of config) {
    // In the config file profiles are `[profile x]`, except `[default]`; other kinds (sso-session, services) are not profiles.
    const name = section === 'default' ? 'default' : /^profile\s+(.+)$/.exec(section)?.[1]?.trim()
    if (name) configByProfile.set(name, values)
  }
  const names = new Set([...configByProfile.keys(), ...credentials.keys()])
  const profiles: AwsProfileInfo[] = []
  for (const name of names) {
    const values = configByProfile.get(name)
    const services = values?.get('services')
    const endpoint =
      (services ? config.get(`services ${services}`)?.get('s3.endpoint_url') : undefined) ??
      values?.get('endpoint_url')
    const region = values?.get('region') ?? credentials.get(name)?.get('region')
    profiles.push({
      name,
      ...(region && { region }),
      ...(endpoint && { endpoint }),
      ...sourceOf(values, credentials.get(name)),
    })
  }
  return profiles.sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  )
}

/** Where the SDK looks for the two files, honouring the same variables it does. */
export function awsConfigFiles(env: NodeJS.ProcessEnv = process.env): {
  config: string
  credentials: string
} {
  const home = homedir()
  return {
    config: env['AWS_CONFIG_FILE'] || join(home, '.aws', 'config'),
    credentials: env['AWS_SHARED_CREDENTIALS_FILE'] || join(home, '.aws', 'credentials'),
  }
}

async function readIfThere(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw error
  }
}

/** The AWS profiles on this machine, and the files they were read from. */
export async function listAwsProfiles(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ profiles: AwsProfileInfo[]; files: string[] }> {
  const files = awsConfigFiles(env)
  const [config, credentials] = await Promise.all([readIfThere(files.config), readIfThere(files.credentials)])
  const home = homedir()
  const shown = (path: string) => (path.startsWith(home) ? `~${path.slice(home.length)}` : path)
  return {
    profiles: awsProfilesOf(config, credentials),
    files: [shown(files.config), shown(files.credentials)],
  }
}
