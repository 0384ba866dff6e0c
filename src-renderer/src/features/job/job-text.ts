import type { JobSummary } from '../../../../src-preload/contract/jobs'

/** The source side in words: `photos`, `3 containers`, `all containers`, with the prefix if any. */
export function sourceText(source: JobSummary['source']): string {
  const containers =
    source.containers === 'all'
      ? 'all containers'
      : source.containers.length === 1
        ? (source.containers[0] ?? '')
        : `${source.containers.length} containers`
  return source.prefix ? `${containers} / ${source.prefix}` : containers
}

/** The target side in words: `bucket`, `bucket / prefix`, and the endpoint's host when not AWS. */
export function targetText(target: JobSummary['target']): string {
  const bucket = target.prefix ? `${target.bucket} / ${target.prefix}` : target.bucket
  if (!target.endpoint) return bucket
  try {
    return `${bucket} (${new URL(target.endpoint).host})`
  } catch {
    return `${bucket} (${target.endpoint})`
  }
}

/** How a run copies: the mode as the History screen names it. */
export function modeLabel(mode: JobSummary['mode']): string {
  return mode === 'dry-run' ? 'Dry run' : mode === 'verify-only' ? 'Verify only' : 'Copy'
}
