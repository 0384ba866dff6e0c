import { MantineProvider } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../src-preload/contract/api'
import { App } from './app'
import { setApi } from './ipc/bridge'
import { useNavigation } from './stores/navigation'

/** Answers `app.info` with `result`; the screens' own calls fail, as when the engine has nothing for them. */
function fakeApi(result: Awaited<ReturnType<Api['invoke']>>): Api {
  const invoke = vi.fn(async (channel: string) =>
    channel === 'app.info'
      ? result
      : { ok: false, error: { code: 'UNAVAILABLE', message: 'not in this test' } },
  )
  return { mode: 'browser', invoke: invoke as unknown as Api['invoke'], on: () => () => {} }
}

function renderApp() {
  return render(
    <MantineProvider>
      <App />
    </MantineProvider>,
  )
}

describe('app frame', () => {
  beforeEach(() => {
    window.location.hash = ''
    useNavigation.setState({ screen: 'migrations', path: [] })
  })

  it('shows the six screens in the navigation and the engine version', async () => {
    setApi(
      fakeApi({
        ok: true,
        value: {
          name: 'Swift to S3',
          version: '3.2.1',
          platform: 'linux',
          mode: 'browser',
          versions: { node: '24' },
        },
      }),
    )
    renderApp()
    const nav = screen.getByRole('navigation', { name: 'Main navigation' })
    for (const label of ['Migrations', 'Profiles', 'Schedules', 'History', 'Logs', 'Settings']) {
      expect(nav).toHaveTextContent(label)
    }
    expect(await screen.findByText('Version 3.2.1')).toBeInTheDocument()
    expect(screen.getByText('Browser mode')).toBeInTheDocument()
  })

  it('switches screens from the navigation and records it in the URL', async () => {
    setApi(fakeApi({ ok: false, error: { code: 'UNAVAILABLE', message: 'down' } }))
    renderApp()
    await userEvent.click(screen.getByRole('button', { name: 'Profiles' }))
    expect(screen.getByRole('heading', { name: 'Profiles' })).toBeInTheDocument()
    expect(window.location.hash).toBe('#/profiles')
    expect(screen.getByRole('button', { name: 'Profiles' })).toHaveAttribute('aria-current', 'page')
  })

  it('lets the keyboard skip past the header and the navigation to the screen', async () => {
    setApi(fakeApi({ ok: false, error: { code: 'UNAVAILABLE', message: 'down' } }))
    renderApp()
    await userEvent.tab()
    const skip = screen.getByRole('button', { name: 'Skip to the screen' })
    expect(skip).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(screen.getByRole('main')).toHaveFocus()
  })

  it('says so when the engine cannot be reached', async () => {
    setApi(fakeApi({ ok: false, error: { code: 'UNAVAILABLE', message: 'Lost the connection' } }))
    renderApp()
    expect(await screen.findByText(/Engine unreachable: Lost the connection/)).toBeInTheDocument()
  })
})
