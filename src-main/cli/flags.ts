/**
 * Every flag the CLI knows, in the order --help lists them. The parser, the "did you mean" suggestions
 * and the help text all read this one table, so a flag cannot exist without being documented.
 */

/** `switch`: on when present (`--flag=false` turns it off); `value`: takes one value; `list`: repeatable. */
export type FlagKind = 'switch' | 'value' | 'list'

export type FlagGroup = 'source' | 'target' | 'metadata' | 'transfer' | 'mode' | 'output' | 'other'

export interface FlagDef {
  kind: FlagKind
  group: FlagGroup
  /** Placeholder for the value in --help, e.g. NAME. */
  arg?: string
  /** One line for --help. */
  help: string
}

const TABLE = {
  openStackContainer: { kind: 'value', group: 'source', arg: 'NAME', help: 'Swift container to copy' },
  containers: { kind: 'value', group: 'source', arg: 'A,B,…', help: 'several containers, comma-separated' },
  allContainers: { kind: 'switch', group: 'source', help: 'every container in the account' },
  prefix: { kind: 'value', group: 'source', arg: 'TEXT', help: 'only objects whose names start with TEXT' },
  include: {
    kind: 'list',
    group: 'source',
    arg: 'GLOB',
    help: 'only objects matching GLOB (* within a /-segment, ** across, ?); repeatable',
  },
  exclude: {
    kind: 'list',
    group: 'source',
    arg: 'GLOB',
    help: 'skip objects matching GLOB; repeatable; applied after --include',
  },
  skipDirectoryMarkers: {
    kind: 'switch',
    group: 'source',
    help: 'do not copy zero-byte directory marker objects (kept by default)',
  },
  caFile: {
    kind: 'value',
    group: 'source',
    arg: 'PATH',
    help: 'PEM bundle of extra CAs to trust for Keystone and Swift (default: OS_CACERT)',
  },
  s3Bucket: {
    kind: 'value',
    group: 'target',
    arg: 'NAME',
    help: 'target bucket; with --bucketPerContainer a pattern containing {container}',
  },
  regionName: {
    kind: 'value',
    group: 'target',
    arg: 'REGION',
    help: 'region of the bucket (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)',
  },
  s3EndpointUrl: {
    kind: 'value',
    group: 'target',
    arg: 'URL',
    help: 'S3-compatible server (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, else AWS)',
  },
  s3ForcePathStyle: {
    kind: 'switch',
    group: 'target',
    help: 'path-style URLs (host/bucket/key); on by default with an endpoint, =false turns it off',
  },
  destPrefix: { kind: 'value', group: 'target', arg: 'TEXT', help: 'put TEXT in front of every key' },
  bucketPerContainer: {
    kind: 'switch',
    group: 'target',
    help: 'one bucket per container, named by --s3Bucket (default {container}); else container/ prefixes',
  },
  noUserMetadata: {
    kind: 'switch',
    group: 'metadata',
    help: "do not copy Swift's X-Object-Meta-* as x-amz-meta-* (copied by default)",
  },
  setMetadata: {
    kind: 'list',
    group: 'metadata',
    arg: 'KEY=VALUE',
    help:
      'add x-amz-meta-KEY: VALUE to every object; KEY in lowercase letters, digits, - and _ (S3 ' +
      'lower-cases names); wins over a Swift key of the same name; repeatable',
  },
  oversizedMetadata: {
    kind: 'value',
    group: 'metadata',
    arg: 'fail|drop',
    help:
      "an object whose metadata exceeds S3's 2 KB: fail it (default), or drop its Swift user metadata, " +
      'copy it and say so in the report',
  },
  maxWorkers: {
    kind: 'value',
    group: 'transfer',
    arg: 'N',
    help: 'objects copied at once, 1 to 256 (default 16)',
  },
  bandwidthLimitMb: {
    kind: 'value',
    group: 'transfer',
    arg: 'MB',
    help: 'upload limit in MB/s (1 MB = 1,000,000 bytes), 0.1 or more; no limit by default',
  },
  partBudgetMb: {
    kind: 'value',
    group: 'transfer',
    arg: 'MIB',
    help: 'memory for multipart part buffers in MiB, shared by all workers (default 512)',
  },
  multipartThresholdMb: {
    kind: 'value',
    group: 'transfer',
    arg: 'MIB',
    help: 'objects larger than this many MiB are uploaded in parts (default 128)',
  },
  insecure: {
    kind: 'switch',
    group: 'transfer',
    help: 'skip TLS certificate checks for Swift and S3 (unsafe: test servers only)',
  },
  dryRun: {
    kind: 'switch',
    group: 'mode',
    help: 'plan only: show what would be copied, skipped and deleted; write nothing',
  },
  verifyOnly: { kind: 'switch', group: 'mode', help: 'compare source and target; copy nothing' },
  deep: {
    kind: 'switch',
    group: 'mode',
    help: 'when verifying, also download and hash every target object (slow)',
  },
  mirror: { kind: 'switch', group: 'mode', help: 'also delete target objects the source does not have' },
  maxDeletes: {
    kind: 'value',
    group: 'mode',
    arg: 'N',
    help: 'with --mirror: stop instead of deleting more than N objects (default 1000)',
  },
  logDir: {
    kind: 'value',
    group: 'output',
    arg: 'DIR',
    help: 'where the run log is written (default: the current directory)',
  },
  reportDir: {
    kind: 'value',
    group: 'output',
    arg: 'DIR',
    help: 'where the JSON, CSV and HTML reports go (default: --logDir)',
  },
  json: { kind: 'switch', group: 'output', help: 'machine-readable JSON output on stdout' },
  profile: {
    kind: 'value',
    group: 'other',
    arg: 'NAME',
    help: 'use a connection profile saved in the desktop app; flags override its settings',
  },
  help: { kind: 'switch', group: 'other', help: 'show this help' },
  version: { kind: 'switch', group: 'other', help: 'show the version' },
} as const satisfies Record<string, FlagDef>

