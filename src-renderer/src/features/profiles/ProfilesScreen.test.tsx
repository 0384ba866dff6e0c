import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useNavigation } from '../../stores/navigation'
import { FakeFailure, fakeBackend, s3Profile, swiftProfile, TESTED_AT } from './test/fake-backend'
import { renderProfiles } from './test/render'

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

afterEach(() => vi.useRealTimers())

describe('Profiles screen', () => {
  it('guides a first run to add an OpenStack connection and an S3 destination', async () => {
    renderProfiles(fakeBackend())
    const add = await screen.findByRole('button', { name: 'Add your OpenStack connection' })
    expect(screen.getByRole('button', { name: 'Add your S3 destination' })).toBeInTheDocument()
    await userEvent.click(add)
    expect(window.location.hash).toBe('#/profiles/new/swift')
    expect(useNavigation.getState().path).toEqual(['new', 'swift'])
    expect(await screen.findByRole('heading', { name: 'New OpenStack connection' })).toBeInTheDocument()
  })

  it('lists each profile with its kind, endpoint and last test, in two sections', async () => {
    renderProfiles(fakeBackend({ swift: [swiftProfile()], s3: [s3Profile()] }))
    const sources = await screen.findByRole('region', { name: 'OpenStack Swift sources' })
    const destinations = screen.getByRole('region', { name: 'S3 destinations' })
    const swiftRow = await within(sources).findByTestId('profile-row-Production OpenStack')
    expect(swiftRow).toHaveTextContent('Application credential')
    expect(swiftRow).toHaveTextContent('https://keystone.example.com:5000/v3')
    expect(swiftRow).toHaveTextContent('Not tested')
    // No secret stored for it: the list says so.
    expect(swiftRow).toHaveTextContent('No application credential secret stored')
    const s3Row = within(destinations).getByTestId('profile-row-Archive')
    expect(s3Row).toHaveTextContent('S3-compatible · access keys')
    expect(s3Row).toHaveTextContent('https://s3.example.com')
  })

  it('tests a profile from the list and shows each check with the exact failure', async () => {
    const backend = fakeBackend({ swift: [swiftProfile()] })
    backend.scriptTest(() => ({
      ok: false,
      checks: [
        { step: 'secrets', status: 'passed', detail: 'The secrets are in the vault.' },
        {
          step: 'authenticate',
          status: 'failed',
          error: { code: 'AUTH', message: 'Keystone refused the application credential (401 Unauthorized).' },
        },
      ],
    }))
    renderProfiles(backend)
    await userEvent.click(
      await screen.findByRole('button', { name: 'Test connection of Production OpenStack' }),
    )
    expect(await screen.findByTestId('connection-verdict')).toHaveTextContent('Connection failed')
    expect(screen.getByTestId('check-secrets')).toHaveAttribute('data-status', 'passed')
    const failed = screen.getByTestId('check-authenticate')
    expect(failed).toHaveAttribute('data-status', 'failed')
    expect(failed).toHaveTextContent('Keystone refused the application credential (401 Unauthorized).')
    expect(failed).toHaveTextContent('AUTH')
    expect(screen.getByTestId('profile-row-Production OpenStack')).toHaveTextContent(
      'Failed at Authentication',
    )
    expect(backend.callsOf('profiles.test')).toEqual([{ kind: 'swift', id: 'swift-1' }])
  })

  it('shows the last test main kept, after a reload too, with the failure’s message on demand', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse(TESTED_AT) + 2 * 3_600_000 + 60_000)
    const failure = 'No object-store endpoint with interface "public" in region "Atlantis".'
    const backend = fakeBackend({
      swift: [swiftProfile()],
      s3: [s3Profile()],
      tests: {
        'swift-1': {
          at: TESTED_AT,
          ok: false,
          checks: [
            { step: 'secrets', status: 'passed', detail: 'The secrets are in the vault.' },
            { step: 'authenticate', status: 'passed', detail: 'Keystone accepted the password.' },
            {
              step: 'catalog',
              status: 'failed',
              error: { code: 'VALIDATION', message: failure, field: 'region' },
            },
          ],
        },
        's3-1': { at: TESTED_AT, ok: true, checks: [] },
      },
    })
    const { unmount } = renderProfiles(backend)
    const swiftRow = await screen.findByTestId('profile-row-Production OpenStack')
    expect(swiftRow).toHaveTextContent('Failed at Catalog endpoint · 2 h ago')
    expect(screen.getByTestId('profile-row-Archive')).toHaveTextContent('Worked · 2 h ago')
    expect(screen.queryByText('Not tested')).toBeNull()
    // The message: in the button's accessible name, and in the details it opens.
    const details = within(swiftRow).getByRole('button', {
      name: new RegExp(
        `^Last test of Production OpenStack: failed at catalog endpoint \\(.*\\): ${escape(failure)}`,
      ),
    })
    await userEvent.click(details)
    expect(screen.getByTestId('check-catalog')).toHaveTextContent(failure)
    expect(screen.getByTestId('check-catalog')).toHaveTextContent('(field: region)')
    unmount()

    // A reload asks main again: the same result, not "Not tested".
    renderProfiles(backend)
    expect(await screen.findByTestId('profile-row-Production OpenStack')).toHaveTextContent(
      'Failed at Catalog endpoint',
    )
    vi.useRealTimers()
  })

  it('says when the test could not run at all, and that the profile has no result', async () => {
    const backend = fakeBackend({ swift: [swiftProfile()] })
    backend.answer('profiles.test', () => {
      throw new FakeFailure('UNAVAILABLE', 'The engine is not answering.')
    })
    renderProfiles(backend)
    await userEvent.click(
      await screen.findByRole('button', { name: 'Test connection of Production OpenStack' }),
    )
    const row = screen.getByTestId('profile-row-Production OpenStack')
    expect(await within(row).findByText('Could not test')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('The engine is not answering.')
  })

  it('deletes only after the user confirms', async () => {
    const backend = fakeBackend({ swift: [swiftProfile()], s3: [s3Profile()] })
    renderProfiles(backend)
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Archive' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete this profile?' })
    expect(dialog).toHaveTextContent('“Archive” and the secrets stored with it will be deleted')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(backend.callsOf('profiles.delete')).toEqual([])
    expect(screen.getByTestId('profile-row-Archive')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Delete Archive' }))
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Delete this profile?' })).getByRole('button', {
        name: 'Delete profile',
      }),
    )
    await waitFor(() => expect(screen.queryByTestId('profile-row-Archive')).not.toBeInTheDocument())
    expect(backend.callsOf('profiles.delete')).toEqual([{ kind: 's3', id: 's3-1' }])
    expect(screen.getByText('Deleted “Archive”')).toBeInTheDocument()
  })

  it('keeps the profile and shows main’s reason when a delete is refused', async () => {
    const backend = fakeBackend({ s3: [s3Profile()] })
    backend.answer('profiles.delete', () => {
      throw new FakeFailure('CONFLICT', 'The saved migration "Nightly" uses this profile.')
    })
    renderProfiles(backend)
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Archive' }))
    await userEvent.click(screen.getByRole('button', { name: 'Delete profile' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The saved migration "Nightly" uses this profile.',
    )
    expect(screen.getByTestId('profile-row-Archive')).toBeInTheDocument()
  })

  it('duplicates a profile', async () => {
    const backend = fakeBackend({ s3: [s3Profile()] })
    renderProfiles(backend)
    await userEvent.click(await screen.findByRole('button', { name: 'Duplicate Archive' }))
    expect(await screen.findByTestId('profile-row-Archive (copy)')).toBeInTheDocument()
    expect(screen.getByText('Created “Archive (copy)”')).toBeInTheDocument()
  })

  it('says plainly when secrets cannot be stored securely', async () => {
    const backend = fakeBackend()
    backend.setVault({ kind: 'basic_text', persistent: false, secure: false, detail: 'basic_text' })
    renderProfiles(backend)
    expect(await screen.findByTestId('vault-notice')).toHaveTextContent(
      'Secrets cannot be stored securely on this machine',
    )
    // Nothing is offered when main says the question does not arise.
    expect(screen.queryByRole('button', { name: /Store secrets on disk anyway/ })).not.toBeInTheDocument()
  })

  it('stores secrets without a keyring only after the user agrees in a dialog, and can take that back', async () => {
    const backend = fakeBackend()
    backend.setVault({ kind: 'basic_text', persistent: false, secure: false, consentPossible: true })
    renderProfiles(backend)
    await userEvent.click(await screen.findByRole('button', { name: /Store secrets on disk anyway/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Store secrets without a keyring?' })
    expect(dialog).toHaveTextContent('anyone who can read your files can read them')
    await userEvent.click(screen.getByRole('button', { name: 'Store them anyway' }))
    expect(await screen.findByText(/you agreed to store secrets anyway/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Stop storing secrets on disk' }))
    expect(await screen.findByText(/does not write secrets to disk/)).toBeInTheDocument()
  })

  it('says which secret mode browser mode is in', async () => {
    const memory = fakeBackend()
    memory.setVault({ kind: 'memory', persistent: false, secure: true })
    const { unmount } = renderProfiles(memory, [], 'browser')
    expect(await screen.findByTestId('vault-notice')).toHaveTextContent(
      'Browser mode: secrets kept in memory only',
    )
    unmount()

    const encrypted = fakeBackend()
    encrypted.setVault({ kind: 'encrypted-file', persistent: true, secure: true })
    renderProfiles(encrypted, [], 'browser')
    expect(await screen.findByTestId('vault-notice')).toHaveTextContent(
      'Browser mode: secrets encrypted on disk',
    )
  })
})
