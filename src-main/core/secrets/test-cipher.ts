import { randomBytes } from 'node:crypto'
import { open, seal } from './aes-gcm'
import type { VaultCipher } from './cipher'

/**
 * A stand-in for safeStorage in tests: real encryption with a key held in memory, a backend name and
 * availability that tests flip, and counters for what was asked of it.
 */
export class TestCipher implements VaultCipher {
  available = true
  backendName = 'gnome_libsecret'
  rotate = false
  encryptCalls = 0
  private key = randomBytes(32)

  isAvailable(): boolean {
    return this.available
  }

  backend(): string {
    return this.backendName
  }

  async encrypt(text: string): Promise<Buffer> {
    if (!this.available) throw new Error('encryption is not available')
    this.encryptCalls++
    return Buffer.from(seal(this.key, text, 'test'), 'base64')
  }

  async decrypt(data: Buffer): Promise<string> {
    return open(this.key, data.toString('base64'), 'test')
  }

  async decryptWithRotation(data: Buffer): Promise<{ text: string; shouldReEncrypt: boolean }> {
    return { text: await this.decrypt(data), shouldReEncrypt: this.rotate }
  }

  /** As if the OS keyring had been reset: old ciphertext no longer opens. */
  forgetKey(): void {
    this.key = randomBytes(32)
  }
}
