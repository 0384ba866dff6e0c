/**
 * What a bucket name or a per-container pattern must look like, checked in the form before main checks
 * again. Split from draft.ts, which re-exports them.
 */

/** Stands for each container's name in a per-container bucket pattern, as in main. */
export const CONTAINER_PLACEHOLDER = '{container}'

const AWS_BUCKET = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/

/**
 * Why `name` cannot be a bucket, or undefined. AWS's rules when the destination is AWS; other S3
 * servers are laxer, so there only what can never be a bucket is refused (as main does).
 */
export function bucketNameProblem(name: string, aws: boolean): string | undefined {
  if (name === '') return 'Enter the bucket name.'
  if (name.includes('/')) return 'A bucket name cannot contain "/"; put a key prefix in "Destination prefix".'
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(name)) return 'A bucket name cannot contain spaces.'
  if (!aws) return name.length > 255 ? 'A bucket name is at most 255 characters.' : undefined
  if (name.length < 3 || name.length > 63) return 'A bucket name is 3 to 63 characters long.'
  if (!AWS_BUCKET.test(name)) {
    return 'Use lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.'
  }
  if (name.includes('..')) return 'A bucket name cannot contain two dots in a row.'
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'A bucket name cannot look like an IP address.'
  if (name.startsWith('xn--')) return 'A bucket name cannot start with "xn--".'
  if (/(-s3alias|--ol-s3)$/.test(name)) return 'A bucket name cannot end with "-s3alias" or "--ol-s3".'
  return undefined
}

/** Why a per-container pattern cannot be used, or undefined. */
export function bucketPatternProblem(pattern: string): string | undefined {
  const parts = pattern.split(CONTAINER_PLACEHOLDER)
  if (parts.length !== 2)
    return `Put ${CONTAINER_PLACEHOLDER} in the pattern exactly once, e.g. swift-${CONTAINER_PLACEHOLDER}.`
  const [before = '', after = ''] = parts
  if (!/^[a-z0-9.-]*$/.test(before + after)) {
    return `Around ${CONTAINER_PLACEHOLDER}, use only lowercase letters, digits, dots and hyphens.`
  }
  if (before !== '' && !/^[a-z0-9]/.test(before))
    return 'Start the pattern with a lowercase letter or a digit.'
  if (after !== '' && !/[a-z0-9]$/.test(after)) return 'End the pattern with a lowercase letter or a digit.'
  if (before.length + after.length > 40) {
    return 'Keep the text around the container name to 40 characters so the name still fits in 63.'
  }
  return undefined
}
