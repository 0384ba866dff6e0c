import { MantineProvider } from '@mantine/core'
import { Notifications, notifications } from '@mantine/notifications'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../../../src-preload/contract/api'
import type { InvokeChannel } from '../../../../src-preload/contract/channels'
import type { IpcError } from '../../../../src-preload/contract/result'
import type { VaultInfo } from '../../../../src-preload/contract/secrets'
import {
  DEFAULT_SETTINGS,
  type AppSettings,
  type SettingsPatch,
  type SettingsView,
} from '../../../../src-preload/contract/settings'
import type { AppInfo } from '../../../../src-preload/contract/types'
import { setApi } from '../../ipc/bridge'
import { useAppInfo } from '../../stores/app-info'
import { useSettings } from '../../stores/settings'
import { SettingsScreen } from './SettingsScreen'

/** A main process that keeps settings in memory and checks them as main does (one rule is enough). */
function fakeMain(options: { desktop?: boolean; vault?: VaultInfo; refuse?: IpcError } = {}) {
  let settings: AppSettings = structuredClone(DEFAULT_SETTINGS) as AppSettings
  const view = (): SettingsView => ({
    settings,
    logDir: settings.logDir ?? '/data/logs',
    defaultLogDir: '/data/logs',
    file: '/data/settings.json',
    desktop: options.desktop ?? false,
  })
  const saves: SettingsPatch[] = []
  const invoke = vi.fn(async (channel: InvokeChannel, input?: unknown) => {
    switch (channel) {
      case 'settings.get':
        return { ok: true, value: view() }
      case 'settings.save': {
        if (options.refuse) return { ok: false, error: options.refuse }
        const patch = input as SettingsPatch
        saves.push(patch)
        settings = {
          ...settings,
          ...(patch as Partial<AppSettings>),
          notifications: { ...settings.notifications, ...patch.notifications },
        }
        return { ok: true, value: view() }
      }
      case 'settings.chooseLogDir':
        settings = { ...settings, logDir: '/mnt/archive/logs' }
        return { ok: true, value: view() }
      case 'secrets.backend':
        return {
          ok: true,
          value: options.vault ?? {
            kind: 'os-keychain',
            persistent: true,
            secure: true,
            detail: 'gnome_libsecret',
          },
        }
      default:
        return { ok: false, error: { code: 'UNAVAILABLE', message: `${channel} not faked` } }
    }
  })
  const api: Api = { mode: 'browser', invoke: invoke as unknown as Api['invoke'], on: () => () => {} }
  return { api, invoke, saves }
}

function appInfo(mode: 'desktop' | 'browser'): AppInfo {
  return { name: 'Swift to S3', version: '1.2.3', platform: 'linux', mode, versions: { node: '24.0.0' } }
}

function renderSettings(main: ReturnType<typeof fakeMain>, mode: 'desktop' | 'browser' = 'browser') {
  setApi(main.api)
  useAppInfo.setState({ info: appInfo(mode), error: null })
  return render(
    <MantineProvider>
      <Notifications />
      <SettingsScreen />
    </MantineProvider>,
  )
}

beforeEach(() => {
  // Mantine keeps notifications in a store of its own, shared by every render.
  notifications.clean()
  useSettings.setState({ status: 'idle', view: null, error: null, vault: null, vaultError: null })
})

describe('Settings screen', () => {
  it('shows the saved settings, where logs go, how secrets are kept and the version', async () => {
    renderSettings(fakeMain())
    expect(await screen.findByLabelText('Workers in total')).toHaveValue('64')
    expect(screen.getByLabelText('Workers for a new migration')).toHaveValue('16')
    expect(screen.getByLabelText('Bandwidth (MB/s)')).toHaveValue('')
    expect(screen.getByTestId('log-folder')).toHaveTextContent('/data/logs')
    expect(screen.getByTestId('secrets-status')).toHaveTextContent(
      'Secrets are encrypted with the system keychain (gnome_libsecret).',
    )
    expect(screen.getByTestId('about-version')).toHaveTextContent('Swift to S3 1.2.3, browser mode')
  })

  it('saves only what changed and says so', async () => {
    const main = fakeMain()
    renderSettings(main)
    const cap = await screen.findByLabelText('Workers in total')
    await userEvent.clear(cap)
    await userEvent.type(cap, '12')
    await userEvent.type(screen.getByLabelText('Bandwidth (MB/s)'), '2.5')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Settings saved')).toBeInTheDocument()
    expect(main.saves).toEqual([{ globalWorkerCap: 12, globalBandwidthMb: 2.5 }])
    expect(screen.getByText('All changes are saved.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()
  })

  it('names a bad value under its field and saves nothing', async () => {
    const main = fakeMain()
    renderSettings(main)
    const cap = await screen.findByLabelText('Workers in total')
    await userEvent.clear(cap)
    await userEvent.type(cap, '0')
    expect(await screen.findByText('Must be a whole number from 1 to 256')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(main.saves).toEqual([])
    expect(main.invoke).not.toHaveBeenCalledWith('settings.save', expect.anything())
  })

  it('puts main own refusal under the field it names', async () => {
    const main = fakeMain({
      refuse: {
        code: 'VALIDATION',
        message: 'partBudgetMb must be a whole number from 8 to 65536',
        field: 'partBudgetMb',
      },
    })
    renderSettings(main)
    const budget = await screen.findByLabelText('Memory for parts (MiB)')
    await userEvent.clear(budget)
    await userEvent.type(budget, '64')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Must be a whole number from 8 to 65536')).toBeInTheDocument()
    expect(screen.queryByText('Settings saved')).not.toBeInTheDocument()
  })

  it('in browser mode explains where the log folder is instead of offering a dialog', async () => {
    renderSettings(fakeMain())
    await screen.findByTestId('log-folder')
    expect(screen.queryByRole('button', { name: 'Choose folder…' })).not.toBeInTheDocument()
    expect(screen.getByText(/cannot be chosen from this page/)).toBeInTheDocument()
    expect(screen.getByRole('switch', { name: /Start with the system/ })).toBeDisabled()
  })

  it('in the desktop app lets main ask for the log folder', async () => {
    const main = fakeMain({ desktop: true })
    renderSettings(main, 'desktop')
    await userEvent.click(await screen.findByRole('button', { name: 'Choose folder…' }))
    await waitFor(() => expect(screen.getByTestId('log-folder')).toHaveTextContent('/mnt/archive/logs'))
    expect(main.invoke).toHaveBeenCalledWith('settings.chooseLogDir')
    expect(await screen.findByText('Log folder changed')).toBeInTheDocument()
    expect(screen.getByRole('switch', { name: /Start with the system/ })).toBeEnabled()
  })

  it('says plainly when secrets cannot be kept securely', async () => {
    renderSettings(fakeMain({ vault: { kind: 'basic_text', persistent: false, secure: false } }), 'desktop')
    expect(await screen.findByTestId('secrets-status')).toHaveTextContent(
      'This machine has no secure store: secrets are kept for this session only.',
    )
  })

  it('switches the theme between light, dark and the system', async () => {
    renderSettings(fakeMain())
    await userEvent.click(await screen.findByText('Dark'))
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark'))
    await userEvent.click(screen.getByText('Light'))
    await waitFor(() =>
      expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light'),
    )
  })
})
