import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, readAll, removeContainer, tempauth, unique } from '../support/swift-clients'

/** Object names that break naive clients, each through PUT, listing, HEAD and GET on real Swift. */

const swift = client({ auth: tempauth() })
const container = unique('names with space+plus')

const tricky = [
  'unicode/日本語/ファイル.txt',
  'emoji 😀 and accents é ñ ü.txt',
  'spaces in the name.txt',
  'plus+sign+name',
  'percent%20literal%2F',
  'question?mark',
  'hash#fragment',
  'amp&ersand=equals;semi',
  'quotes\'and"double',
  '/leading-slash',
  'trailing-slash/',
  'double//slash',
  'dot/./segment',
  'dotdot/../segment',
  '~tilde*star(paren)!bang',
  // Swift's limit is 1,024 bytes: once in ASCII, once in two-byte characters.
  'a'.repeat(1024),
  'é'.repeat(512),
]

beforeAll(async () => {
  await swift.putContainer(container)
  for (const name of tricky) await swift.putObject(container, name, `content of ${name}`)
}, 60_000)

afterAll(async () => {
  await removeContainer(swift, container)
  await swift.close()
}, 60_000)

describe('tricky object names', () => {
  it('the listing returns every name exactly as written', async () => {
    const listed: string[] = []
    for await (const entry of swift.listObjects(container, { pageSize: 4 })) listed.push(entry.name)
    expect([...listed].sort()).toEqual([...tricky].sort())
  })

  for (const name of tricky) {
    it(`round-trips ${JSON.stringify(name.length > 40 ? `${name.slice(0, 20)}… (${Buffer.byteLength(name)} bytes)` : name)}`, async () => {
      const info = await swift.headObject(container, name)
      expect(info.bytes).toBe(Buffer.byteLength(`content of ${name}`))
      const { body } = await swift.getObject(container, name)
      expect((await readAll(body)).toString()).toBe(`content of ${name}`)
    })
  }
})
