import type { SecretField, SecretStatus } from '../../../../src-preload/contract/profiles'
import { CallError } from '../../ipc/bridge'

/**
 * Pieces both profile forms share: the inline checks (the same rules main applies, so most mistakes
 * are named before anything is sent; main's answer stays the authority), the state of a secret input,
 * and the placing of main's errors on the input they are about.
 */

/** What the form does with one secret when it is saved. */
export interface SecretEdit {
  /** keep: leave main's value as it is; set: send `value`; clear: remove it from the vault. */
  action: 'keep' | 'set' | 'clear'
  value: string
}

/** Where a secret stands before the form touches it: main's status, or found by an import. */
export type SecretOrigin = SecretStatus | 'imported'

/** A fresh edit: a secret main has (or an import found) is kept; one it lacks is typed. */
export function secretEdit(origin: SecretOrigin): SecretEdit {
  return { action: origin === 'unset' ? 'set' : 'keep', value: '' }
}

/** The secret value a save sends: a typed, non-empty value, never a kept or cleared one. */
export function typedSecret(edit: SecretEdit | undefined): string | undefined {
  return edit?.action === 'set' && edit.value !== '' ? edit.value : undefined
}

/** Inline check of an http(s) URL, worded like main's. Returns the problem, or null. */
export function urlProblem(value: string, example: string): string | null {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return `Must be a URL, e.g. ${example}`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Must start with http:// or https://, e.g. ${example}`
  }
  if (url.username || url.password) {
    return 'Must not contain a user name or password: they would be saved in plain text'
  }
  return null
}

/** Inline check of a CA bundle's PEM text. */
export function pemProblem(value: string): string | null {
  if (value.length > 1_000_000) return 'Is too large for a CA bundle (over 1 MB)'
  if (!value.includes('-----BEGIN CERTIFICATE-----')) {
    return 'Must be PEM text containing at least one -----BEGIN CERTIFICATE----- block'
  }
  return null
}

/** Inline check of a profile name. */
export function nameProblem(value: string): string | null {
  if (value.trim() === '') return 'Give the profile a name, e.g. "Production OpenStack"'
  if (value.trim().length > 100) return 'Must be at most 100 characters'
  return null
}

/** Collects problems: `check(key, problem)` records the first problem of each key. */
export function problems(): {
  errors: Record<string, string>
  check: (key: string, problem: string | null | false) => void
} {
  const errors: Record<string, string> = {}
  return {
    errors,
    check(key, problem) {
      if (problem && errors[key] === undefined) errors[key] = problem
    },
  }
}

/**
 * Main's VALIDATION message without the part the field already says: "Swift profile: auth.authUrl
 * must be a URL, e.g. …" on field `record.auth.authUrl` becomes "Must be a URL, e.g. …".
 */
export function fieldMessage(message: string, field: string): string {
  const path = field.replace(/^record\./, '')
  const marker = `: ${path} `
  const at = message.indexOf(marker)
  const rest = at >= 0 ? message.slice(at + marker.length) : message
  return rest.charAt(0).toUpperCase() + rest.slice(1)
}

/** Where main's error goes in a form: on an input (its form key), or above the form. */
export type PlacedError = { key: string; message: string } | { key: null; message: string }

/**
 * Places a failed save's error: a field main named and the form shows gets the error under the input;
 * anything else (an unknown field, a field of a hidden section, a lost connection) goes above the form.
 */
export function placeError(
  error: unknown,
  keyOf: (field: string) => string | null,
  visible: (key: string) => boolean,
): PlacedError {
  if (error instanceof CallError && error.field !== undefined) {
    const key = keyOf(error.field)
    if (key !== null && visible(key)) return { key, message: fieldMessage(error.message, error.field) }
  }
  return { key: null, message: error instanceof Error ? error.message : String(error) }
}

/** Form key of a secret's input. */
export function secretKey(field: SecretField): string {
  return `secrets.${field}.value`
}

/** Maps `secrets.<field>` (and a secret field inside the record) to the secret's input. */
export function secretKeyOf(field: string, known: readonly SecretField[]): string | null {
  const name = field.split('.').at(-1) ?? ''
  if (!(field.startsWith('secrets.') || field.startsWith('record.'))) return null
  return (known as readonly string[]).includes(name) ? secretKey(name as SecretField) : null
}

/** A text value for the draft: trimmed, or left out when empty. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** Drops undefined properties, so a draft carries only what the form filled in. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
