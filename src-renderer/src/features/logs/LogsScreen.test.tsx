import { MantineProvider } from '@mantine/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setApi } from '../../ipc/bridge'
import { heldLines, MAX_PAGES, PAGE_SIZE } from '../../stores/log-pages'
import { showRows, useLogs } from '../../stores/logs'
import { useNavigation } from '../../stores/navigation'
import { LogsScreen } from './LogsScreen'
import { fakeLines, fakeLogsApi, fakeRun } from './test-support'

function renderScreen(route: string[] = []) {
  useNavigation.setState({ screen: 'logs', path: route })
  return render(
    // env="test": no transitions, so menus are there at once.
    <MantineProvider env="test">
      <LogsScreen />
    </MantineProvider>,
  )
}

let fake: ReturnType<typeof fakeLogsApi>

beforeEach(() => {
  useLogs.setState(useLogs.getInitialState(), true)
  fake = fakeLogsApi({
    runs: [fakeRun('new', { name: 'Tonight' }), fakeRun('old', { name: 'Last week', reports: false })],
    lines: { new: fakeLines(5000), old: fakeLines(120) },
  })
  setApi(fake.api)
})

afterEach(() => vi.restoreAllMocks())

const rowsShown = () => screen.getAllByTestId('log-line')
const currentRow = () => rowsShown().find((row) => row.getAttribute('aria-current') === 'true')

