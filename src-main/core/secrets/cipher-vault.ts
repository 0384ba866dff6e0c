import { z } from 'zod'
import { AppError } from '../errors'
import type { VaultCipher } from './cipher'
import { JsonFile } from './json-file'
import type { SecretStatus, SecretVault, SetSecretOptions, VaultBackend, VaultBackendKind } from './vault'

const entrySchema = z.object({
  /** Base64 of what the cipher returned; the plaintext never reaches the file. */
  ciphertext: z.string(),
  /** The cipher's backend when it was written, so consent can be withdrawn from basic_text entries. */
  backend: z.string(),
})

const fileSchema = z.object({
  version: z.literal(1),
  allowInsecurePersistence: z.boolean(),
  secrets: z.record(z.string(), entrySchema),
})

type VaultFileData = z.infer<typeof fileSchema>

/** What the UI shows when a secret could not be saved; it was still kept for this session. */
const SESSION_ONLY_MESSAGES: Record<'basic_text' | 'unavailable', string> = {
  basic_text:
    'Kept for this session only: this computer has no keyring the app can use (the system password ' +
    'store is "basic_text"), so a saved secret would be readable by anyone who can read your files. ' +
    'To keep secrets after you quit, allow saving them with basic protection in Settings.',
  unavailable:
    "Kept for this session only: the system's secret storage is not available, so the secret cannot be " +
    'saved encrypted. It will be asked for again after you quit.',
}

/**
 * A vault that keeps only ciphertext on disk, in one JSON file, encrypted by an injected cipher
 * (safeStorage in the desktop app).
 *
 * Policy, because safeStorage on a Linux desktop without a keyring (`basic_text`) "encrypts" with a
 * password baked into Chromium: such a store, or no encryption at all, is never used silently. `set`
 * then keeps the secret in memory for the session and throws FORBIDDEN with a message for the user.
 * With `basic_text` the user may agree to persisting anyway ({@link setInsecurePersistenceAllowed});
 * the consent is stored in the vault file. Without any encryption nothing is ever written, consent or not.
 */
export class CipherVault implements SecretVault {
  private readonly session = new Map<string, string>()

  private constructor(
    private readonly file: JsonFile,
    private readonly cipher: VaultCipher,
    private data: VaultFileData,
  ) {}

  /** Opens (or starts) the vault file at `path`. */
  static async open(path: string, cipher: VaultCipher): Promise<CipherVault> {
    const file = new JsonFile(path)
    const raw = await file.read()
    if (raw === undefined) {
      return new CipherVault(file, cipher, { version: 1, allowInsecurePersistence: false, secrets: {} })
    }
    const parsed = fileSchema.safeParse(raw)
    if (!parsed.success) {
      throw new AppError(
        'INTERNAL',
        `${path} is not a secrets file this version understands; move it away to start over.`,
      )
    }
    return new CipherVault(file, cipher, parsed.data)
  }

  backend(): VaultBackend {
    const { kind, detail } = this.classify()
    const persistent = kind === 'os-keychain' || (kind === 'basic_text' && this.data.allowInsecurePersistence)
    return { kind, persistent, secure: kind === 'os-keychain', detail }
  }

  /** Whether the user agreed to keep secrets with basic_text protection. */
  insecurePersistenceAllowed(): boolean {
    return this.data.allowInsecurePersistence
  }

  /**
   * Records the user's answer. Withdrawing it takes the secrets written under basic_text off the disk
   * (they stay usable for this session), since the user no longer accepts them lying there.
   */
  async setInsecurePersistenceAllowed(allowed: boolean): Promise<void> {
    if (!allowed) {
      for (const [ref, entry] of Object.entries(this.data.secrets)) {
        if (entry.backend !== 'basic_text') continue
        const text = await this.decrypt(ref, entry.ciphertext).catch(() => undefined)
        if (text !== undefined && !this.session.has(ref)) this.session.set(ref, text)
        delete this.data.secrets[ref]
      }
    }
    this.data.allowInsecurePersistence = allowed
    await this.save()
  }

  async set(ref: string, value: string, options: SetSecretOptions = {}): Promise<SecretStatus> {
    const { kind, detail } = this.classify()
    const persist =
      !options.sessionOnly &&
      (kind === 'os-keychain' || (kind === 'basic_text' && this.data.allowInsecurePersistence))
    if (persist) {
      const ciphertext = (await this.cipher.encrypt(value)).toString('base64')
      this.data.secrets[ref] = { ciphertext, backend: detail }
      this.session.delete(ref)
      await this.save()
      return 'set'
    }
    this.session.set(ref, value)
    // An older saved value would come back after a restart and silently replace the one just given.
    if (ref in this.data.secrets) {
      delete this.data.secrets[ref]
      await this.save()
    }
    if (options.sessionOnly) return 'session'
    throw new AppError(
      'FORBIDDEN',
      SESSION_ONLY_MESSAGES[kind === 'basic_text' ? 'basic_text' : 'unavailable'],
      ref,
    )
  }

  async get(ref: string): Promise<string | undefined> {
    const held = this.session.get(ref)
    if (held !== undefined) return held
    const entry = this.data.secrets[ref]
    if (entry === undefined) return undefined
    return this.decrypt(ref, entry.ciphertext)
  }

  async status(ref: string): Promise<SecretStatus> {
    if (this.session.has(ref)) return 'session'
    return ref in this.data.secrets ? 'set' : 'unset'
  }

  async clear(ref: string): Promise<void> {
    this.session.delete(ref)
    if (!(ref in this.data.secrets)) return
    delete this.data.secrets[ref]
    await this.save()
  }

  private classify(): { kind: VaultBackendKind; detail: string } {
    const detail = this.cipher.backend()
    // `unknown` is what safeStorage says before `ready`: nothing is known to protect the key yet.
    if (!this.cipher.isAvailable() || detail === 'unknown') return { kind: 'unavailable', detail }
    return { kind: detail === 'basic_text' ? 'basic_text' : 'os-keychain', detail }
  }

  private async decrypt(ref: string, ciphertext: string): Promise<string> {
    const data = Buffer.from(ciphertext, 'base64')
    try {
      if (!this.cipher.decryptWithRotation) return await this.cipher.decrypt(data)
      const { text, shouldReEncrypt } = await this.cipher.decryptWithRotation(data)
      if (shouldReEncrypt) await this.reEncrypt(ref, text)
      return text
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError(
        'UNAVAILABLE',
        `A saved secret (${ref}) can no longer be decrypted: the system keyring was reset, or the ` +
          'settings were copied from another computer or user. Enter it again.',
        ref,
        { cause: error },
      )
    }
  }

  /** Best effort: the old ciphertext still decrypts, so a failure here loses nothing. */
  private async reEncrypt(ref: string, text: string): Promise<void> {
    try {
      const ciphertext = (await this.cipher.encrypt(text)).toString('base64')
      this.data.secrets[ref] = { ciphertext, backend: this.cipher.backend() }
      await this.save()
    } catch {
      // See above.
    }
  }

  private save(): Promise<void> {
    return this.file.write(this.data)
  }
}
