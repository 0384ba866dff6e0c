import { useEffect, useState } from 'react'
import type { BucketMappingRow } from '../../../../../src-preload/contract/connections'
import { call } from '../../../ipc/bridge'

/** Waits for typing to pause before asking main again. */
const DEBOUNCE_MS = 250

export interface BucketMappingState {
  rows: BucketMappingRow[]
  /** Why main could not name the buckets (a pattern it refuses), for the pattern field. */
  error: string | null
}

const NONE: BucketMappingState = { rows: [], error: null }

/**
 * The bucket each container gets in per-container mode, as main names them when the run starts
 * (core/transfer/bucket-naming.ts: transliterated, with a short hash where a name would be invalid or
 * shared), so the names shown are the names that are checked, created and written to.
 */
export function useBucketMapping(
  containers: readonly string[],
  pattern: string,
  enabled: boolean,
): BucketMappingState {
  const [state, setState] = useState<BucketMappingState>(NONE)
  const active = enabled && containers.length > 0 && pattern !== ''
  const key = JSON.stringify([containers, pattern])
  useEffect(() => {
    if (!active) return
    const [names, text] = JSON.parse(key) as [string[], string]
    let current = true
    const timer = setTimeout(() => {
      call('browse.bucketMapping', { containers: names, pattern: text }).then(
        ({ rows }) => current && setState({ rows, error: null }),
        (error: unknown) =>
          current && setState({ rows: [], error: error instanceof Error ? error.message : String(error) }),
      )
    }, DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key, active])
  // The last answer stays on screen while the next is asked for, so the table does not flicker.
  return active ? state : NONE
}