describe('Logs screen', () => {
  it('lists the runs newest first and shows the newest run’s log, only the rows in sight', async () => {
    renderScreen()
    const runs = await screen.findAllByTestId('log-run')
    expect(runs.map((r) => within(r).getByText(/Tonight|Last week/).textContent)).toEqual([
      'Tonight',
      'Last week',
    ])
    expect(runs[0]).toHaveAttribute('aria-current', 'true')
    await waitFor(() => expect(rowsShown()[0]).toHaveTextContent('Copied photos/00000.jpg'))
    // 5,000 lines, a few dozen rows in the DOM.
    expect(rowsShown().length).toBeLessThan(60)
    expect(screen.getByTestId('log-status')).toHaveTextContent('new.log · 5,000 lines')
  })

  it('opens the run the route names, and links each run to its own route', async () => {
    renderScreen(['old'])
    await waitFor(() => expect(screen.getByTestId('log-status')).toHaveTextContent('old.log · 120 lines'))
    await userEvent.click(screen.getAllByTestId('log-run')[0]!)
    expect(window.location.hash).toBe('#/logs/new')
  })

  it('filters by level in main: the chosen levels go with every read', async () => {
    renderScreen(['new'])
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0))
    await userEvent.click(screen.getByRole('checkbox', { name: 'INFO' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'DEBUG' }))
    await waitFor(() => expect(screen.getByTestId('log-shown')).toHaveTextContent('500 of 5,000 lines shown'))
    expect(fake.calls('logs.read').at(-1)).toMatchObject({ levels: ['error', 'warn'], from: 0 })
    expect(rowsShown().every((row) => ['error', 'warn'].includes(row.dataset['level'] ?? ''))).toBe(true)
  })

  it('searches after typing pauses, counts the matches and steps through them with Enter', async () => {
    renderScreen(['new'])
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0))
    const box = screen.getByRole('textbox', { name: 'Search the log' })
    await userEvent.type(box, 'PHOTOS/0420')
    await waitFor(() => expect(screen.getByTestId('match-count')).toHaveTextContent('1 of 10 matches'))
    expect(fake.calls('logs.read').some((input) => input['search'] === 'PHOTOS/0420')).toBe(true)
    await userEvent.type(box, '{Enter}')
    await waitFor(() => expect(screen.getByTestId('match-count')).toHaveTextContent('2 of 10 matches'))
    await waitFor(() => expect(currentRow()).toHaveTextContent('photos/04201.jpg'))
    expect(within(currentRow()!).getByText('photos/0420', { selector: 'mark' })).toBeInTheDocument()
  })

  it('jumps to the next error and says when there is none below', async () => {
    renderScreen(['old'])
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0))
    const next = screen.getByRole('button', { name: /Jump to next error/ })
    await userEvent.click(next)
    await waitFor(() => expect(currentRow()).toHaveAttribute('data-row', '49'))
    await userEvent.click(next)
    await userEvent.click(next)
    await waitFor(() => expect(screen.getByTestId('log-notice')).toHaveTextContent('No more errors below.'))
    expect(fake.calls('logs.find').at(-1)).toMatchObject({ target: 'error', direction: 'next', from: 99 })
  })

  it('exports in browser mode by following the one-time download URL main hands out', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderScreen(['new'])
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0))
    await userEvent.click(screen.getByRole('button', { name: 'Export' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Log file (.log)' }))
    await waitFor(() => expect(screen.getByTestId('log-notice')).toHaveTextContent('Downloading run-1.log.'))
    expect(fake.calls('logs.export')).toEqual([{ jobId: 'new', what: 'log' }])
    const link = click.mock.contexts[0] as HTMLAnchorElement
    expect(link.getAttribute('href')).toBe('/files/abc?key=def')
    expect(link.download).toBe('run-1.log')
  })

  it('exports on the desktop through main’s dialog and says where, with reports disabled for a run without', async () => {
    fake = fakeLogsApi({
      runs: [fakeRun('old', { reports: false })],
      lines: { old: fakeLines(10) },
      mode: 'desktop',
    })
    setApi(fake.api)
    renderScreen(['old'])
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0))
    expect(screen.getByRole('button', { name: 'Open summary' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: 'Export' }))
    expect(await screen.findByRole('menuitem', { name: 'Report (CSV)' })).toBeDisabled()
    await userEvent.click(screen.getByRole('menuitem', { name: 'Log file (.log)' }))
    await waitFor(() =>
      expect(screen.getByTestId('log-notice')).toHaveTextContent('Saved the log as copy.log.'),
    )
  })

  it('follows a running job: appended lines arrive through log.appended and the view stays at the end', async () => {
    const lines = fakeLines(300)
    fake = fakeLogsApi({ runs: [fakeRun('live', { state: 'running' })], lines: { live: lines } })
    setApi(fake.api)
    renderScreen(['live'])
    expect(await screen.findByRole('switch', { name: 'Follow' })).toBeChecked()
    await waitFor(() => expect(screen.getByText('300', { selector: 'span' })).toBeInTheDocument())

    lines.push(...fakeLines(20, 300))
    act(() => fake.emit('log.appended', { jobId: 'live', lines: 320, bytes: 320 * 80 }))
    await waitFor(() => expect(screen.getByTestId('log-status')).toHaveTextContent('320 lines'))
    await waitFor(() => expect(screen.getByText('320', { selector: 'span' })).toBeInTheDocument())

    // Scrolling up stops following.
    const view = screen.getByRole('region', { name: 'Log lines' })
    await userEvent.type(view, '{PageUp}')
    expect(screen.getByRole('switch', { name: 'Follow' })).not.toBeChecked()
  })

  it('goes on searching from the top when nothing matches below, and says so', async () => {
    renderScreen(['new'])
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0))
    await userEvent.type(screen.getByRole('region', { name: 'Log lines' }), '{End}')
    await waitFor(() => expect(rowsShown().at(-1)).toHaveTextContent('photos/04999.jpg'))
    await userEvent.type(screen.getByRole('textbox', { name: 'Search the log' }), 'photos/0000{Enter}')
    await waitFor(() => expect(currentRow()).toHaveTextContent('photos/00000.jpg'))
    expect(screen.getByTestId('log-notice')).toHaveTextContent('Search went on from the top.')
    expect(screen.getByTestId('match-count')).toHaveTextContent('1 of 10 matches')
  })

  it('steps one error per click however fast the clicks come', async () => {
    renderScreen(['new'])
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0))
    const next = screen.getByRole('button', { name: /Jump to next error/ })
    act(() => {
      next.click()
      next.click()
      next.click()
    })
    await waitFor(() => expect(currentRow()).toHaveAttribute('data-row', '149'))
  })

  it('shows a run that has not written its log yet, then its lines as they come', async () => {
    const lines: Record<string, ReturnType<typeof fakeLines>> = {}
    fake = fakeLogsApi({
      runs: [fakeRun('queued', { state: 'planning', fileName: null, bytes: null })],
      lines,
    })
    setApi(fake.api)
    renderScreen(['queued'])
    expect(await screen.findByText('No log yet')).toBeInTheDocument()
    lines['queued'] = fakeLines(3)
    act(() => fake.emit('log.appended', { jobId: 'queued', lines: 3, bytes: 240 }))
    await waitFor(() => expect(rowsShown()).toHaveLength(3))
    expect(screen.getByTestId('log-run')).toHaveTextContent('240 bytes')
  })

  it('says so when a run’s log cannot be read', async () => {
    fake = fakeLogsApi({ runs: [fakeRun('gone')], lines: {} })
    setApi(fake.api)
    renderScreen(['gone'])
    expect(await screen.findByText('The log could not be read')).toBeInTheDocument()
  })
})

describe('log pages in memory', () => {
  it('hold a few thousand lines at most while scrolling through a long log', async () => {
    fake = fakeLogsApi({ runs: [fakeRun('big')], lines: { big: fakeLines(40_000) } })
    setApi(fake.api)
    renderScreen(['big'])
    await waitFor(() => expect(useLogs.getState().info?.rows).toBe(40_000))
    for (let row = 0; row < 40_000; row += 1500) {
      showRows(row, row + 30)
      await waitFor(() => expect(useLogs.getState().pages[Math.floor(row / PAGE_SIZE)]).toBeDefined())
      expect(heldLines(useLogs.getState().pages)).toBeLessThanOrEqual(MAX_PAGES * PAGE_SIZE)
    }
  })
})
