import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src-preload/contract/settings'
import { FakeManagerClock, fakeRunners, fakeSpec } from '../jobs/job-manager-fakes'
import { JobManager } from '../jobs/job-manager'
import { resolveJobSpec } from '../profiles/resolve-job-spec'
import { jobInput, s3Input, swiftInput, tempStore } from '../profiles/test-fixtures'
import { MemoryVault } from '../secrets/memory-vault'
import { applyToJobManager, effectiveLogDir, runDefaultsOf } from './apply'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-apply-'))
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('applying settings to the job manager', () => {
  it('sets the worker cap, the global bandwidth and the part budget every run shares', async () => {
    const { factory, runners } = fakeRunners()
    const manager = await JobManager.open({
      historyDir: join(dir, 'history'),
      tool: { name: 'swift2s3', version: 'test' },
      startedBy: 'test@host',
      runJob: factory,
      clock: new FakeManagerClock(),
    })
    applyToJobManager(
      { ...DEFAULT_SETTINGS, globalWorkerCap: 3, globalBandwidthMb: 5, partBudgetMb: 64 },
      manager,
    )
    expect(manager.settings()).toMatchObject({ workerCap: 3, globalBandwidthMb: 5 })

    // A job asking for 8 workers gets the 3 the cap allows, and shares the 64 MiB part budget.
    manager.start({ spec: fakeSpec({ maxWorkers: 8 }), name: 'capped' })
    expect(runners[0]?.spec.options.maxWorkers).toBe(3)
    expect(runners[0]?.context.shared?.budget.capacity).toBe(64 * 1024 * 1024)

    // Unlimited again, and a larger budget, apply to the same shared limits.
    applyToJobManager(
      { ...DEFAULT_SETTINGS, globalWorkerCap: 3, globalBandwidthMb: null, partBudgetMb: 256 },
      manager,
    )
    expect(manager.settings().globalBandwidthMb).toBeNull()
    expect(runners[0]?.context.shared?.budget.capacity).toBe(256 * 1024 * 1024)
    await manager.close()
  })

  it('logs go to the chosen folder, or to <data folder>/logs by default', () => {
    expect(effectiveLogDir({ logDir: null }, '/data')).toBe(join('/data', 'logs'))
    expect(effectiveLogDir({ logDir: '/var/log/swift2s3' }, '/data')).toBe('/var/log/swift2s3')
  })
})

describe('run defaults from settings', () => {
  it('fill the options a saved migration leaves unset, and never override what it sets', async () => {
    const env = tempStore()
    try {
      const vault = new MemoryVault()
      const swift = env.store.swift.save(swiftInput())
      const s3 = env.store.s3.save(s3Input())
      await vault.set(`profile:${swift.id}:applicationCredentialSecret`, 'a')
      await vault.set(`profile:${s3.id}:secretAccessKey`, 'b')
      const defaults = runDefaultsOf({ ...DEFAULT_SETTINGS, multipartThresholdMb: 64, partBudgetMb: 1024 })

      const plain = env.store.jobs.save(jobInput(swift.id, s3.id))
      const spec = await resolveJobSpec(plain, env.store, vault, { output: { logDir: '/l' }, defaults })
      expect(spec.options).toMatchObject({ multipartThresholdMb: 64, partBudgetMb: 1024 })

      const input = jobInput(swift.id, s3.id, 'Own threshold') as { options?: Record<string, unknown> }
      const own = env.store.jobs.save({ ...input, options: { ...input.options, multipartThresholdMb: 16 } })
      const ownSpec = await resolveJobSpec(own, env.store, vault, { output: { logDir: '/l' }, defaults })
      expect(ownSpec.options.multipartThresholdMb).toBe(16)
      // The fixture saves 8 workers: its own count wins over Settings'.
      expect(ownSpec.options.maxWorkers).toBe(8)
    } finally {
      env.cleanup()
    }
  })

  it("give a migration saved without a worker count Settings' defaultWorkers; the CLI its 16", async () => {
    const env = tempStore()
    try {
      const vault = new MemoryVault()
      const swift = env.store.swift.save(swiftInput())
      const s3 = env.store.s3.save(s3Input())
      await vault.set(`profile:${swift.id}:applicationCredentialSecret`, 'a')
      await vault.set(`profile:${s3.id}:secretAccessKey`, 'b')
      const input = jobInput(swift.id, s3.id) as { options: Record<string, unknown> }
      const { maxWorkers: _none, ...options } = input.options
      const saved = env.store.jobs.save({ ...input, options })
      expect(saved.options.maxWorkers).toBeUndefined()
      const output = { logDir: '/l' }

      const app = await resolveJobSpec(saved, env.store, vault, {
        output,
        defaults: runDefaultsOf({ ...DEFAULT_SETTINGS, defaultWorkers: 5 }),
      })
      expect(app.options.maxWorkers).toBe(5)
      const cli = await resolveJobSpec(saved, env.store, vault, { output })
      expect(cli.options.maxWorkers).toBe(16)
    } finally {
      env.cleanup()
    }
  })
})
