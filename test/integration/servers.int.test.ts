import { randomBytes } from 'node:crypto'
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { loadServers, requireKeystone, type S3EndpointInfo } from './servers-env'

/**
 * Smoke tests proving that the loopback servers from scripts/test-servers.sh are real: Keystone
 * issues tokens with a service catalog, Swift answers with tempauth and Keystone tokens, and Swift's
 * s3api answers the AWS SDK with both tempauth keys and Keystone EC2 credentials.
 */

const servers = loadServers()
const REQUEST_TIMEOUT_MS = 15_000

/** A name no other test run uses, so runs never see each other's leftovers. */
function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`
}

/** fetch with a bound: a wedged server must fail the test, not hang it. */
function fetchBounded(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
}

const tokenBodySchema = z.object({
  token: z.object({
    project: z.object({ id: z.string() }),
    application_credential: z.object({ id: z.string() }).optional(),
    catalog: z.array(
      z.object({
        type: z.string(),
        endpoints: z.array(z.object({ interface: z.string(), region_id: z.string(), url: z.string() })),
      }),
    ),
  }),
})

/** Keystone v3 token for the demo application credential. No scope: app credentials refuse one. */
async function issueAppCredentialToken(): Promise<{ status: number; token: string | null; body: unknown }> {
  const ks = requireKeystone(servers)
  const res = await fetchBounded(`${ks.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: {
            id: ks.applicationCredential.id,
            secret: ks.applicationCredential.secret,
          },
        },
      },
    }),
  })
  return { status: res.status, token: res.headers.get('x-subject-token'), body: await res.json() }
}

/** tempauth v1 login as test:tester on the main proxy. */
async function tempauthLogin(): Promise<{ storageUrl: string; headers: Record<string, string> }> {
  const tester = servers.tempauth.users.find((u) => u.user === 'test:tester')
  if (tester === undefined) throw new Error('servers.json has no test:tester')
  const auth = await fetchBounded(servers.tempauth.authUrl, {
    headers: { 'X-Auth-User': tester.user, 'X-Auth-Key': tester.key },
  })
  expect(auth.status).toBe(200)
  await auth.arrayBuffer()
  const token = auth.headers.get('x-auth-token')
  const storageUrl = auth.headers.get('x-storage-url')
  if (token === null || storageUrl === null) throw new Error('tempauth answered without token or storage URL')
  return { storageUrl, headers: { 'X-Auth-Token': token } }
}

/** S3 client for Swift's s3api: path style, and no streaming checksums (s3api rejects aws-chunked). */
function s3Client(endpoint: S3EndpointInfo): S3Client {
  return new S3Client({
    endpoint: endpoint.endpoint,
    region: endpoint.region,
    forcePathStyle: true,
    credentials: { accessKeyId: endpoint.accessKeyId, secretAccessKey: endpoint.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: 5_000 },
  })
}

/** Empty and delete a bucket; best effort, so a cleanup problem does not hide the real failure. */
async function removeBucket(client: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => undefined)
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined)
}

/** Put one object, read it back and find it in a listing. */
async function s3RoundTrip(client: S3Client, bucket: string, key: string, body: string): Promise<void> {
  const put = await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/plain' }),
  )
  expect(put.ETag).toBeTruthy()

  const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  expect(await got.Body?.transformToString()).toBe(body)

  const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'dir/' }))
  expect(listed.KeyCount).toBe(1)
  expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([[key, Buffer.byteLength(body)]])
}

/** Creates a bucket of its own, round-trips one object in it, and always removes both. */
async function roundTripInNewBucket(endpoint: S3EndpointInfo, prefix: string, key: string): Promise<void> {
  const client = s3Client(endpoint)
  const bucket = unique(prefix)
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }))
    await s3RoundTrip(client, bucket, key, `hello ${bucket}`)
  } finally {
    await removeBucket(client, bucket, [key])
    client.destroy()
  }
}

