import type { Readable } from 'node:stream'
import { SwiftConnection, type SwiftClientOptions } from './connection'
import {
  accountPage,
  listContainers,
  type AccountPage,
  listObjects,
  type ContainerEntry,
  type ListingEntry,
  type ListOptions,
} from './listing'
import type { ObjectInfo } from './object-info'
import {
  getObject,
  headAccount,
  headContainer,
  headObject,
  type AccountStats,
  type ByteRange,
  type ContainerStats,
  type ObjectDownload,
} from './objects'
import type { SignIn } from './sign-in'
import { deleteContainer, deleteObject, putContainer, putObject, type PutObjectOptions } from './writes'

/** One Swift account, as the engine, the CLI and the profile "Test connection" button use it. */
export class SwiftClient {
  readonly connection: SwiftConnection

  constructor(options: SwiftClientOptions) {
    this.connection = new SwiftConnection(options)
  }

  /** Authenticates if needed and returns the storage URL: the profile's "Test connection". */
  storageUrl(): Promise<string> {
    return this.connection.storageUrl()
  }

  /** Authentication without choosing the storage URL: "Test connection" reports the two apart. */
  signIn(): Promise<SignIn> {
    return this.connection.signIn()
  }

  /** The first `limit` containers and the account's container count, from one GET. */
  accountPage(limit: number, signal?: AbortSignal): Promise<AccountPage> {
    return accountPage(this.connection, { limit, ...(signal ? { signal } : {}) })
  }

  /** Masks every secret this client has seen (the profile's, the token) in a text. */
  redact(text: string): string {
    return this.connection.redactor.text(text)
  }

  headAccount(signal?: AbortSignal): Promise<AccountStats> {
    return headAccount(this.connection, signal)
  }

  listContainers(options?: Omit<ListOptions, 'delimiter'>): AsyncGenerator<ContainerEntry> {
    return listContainers(this.connection, options)
  }

  headContainer(container: string, signal?: AbortSignal): Promise<ContainerStats> {
    return headContainer(this.connection, container, signal)
  }

  listObjects(container: string, options?: ListOptions): AsyncGenerator<ListingEntry> {
    return listObjects(this.connection, container, options)
  }

  headObject(container: string, name: string, signal?: AbortSignal): Promise<ObjectInfo> {
    return headObject(this.connection, container, name, signal)
  }

  getObject(
    container: string,
    name: string,
    options?: { range?: ByteRange; signal?: AbortSignal; headers?: Record<string, string> },
  ): Promise<ObjectDownload> {
    return getObject(this.connection, container, name, options)
  }

  putContainer(container: string, headers?: Record<string, string>): Promise<void> {
    return putContainer(this.connection, container, headers)
  }

  putObject(
    container: string,
    name: string,
    body: string | Buffer | Readable,
    options?: PutObjectOptions,
  ): Promise<{ etag: string }> {
    return putObject(this.connection, container, name, body, options)
  }

  deleteObject(container: string, name: string): Promise<void> {
    return deleteObject(this.connection, container, name)
  }

  deleteContainer(container: string): Promise<void> {
    return deleteContainer(this.connection, container)
  }

  close(): Promise<void> {
    return this.connection.close()
  }
}
