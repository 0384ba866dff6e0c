import type { ObjectEntry } from '../swift/listing'
import { compareKeys } from './key-order'
import type { CopyTask } from './task'

/**
 * Decides, per object, copy / skip / extra by merge-joining the Swift listing with the S3 listing under
 * the same prefix mapping. Both are streamed in key order, so memory stays constant however many
 * objects there are, and no object is HEADed unless the listings cannot decide.
 */
export interface TargetEntry {
  key: string
  size: number
  /** Unquoted; a plain MD5 for single PUTs without SSE-KMS, `…-N` for multipart. */
  etag: string
}

export type PlanItem =
  | { type: 'copy'; task: CopyTask }
  | { type: 'skip'; name: string; key: string; size: number; reason: string }
  | { type: 'extra'; key: string; size: number }
  /** The listings disagreed on order; from here on every object is checked by HEAD and extras are unknown. */
  | { type: 'order-fallback'; detail: string }

export interface PlanOptions {
  container: string
  /** Prepended to each Swift name to make the S3 key. */
  targetPrefix?: string
}

export const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e'

function decide(
  source: ObjectEntry,
  key: string,
  container: string,
  target: TargetEntry | undefined,
): PlanItem {
  const kind =
    source.sloEtag !== undefined
      ? 'slo'
      : source.bytes === 0 && source.hash === EMPTY_MD5
        ? 'maybe-dlo'
        : 'normal'
  const task: CopyTask = {
    container,
    name: source.name,
    key,
    size: source.bytes,
    etag: kind === 'slo' ? (source.sloEtag as string) : source.hash,
    kind,
    lastModified: source.lastModified,
    check: 'none',
    reason: 'new',
  }
  if (!target) return { type: 'copy', task: kind === 'maybe-dlo' ? { ...task, check: 'source-head' } : task }
  task.target = { size: target.size, etag: target.etag }
  // A DLO manifest lists as 0 bytes with the empty MD5; only its HEAD tells the real size.
  if (kind === 'maybe-dlo')
    return { type: 'copy', task: { ...task, check: 'source-head', reason: 'unverified' } }
  if (target.size !== source.bytes) return { type: 'copy', task: { ...task, reason: 'changed' } }
  if (kind === 'normal' && target.etag === source.hash) {
    return { type: 'skip', name: source.name, key, size: source.bytes, reason: 'same size and MD5' }
  }
  // Equal size, ETag not comparable (multipart, SSE-KMS, SLO source): an ETag mismatch alone never means changed.
  return { type: 'copy', task: { ...task, check: 'target-metadata', reason: 'unverified' } }
}

/** Watches one listing's order; the first key that goes backwards is reported once. */
class OrderGuard {
  private last: string | undefined
  constructor(private readonly side: string) {}
  check(key: string): string | undefined {
    const previous = this.last
    this.last = key
    if (previous !== undefined && compareKeys(key, previous) <= 0) {
      return `the ${this.side} listing returned "${key}" after "${previous}"`
    }
    return undefined
  }
}

export async function* plan(
  source: AsyncIterable<ObjectEntry>,
  target: AsyncIterable<TargetEntry>,
  options: PlanOptions,
): AsyncGenerator<PlanItem> {
  const prefix = options.targetPrefix ?? ''
  const sourceIt = source[Symbol.asyncIterator]()
  const targetIt = target[Symbol.asyncIterator]()
  const sourceOrder = new OrderGuard('Swift')
  const targetOrder = new OrderGuard('S3')
  let broken: string | undefined
  // Each side's order is checked as it advances; the first key that goes backwards breaks the join.
  const nextSource = async () => {
    const r = await sourceIt.next()
    if (!r.done) broken ??= sourceOrder.check(prefix + r.value.name)
    return r
  }
  const nextTarget = async () => {
    const r = await targetIt.next()
    if (!r.done) broken ??= targetOrder.check(r.value.key)
    return r
  }
  let s = await nextSource()
  let t = await nextTarget()
  while (!broken && (!s.done || !t.done)) {
    const order = s.done ? 1 : t.done ? -1 : compareKeys(prefix + s.value.name, t.value.key)
    if (order > 0) {
      yield { type: 'extra', key: (t.value as TargetEntry).key, size: (t.value as TargetEntry).size }
      t = await nextTarget()
    } else if (order < 0) {
      yield decide(
        s.value as ObjectEntry,
        prefix + (s.value as ObjectEntry).name,
        options.container,
        undefined,
      )
      s = await nextSource()
    } else {
      yield decide(
        s.value as ObjectEntry,
        prefix + (s.value as ObjectEntry).name,
        options.container,
        t.value as TargetEntry,
      )
      s = await nextSource()
      t = await nextTarget()
    }
  }
  if (!broken) return
  // Safe fallback: stop trusting the join. Every remaining source object is checked against the target
  // by HEAD in its worker, and nothing more is called extra (so mirror mode cannot delete on a guess).
  await targetIt.return?.()
  yield { type: 'order-fallback', detail: broken }
  for (; !s.done; s = await sourceIt.next()) {
    const item = decide(s.value, prefix + s.value.name, options.container, undefined)
    if (item.type === 'copy')
      yield {
        type: 'copy',
        task: {
          ...item.task,
          check: item.task.check === 'none' ? 'target-metadata' : item.task.check,
          reason: 'unverified',
        },
      }
  }
}
