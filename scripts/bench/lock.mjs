// One bench at a time per set of test servers. Two benches on the same servers spoil each other's
// figures, and each one's cleanup removes the other's bench-* containers in the middle of its runs.
// The lock is keyed on the Swift port, because other checkouts (a CI clone) use the same fixed ports.
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Takes the lock or throws naming the bench that holds it; returns a function that releases it. */
export function lockServers(port) {
  const path = join(os.tmpdir(), `swift2s3-bench-${port}.lock`)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      const release = () => rmSync(path, { force: true })
      process.once('exit', release)
      return release
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      const holder = Number(readFileSync(path, 'utf8'))
      if (alive(holder)) {
        throw new Error(`another bench (pid ${holder}) is using the servers on port ${port}; wait for it`, {
          cause: error,
        })
      }
      rmSync(path, { force: true }) // left by a bench that was killed
    }
  }
  throw new Error(`could not take the bench lock ${path}`)
}
