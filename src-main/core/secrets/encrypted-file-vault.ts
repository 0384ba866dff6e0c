import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../errors'
import { DEFAULT_SCRYPT, deriveKey, open, seal } from './aes-gcm'
import { JsonFile } from './json-file'
import type { SecretStatus, SecretVault, VaultBackend } from './vault'

/** Where browser mode takes its vault key from; a starter (service manager, tests) sets it. */
export const VAULT_KEY_ENV = 'SWIFT2S3_VAULT_KEY'

// Long enough that a key typed by hand is not trivially guessed; `openssl rand -base64 32` gives 44.
const MIN_KEY_LENGTH = 16
const CHECK_CONTEXT = 'swift2s3:vault-key-check'
const CHECK_TEXT = 'swift2s3 vault'

const fileSchema = z.object({
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    salt: z.string(),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
  }),
  /** A known text sealed with the key, so a wrong key fails at open and not at the first secret. */
  check: z.string(),
  secrets: z.record(z.string(), z.string()),
})

type VaultFileData = z.infer<typeof fileSchema>

/**
 * A vault for browser mode, where there is no safeStorage: AES-256-GCM with a key derived from a string
 * the starter hands over (SWIFT2S3_VAULT_KEY). The file alone is useless without that key. Each secret is
 * bound to its reference, so entries cannot be swapped inside the file.
 */
export class EncryptedFileVault implements SecretVault {
  private constructor(
    private readonly file: JsonFile,
    private readonly key: Buffer,
    private readonly data: VaultFileData,
  ) {}

  /**
   * Opens the vault at `path` with `secret`, creating it on first use.
   * @throws AppError VALIDATION for a too short key, AUTH when the file was written with another key.
   */
  static async open(path: string, secret: string): Promise<EncryptedFileVault> {
    if (secret.length < MIN_KEY_LENGTH) {
      throw new AppError(
        'VALIDATION',
        `The vault key (${VAULT_KEY_ENV}) must be at least ${MIN_KEY_LENGTH} characters, e.g. the output of ` +
          '`openssl rand -base64 32`.',
        VAULT_KEY_ENV,
      )
    }
    const file = new JsonFile(path)
    const raw = await file.read()
    if (raw === undefined) {
      const salt = randomBytes(16)
      const key = await deriveKey(secret, salt, DEFAULT_SCRYPT)
      const data: VaultFileData = {
        version: 1,
        kdf: { name: 'scrypt', salt: salt.toString('base64'), ...DEFAULT_SCRYPT },
        check: seal(key, CHECK_TEXT, CHECK_CONTEXT),
        secrets: {},
      }
      await file.write(data)
      return new EncryptedFileVault(file, key, data)
    }
    const parsed = fileSchema.safeParse(raw)
    if (!parsed.success) {
      throw new AppError(
        'INTERNAL',
        `${path} is not a secrets file this version understands; move it away to start over.`,
      )
    }
    const { kdf, check } = parsed.data
    const key = await deriveKey(secret, Buffer.from(kdf.salt, 'base64'), kdf)
    try {
      open(key, check, CHECK_CONTEXT)
    } catch (error) {
      throw new AppError(
        'AUTH',
        `The vault key (${VAULT_KEY_ENV}) is not the one the secrets in ${path} were saved with. ` +
          'Start with the original key, or move the file away to start with no saved secrets.',
        VAULT_KEY_ENV,
        { cause: error },
      )
    }
    return new EncryptedFileVault(file, key, parsed.data)
  }

  async set(ref: string, value: string): Promise<SecretStatus> {
    this.data.secrets[ref] = seal(this.key, value, ref)
    await this.file.write(this.data)
    return 'set'
  }

  async get(ref: string): Promise<string | undefined> {
    const sealed = this.data.secrets[ref]
    if (sealed === undefined) return undefined
    try {
      return open(this.key, sealed, ref)
    } catch (error) {
      throw new AppError('UNAVAILABLE', `The saved secret ${ref} is damaged; enter it again.`, ref, {
        cause: error,
      })
    }
  }

  async status(ref: string): Promise<SecretStatus> {
    return ref in this.data.secrets ? 'set' : 'unset'
  }

  async clear(ref: string): Promise<void> {
    if (!(ref in this.data.secrets)) return
    delete this.data.secrets[ref]
    await this.file.write(this.data)
  }

  backend(): VaultBackend {
    return { kind: 'encrypted-file', persistent: true, secure: true }
  }
}
