export { SwiftClient } from './swift-client'
export type { SwiftClientOptions } from './connection'
export * from './errors'
export { chooseEndpoint, OBJECT_STORE, type CatalogEndpoint, type CatalogEntry } from './catalog'
export type { SignIn } from './sign-in'
export type {
  AccountPage,
  ContainerEntry,
  ListingEntry,
  ListOptions,
  ObjectEntry,
  SubdirEntry,
} from './listing'
export type { ObjectInfo, ObjectKind } from './object-info'
export type { AccountStats, ByteRange, ContainerStats, ObjectDownload } from './objects'
export type { TransportOptions } from './transport'
export type * from './types'
