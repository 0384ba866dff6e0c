import {
  defaultMetadataOptions,
  extraMetadataProblem,
  parseMetadataPair,
  type MetadataOptions,
  type MetadataPair,
} from '../../../../../src-preload/contract/metadata'

/**
 * The Options step's metadata choices: how the form holds them, how they become the draft's
 * `options.metadata`, the check the step makes, and the words the preview uses. The rules for a pair are
 * main's own (contract/metadata.ts), so the form refuses what main would, with the same message.
 */

/** The metadata part of the form's values. */
export interface MetadataValues {
  copyUserMetadata: boolean
  /** The extra pairs as typed, `key=value` each. */
  extraMetadata: string[]
  oversizedMetadata: MetadataOptions['oversized']
}

/** The form's values for a saved migration's choices, or the defaults. */
export function metadataValues(options: MetadataOptions = defaultMetadataOptions()): MetadataValues {
  return {
    copyUserMetadata: options.userMetadata === 'copy',
    extraMetadata: options.extra.map((pair) => `${pair.key}=${pair.value}`),
    oversizedMetadata: options.oversized,
  }
}

function typedPairs(values: MetadataValues): string[] {
  return values.extraMetadata.filter((text) => text.trim() !== '')
}

/** A pair as typed, split at the first "=" without judging it (main judges what is sent). */
function splitPair(text: string): MetadataPair {
  const at = text.indexOf('=')
  return at < 0
    ? { key: text.trim(), value: '' }
    : { key: text.slice(0, at).trim(), value: text.slice(at + 1) }
}

/**
 * The draft's `options.metadata`; undefined for the defaults, which main fills in itself (as it does for
 * every option a draft leaves out), so a migration that never touched metadata is sent as before.
 */
export function metadataDraft(values: MetadataValues): MetadataOptions | undefined {
  const extra = typedPairs(values).map(splitPair)
  const userMetadata = values.copyUserMetadata ? 'copy' : 'skip'
  if (userMetadata === 'copy' && extra.length === 0 && values.oversizedMetadata === 'fail') return undefined
  return { userMetadata, extra, oversized: values.oversizedMetadata }
}

/** The first problem with the extra pairs, quoting the pair; undefined when they are fine. */
export function metadataProblem(values: MetadataValues): string | undefined {
  const pairs: MetadataPair[] = []
  for (const text of typedPairs(values)) {
    const parsed = parseMetadataPair(text)
    if ('problem' in parsed) return parsed.problem
    pairs.push(parsed.pair)
  }
  return extraMetadataProblem(pairs)?.problem
}

/** The metadata choices in one line, for the preview's summary. */
export function metadataSummary(values: MetadataValues): string {
  const extra = typedPairs(values)
  return [
    values.copyUserMetadata ? 'Swift user metadata copied' : 'Swift user metadata not copied',
    extra.length > 0 ? `adding ${extra.join(', ')} to every object` : 'nothing added',
    values.oversizedMetadata === 'drop'
      ? 'objects over 2 KB of metadata copied without their Swift metadata (listed in the report)'
      : 'objects over 2 KB of metadata fail',
  ].join('; ')
}