describe.skipIf(servers.keystone === null)(
  'Keystone v3 and the Keystone-backed Swift proxy',
  { timeout: 30_000 },
  () => {
    it('issues a token for the application credential', async () => {
      const { status, token, body } = await issueAppCredentialToken()
      expect(status).toBe(201)
      expect(token).toMatch(/^\S{20,}$/)
      const parsed = tokenBodySchema.parse(body)
      expect(parsed.token.application_credential?.id).toBe(requireKeystone(servers).applicationCredential.id)
      expect(parsed.token.project.id).toBe(requireKeystone(servers).demo.projectId)
    })

    it('lists the account at the object-store public URL from the token catalog', async () => {
      const ks = requireKeystone(servers)
      const { token, body } = await issueAppCredentialToken()
      if (token === null) throw new Error('no X-Subject-Token')
      const objectStore = tokenBodySchema.parse(body).token.catalog.find((s) => s.type === 'object-store')
      const endpoint = objectStore?.endpoints.find(
        (e) => e.interface === 'public' && e.region_id === ks.region,
      )
      expect(endpoint?.url).toBe(ks.storageUrl)
      if (endpoint === undefined) return

      const res = await fetchBounded(`${endpoint.url}?format=json`, { headers: { 'X-Auth-Token': token } })
      expect([200, 204]).toContain(res.status)
      await res.arrayBuffer()
    })

    it('serves S3 through the Keystone proxy with the EC2 credential', async () => {
      await roundTripInNewBucket(requireKeystone(servers).s3, 'it-smoke-ks', 'dir/ks-object.txt')
    })
  },
)

describe('Swift with tempauth and s3api on the main proxy', { timeout: 30_000 }, () => {
  it('advertises slo and s3api in /info, and serves a DLO (which /info never lists)', async () => {
    const res = await fetchBounded(servers.tempauth.infoUrl)
    expect(res.status).toBe(200)
    const info = z.record(z.string(), z.unknown()).parse(await res.json())
    expect(Object.keys(info)).toEqual(expect.arrayContaining(['swift', 'slo', 's3api']))

    // Swift's dlo middleware registers nothing in /info (2.30), so prove it by behaviour: a zero-byte
    // manifest with X-Object-Manifest reads back as its segments, concatenated in name order.
    const { storageUrl, headers } = await tempauthLogin()
    const containerName = unique('it-smoke-dlo')
    const container = `${storageUrl}/${containerName}`
    const names = ['seg/000', 'seg/001', 'big.txt']
    try {
      expect((await fetchBounded(container, { method: 'PUT', headers })).status).toBe(201)
      // Uploaded out of order on purpose: the DLO concatenates by name, not by upload time.
      for (const [name, body] of [
        ['seg/001', 'world'],
        ['seg/000', 'hello '],
      ] as const) {
        expect((await fetchBounded(`${container}/${name}`, { method: 'PUT', headers, body })).status).toBe(
          201,
        )
      }
      const manifest = await fetchBounded(`${container}/big.txt`, {
        method: 'PUT',
        headers: { ...headers, 'X-Object-Manifest': `${containerName}/seg/` },
        body: '',
      })
      expect(manifest.status).toBe(201)
      const got = await fetchBounded(`${container}/big.txt`, { headers })
      expect(got.headers.get('x-object-manifest')).toMatch(/\/seg\/$/)
      expect(await got.text()).toBe('hello world')
    } finally {
      for (const name of names) {
        await fetchBounded(`${container}/${name}`, { method: 'DELETE', headers }).catch(() => undefined)
      }
      await fetchBounded(container, { method: 'DELETE', headers }).catch(() => undefined)
    }
  })

  it('gives a tempauth token and storage URL that work for a container round trip', async () => {
    const { storageUrl, headers } = await tempauthLogin()
    expect(storageUrl).toBe(servers.tempauth.storageUrl)

    const container = `${storageUrl}/${unique('it-smoke-swift')}`
    const object = `${container}/dir/hello.txt`
    try {
      expect((await fetchBounded(container, { method: 'PUT', headers })).status).toBe(201)
      const put = await fetchBounded(object, { method: 'PUT', headers, body: 'hello swift' })
      expect(put.status).toBe(201)
      const got = await fetchBounded(object, { headers })
      expect(got.status).toBe(200)
      expect(await got.text()).toBe('hello swift')
      const listing = await fetchBounded(`${container}?format=json`, { headers })
      const rows = z.array(z.object({ name: z.string(), bytes: z.number() })).parse(await listing.json())
      expect(rows).toEqual([{ name: 'dir/hello.txt', bytes: 11 }].map((r) => expect.objectContaining(r)))
    } finally {
      await fetchBounded(object, { method: 'DELETE', headers }).catch(() => undefined)
      await fetchBounded(container, { method: 'DELETE', headers }).catch(() => undefined)
    }
  })

  it('round-trips an object through S3 (PutObject, GetObject, ListObjectsV2)', async () => {
    await roundTripInNewBucket(servers.s3, 'it-smoke', 'dir/s3-object.txt')
  })
})

describe('fault-test proxy', { timeout: 30_000 }, () => {
  it('answers /info', async () => {
    const res = await fetchBounded(servers.fault.infoUrl)
    expect(res.status).toBe(200)
    const info = z.record(z.string(), z.unknown()).parse(await res.json())
    expect(Object.keys(info)).toEqual(expect.arrayContaining(['swift', 's3api']))
  })
})
