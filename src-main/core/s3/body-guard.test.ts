import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { NetworkError } from '../swift/errors'
import { guardBody } from './body-guard'
import { BodyLengthError, SourceReadError } from './errors'

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** pipeline() reports to onError a tick after the stream itself errors. */
const settled = () => new Promise((resolve) => setImmediate(resolve))

function run(source: Readable, expected: number) {
  const errors: unknown[] = []
  const guarded = guardBody(source, 'k', expected, (error) => errors.push(error))
  return { guarded, errors }
}

describe('guardBody', () => {
  it('passes exactly the announced bytes through', async () => {
    const { guarded, errors } = run(Readable.from([Buffer.from('abc'), Buffer.from('def')]), 6)
    expect((await drain(guarded)).toString()).toBe('abcdef')
    expect(errors).toEqual([])
  })

  it('reports a source that ends short, or runs long, as BodyLengthError', async () => {
    const short = run(Readable.from([Buffer.from('abc')]), 6)
    await expect(drain(short.guarded)).rejects.toBeInstanceOf(BodyLengthError)
    await settled()
    expect(short.errors[0]).toMatchObject({ expected: 6, received: 3 })
    const long = run(Readable.from([Buffer.from('abcdefgh')]), 6)
    await expect(drain(long.guarded)).rejects.toBeInstanceOf(BodyLengthError)
    await settled()
    expect((long.errors[0] as Error).message).toContain('more than the 6 bytes')
  })

  it('passes typed source errors on as they are and wraps the rest', async () => {
    const typed = new NetworkError('reset', 'http://swift', 'reset by peer')
    const a = new PassThrough()
    const first = run(a, 10)
    a.destroy(typed)
    await expect(drain(first.guarded)).rejects.toBe(typed)
    await settled()
    expect(first.errors).toEqual([typed])

    const b = new PassThrough()
    const second = run(b, 10)
    b.write('abc')
    b.destroy(new Error('socket hang up'))
    await expect(drain(second.guarded)).rejects.toThrow()
    await settled()
    expect(second.errors[0]).toBeInstanceOf(SourceReadError)
    expect((second.errors[0] as Error).message).toContain('after 3 of 10 bytes: socket hang up')
  })
})
