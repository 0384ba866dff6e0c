import { FLAGS, FLAG_NAMES, type FlagGroup, type FlagName } from './flags'

/** The --help text, built from the flag table so every flag is listed with its one line. */

const WIDTH = 100
const COLUMN = 30

const GROUP_TITLES: Record<FlagGroup, string> = {
  source: 'Source (OpenStack Swift)',
  target: 'Target (S3)',
  metadata: 'Metadata (content headers and the md5chksum/swift-etag records are always written)',
  transfer: 'Transfer',
  mode: 'What to do (default: copy what is new or changed, then verify)',
  output: 'Output',
  other: 'Other',
}

const ENVIRONMENT: [string, string][] = [
  [
    'OS_AUTH_URL, OS_APPLICATION_CREDENTIAL_ID, OS_APPLICATION_CREDENTIAL_SECRET',
    'OpenStack login, as the original script took it. Password (OS_USERNAME, OS_PASSWORD, ' +
      'OS_PROJECT_NAME, OS_USER_DOMAIN_NAME …), token (OS_AUTH_TOKEN, OS_STORAGE_URL) and v1 logins ' +
      '(ST_AUTH, ST_USER, ST_KEY) work as in the openstack and swift CLIs; so do OS_REGION_NAME and OS_INTERFACE.',
  ],
  ['OS_CACERT, OS_INSECURE', 'CA bundle for Keystone and Swift, and skipping their certificate checks'],
  [
    'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN',
    'S3 keys (both or neither). Without them the AWS SDK finds credentials itself: AWS_PROFILE, ~/.aws, SSO.',
  ],
  ['AWS_PROFILE', 'profile in ~/.aws/config to use when no keys are set'],
  ['AWS_REGION, AWS_DEFAULT_REGION', 'region when --regionName is not given'],
  ['AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL', 'S3-compatible server when --s3EndpointUrl is not given'],
  ['AWS_CA_BUNDLE', 'CA bundle to trust for S3'],
  [
    'SWIFT2S3_CONFIG_DIR',
    "where --profile finds the app's saved migrations (default: the app's settings folder)",
  ],
]

const EXIT_CODES: [string, string][] = [
  ['0', 'every object was copied (or was already there) and verified'],
  ['1', 'some objects failed or could not be verified; the report lists them'],
  ['2', 'usage, configuration or login error: nothing was copied'],
  ['3', 'credentials expired and there is no terminal to ask for new ones'],
  ['130', 'interrupted (Ctrl+C); the same command again skips what was already copied'],
]

/** Wraps `text` to the page width, indenting continuation lines under the description column. */
function row(label: string, text: string): string {
  const head = `  ${label}`
  const lines: string[] = []
  let line = head.length < COLUMN ? head.padEnd(COLUMN) : `${head}\n${' '.repeat(COLUMN)}`
  let lineStart = line.lastIndexOf('\n') + 1
  for (const word of text.split(' ')) {
    const atColumnStart = line.length - lineStart === COLUMN
    if (!atColumnStart && line.length - lineStart + 1 + word.length > WIDTH) {
      lines.push(line)
      line = ' '.repeat(COLUMN)
      lineStart = 0
    }
    line += line.length - lineStart === COLUMN ? word : ` ${word}`
  }
  lines.push(line)
  return lines.join('\n')
}

function flagLabel(name: FlagName): string {
  const { arg } = FLAGS[name]
  const label = arg ? `--${name} ${arg}` : `--${name}`
  return name === 'help' ? `${label}, -h` : label
}

function section(title: string, rows: string[]): string {
  return `${title}:\n${rows.join('\n')}`
}

export function helpText(): string {
  const groups = Object.keys(GROUP_TITLES) as FlagGroup[]
  const flagSections = groups.map((group) =>
    section(
      GROUP_TITLES[group],
      FLAG_NAMES.filter((name) => FLAGS[name].group === group).map((name) =>
        row(flagLabel(name), FLAGS[name].help),
      ),
    ),
  )
  return [
    'swift2s3: copy OpenStack Swift containers to Amazon S3 or an S3-compatible store,\n' +
      'and verify every object.',
    [
      'Usage:',
      '  swift2s3 --openStackContainer NAME --s3Bucket NAME [options]',
      '  swift2s3 (--containers A,B | --allContainers) --s3Bucket NAME [options]',
      '  swift2s3 --profile NAME [options]',
    ].join('\n'),
    [
      "Example (the original script's command line, unchanged):",
      '  swift2s3 --openStackContainer oss_container_name --s3Bucket s3_bucket_name \\',
      '    --maxWorkers 10 --regionName ap-southeast-1 --bandwidthLimitMb 1',
    ].join('\n'),
    'Flags also work in kebab-case (--max-workers) and as --flag=value; --flag=false turns a switch off.\n' +
      'A flag beats the environment variable for the same setting.',
    ...flagSections,
    section(
      'Environment',
      ENVIRONMENT.map(([names, text]) => row(names, text)),
    ),
    section(
      'Exit codes',
      EXIT_CODES.map(([code, text]) => row(code, text)),
    ),
  ].join('\n\n')
}
