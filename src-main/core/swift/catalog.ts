import { SwiftConfigError } from './errors'
import type { CatalogOptions, SwiftInterface } from './types'

/** The parts of a Keystone v3 catalog we read. */
export interface CatalogEntry {
  type?: string
  name?: string
  endpoints?: { url?: string; interface?: string; region_id?: string; region?: string }[]
}

/** The catalog's service type for Swift. */
export const OBJECT_STORE = 'object-store'

/** The endpoint picked from a catalog, with what decided it, for "Test connection" to say. */
export interface CatalogEndpoint {
  url: string
  interface: SwiftInterface
  /** The endpoint's region; undefined when the catalog names none. */
  region: string | undefined
  /** The service's name in the catalog ("swift"), when it has one. */
  serviceName: string | undefined
  /** True when the profile named the region, false when the only endpoint of the interface was taken. */
  regionGiven: boolean
}

type Endpoint = NonNullable<CatalogEntry['endpoints']>[number] & { serviceName: string | undefined }

function regionOf(endpoint: Endpoint): string | undefined {
  return endpoint.region_id ?? endpoint.region
}

/**
 * What the catalog offers, by region: `RegionOne (public, internal, admin), RegionTwo (public)`. Said
 * when nothing matches, so the user can copy a region or interface that exists.
 */
function offered(endpoints: Endpoint[]): string {
  const byRegion = new Map<string, Set<string>>()
  for (const endpoint of endpoints) {
    const region = regionOf(endpoint) ?? '(no region)'
    const interfaces = byRegion.get(region) ?? new Set<string>()
    interfaces.add(endpoint.interface ?? 'public')
    byRegion.set(region, interfaces)
  }
  return [...byRegion].map(([region, interfaces]) => `${region} (${[...interfaces].join(', ')})`).join(', ')
}

/**
 * Picks the object-store endpoint: by interface (public unless asked), then by region. With no region
 * given and exactly one endpoint left, that one is taken; more than one asks for a region by name.
 * Ignores the profile's storage URL override: the caller decides whether the catalog is used at all.
 * @throws SwiftConfigError naming `region` or `interface`, with what the catalog offers.
 */
export function chooseEndpoint(
  catalog: CatalogEntry[] | undefined,
  options: CatalogOptions,
): CatalogEndpoint {
  const wanted: SwiftInterface = options.interface ?? 'public'
  const services = (catalog ?? []).filter((s) => s.type === OBJECT_STORE)
  if (services.length === 0) {
    throw new SwiftConfigError(
      `This Keystone catalog has no ${OBJECT_STORE} (Swift) service for your project. Check the project, or set the storage URL by hand.`,
      'storageUrl',
    )
  }
  const all: Endpoint[] = services
    .flatMap((s) => (s.endpoints ?? []).map((e) => ({ ...e, serviceName: s.name })))
    .filter((e) => typeof e.url === 'string')
  const byInterface = all.filter((e) => (e.interface ?? 'public') === wanted)
  const candidates = options.region ? byInterface.filter((e) => regionOf(e) === options.region) : byInterface
  const urls = [...new Set(candidates.map((e) => e.url as string))]
  const first = candidates[0]
  if (urls.length === 1 && first !== undefined) {
    return {
      url: first.url as string,
      interface: wanted,
      region: regionOf(first),
      serviceName: first.serviceName,
      regionGiven: options.region !== undefined && options.region !== '',
    }
  }
  if (urls.length === 0) {
    const where = options.region ? ` in region "${options.region}"` : ''
    throw new SwiftConfigError(
      `No ${OBJECT_STORE} endpoint with interface "${wanted}"${where}. The catalog offers: ${offered(all)}.`,
      options.region ? 'region' : 'interface',
    )
  }
  const regions = [...new Set(candidates.map(regionOf).filter(Boolean))].join(', ')
  throw new SwiftConfigError(
    `The catalog has ${urls.length} ${OBJECT_STORE} endpoints with interface "${wanted}"; choose a region (${regions}).`,
    'region',
  )
}

/** The storage URL: the profile's override, else the catalog's endpoint ({@link chooseEndpoint}). */
export function pickStorageUrl(catalog: CatalogEntry[] | undefined, options: CatalogOptions): string {
  if (options.storageUrl) return options.storageUrl
  return chooseEndpoint(catalog, options).url
}
