import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'

/**
 * A loopback HTTPS endpoint in front of a real plain-HTTP server, with a certificate signed by a
 * throwaway test CA (made with openssl), so TLS trust can be tested without touching the system store.
 */
export interface TlsEndpoint {
  url: string
  caPem: string
  close(): Promise<void>
}

function makeCertificates(dir: string): { caPem: string; key: string; cert: string } {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=swift2s3 test CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
  )
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  )
  writeFileSync(
    join(dir, 'san.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n',
  )
  run(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  )
  const read = (name: string) => readFileSync(join(dir, name), 'utf8')
  return { caPem: read('ca.pem'), key: read('server.key'), cert: read('server.pem') }
}

export async function startTlsEndpoint(target: string): Promise<TlsEndpoint> {
  const dir = mkdtempSync(join(tmpdir(), 'swift2s3-tls-'))
  const { caPem, key, cert } = makeCertificates(dir)
  const upstream = new URL(target)
  const sockets = new Set<net.Socket>()
  const server = tls.createServer({ key, cert }, (client) => {
    const backend = net.connect(Number(upstream.port), upstream.hostname)
    for (const s of [client, backend]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {})
    }
    client.pipe(backend).pipe(client)
  })
  server.on('tlsClientError', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    caPem,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => {
          rmSync(dir, { recursive: true, force: true })
          resolve()
        })
      }),
  }
}
