import { isSecretHeader } from '../log/redact'

/**
 * Decides whether a log field's key names a secret, so its value is masked even if nobody registered it
 * with the Redactor. The rule looks at the key's LAST word (camelCase, snake_case, kebab-case and dots
 * all split into words), because the last word says what the value is: `authToken` and `clientSecret`
 * hold secrets, while `tokenExpiresAt`, `keyCount` or `credentialId` only describe one.
 *
 * - secret when the last word ends with token, secret, password, passwd, passphrase, authorization,
 *   credential, cookie or signature (plural too), so run-together forms like `authtoken` count;
 * - `key` is a secret only when qualified (`accessKey`, `secret_key`, `apiKey`, `sseCustomerKey`,
 *   `apikey`): a bare `key` or `objectKey` is an object's name, the most useful field in this app;
 * - a trailing `value`, `header` or `raw` is skipped (`tokenValue`, `authorizationHeader`);
 * - header names that always carry secrets (see isSecretHeader) are secret as well.
 */
const SECRET_SUFFIXES = [
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'authorization',
  'credential',
  'cookie',
  'signature',
]

const KEY_QUALIFIERS = new Set([
  'access',
  'api',
  'auth',
  'private',
  'secret',
  'signing',
  'encryption',
  'customer',
  'session',
  'master',
])

const NEUTRAL_TAILS = new Set(['value', 'header', 'raw'])

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word
}

export function isSecretFieldKey(key: string): boolean {
  if (isSecretHeader(key)) return true
  const parts = words(key)
  while (parts.length > 1 && NEUTRAL_TAILS.has(parts.at(-1) ?? '')) parts.pop()
  const last = singular(parts.at(-1) ?? '')
  if (last === '') return false
  if (SECRET_SUFFIXES.some((s) => last.endsWith(s))) return true
  if (last === 'key') return KEY_QUALIFIERS.has(parts.at(-2) ?? '')
  return [...KEY_QUALIFIERS].some((q) => last === `${q}key`)
}
