import { SwiftConfigError } from './errors'
import type { CatalogOptions, SwiftInterface } from './types'

/** The parts of a Keystone v3 catalog we read. */
export interface CatalogEntry {
  type?: string
  name?: string
  endpoints?: { url?: string; interface?: string; region_id?: string; region?: string }[]
}

/**
 * Picks the object-store endpoint: by interface (public unless asked), then by region. With no region
 * given and exactly one endpoint left, that one is taken; more than one asks for a region by name.
 */
export function pickStorageUrl(catalog: CatalogEntry[] | undefined, options: CatalogOptions): string {
  if (options.storageUrl) return options.storageUrl
  const wanted: SwiftInterface = options.interface ?? 'public'
  const services = (catalog ?? []).filter((s) => s.type === 'object-store')
  if (services.length === 0) {
    throw new SwiftConfigError(
      'This Keystone catalog has no object-store (Swift) service for your project. Check the project, or set the storage URL by hand.',
      'storageUrl',
    )
  }
  const all = services.flatMap((s) => s.endpoints ?? []).filter((e) => typeof e.url === 'string')
  const byInterface = all.filter((e) => (e.interface ?? 'public') === wanted)
  const regionOf = (e: (typeof all)[number]) => e.region_id ?? e.region
  const candidates = options.region ? byInterface.filter((e) => regionOf(e) === options.region) : byInterface
  const urls = [...new Set(candidates.map((e) => e.url as string))]
  if (urls.length === 1) return urls[0] as string
  const offered = [
    ...new Set(all.map((e) => `${regionOf(e) ?? '(no region)'}/${e.interface ?? 'public'}`)),
  ].join(', ')
  if (urls.length === 0) {
    const where = options.region ? ` in region "${options.region}"` : ''
    throw new SwiftConfigError(
      `No object-store endpoint with interface "${wanted}"${where}. The catalog offers: ${offered}.`,
      options.region ? 'region' : 'interface',
    )
  }
  const regions = [...new Set(candidates.map(regionOf).filter(Boolean))].join(', ')
  throw new SwiftConfigError(
    `The catalog has ${urls.length} object-store endpoints with interface "${wanted}"; choose a region (${regions}).`,
    'region',
  )
}
