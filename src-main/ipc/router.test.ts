import { describe, expect, it } from 'vitest'
import { AppError } from '../core/errors'
import { stubHandlers } from './handlers/test-support'
import { createRouter, type Handlers } from './router'
import { testAppInfo } from '../../test/fixtures/app-info'

const info = testAppInfo('browser')

function router(handlers: Partial<Handlers> = {}, errors: unknown[] = []) {
  return createRouter(stubHandlers({ 'app.info': () => info, ...handlers }), (_channel, error) =>
    errors.push(error),
  )
}

describe('IPC router', () => {
  it('returns the handler value in an ok envelope', async () => {
    expect(await router().dispatch('app.info', undefined)).toEqual({ ok: true, value: info })
  })

  it('refuses a channel the contract does not know', async () => {
    const result = await router().dispatch('fs.readFile', { path: '/etc/passwd' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('fs.readFile') },
    })
  })

  it('refuses a prototype key posing as a channel', async () => {
    const result = await router().dispatch('constructor', undefined)
    expect(result.ok).toBe(false)
  })

  it('rejects an input the schema does not accept, before the handler runs', async () => {
    let called = false
    const result = await router({
      'app.info': () => {
        called = true
        return info
      },
    }).dispatch('app.info', { unexpected: true })
    expect(called).toBe(false)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('passes an engine error through with its code, message and field', async () => {
    const result = await router({
      'app.info': () => {
        throw new AppError('NOT_FOUND', 'Container "photos" does not exist', 'container')
      },
    }).dispatch('app.info', undefined)
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Container "photos" does not exist', field: 'container' },
    })
  })

  it('hides the text of an unexpected error from the renderer and reports it to the sink', async () => {
    const errors: unknown[] = []
    const result = await router(
      {
        'app.info': () => {
          throw new Error('secret token abc123 leaked in a stack')
        },
      },
      errors,
    ).dispatch('app.info', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('abc123')
    expect(errors).toHaveLength(1)
  })
})
