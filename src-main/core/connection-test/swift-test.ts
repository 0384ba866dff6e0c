import { Redactor } from '../log/redact'
import type { SwiftProfile } from '../profiles'
import { chooseEndpoint, OBJECT_STORE, type AccountPage, type CatalogOptions, type SignIn } from '../swift'
import { Checks, FAILED, plural, quotedList, secretsDetail } from './checks'
import type { ConnectionOutcome, TestDeps } from './types'

/** How many container names the test lists: enough to recognise the account, few enough to be quick. */
export const CONTAINER_SAMPLE = 5

/** What the Swift test needs of a client; the SwiftClient has it, tests give a fake. */
export interface SwiftProbe {
  signIn(): Promise<SignIn>
  accountPage(limit: number, signal?: AbortSignal): Promise<AccountPage>
  /** Masks every secret the client has seen (the profile's, the token it got). */
  redact(text: string): string
  close(): Promise<void>
}

/** Where the storage URL comes from, and what to say about it. */
function storageUrlOf(profile: SwiftProfile, signIn: SignIn): { url: string; detail: string } {
  switch (signIn.kind) {
    case 'preauth':
      return {
        url: signIn.storageUrl,
        detail: `The storage URL is the one given with the pre-authenticated token: ${signIn.storageUrl}`,
      }
    case 'v1':
      return {
        url: signIn.storageUrl,
        detail: signIn.storageUrlFromProfile
          ? `The storage URL is set in the profile, in place of the one the v1 auth answered: ${signIn.storageUrl}`
          : `The storage URL came from the v1 auth answer (X-Storage-Url): ${signIn.storageUrl}`,
      }
    case 'keystone': {
      const auth: CatalogOptions =
        profile.auth.type === 'v1' || profile.auth.type === 'preauth' ? {} : profile.auth
      if (auth.storageUrl !== undefined) {
        return {
          url: auth.storageUrl,
          detail: `The storage URL is set in the profile, so the catalog's ${OBJECT_STORE} endpoint is not used: ${auth.storageUrl}`,
        }
      }
      // Throws SwiftConfigError naming region or interface, with what the catalog offers.
      const endpoint = chooseEndpoint(signIn.catalog, auth)
      const service = endpoint.serviceName ? `${OBJECT_STORE} ("${endpoint.serviceName}")` : OBJECT_STORE
      const region = endpoint.region === undefined ? 'no region' : `region ${endpoint.region}`
      const why = endpoint.regionGiven
        ? ''
        : ` No region is set in the profile; this is the catalog's only ${endpoint.interface} endpoint.`
      return {
        url: endpoint.url,
        detail: `Catalog service ${service}, interface ${endpoint.interface}, ${region}: ${endpoint.url}.${why}`,
      }
    }
  }
}

function signedInDetail(profile: SwiftProfile, signIn: SignIn): string {
  switch (signIn.kind) {
    case 'keystone': {
      const until = signIn.expiresAt === undefined ? '' : ` The token is valid until ${signIn.expiresAt}.`
      return `Keystone accepted the ${signIn.method} at ${signIn.url}.${until}`
    }
    case 'v1': {
      const user = profile.auth.type === 'v1' ? ` for ${profile.auth.user}` : ''
      return `The v1 auth at ${signIn.url} accepted the key${user}.`
    }
    case 'preauth':
      return ''
  }
}

function containersDetail(page: AccountPage): string {
  const names = page.containers.map((c) => c.name)
  const total = page.containerCount
  if (total === 0 || (total === undefined && names.length === 0)) return 'The account has no containers yet.'
  if (total === undefined) {
    return `The listing starts with ${quotedList(names)}; the server did not say how many containers there are.`
  }
  if (total <= names.length) return `The account has ${plural(total, 'container')}: ${quotedList(names)}.`
  return `The account has ${plural(total, 'container')}; the first ${names.length}: ${quotedList(names)}.`
}

/**
 * "Test connection" of a Swift profile: secrets → authentication → catalog endpoint (the storage URL and
 * where it came from) → one GET of the container list. Each step says what it found; the first failure
 * ends the test with the engine's exact error.
 */
export async function testSwiftConnection(
  profile: SwiftProfile,
  deps: TestDeps<SwiftProbe>,
): Promise<ConnectionOutcome> {
  const checks = new Checks(deps.timeoutMs)
  const redactor = new Redactor()
  const outcome: ConnectionOutcome = { ok: false, checks: [] }
  let probe: SwiftProbe | undefined
  const finish = (): ConnectionOutcome => {
    const redact = (text: string): string => redactor.text(probe?.redact(text) ?? text)
    return { ...outcome, ok: checks.ok, checks: checks.results(redact) }
  }
  const secrets = await checks.run('secrets', () => deps.secrets(), secretsDetail)
  if (secrets === FAILED) return finish()
  redactor.add(...Object.values(secrets))
  try {
    const open = async (): Promise<SignIn> => {
      // Inside the step: a CA bundle or proxy the transport cannot use is reported here, with its field.
      probe = deps.open(secrets)
      return probe.signIn()
    }
    let signIn: SignIn | typeof FAILED
    if (profile.auth.type === 'preauth') {
      signIn = await checks.attempt('authenticate', open)
      if (signIn !== FAILED) {
        checks.add(
          'authenticate',
          'skipped',
          'A pre-authenticated token is used as it is; the container list below shows whether it still works.',
        )
      }
    } else {
      signIn = await checks.run('authenticate', open, (done) => signedInDetail(profile, done))
    }
    if (signIn === FAILED || probe === undefined) return finish()
    const signedIn = signIn
    const storage = await checks.run(
      'catalog',
      async () => storageUrlOf(profile, signedIn),
      ({ detail }) => detail,
    )
    if (storage === FAILED) return finish()
    signedIn.use(storage.url)
    outcome.storageUrl = storage.url
    const client = probe
    const page = await checks.run(
      'containers',
      (signal) => client.accountPage(CONTAINER_SAMPLE, signal),
      containersDetail,
    )
    if (page === FAILED) return finish()
    if (page.containerCount !== undefined) outcome.containerCount = page.containerCount
    outcome.containers = page.containers.map((c) => c.name)
    return finish()
  } finally {
    await probe?.close()
  }
}
