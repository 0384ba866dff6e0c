import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobManager } from '../core/jobs/job-manager'
import type { JobSummary } from '../core/jobs/job-manager-types'
import type { RetentionTimers } from '../core/settings'
import { openSettingsHost } from './settings-host'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-host-'))
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

function fakeManager(runs: Partial<JobSummary>[] = []) {
  return {
    setWorkerCap: vi.fn(),
    setGlobalBandwidth: vi.fn(),
    setPartBudget: vi.fn(),
    list: vi.fn(() => runs as JobSummary[]),
  }
}

const timers: RetentionTimers = { now: () => Date.parse('2030-06-30T00:00:00Z'), every: () => () => {} }

const base = { manager: (): JobManager => ({}) as JobManager, logDir: '/unused' }

describe('openSettingsHost', () => {
  it('puts the saved limits into force at start and after every save', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, globalWorkerCap: 10 }))
    const manager = fakeManager()
    const host = openSettingsHost(dir, manager, base, { timers, log: () => {} })
    expect(manager.setWorkerCap).toHaveBeenLastCalledWith(10)
    expect(manager.setGlobalBandwidth).toHaveBeenLastCalledWith(null)
    expect(manager.setPartBudget).toHaveBeenLastCalledWith(512)

    host.store.save({ globalBandwidthMb: 3, partBudgetMb: 128 })
    expect(manager.setGlobalBandwidth).toHaveBeenLastCalledWith(3)
    expect(manager.setPartBudget).toHaveBeenLastCalledWith(128)
    host.stop()
  })

  it('gives new runs the log folder and defaults in force when they start', () => {
    const host = openSettingsHost(dir, fakeManager(), base, { timers, log: () => {} })
    expect(host.jobs.logDir).toBe(join(dir, 'logs'))
    expect(host.jobs.runDefaults?.()).toEqual({
      maxWorkers: 16,
      multipartThresholdMb: 128,
      partBudgetMb: 512,
    })
    host.store.save({ logDir: join(dir, 'other'), multipartThresholdMb: 64, defaultWorkers: 5 })
    expect(host.jobs.logDir).toBe(join(dir, 'other'))
    expect(host.jobs.runDefaults?.()).toEqual({ maxWorkers: 5, multipartThresholdMb: 64, partBudgetMb: 512 })
    host.stop()
  })

  it('prunes old logs at start-up and again when retention is shortened', async () => {
    const logs = join(dir, 'logs')
    mkdirSync(logs)
    const log = (name: string) => join(logs, name)
    for (const name of ['old.log', 'mid.log']) writeFileSync(log(name), 'x')
    const run = (name: string, finishedAt: string): Partial<JobSummary> => ({
      state: 'done',
      createdAt: finishedAt,
      startedAt: finishedAt,
      finishedAt,
      logFile: log(name),
      reports: null,
    })
    const manager = fakeManager([
      run('old.log', '2030-01-01T00:00:00Z'),
      run('mid.log', '2030-06-01T00:00:00Z'),
    ])
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, logRetentionDays: 90 }))
    const messages: string[] = []
    const host = openSettingsHost(dir, manager, base, { timers, log: (m) => messages.push(m) })
    await vi.waitFor(() => expect(existsSync(log('old.log'))).toBe(false))
    expect(existsSync(log('mid.log'))).toBe(true)
    expect(messages.join('\n')).toContain('log retention deleted 1 file(s)')

    host.store.save({ logRetentionDays: 7 })
    await vi.waitFor(() => expect(existsSync(log('mid.log'))).toBe(false))
    host.stop()
  })
})
