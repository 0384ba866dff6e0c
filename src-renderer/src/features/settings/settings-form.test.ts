import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type AppSettings } from '../../../../src-preload/contract/settings'
import { formValuesOf, messageForInput, patchOf, settingsProblems } from './settings-form'
import { secretsStatus } from './secrets-status'

const saved = structuredClone(DEFAULT_SETTINGS) as AppSettings

describe('settings form', () => {
  it('sends only what changed, with empty bandwidth and retention as "none"', () => {
    const values = { ...formValuesOf({ ...saved, globalBandwidthMb: 5, logRetentionDays: 30 }) }
    values.globalBandwidthMb = ''
    values.logRetentionDays = ''
    values.onCredentials = false
    expect(patchOf(values, { ...saved, globalBandwidthMb: 5, logRetentionDays: 30 })).toEqual({
      globalBandwidthMb: null,
      logRetentionDays: null,
      notifications: { onFinish: true, onCredentials: false },
    })
    expect(patchOf(formValuesOf(saved), saved)).toEqual({})
  })

  it('names each value main would refuse, and accepts the defaults', () => {
    expect(settingsProblems(formValuesOf(saved))).toEqual({})
    const bad = {
      ...formValuesOf(saved),
      defaultWorkers: 0,
      globalWorkerCap: '',
      globalBandwidthMb: -2,
      multipartThresholdMb: 7.5,
      partBudgetMb: 70_000,
      logRetentionDays: 0,
    }
    expect(settingsProblems(bad)).toEqual({
      defaultWorkers: 'Must be a whole number from 1 to 256',
      globalWorkerCap: 'Enter a whole number from 1 to 256',
      globalBandwidthMb: 'Must be from 0.1 to 100000 MB/s, or empty for no limit',
      multipartThresholdMb: 'Must be a whole number from 8 to 5120',
      partBudgetMb: 'Must be a whole number from 8 to 65536',
      logRetentionDays: 'Must be a whole number of days from 1 to 3650, or empty to keep all',
    })
  })

  it("drops the field's name from main's message, which the label already shows", () => {
    expect(messageForInput('globalWorkerCap must be a whole number from 1 to 256', 'globalWorkerCap')).toBe(
      'Must be a whole number from 1 to 256',
    )
    expect(messageForInput('something else', 'x')).toBe('Something else')
  })
})

describe('secrets status', () => {
  it('says how each kind of store keeps secrets', () => {
    expect(secretsStatus({ kind: 'os-keychain', persistent: true, secure: true }, 'desktop')).toEqual({
      tone: 'ok',
      text: 'Secrets are encrypted with the system keychain.',
    })
    expect(secretsStatus({ kind: 'memory', persistent: false, secure: true }, 'browser').text).toContain(
      'SWIFT2S3_VAULT_KEY',
    )
    const damaged = secretsStatus(
      { kind: 'unavailable', persistent: false, secure: false, problem: 'The vault file is damaged.' },
      'desktop',
    )
    expect(damaged).toEqual({
      tone: 'warning',
      text: 'This machine has no secure store: secrets are kept for this session only. The vault file is damaged.',
    })
  })
})
