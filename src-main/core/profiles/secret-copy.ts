import type { SecretVault } from '../secrets/vault'
import type { S3Profile } from './s3-profile'
import { s3SecretSlots } from './s3-profile'
import type { SwiftProfile } from './swift-profile'
import { swiftSecretSlots } from './swift-profile'

type AnyProfile = SwiftProfile | S3Profile

function slotsOf(profile: AnyProfile): { field: string; ref: string }[] {
  return 'auth' in profile ? swiftSecretSlots(profile) : s3SecretSlots(profile)
}

/** The vault references a profile's secrets live under; clear these when the profile is deleted. */
export function profileSecretRefs(profile: AnyProfile): string[] {
  return slotsOf(profile).map((slot) => slot.ref)
}

/**
 * Copies the secrets of `from` to the same fields of `to` (after duplicating a profile), skipping any the
 * vault does not have. Resolves with the references that were copied.
 */
export async function copyProfileSecrets(
  vault: SecretVault,
  from: AnyProfile,
  to: AnyProfile,
): Promise<string[]> {
  const targets = new Map(slotsOf(to).map((slot) => [slot.field, slot.ref]))
  const copied: string[] = []
  for (const slot of slotsOf(from)) {
    const ref = targets.get(slot.field)
    const value = ref === undefined ? undefined : await vault.get(slot.ref)
    if (ref === undefined || value === undefined) continue
    await vault.set(ref, value)
    copied.push(ref)
  }
  return copied
}
