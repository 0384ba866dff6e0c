import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { promptCredentials } from './prompt'

describe('promptCredentials', () => {
  it('asks for the three values and never echoes the secret or the token', async () => {
    const input = new PassThrough()
    const output = new PassThrough()
    let shown = ''
    output.on('data', (c: Buffer) => (shown += c.toString()))
    const answers = promptCredentials({ input, output }, 'ExpiredToken')
    const type = async (text: string) => {
      await new Promise((r) => setTimeout(r, 20))
      input.write(`${text}\n`)
    }
    await type('AKIANEW')
    await type('super-secret-value')
    await type('session-token-value')
    expect(await answers).toEqual({
      accessKeyId: 'AKIANEW',
      secretAccessKey: 'super-secret-value',
      sessionToken: 'session-token-value',
    })
    expect(shown).toContain('AWS_SECRET_ACCESS_KEY')
    expect(shown).toContain('ExpiredToken')
    expect(shown).not.toContain('super-secret-value')
    expect(shown).not.toContain('session-token-value')
  })
})
