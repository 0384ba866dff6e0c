import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type SettingsView } from '../../../../../src-preload/contract/settings'
import { useSettings } from '../../../stores/settings'
import { MigrationsScreen } from '../MigrationsScreen'
import { definition, jobEntry, profileList } from '../test/fixtures'
import { renderWith } from '../test/render'
import { backend, next, walkToOptions } from '../test/wizard-backend'

function settingsWith(globalBandwidthMb: number | null): SettingsView {
  return {
    settings: { ...DEFAULT_SETTINGS, globalBandwidthMb },
    logDir: '/data/logs',
    defaultLogDir: '/data/logs',
    file: '/data/settings.json',
    desktop: false,
  }
}

afterEach(() => {
  useSettings.setState({ status: 'idle', view: null, error: null, vault: null, vaultError: null })
})

// Typing with user-event in happy-dom is slow; these walk through the whole wizard.
describe('Metadata in the New migration wizard', { timeout: 20_000 }, () => {
  it('sets every metadata choice from the keyboard, names a bad pair inline, and previews the choice', async () => {
    useSettings.setState({ status: 'ready', view: settingsWith(1) })
    const { api, finishDryRun } = backend()
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    await walkToOptions()

    const copyUser = screen.getByRole('switch', { name: /Copy Swift user metadata/ })
    expect(copyUser).toBeChecked()
    copyUser.focus()
    await userEvent.keyboard(' ')
    expect(copyUser).not.toBeChecked()

    const extra = screen.getByRole('combobox', { name: /Extra metadata/ })
    await userEvent.type(extra, 'Owner=ops{Enter}')
    await next()
    const problem = '"Owner=ops": write the key in lowercase (owner); S3 lower-cases metadata names anyway.'
    expect(screen.getByText(problem)).toBeInTheDocument()
    expect(extra).toHaveAttribute('aria-invalid', 'true')
    expect(api.callsTo('jobs.start')).toEqual([])
    // Backspace in the empty field removes the last pair; the error goes with the change.
    await userEvent.type(extra, '{Backspace}migrated-from=swift-prod{Enter}')
    expect(screen.queryByText(problem)).not.toBeInTheDocument()

    const fail = screen.getByRole('radio', { name: /Fail them/ })
    expect(fail).toBeChecked()
    fail.focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(screen.getByRole('radio', { name: /Copy them without their Swift user metadata/ })).toBeChecked()

    await next()
    expect(await screen.findByText(/Comparing Swift with the bucket/)).toBeInTheDocument()
    const started = api.callsTo('jobs.start')[0]
    expect(started && 'definition' in started && started.definition.options?.metadata).toEqual({
      userMetadata: 'skip',
      extra: [{ key: 'migrated-from', value: 'swift-prod' }],
      oversized: 'drop',
    })
    expect(screen.getByTestId('summary-metadata')).toHaveTextContent(
      'Metadata Swift user metadata not copied; adding migrated-from=swift-prod to every object; ' +
        'objects over 2 KB of metadata copied without their Swift metadata (listed in the report)',
    )
    // The migration has no limit of its own: the estimate uses the global one from Settings.
    finishDryRun()
    expect(await screen.findByTestId('plan-time')).toHaveTextContent(
      'About 40 secondsat 1 MB/s, the global limit in Settings',
    )
  })

  it('opens a saved migration with its metadata choices and keeps them when saved', async () => {
    const metadata = {
      userMetadata: 'skip' as const,
      extra: [{ key: 'migrated-from', value: 'swift-prod' }],
      oversized: 'drop' as const,
    }
    const saved = definition('d1', 'Nightly', {
      options: { ...definition('d1', 'Nightly').options, metadata },
    })
    const { api } = backend({
      'profiles.list': () => profileList({ jobs: [jobEntry(saved)] }),
      'profiles.get': () => jobEntry(saved),
    })
    renderWith(api, <MigrationsScreen />, '#/migrations/edit/d1')
    await screen.findByRole('heading', { name: 'Edit "Nightly"' })
    await userEvent.click(screen.getByRole('button', { name: /Options/ }))
    expect(screen.getByRole('switch', { name: /Copy Swift user metadata/ })).not.toBeChecked()
    expect(screen.getByText('migrated-from=swift-prod')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: /Copy them without/ })).toBeChecked()
    await userEvent.click(screen.getByRole('button', { name: /Preview/ }))
    await userEvent.click(await screen.findByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(api.callsTo('profiles.save')).toHaveLength(1))
    const record = api.callsTo('profiles.save')[0]?.record as { options: { metadata: unknown } }
    expect(record.options.metadata).toEqual(metadata)
  })
})
