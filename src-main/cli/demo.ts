import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { importFromOpenrc, parseOpenrc } from '../core/swift/config/openrc'
import { SwiftClient } from '../core/swift/swift-client'
import { main } from './main'

/**
 * `npm run demo`: a newcomer's first look, with no cloud account and no Electron. The test servers are
 * already up (scripts/demo.mjs starts them); this fills a demo container in the Keystone project —
 * mixed sizes, an SLO, a DLO, unicode names, metadata — and migrates it with the CLI, logging in with
 * an application credential exactly as the original tool did.
 */
interface Servers {
  dir: string
  s3: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string }
  keystone: { envFile: string } | null
}

const root = join(import.meta.dirname, '..', '..')
const serversFile = join(process.env['TEST_SERVERS_DIR'] ?? join(root, '.test-servers'), 'servers.json')
const servers = JSON.parse(readFileSync(serversFile, 'utf8')) as Servers
if (!servers.keystone)
  throw new Error('The demo needs Keystone; start the test servers without TS_NO_KEYSTONE.')
const openrc = readFileSync(servers.keystone.envFile, 'utf8')
const swift = new SwiftClient({ auth: importFromOpenrc(openrc, 'env-keystone.sh').auth })

const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')
const container = `demo-photos-${stamp}`
const segments = `${container}_segments`
const bucket = `demo-archive-${stamp}`
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex')

process.stdout.write(`Filling Swift container ${container}…\n`)
await swift.putContainer(container)
await swift.putContainer(segments)
const names = [
  'index.html',
  'css/site.css',
  'photos/été/plage.jpg',
  'photos/日本/富士山.jpg',
  'docs/read me.txt',
  'docs/2026 report (final).pdf',
]
for (const [i, name] of names.entries()) {
  await swift.putObject(container, name, randomBytes(2_000 + i * 150_000), {
    headers: { 'x-object-meta-source': 'demo', 'x-object-meta-owner': 'Zoë' },
  })
}
for (let i = 0; i < 40; i++)
  await swift.putObject(
    container,
    `logs/2026-11-${String((i % 28) + 1).padStart(2, '0')}/app-${i}.log`,
    randomBytes(500 + i * 900),
  )
await swift.putObject(
  container,
  'assets/app.js',
  gzipSync(Buffer.from('console.log("hello")\n'.repeat(2000))),
  {
    headers: { 'content-type': 'application/javascript', 'content-encoding': 'gzip' },
  },
)
await swift.putObject(container, 'videos/', '', { headers: { 'content-type': 'application/directory' } })
const parts = [randomBytes(6 * 1024 * 1024), randomBytes(6 * 1024 * 1024), randomBytes(3 * 1024 * 1024)]
for (const [i, part] of parts.entries()) await swift.putObject(segments, `video/${i}`, part)
await swift.putObject(
  container,
  'videos/launch.mp4',
  JSON.stringify(
    parts.map((part, i) => ({ path: `/${segments}/video/${i}`, etag: md5(part), size_bytes: part.length })),
  ),
  { query: { 'multipart-manifest': 'put' }, headers: { 'content-type': 'video/mp4' } },
)
for (const [i, part] of [randomBytes(300_000), randomBytes(200_000)].entries())
  await swift.putObject(segments, `backup/part-${i}`, part)
await swift.putObject(container, 'backups/db.tar', '', {
  headers: { 'x-object-manifest': `${segments}/backup/part-` },
})
await swift.putObject(container, 'big/dataset.bin', randomBytes(70 * 1024 * 1024))
await swift.close()

const s3 = new S3Client({
  endpoint: servers.s3.endpoint,
  region: servers.s3.region,
  forcePathStyle: true,
  credentials: { accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey },
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
})
await s3.send(new CreateBucketCommand({ Bucket: bucket }))
s3.destroy()

const outDir = join(root, 'demo-output')
mkdirSync(outDir, { recursive: true })
const env: Record<string, string | undefined> = {
  PATH: process.env['PATH'],
  HOME: process.env['HOME'],
  TERM: process.env['TERM'],
}
Object.assign(env, parseOpenrc(openrc))
env['AWS_ACCESS_KEY_ID'] = servers.s3.accessKeyId
env['AWS_SECRET_ACCESS_KEY'] = servers.s3.secretAccessKey
const argv = [
  '--openStackContainer',
  container,
  '--s3Bucket',
  bucket,
  '--maxWorkers',
  '8',
  '--regionName',
  servers.s3.region,
  '--s3EndpointUrl',
  servers.s3.endpoint,
  '--logDir',
  outDir,
]
process.stdout.write(`\n$ swift2s3 ${argv.join(' ')}\n\n`)
const code = await main(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env,
  cwd: outDir,
  tool: { name: 'swift2s3', version: 'demo' },
})
process.stdout.write(
  code === 0 ? '\nDemo complete: every object verified.\n' : `\nDemo ended with exit code ${code}.\n`,
)
process.exitCode = code
