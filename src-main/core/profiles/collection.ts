import type { z } from 'zod'
import { AppError } from '../errors'
import type { ProfileDocument, StoredRecords } from './document'
import { parseOrThrow } from './validation'

type Kind = keyof StoredRecords
type Stored<K extends Kind> = StoredRecords[K]

/** When and under which id a record was saved; added by the store, never taken from the caller. */
export interface RecordMeta {
  id: string
  createdAt: string
  updatedAt: string
}

/** How one kind of record is validated, stored and guarded. */
export interface KindSpec<K extends Kind, Draft extends { id?: string | undefined; name: string }> {
  key: K
  /** As the user reads it in messages: "Swift profile". */
  label: string
  input: z.ZodType<Draft>
  stored: z.ZodType<Stored<K>>
  /** The record to store: the draft plus meta, secret fields pointing at this record's vault entries. */
  build(draft: Omit<Draft, 'id'>, meta: RecordMeta): Stored<K>
  /**
   * What an update keeps of the record it replaces that no draft carries (a profile's last connection
   * test, while its connection settings are unchanged). Absent: nothing.
   */
  carry?(previous: Stored<K>, next: Stored<K>): Stored<K>
  /** Checks against the rest of the document (a job's profiles exist); throws an AppError. */
  check?(record: Stored<K>, document: ProfileDocument): void
  /** Refuses a delete that would leave something dangling; throws an AppError. */
  beforeDelete?(record: Stored<K>, document: ProfileDocument): void
}

/** What a collection needs from the store: the document, a clock and an id source. */
export interface DocumentAccess {
  read(): ProfileDocument
  write(document: ProfileDocument): void
  now(): string
  newId(): string
}

const MAX_NAME = 100

function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase()
}

/**
 * List, get, save, delete and duplicate for one kind of record. Names are unique per kind (ignoring
 * case), because people pick profiles and jobs by name in the UI and the CLI.
 */
export class Collection<K extends Kind, Draft extends { id?: string | undefined; name: string }> {
  constructor(
    private readonly access: DocumentAccess,
    private readonly spec: KindSpec<K, Draft>,
  ) {}

  /** All records, by name. */
  list(): Stored<K>[] {
    return [...this.records(this.access.read())].sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    )
  }

  find(id: string): Stored<K> | undefined {
    return this.records(this.access.read()).find((record) => record.id === id)
  }

  /** @throws AppError NOT_FOUND */
  get(id: string): Stored<K> {
    const record = this.find(id)
    if (record === undefined) throw this.notFound(id)
    return record
  }

  findByName(name: string): Stored<K> | undefined {
    return this.records(this.access.read()).find((record) => nameKey(record.name) === nameKey(name))
  }

  /**
   * Creates (no `id`) or updates (with the `id` of a saved record) from untrusted input.
   * @throws AppError VALIDATION naming the field, CONFLICT for a taken name, NOT_FOUND for an unknown id.
   */
  save(input: unknown): Stored<K> {
    const { id, ...draft } = parseOrThrow(this.spec.input, input, this.spec.label)
    const document = this.access.read()
    const records = this.records(document)
    const existing = id === undefined ? undefined : records.find((record) => record.id === id)
    if (id !== undefined && existing === undefined) throw this.notFound(id)
    const clash = records.find((record) => nameKey(record.name) === nameKey(draft.name) && record.id !== id)
    if (clash !== undefined) {
      throw new AppError(
        'CONFLICT',
        `A ${this.spec.label} named "${clash.name}" already exists; choose another name.`,
        'name',
      )
    }
    const now = this.access.now()
    const meta = {
      id: existing?.id ?? this.access.newId(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }
    const built = this.spec.build(draft, meta)
    const carried = existing !== undefined && this.spec.carry ? this.spec.carry(existing, built) : built
    // Parsed again as stored: the last guard that nothing secret or malformed reaches the file.
    const record = parseOrThrow(this.spec.stored, carried, this.spec.label)
    this.spec.check?.(record, document)
    const next = existing ? records.map((r) => (r.id === record.id ? record : r)) : [...records, record]
    this.access.write({ ...document, [this.spec.key]: next })
    return record
  }

  /**
   * Changes what the store itself keeps on a record (a profile's last connection test) without it
   * counting as an edit: `updatedAt` stays. `change` may return undefined to leave the file alone.
   * @throws AppError NOT_FOUND
   */
  patch(id: string, change: (record: Stored<K>) => Stored<K> | undefined): Stored<K> {
    const document = this.access.read()
    const records = this.records(document)
    const record = records.find((r) => r.id === id)
    if (record === undefined) throw this.notFound(id)
    const changed = change(record)
    if (changed === undefined) return record
    const next = parseOrThrow(this.spec.stored, changed, this.spec.label)
    this.access.write({ ...document, [this.spec.key]: records.map((r) => (r.id === id ? next : r)) })
    return next
  }

  /**
   * Removes a record and returns it, so the caller can clear its secrets from the vault.
   * @throws AppError NOT_FOUND, or CONFLICT when something still uses it.
   */
  delete(id: string): Stored<K> {
    const document = this.access.read()
    const records = this.records(document)
    const record = records.find((r) => r.id === id)
    if (record === undefined) throw this.notFound(id)
    this.spec.beforeDelete?.(record, document)
    this.access.write({ ...document, [this.spec.key]: records.filter((r) => r.id !== id) })
    return record
  }

  /**
   * Saves a copy under a new id and name ("prod (copy)"), without the original's last connection test.
   * Secret references point at the copy's own vault entries, which start empty: copy the secrets with
   * copyProfileSecrets if wanted.
   */
  duplicate(id: string, name?: string): Stored<K> {
    const original: Stored<K> & { lastTest?: unknown } = this.get(id)
    // A test of the original says nothing of the copy, whose secrets may not even be there.
    const { id: _id, createdAt: _created, updatedAt: _updated, lastTest: _test, ...rest } = original
    return this.save({ ...rest, name: name ?? this.copyName(rest.name) })
  }

  private copyName(base: string): string {
    const taken = new Set(this.records(this.access.read()).map((r) => nameKey(r.name)))
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`
      const name = `${base.slice(0, MAX_NAME - suffix.length)}${suffix}`
      if (!taken.has(nameKey(name))) return name
    }
  }

  private records(document: ProfileDocument): Stored<K>[] {
    return document[this.spec.key] as Stored<K>[]
  }

  private notFound(id: string): AppError {
    return new AppError('NOT_FOUND', `No ${this.spec.label} with id ${id}; it may have been deleted.`, 'id')
  }
}
