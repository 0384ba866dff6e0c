import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { FakeFailure, fakeBackend, s3Profile } from './test/fake-backend'
import { renderProfiles } from './test/render'

function input(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label}( \\*)?$`))
}

async function fill(element: HTMLElement, text: string): Promise<void> {
  await userEvent.clear(element)
  await userEvent.click(element)
  await userEvent.paste(text)
}

describe('S3 profile form', { timeout: 20_000 }, () => {
  it('asks for an endpoint for an S3-compatible server and a key id without spaces, sending nothing', async () => {
    const backend = fakeBackend()
    renderProfiles(backend, ['new', 's3'])
    await fill(await screen.findByLabelText(/^Profile name/), 'Ceph')
    await userEvent.click(screen.getByText('S3-compatible (Ceph, MinIO, Swift s3api…)'))
    await fill(input('Access key ID'), 'AKIA EXAMPLE')
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))

    expect(input('Endpoint')).toHaveAccessibleDescription(/Enter the endpoint of the S3-compatible server/)
    expect(input('Access key ID')).toHaveAccessibleDescription(/Must not contain spaces/)
    expect(backend.callsOf('profiles.save')).toEqual([])
  })

  it('puts main’s error about the key id on the Access key ID input', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.save', () => {
      throw new FakeFailure(
        'VALIDATION',
        'S3 profile: credentials.accessKeyId must not contain spaces',
        'record.credentials.accessKeyId',
      )
    })
    renderProfiles(backend, ['new', 's3'])
    await fill(await screen.findByLabelText(/^Profile name/), 'AWS')
    await fill(input('Access key ID'), 'AKIAEXAMPLE')
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() =>
      expect(input('Access key ID')).toHaveAccessibleDescription(/^Must not contain spaces/),
    )
    expect(backend.s3).toEqual([])
  })

  it('shows a taken name as main says it, on the name', async () => {
    const backend = fakeBackend({ s3: [s3Profile()] })
    renderProfiles(backend, ['new', 's3'])
    await fill(await screen.findByLabelText(/^Profile name/), 'archive')
    await fill(input('Access key ID'), 'AKIAEXAMPLE')
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() =>
      expect(input('Profile name')).toHaveAccessibleDescription(
        'A profile named "Archive" already exists; choose another name.',
      ),
    )
    expect(backend.s3.map((p) => p.name)).toEqual(['Archive'])
  })

  it('sends the S3-compatible settings and the typed secret key', async () => {
    const backend = fakeBackend()
    renderProfiles(backend, ['new', 's3'])
    await fill(await screen.findByLabelText(/^Profile name/), 'MinIO')
    await userEvent.click(screen.getByText('S3-compatible (Ceph, MinIO, Swift s3api…)'))
    await fill(input('Endpoint'), 'https://minio.example.com:9000')
    await fill(input('Region'), 'us-east-1')
    await userEvent.click(screen.getByRole('switch', { name: /Path-style addressing/ }))
    await fill(input('Access key ID'), 'minio')
    await fill(input('Secret access key'), 'minio-secret')
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() => expect(backend.callsOf('profiles.save')).toHaveLength(1))
    expect(backend.callsOf('profiles.save')[0]).toEqual({
      kind: 's3',
      record: {
        name: 'MinIO',
        provider: 's3-compatible',
        endpoint: 'https://minio.example.com:9000',
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { type: 'keys', accessKeyId: 'minio' },
      },
      secrets: { secretAccessKey: 'minio-secret' },
    })
  })

  it('fills in an AWS profile’s name, region and endpoint, with no key', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.awsProfiles', () => ({
      profiles: [
        { name: 'default', region: 'eu-west-1', source: 'keys' },
        {
          name: 'wasabi',
          region: 'eu-central-2',
          endpoint: 'https://s3.eu-central-2.wasabisys.com',
          source: 'sso',
        },
      ],
      files: ['~/.aws/config', '~/.aws/credentials'],
    }))
    renderProfiles(backend, ['new', 's3'])
    await userEvent.click(await screen.findByRole('button', { name: 'Use an AWS profile…' }))
    await userEvent.click(await screen.findByLabelText(/wasabi/))
    await userEvent.click(screen.getByRole('button', { name: 'Use this profile' }))

    expect(input('Profile name')).toHaveValue('AWS wasabi')
    expect(input('Endpoint')).toHaveValue('https://s3.eu-central-2.wasabisys.com')
    expect(input('Region')).toHaveValue('eu-central-2')
    expect(input('Credentials')).toHaveValue('aws-profile')
    expect(input('AWS profile name')).toHaveValue('wasabi')
    expect(screen.queryByLabelText(/^Secret access key/)).toBeNull()
    expect(screen.getByText('Filled in from AWS profile wasabi')).toBeInTheDocument()
  })

  it('says when the AWS profiles cannot be read', async () => {
    const backend = fakeBackend()
    backend.answer('profiles.awsProfiles', () => {
      throw new FakeFailure('INTERNAL', 'EACCES: permission denied, open ~/.aws/config')
    })
    renderProfiles(backend, ['new', 's3'])
    await userEvent.click(await screen.findByRole('button', { name: 'Use an AWS profile…' }))
    expect(await screen.findByText('EACCES: permission denied, open ~/.aws/config')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Use this profile' })).toBeDisabled()
  })

  it('warns in red when certificate checks are turned off', async () => {
    renderProfiles(fakeBackend({ s3: [s3Profile()] }), ['edit', 's3', 's3-1'])
    await userEvent.click(await screen.findByRole('button', { name: 'Advanced connection settings' }))
    expect(screen.queryByText('Certificate checks are off')).toBeNull()
    await userEvent.click(screen.getByRole('switch', { name: 'Skip TLS certificate checks (insecure)' }))
    expect(screen.getByText('Certificate checks are off')).toBeInTheDocument()
  })
})
