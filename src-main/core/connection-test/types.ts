import type { ConnectionTestResult } from '../../../src-preload/contract/connections'

/** What a connection test found, before the shell adds which profile, when, and the profile as saved. */
export type ConnectionOutcome = Omit<ConnectionTestResult, 'kind' | 'id' | 'at' | 'entry'>

/** What a test needs from the shell: the profile's secrets and a way to open a client with them. */
export interface TestDeps<Probe> {
  /** The profile's secrets by field; throws an AppError (AUTH naming `secrets.<field>`) when one is missing. */
  secrets(): Promise<Record<string, string>>
  /** A client for the profile; may throw an AppError naming the setting it cannot use (caBundle, region). */
  open(secrets: Record<string, string>): Probe
  /** Per step; STEP_TIMEOUT_MS (30 s) when left out. */
  timeoutMs?: number
}
