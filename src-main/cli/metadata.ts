import {
  extraMetadataProblem,
  parseMetadataPair,
  type MetadataOptions,
  type MetadataPair,
} from '../../src-preload/contract/metadata'
import type { RawArgs } from './argv'
import { CliUsageError } from './errors'

/**
 * --noUserMetadata, --setMetadata KEY=VALUE (repeatable) and --oversizedMetadata fail|drop. The pairs
 * are checked by the same rules as the app's form and saved migrations (contract/metadata.ts), so a
 * pair the app refuses is refused here too, with the same words after the flag's name.
 */
export function parseMetadata(raw: RawArgs): MetadataOptions {
  const oversized = raw.values.oversizedMetadata?.trim().toLowerCase() ?? 'fail'
  if (oversized !== 'fail' && oversized !== 'drop') {
    throw new CliUsageError(
      `--oversizedMetadata must be "fail" or "drop" (got "${raw.values.oversizedMetadata}").`,
      '--oversizedMetadata',
    )
  }
  const extra: MetadataPair[] = []
  for (const text of raw.lists.setMetadata ?? []) {
    const parsed = parseMetadataPair(text)
    if ('problem' in parsed) throw new CliUsageError(`--setMetadata ${parsed.problem}`, '--setMetadata')
    extra.push(parsed.pair)
  }
  const found = extraMetadataProblem(extra)
  if (found) throw new CliUsageError(`--setMetadata ${found.problem}`, '--setMetadata')
  return {
    userMetadata: raw.switches.noUserMetadata ? 'skip' : 'copy',
    extra,
    oversized,
  }
}
