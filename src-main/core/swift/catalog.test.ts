import { describe, expect, it } from 'vitest'
import { chooseEndpoint, pickStorageUrl, type CatalogEntry } from './catalog'
import { type SwiftConfigError } from './errors'

const endpoint = (iface: string, region: string, url: string) => ({
  interface: iface,
  region_id: region,
  url,
})

const twoRegions: CatalogEntry[] = [
  { type: 'identity', endpoints: [endpoint('public', 'r1', 'https://keystone')] },
  {
    type: 'object-store',
    endpoints: [
      endpoint('public', 'r1', 'https://r1.example/v1/AUTH_p'),
      endpoint('internal', 'r1', 'http://r1.internal/v1/AUTH_p'),
      endpoint('public', 'r2', 'https://r2.example/v1/AUTH_p'),
    ],
  },
]

describe('pickStorageUrl', () => {
  it('takes the only matching endpoint when no region is given', () => {
    const one: CatalogEntry[] = [
      { type: 'object-store', endpoints: [endpoint('public', 'RegionOne', 'https://s/v1/AUTH_x')] },
    ]
    expect(pickStorageUrl(one, {})).toBe('https://s/v1/AUTH_x')
  })

  it('picks by region and interface', () => {
    expect(pickStorageUrl(twoRegions, { region: 'r2' })).toBe('https://r2.example/v1/AUTH_p')
    expect(pickStorageUrl(twoRegions, { region: 'r1', interface: 'internal' })).toBe(
      'http://r1.internal/v1/AUTH_p',
    )
  })

  it('falls back to the deprecated `region` field', () => {
    const old: CatalogEntry[] = [
      { type: 'object-store', endpoints: [{ interface: 'public', region: 'old', url: 'https://o' }] },
    ]
    expect(pickStorageUrl(old, { region: 'old' })).toBe('https://o')
  })

  it('asks for a region, listing them, when several endpoints match', () => {
    expect(() => pickStorageUrl(twoRegions, {})).toThrow(/choose a region \(r1, r2\)/)
  })

  it('names what the catalog offers when nothing matches', () => {
    const error = (() => {
      try {
        pickStorageUrl(twoRegions, { region: 'r3' })
      } catch (e) {
        return e as SwiftConfigError
      }
    })()
    expect(error?.field).toBe('region')
    expect(error?.message).toBe(
      'No object-store endpoint with interface "public" in region "r3". The catalog offers: r1 (public, internal), r2 (public).',
    )
  })

  it('explains a catalog without Swift', () => {
    expect(() => pickStorageUrl([{ type: 'compute', endpoints: [] }], {})).toThrow(/no object-store/)
  })

  it('uses the override without looking at the catalog', () => {
    expect(pickStorageUrl(undefined, { storageUrl: 'https://override/v1/AUTH_a' })).toBe(
      'https://override/v1/AUTH_a',
    )
  })
})

describe('chooseEndpoint', () => {
  it('says which service, interface and region it took, and whether the region was asked for', () => {
    const named: CatalogEntry[] = [{ ...twoRegions[1], name: 'swift' }]
    expect(chooseEndpoint(named, { region: 'r1', interface: 'internal' })).toEqual({
      url: 'http://r1.internal/v1/AUTH_p',
      interface: 'internal',
      region: 'r1',
      serviceName: 'swift',
      regionGiven: true,
    })
    expect(chooseEndpoint(named, { interface: 'internal' })).toMatchObject({
      region: 'r1',
      regionGiven: false,
    })
  })

  it('ignores a storage URL override: whether to use the catalog is the caller’s choice', () => {
    expect(chooseEndpoint(twoRegions, { region: 'r2', storageUrl: 'https://override' }).url).toBe(
      'https://r2.example/v1/AUTH_p',
    )
  })

  it('names the interface when no region was given and none of that interface exists', () => {
    expect(() => chooseEndpoint(twoRegions, { interface: 'admin' })).toThrow(
      expect.objectContaining({
        field: 'interface',
        message: expect.stringContaining('The catalog offers: r1 (public, internal), r2 (public).'),
      }),
    )
  })
})
