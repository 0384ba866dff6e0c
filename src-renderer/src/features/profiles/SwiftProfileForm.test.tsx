import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useNavigation } from '../../stores/navigation'
import { FakeFailure, fakeBackend, swiftProfile } from './test/fake-backend'
import { renderProfiles } from './test/render'

/** The input with this label (a required one's label ends in " *"). */
function input(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label}( \\*)?$`))
}

/** Replaces an input's text in one step (typing letter by letter re-renders the form for each one). */
async function fill(element: HTMLElement, text: string): Promise<void> {
  await userEvent.clear(element)
  await userEvent.click(element)
  await userEvent.paste(text)
}

async function fillNewAppCredential(): Promise<void> {
  await fill(input('Profile name'), 'Prod')
  await fill(input('Keystone URL'), 'https://keystone.example.com:5000/v3')
  await fill(input('Application credential ID'), 'abc123')
  await fill(input('Application credential secret'), 's3cr3t-value')
}

// The forms are large; on a busy two-core machine a test can take several seconds.
describe('Swift profile form', { timeout: 20_000 }, () => {
  it('names each problem on its input and sends nothing', async () => {
    const backend = fakeBackend()
    renderProfiles(backend, ['new', 'swift'])
    await fill(input('Keystone URL'), 'keystone.example.com/v3')
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))

    expect(input('Profile name')).toHaveAccessibleDescription(/Give the profile a name/)
    expect(input('Keystone URL')).toHaveAccessibleDescription(/Must be a URL, e\.g\. https:\/\/keystone/)
    expect(input('Application credential ID')).toHaveAccessibleDescription(
      /Enter the application credential ID/,
    )
    expect(backend.callsOf('profiles.save')).toEqual([])
  })

  it('shows main’s VALIDATION error on the input it names, and saves nothing', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.save', () => {
      throw new FakeFailure(
        'VALIDATION',
        'Swift profile: auth.applicationCredentialId must not be empty',
        'record.auth.applicationCredentialId',
      )
    })
    renderProfiles(backend, ['new', 'swift'])
    await fillNewAppCredential()
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))

    await waitFor(() =>
      expect(input('Application credential ID')).toHaveAccessibleDescription('Must not be empty'),
    )
    expect(input('Keystone URL')).not.toHaveAttribute('aria-invalid', 'true')
    expect(backend.swift).toEqual([])
    expect(useNavigation.getState().path).toEqual(['new', 'swift'])
  })

  it('shows an error for a field the form does not show above the buttons', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.save', () => {
      throw new FakeFailure(
        'VALIDATION',
        'Swift profile: auth.userId is not a known field',
        'record.auth.userId',
      )
    })
    renderProfiles(backend, ['new', 'swift'])
    await fillNewAppCredential()
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Swift profile: auth.userId is not a known field',
    )
  })

  it('saves only the chosen auth kind’s fields with the typed secret, then opens the saved profile', async () => {
    const backend = fakeBackend()
    renderProfiles(backend, ['new', 'swift'])
    await fillNewAppCredential()
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))

    await screen.findByRole('heading', { name: 'Edit Prod' })
    expect(backend.callsOf('profiles.save')).toEqual([
      {
        kind: 'swift',
        record: {
          name: 'Prod',
          auth: {
            type: 'v3applicationcredential',
            authUrl: 'https://keystone.example.com:5000/v3',
            applicationCredentialId: 'abc123',
          },
        },
        secrets: { applicationCredentialSecret: 's3cr3t-value' },
      },
    ])
    expect(window.location.hash).toBe('#/profiles/edit/swift/new-1')
    expect(screen.getByText('Created “Prod”')).toBeInTheDocument()
    // Saved: the secret is now only "Set", and its value is nowhere on the page.
    expect(screen.getByText('Set')).toBeInTheDocument()
    expect(document.body.innerHTML).not.toContain('s3cr3t-value')
    expect(screen.queryByLabelText(/^Application credential secret/, { selector: 'input' })).toBeNull()
  })

  it('shows a stored secret only as set, replaces it when asked, and clears it on save', async () => {
    const backend = fakeBackend({ swift: [swiftProfile()], secrets: ['swift-1:applicationCredentialSecret'] })
    renderProfiles(backend, ['edit', 'swift', 'swift-1'])
    await screen.findByRole('heading', { name: 'Edit Production OpenStack' })
    expect(screen.getByText('Set')).toBeInTheDocument()
    expect(document.querySelector('input[type="password"]')).toBeNull()

    await userEvent.click(screen.getByRole('button', { name: 'Replace application credential secret' }))
    // Focus follows to the new input, so a keyboard user can type at once.
    expect(input('Application credential secret')).toHaveFocus()
    await fill(input('Application credential secret'), 'new-secret')
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(backend.callsOf('profiles.save')).toHaveLength(1))
    expect(backend.callsOf('profiles.save')[0]).toMatchObject({
      secrets: { applicationCredentialSecret: 'new-secret' },
    })
    expect(backend.secrets.get('swift-1:applicationCredentialSecret')).toBe('new-secret')

    await userEvent.click(await screen.findByRole('button', { name: 'Clear application credential secret' }))
    expect(screen.getByText('Cleared when you save')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() =>
      expect(backend.callsOf('secrets.clear')).toEqual([
        { profileId: 'swift-1', field: 'applicationCredentialSecret' },
      ]),
    )
    expect(backend.callsOf('profiles.save')[1]).not.toHaveProperty('secrets')
    expect(backend.secrets.has('swift-1:applicationCredentialSecret')).toBe(false)
    // Back to "not stored": the form offers to type one.
    expect(await screen.findByLabelText(/^Application credential secret/, { selector: 'input' })).toHaveValue(
      '',
    )
  })

  it('shows only the fields of the chosen auth kind', async () => {
    renderProfiles(fakeBackend(), ['new', 'swift'])
    await screen.findByRole('heading', { name: 'New OpenStack connection' })
    expect(input('Application credential ID')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^Project name/)).toBeNull()

    await userEvent.selectOptions(input('Authentication'), 'v3password')
    expect(input('Project name')).toBeInTheDocument()
    expect(input('Password')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^Application credential ID/)).toBeNull()

    await userEvent.selectOptions(input('Authentication'), 'v1')
    expect(input('User')).toBeInTheDocument()
    expect(input('Key')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^Keystone URL/)).toBeNull()

    await userEvent.selectOptions(input('Authentication'), 'preauth')
    expect(input('Storage URL')).toBeInTheDocument()
    expect(input('Auth token')).toBeInTheDocument()
    expect(screen.queryByLabelText(/^Auth URL/)).toBeNull()
  })

  it('saves, then tests, and shows what each check found', async () => {
    const backend = fakeBackend()
    backend.scriptTest(() => ({
      ok: true,
      storageUrl: 'https://swift.example.com/v1/AUTH_x',
      containerCount: 12,
      checks: [
        { step: 'secrets', status: 'passed', detail: 'The secrets are in the vault.' },
        {
          step: 'authenticate',
          status: 'passed',
          detail: 'Keystone accepted the application credential at https://k/v3/auth/tokens.',
        },
        {
          step: 'catalog',
          status: 'passed',
          detail:
            'Catalog service object-store ("swift"), interface public, region RegionOne: https://swift.example.com/v1/AUTH_x.',
        },
        { step: 'containers', status: 'passed', detail: 'The account has 12 containers; the first 5: "a".' },
      ],
    }))
    renderProfiles(backend, ['new', 'swift'])
    await fillNewAppCredential()
    await userEvent.click(screen.getByRole('button', { name: 'Save and test' }))
    expect(await screen.findByTestId('connection-verdict')).toHaveTextContent('Connection works')
    expect(screen.getByTestId('check-catalog')).toHaveTextContent('Catalog endpoint: passed')
    expect(screen.getByTestId('check-catalog')).toHaveTextContent('interface public, region RegionOne')
    expect(screen.getByTestId('check-containers')).toHaveTextContent('The account has 12 containers')
    expect(backend.callsOf('profiles.test')).toEqual([{ kind: 'swift', id: 'new-1' }])
  })

  it('fills the form from an openrc file and saves its secret through the import id', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.import', ({ text }) => {
      expect(text).toContain('OS_AUTH_URL')
      return {
        status: 'imported',
        draft: {
          name: 'demo',
          auth: {
            type: 'v3applicationcredential',
            authUrl: 'https://keystone.example.com:5000/v3',
            applicationCredentialId: 'from-file',
            region: 'RegionOne',
          },
        },
        secrets: [
          { field: 'applicationCredentialSecret', label: 'application credential secret', found: true },
        ],
        importId: '4f0c2d4e-8d7e-4a53-9a5b-8f7e6c1d2b3a',
        source: 'openrc file',
        notes: [
          'The file trusts the CA bundle /etc/ssl/ca.pem. The app does not open paths named in an imported file: choose that file in the CA bundle field.',
        ],
      }
    })
    renderProfiles(backend, ['new', 'swift'])
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }))
    await userEvent.click(screen.getByRole('menuitem', { name: 'An openrc file…' }))
    const file = new File(['export OS_AUTH_URL=https://keystone.example.com:5000/v3\n'], 'openrc.sh')
    await userEvent.upload(screen.getByTestId('swift-import-file'), file)

    expect(await screen.findByText('Imported from openrc file')).toBeInTheDocument()
    expect(input('Application credential ID')).toHaveValue('from-file')
    expect(input('Region')).toHaveValue('RegionOne')
    expect(screen.getByText('Found in the imported file')).toBeInTheDocument()
    expect(screen.getByText(/choose that file in the CA bundle field/)).toBeInTheDocument()
    expect(backend.callsOf('profiles.import')).toEqual([
      { kind: 'openrc', text: 'export OS_AUTH_URL=https://keystone.example.com:5000/v3\n' },
    ])

    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() => expect(backend.callsOf('profiles.save')).toHaveLength(1))
    expect(backend.callsOf('profiles.save')[0]).toEqual({
      kind: 'swift',
      record: {
        name: 'demo',
        auth: {
          type: 'v3applicationcredential',
          authUrl: 'https://keystone.example.com:5000/v3',
          applicationCredentialId: 'from-file',
          region: 'RegionOne',
        },
      },
      importId: '4f0c2d4e-8d7e-4a53-9a5b-8f7e6c1d2b3a',
    })
  })

  it('asks which cloud of a clouds.yaml to import', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.import', ({ cloud }) =>
      cloud === undefined
        ? { status: 'choose-cloud', clouds: ['prod', 'staging'] }
        : {
            status: 'imported',
            draft: {
              name: cloud,
              auth: { type: 'v1', authUrl: 'https://swift.example.com/auth/v1.0', user: 'a:b' },
            },
            secrets: [{ field: 'key', label: 'key', found: false }],
            source: `clouds.yaml: ${cloud}`,
            notes: [],
          },
    )
    renderProfiles(backend, ['new', 'swift'])
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }))
    await userEvent.click(screen.getByRole('menuitem', { name: 'A clouds.yaml file…' }))
    await userEvent.upload(screen.getByTestId('swift-import-file'), new File(['clouds: {}'], 'clouds.yaml'))
    await userEvent.click(await screen.findByLabelText('staging'))
    await userEvent.click(screen.getByRole('button', { name: 'Import staging' }))

    await waitFor(() => expect(input('Profile name')).toHaveValue('staging'))
    expect(input('User')).toHaveValue('a:b')
    expect(screen.getByText('The file has no key: type it below.')).toBeInTheDocument()
    expect(backend.callsOf('profiles.import').map((call) => call.cloud)).toEqual([undefined, 'staging'])
  })

  it('opens the advanced section and marks the input when main rejects an advanced setting', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.save', () => {
      throw new FakeFailure(
        'VALIDATION',
        'Swift profile: proxyUrl must not contain a user name or password: they would be saved in plain text',
        'record.proxyUrl',
      )
    })
    renderProfiles(backend, ['new', 'swift'])
    await fillNewAppCredential()
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() =>
      expect(input('Proxy URL')).toHaveAccessibleDescription(/Must not contain a user name or password/),
    )
    expect(screen.getByRole('button', { name: 'Advanced connection settings' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  })
})