export type FlagName = keyof typeof TABLE
type FlagsOfKind<Kind extends FlagKind> = {
  [K in FlagName]: (typeof TABLE)[K]['kind'] extends Kind ? K : never
}[FlagName]
export type SwitchFlag = FlagsOfKind<'switch'>
export type ValueFlag = FlagsOfKind<'value'>
export type ListFlag = FlagsOfKind<'list'>

/** The table, typed for lookups by name. */
export const FLAGS: Readonly<Record<FlagName, FlagDef>> = TABLE

/** In --help order. */
export const FLAG_NAMES = Object.keys(FLAGS) as FlagName[]

/**
 * Case, dashes and underscores are ignored when matching, so `--maxWorkers`, `--max-workers`,
 * `--maxworkers` and `--max_workers` are one flag: none of the flags differ by these alone, and a
 * user coming from the Python original, the AWS CLI or argparse habits each spell them differently.
 */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[-_]/g, '')
}

const BY_NORMALIZED = new Map(FLAG_NAMES.map((name) => [normalize(name), name]))

/** The flag a spelling means, if any. */
export function lookupFlag(spelled: string): FlagName | undefined {
  return BY_NORMALIZED.get(normalize(spelled))
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The flag someone most likely meant: a close spelling, or one whose name contains what was typed
 * (`--region` → `--regionName`, `--bucket` → `--s3Bucket`, `--endpoint-url` → `--s3EndpointUrl`).
 */
export function suggestFlag(spelled: string): FlagName | undefined {
  const typed = normalize(spelled)
  if (typed.length < 2) return undefined
  let best: { name: FlagName; distance: number } | undefined
  for (const name of FLAG_NAMES) {
    const candidate = normalize(name)
    const distance = editDistance(typed, candidate)
    const close = distance <= Math.max(2, Math.floor(typed.length / 4))
    const contains = typed.length >= 3 && (candidate.includes(typed) || typed.includes(candidate))
    if ((close || contains) && (best === undefined || distance < best.distance)) best = { name, distance }
  }
  return best?.name
}
