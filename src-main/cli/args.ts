import type { JobSpec } from '../core/jobs/job-spec'
import { type RawArgs, readArgv, wantsHelp, wantsVersion } from './argv'
import { asUsageError, redactorForEnv } from './errors'
import { helpText } from './help'
import { parseOptions, parseOutput } from './options'
import { parseContainers, parseSource } from './source'
import { parseTarget } from './target'
import type { CliParse, CliRun, Given, JobSpecDraft } from './types'

export type {
  CliParse,
  CliRun,
  CliRunDirect,
  CliRunWithProfile,
  Given,
  GivenKey,
  JobSpecDraft,
} from './types'
export { CliUsageError } from './errors'
export { helpText } from './help'

/**
 * Turns the command line and environment into what the runner needs, without touching the network or
 * the disk.
 * @param argv the arguments after the program name (`process.argv.slice(2)`)
 * @param env usually `process.env`; flags beat variables
 * @param cwd relative paths (--logDir, --caFile …) are resolved against it
 * @throws CliUsageError naming the flag or variable at fault (exit code 2); secrets are masked
 */
export function parseCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  cwd: string,
): CliParse {
  try {
    if (wantsHelp(argv)) return { kind: 'help', text: helpText() }
    if (wantsVersion(argv)) return { kind: 'version' }
    return parseRun(readArgv(argv), env, cwd)
  } catch (error) {
    throw asUsageError(error, redactorForEnv(env))
  }
}

function parseRun(raw: RawArgs, env: Record<string, string | undefined>, cwd: string): CliRun {
  const given: Given = {}
  for (const flag of raw.seen) given[flag] = 'flag'
  const profile = raw.values.profile?.trim()
  const profileMode = profile !== undefined
  // Flags first, then the environment: a typo on the command line is reported before a missing variable.
  const options = parseOptions(raw)
  const output = parseOutput(raw, cwd)
  const containers = parseContainers(raw, !profileMode)
  if (containers !== undefined) given.containers = 'flag'
  const { target, s3CaFile } = parseTarget(raw, env, cwd, profileMode, given)
  const source = parseSource(raw, env, cwd, containers, profileMode, given)
  const draft: JobSpecDraft = { source, target, options, output }
  const common = {
    kind: 'run' as const,
    json: raw.switches.json === true,
    ...(source.tls.caFile !== undefined ? { caFile: source.tls.caFile } : {}),
    ...(s3CaFile !== undefined ? { s3CaFile } : {}),
    given,
  }
  if (profileMode) return { ...common, profile, spec: draft }
  return { ...common, spec: complete(draft) }
}

/** Outside profile mode the parsers have already demanded every required part; this proves it to tsc. */
function complete(draft: JobSpecDraft): JobSpec {
  const { auth, containers } = draft.source
  const { bucket } = draft.target
  if (auth === undefined || containers === undefined || bucket === undefined) {
    throw new Error('parseCli: a required setting was not checked')
  }
  return { ...draft, source: { ...draft.source, auth, containers }, target: { ...draft.target, bucket } }
}
